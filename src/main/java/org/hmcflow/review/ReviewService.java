package org.hmcflow.review;

import static org.hmcflow.review.MultiPartyReviewProcess.CASE_TYPE;
import static org.hmcflow.shared.web.UploadTypes.safeName;
import static org.hmcflow.shared.web.UploadTypes.sha256;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.web.UploadTypes;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The entry of the multi-party review for other capabilities and the web layer: open a review of a case with its
 * parties (the caller's process then calls {@code multi-party-review} with the review's id), read it, give a party's
 * opinion through the API, and the opinion documents uploaded beside the opinion form.
 *
 * <p>Who sees a review: the bureau group that opened it and the departments that are its parties (their reviewers),
 * supervisors and admins. Anyone else is told it does not exist.
 */
@Service
public class ReviewService {

    /** A party to ask: a department by its code, or an expert of the register by id; its deadline rule's name. */
    public record PartyRequest(PartyKind kind, String departmentCode, Long expertId, String slaRule) {

        public static PartyRequest department(String code, String slaRule) {
            return new PartyRequest(PartyKind.DEPARTMENT, code, null, slaRule);
        }

        public static PartyRequest expert(Long expertId, String slaRule) {
            return new PartyRequest(PartyKind.EXPERT, null, expertId, slaRule);
        }
    }

    /**
     * A review to open: what is reviewed (type and id of the case), whose case it is, the bureau group that records the
     * experts' signed opinions, and the parties.
     */
    public record OpenRequest(String subjectType, String subjectRef, Long enterpriseId, String bureauGroup,
                              List<PartyRequest> parties) {
    }

    /** A review and its parties, in the order they were named. */
    public record ReviewDetails(Review review, List<ReviewParty> parties) {
    }

    static final int MAX_PARTIES = 20;

    private final ReviewRepository reviews;
    private final ReviewPartyRepository parties;
    private final OpinionDocumentRepository documents;
    private final ExpertRepository experts;
    private final ExpertConflictRepository conflicts;
    private final DepartmentService departments;
    private final EnterpriseService enterprises;
    private final DeadlineService deadlines;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final Clock clock;
    private final Set<String> allowedUploadTypes;
    private final DataSize maxSize;

    ReviewService(ReviewRepository reviews, ReviewPartyRepository parties, OpinionDocumentRepository documents,
                  ExpertRepository experts, ExpertConflictRepository conflicts, DepartmentService departments,
                  EnterpriseService enterprises, DeadlineService deadlines, Workflow workflow, AuditTrail audit,
                  Clock clock, @Value("${hmc.uploads.allowed-types}") Set<String> allowedUploadTypes,
                  @Value("${hmc.uploads.max-document-size:8MB}") DataSize maxSize) {
        this.reviews = reviews;
        this.parties = parties;
        this.documents = documents;
        this.experts = experts;
        this.conflicts = conflicts;
        this.departments = departments;
        this.enterprises = enterprises;
        this.deadlines = deadlines;
        this.workflow = workflow;
        this.audit = audit;
        this.clock = clock;
        this.allowedUploadTypes = allowedUploadTypes;
        this.maxSize = maxSize;
    }

