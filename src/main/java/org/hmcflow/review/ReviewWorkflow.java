package org.hmcflow.review;

import static org.hmcflow.review.MultiPartyReviewProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.TaskDeadlineEvent;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.user.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code multi-party-review} does: a party's opinion checked and recorded (an expert's only with
 * its signed document), the review closed with its outcome, and the shared reminder and escalation recorded on the
 * party that is late. Every change is audited on the review and told to the reviewed case's owner
 * ({@link ReviewChanged}).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ReviewWorkflow {

    private final ReviewRepository reviews;
    private final ReviewPartyRepository parties;
    private final OpinionDocumentRepository documents;
    private final ExpertRepository experts;
    private final DepartmentService departments;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    ReviewWorkflow(ReviewRepository reviews, ReviewPartyRepository parties, OpinionDocumentRepository documents,
                   ExpertRepository experts, DepartmentService departments, ApplicationEventPublisher events,
                   AuditTrail audit, Clock clock) {
        this.reviews = reviews;
        this.parties = parties;
        this.documents = documents;
        this.experts = experts;
        this.departments = departments;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * 审查意见 — a party's opinion: agree, agree with conditions or disagree; the conditions or the reasons are required
     * unless it simply agrees. An expert's opinion is the signed one the bureau records: who signed, on which day (not
     * in the future, not before the request) and at least one document uploaded beside the form.
     */
    public void giveOpinion(Long partyId, FormValues form, Actor actor) {
        ReviewParty party = party(partyId);
        Review review = review(party.getReviewId());
        String opinion = form.choice(F_OPINION, Arrays.stream(Opinion.values()).map(Enum::name).toList());
        String text = form.text(F_OPINION_TEXT, opinion != null && !Opinion.AGREE.name().equals(opinion), 4000);
        String signedBy = actor.displayName();
        LocalDate signedOn = LocalDate.now(clock);
        if (party.getKind() == PartyKind.EXPERT) {
            signedBy = form.text(F_SIGNED_BY, true, 100);
            signedOn = form.date(F_SIGNED_ON, true);
            if (signedOn != null && (signedOn.isAfter(LocalDate.now(clock)) || signedOn.isBefore(party.getRequestedOn()))) {
                form.reject(F_SIGNED_ON, "hmc.validation.review.signed-on");
            }
            if (!documents.existsByPartyId(partyId)) {
                form.reject(F_DOCUMENTS, "hmc.validation.review.signed-document");
            }
        }
        if (!party.isPending()) {
            form.reject(F_OPINION, "hmc.validation.review.already-given");
        }
        form.check();
        party.give(Opinion.valueOf(opinion), text, signedBy, signedOn, actor.username(), clock.instant());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("partyId", party.getId());
        changes.put("kind", party.getKind().name());
        changes.put("departmentCode", party.getDepartmentCode());
        changes.put("expertId", party.getExpertId());
        changes.put("opinion", opinion);
        changes.put("signedBy", signedBy);
        changes.put("signedOn", signedOn.toString());
        changes.put("documents", documents.findByPartyIdOrderByIdAsc(partyId).stream().map(OpinionDocument::getId).toList());
        changes.put("late", party.isLate());
        audit.record(CASE_TYPE, review.getId(), "OPINION_RECORDED", actor, text, changes);
        events.publishEvent(ReviewChanged.of(ReviewChanged.Kind.OPINION_RECORDED, review, party, actor));
    }

    /** 审查结束 — every party answered: the review closes with the outcome of their opinions, which it returns. */
    public ReviewOutcome close(Long reviewId) {
        Review review = review(reviewId);
        List<ReviewParty> all = parties.findByReviewIdOrderByIdAsc(reviewId);
        if (all.stream().anyMatch(ReviewParty::isPending)) {
            throw new IllegalStateException("review " + reviewId + " still waits for an opinion");
        }
        review.close(ReviewOutcome.of(all.stream().map(ReviewParty::getOpinion).toList()), clock.instant());
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("outcome", review.getOutcome().name());
        changes.put("lateParties", all.stream().filter(ReviewParty::isLate).map(ReviewParty::getId).toList());
        audit.record(CASE_TYPE, reviewId, "CLOSED", AuditTrail.SYSTEM, null, changes);
        events.publishEvent(ReviewChanged.closed(review, AuditTrail.SYSTEM));
        return review.getOutcome();
    }

    /**
     * The shared reminder or escalation fired for a party's step: the parties still owing an opinion that the step is
     * offered to and that are due when it is, are reminded, or marked late.
     */
    @EventListener
    void on(TaskDeadlineEvent event) {
        if (!KEY.equals(event.processKey()) || event.caseId() == null) {
            return;
        }
        Review review = review(Long.valueOf(event.caseId()));
        boolean overdue = event.kind() == Notification.Kind.ESCALATION;
        for (ReviewParty party : parties.findByReviewIdOrderByIdAsc(review.getId())) {
            if (!party.isPending() || !event.candidateGroups().contains(ReviewService.groupOf(review, party))
                    || (event.due() != null && !event.due().equals(party.getDueAt()))) {
                continue;
            }
            if (overdue) {
                party.markLate();
            }
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("partyId", party.getId());
            changes.put("group", ReviewService.groupOf(review, party));
            changes.put("dueAt", party.getDueAt().toString());
            audit.record(CASE_TYPE, review.getId(), overdue ? "PARTY_OVERDUE" : "PARTY_REMINDED", AuditTrail.SYSTEM,
                    null, changes);
            events.publishEvent(ReviewChanged.of(overdue ? ReviewChanged.Kind.PARTY_OVERDUE
                    : ReviewChanged.Kind.PARTY_REMINDED, review, party, AuditTrail.SYSTEM));
        }
    }

    /** The party as its opinion form shows it: "市经信局 / ..." or the expert's name, title and organisation. */
    public String partyName(Long partyId) {
        ReviewParty party = party(partyId);
        if (party.getKind() == PartyKind.DEPARTMENT) {
            return departments.find(party.getDepartmentCode()).map(d -> d.getNameZh() + " / " + d.getNameEn())
                    .orElse(party.getDepartmentCode());
        }
        return experts.findById(party.getExpertId()).map(e -> e.getName() + "（" + e.getTitle() + "，" + e.getOrganisation() + "）")
                .orElse(String.valueOf(party.getExpertId()));
    }

    /** The kind of the party, for the opinion form (an expert's needs who signed and when). */
    public PartyKind kindOf(Long partyId) {
        return party(partyId).getKind();
    }

    /** What is reviewed, for the opinion form: subject type and id. */
    public String subjectOf(Long partyId) {
        Review review = review(party(partyId).getReviewId());
        return review.getSubjectType() + " " + review.getSubjectRef();
    }

    private ReviewParty party(Long partyId) {
        return parties.findById(partyId).orElseThrow(() -> new IllegalStateException("review party " + partyId + " missing"));
    }

    private Review review(Long reviewId) {
        return reviews.findById(reviewId).orElseThrow(() -> new IllegalStateException("review " + reviewId + " missing"));
    }
}