    /**
     * Opens a review with its parties, each due by its rule from now (working days, config/sla.yaml). Refused with
     * every problem named ({@code parties[i].departmentCode}, {@code parties[i].expertId}): an unknown department or
     * the bureau itself, an unknown or inactive expert, an expert who declared a conflict with the enterprise, a party
     * named twice, no party or too many. The caller has checked that the actor may open it.
     */
    @Transactional
    public Review open(Actor actor, OpenRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.enterpriseId() == null || enterprises.find(request.enterpriseId()).isEmpty()) {
            problems.add(new FieldProblem("enterpriseId", "hmc.validation.unknown-enterprise"));
        }
        if (request.bureauGroup() == null || !departments.exists(request.bureauGroup())) {
            problems.add(new FieldProblem("bureauGroup", "hmc.validation.unknown-department"));
        }
        List<PartyRequest> asked = request.parties() == null ? List.of() : request.parties();
        if (asked.isEmpty()) {
            problems.add(new FieldProblem("parties", "hmc.validation.required"));
        } else if (asked.size() > MAX_PARTIES) {
            problems.add(new FieldProblem("parties", "hmc.validation.rows-too-many", MAX_PARTIES));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            PartyRequest p = asked.get(i);
            String at = "parties[" + i + "].";
            if (p.slaRule() == null || !ruleExists(p.slaRule())) {
                problems.add(new FieldProblem(at + "slaRule", "hmc.validation.review.unknown-rule"));
            }
            if (p.kind() == PartyKind.DEPARTMENT) {
                if (p.departmentCode() == null || !departments.exists(p.departmentCode())
                        || p.departmentCode().equals(request.bureauGroup())) {
                    problems.add(new FieldProblem(at + "departmentCode", "hmc.validation.review.department",
                            String.valueOf(p.departmentCode())));
                } else if (!seen.add("D:" + p.departmentCode())) {
                    problems.add(new FieldProblem(at + "departmentCode", "hmc.validation.review.duplicate-party"));
                }
            } else if (p.kind() == PartyKind.EXPERT) {
                Optional<Expert> expert = p.expertId() == null ? Optional.empty() : experts.findById(p.expertId());
                if (expert.isEmpty()) {
                    problems.add(new FieldProblem(at + "expertId", "hmc.validation.review.unknown-expert"));
                } else if (!expert.get().isActive()) {
                    problems.add(new FieldProblem(at + "expertId", "hmc.validation.review.expert-inactive",
                            expert.get().getName()));
                } else if (request.enterpriseId() != null
                        && conflicts.existsByExpertIdAndEnterpriseId(p.expertId(), request.enterpriseId())) {
                    problems.add(new FieldProblem(at + "expertId", "hmc.validation.review.expert-conflict",
                            expert.get().getName()));
                } else if (!seen.add("E:" + p.expertId())) {
                    problems.add(new FieldProblem(at + "expertId", "hmc.validation.review.duplicate-party"));
                }
            } else {
                problems.add(new FieldProblem(at + "kind", "hmc.validation.required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        Review review = reviews.save(new Review(request.subjectType(), request.subjectRef(), request.enterpriseId(),
                request.bureauGroup(), actor.username(), now));
        List<Map<String, Object>> named = new ArrayList<>();
        for (PartyRequest p : asked) {
            Instant due = deadlines.due(p.slaRule());
            ReviewParty party = parties.save(new ReviewParty(review.getId(), p.kind(), p.departmentCode(), p.expertId(),
                    p.slaRule(), LocalDate.now(clock), due, deadlines.reminderBefore(due, p.slaRule())));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("partyId", party.getId());
            row.put("kind", p.kind().name());
            row.put(p.kind() == PartyKind.DEPARTMENT ? "departmentCode" : "expertId",
                    p.kind() == PartyKind.DEPARTMENT ? p.departmentCode() : p.expertId());
            row.put("dueAt", due.toString());
            named.add(row);
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("subjectType", review.getSubjectType());
        changes.put("subjectRef", review.getSubjectRef());
        changes.put("enterpriseId", review.getEnterpriseId());
        changes.put("parties", named);
        audit.record(CASE_TYPE, review.getId(), "OPENED", actor, null, changes);
        return review;
    }

    /** The latest review of a case, with its parties. No access check: for the capability that owns the case. */
    @Transactional(readOnly = true)
    public Optional<ReviewDetails> ofSubject(String subjectType, String subjectRef) {
        return reviews.findFirstBySubjectTypeAndSubjectRefOrderByIdDesc(subjectType, subjectRef)
                .map(r -> new ReviewDetails(r, parties.findByReviewIdOrderByIdAsc(r.getId())));
    }

    /** A review the actor may see, with its parties. */
    @Transactional(readOnly = true)
    public ReviewDetails details(Actor actor, Long reviewId) {
        Review review = visible(actor, reviewId);
        return new ReviewDetails(review, parties.findByReviewIdOrderByIdAsc(reviewId));
    }

    /**
     * Gives the opinion of the actor's party through the API: the party's open step must be offered to the actor (its
     * department, or the bureau for an expert's signed opinion: then {@code partyId} says which). The completion
     * listener checks the values and records the opinion, exactly as when the form is submitted in Tasklist.
     */
    @Transactional
    public void giveOpinion(Actor actor, Long reviewId, Long partyId, Map<String, Object> values) {
        Review review = visible(actor, reviewId);
        if (review.getState() != Review.State.OPEN) {
            throw new ConflictException("hmc.error.review.closed");
        }
        List<OpenTask> open = workflow.runningInstance(MultiPartyReviewProcess.KEY, reviewId)
                .map(workflow::openTasks).orElse(List.of()).stream()
                .filter(t -> t.key().equals(MultiPartyReviewProcess.TASK_GIVE_OPINION)).toList();
        List<ReviewParty> pending = parties.findByReviewIdOrderByIdAsc(reviewId).stream().filter(ReviewParty::isPending)
                .filter(p -> partyId == null || p.getId().equals(partyId)).toList();
        if (open.isEmpty() || pending.isEmpty()) {
            throw new ConflictException("hmc.error.review.no-opinion-owed");
        }
        for (OpenTask task : open) {
            Object taskParty = workflow.taskVariable(task.id(), MultiPartyReviewProcess.VAR_PARTY_ID);
            boolean owed = pending.stream().anyMatch(p -> taskParty instanceof Number n && p.getId().equals(n.longValue())
                    && groupOf(review, p).equals(actor.departmentCode()));
            if (owed && workflow.mayWork(actor, task)) {
                workflow.complete(task.id(), values, actor);
                return;
            }
        }
        throw new ForbiddenException("hmc.error.not-your-task");
    }

    // --- opinion documents --------------------------------------------------------------------------------------------

    /**
     * Uploads a document of a party's opinion (the expert's signed opinion scan): JPEG, PNG or PDF told by content,
     * at most {@code hmc.uploads.max-document-size}, while the opinion is owed, by who records that party's opinion.
     */
    @Transactional
    public OpinionDocument upload(Actor actor, Long reviewId, Long partyId, String filename, String declaredType,
                                  byte[] content) {
        Review review = visible(actor, reviewId);
        ReviewParty party = party(review, partyId);
        if (!actor.isDepartmentStaff() || !groupOf(review, party).equals(actor.departmentCode())) {
            throw new ForbiddenException("hmc.error.review.not-your-party");
        }
        List<FieldProblem> problems = new ArrayList<>();
        UploadTypes.checkDocument(problems, content, filename, declaredType, allowedUploadTypes, maxSize);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!party.isPending()) {
            throw new ConflictException("hmc.error.review.opinion-recorded");
        }
        OpinionDocument document = documents.save(new OpinionDocument(party.getId(), safeName(filename),
                UploadTypes.sniff(content), content, sha256(content), actor.username(), clock.instant()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("partyId", party.getId());
        changes.put("documentId", document.getId());
        changes.put("filename", document.getFilename());
        changes.put("sha256", document.getSha256());
        audit.record(CASE_TYPE, reviewId, "DOCUMENT_UPLOADED", actor, null, changes);
        return document;
    }

    @Transactional(readOnly = true)
    public List<OpinionDocument> documents(Actor actor, Long reviewId, Long partyId) {
        return documents.findByPartyIdOrderByIdAsc(party(visible(actor, reviewId), partyId).getId());
    }

    @Transactional(readOnly = true)
    public OpinionDocument document(Actor actor, Long reviewId, Long partyId, Long documentId) {
        ReviewParty party = party(visible(actor, reviewId), partyId);
        return documents.findByIdAndPartyId(documentId, party.getId())
                .orElseThrow(() -> new NotFoundException("document " + documentId));
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    /** Who answers for the party: its department, or the bureau that records an expert's signed opinion. */
    static String groupOf(Review review, ReviewParty party) {
        return party.getKind() == PartyKind.DEPARTMENT ? party.getDepartmentCode() : review.getBureauGroup();
    }

    private Review visible(Actor actor, Long reviewId) {
        Review review = reviews.findById(reviewId).orElseThrow(() -> new NotFoundException("review " + reviewId));
        if (actor.is(Role.SUPERVISOR) || actor.is(Role.ADMIN)) {
            return review;
        }
        if (actor.isDepartmentStaff() && actor.departmentCode() != null
                && (actor.departmentCode().equals(review.getBureauGroup())
                || parties.findByReviewIdOrderByIdAsc(reviewId).stream()
                        .anyMatch(p -> actor.departmentCode().equals(p.getDepartmentCode())))) {
            return review;
        }
        throw new NotFoundException("review " + reviewId);
    }

    private ReviewParty party(Review review, Long partyId) {
        return parties.findById(partyId).filter(p -> p.getReviewId().equals(review.getId()))
                .orElseThrow(() -> new NotFoundException("review party " + partyId));
    }

    private boolean ruleExists(String rule) {
        try {
            deadlines.rule(rule);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
