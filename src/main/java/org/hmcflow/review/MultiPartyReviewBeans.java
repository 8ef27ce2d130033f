package org.hmcflow.review;

import java.util.Date;
import java.util.List;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code ${multiPartyReview...}} in {@code multi-party-review}: the parties still owing an opinion (the collection of
 * the parallel party sub-process), and each party's group, due date and reminder, read from its row — so the process
 * holds no list, only each instance's party id.
 */
@Component("multiPartyReview")
@WorkflowBean
public class MultiPartyReviewBeans {

    private final ReviewRepository reviews;
    private final ReviewPartyRepository parties;

    MultiPartyReviewBeans(ReviewRepository reviews, ReviewPartyRepository parties) {
        this.reviews = reviews;
        this.parties = parties;
    }

    @Transactional(readOnly = true)
    public List<Long> parties(Long reviewId) {
        return parties.findByReviewIdOrderByIdAsc(reviewId).stream().filter(ReviewParty::isPending)
                .map(ReviewParty::getId).toList();
    }

    /** The candidate group of the party's step: its department, or the bureau that records an expert's opinion. */
    @Transactional(readOnly = true)
    public String groupOf(Long partyId) {
        ReviewParty party = party(partyId);
        return ReviewService.groupOf(reviews.findById(party.getReviewId()).orElseThrow(), party);
    }

    @Transactional(readOnly = true)
    public Date dueOf(Long partyId) {
        return Date.from(party(partyId).getDueAt());
    }

    @Transactional(readOnly = true)
    public Date reminderOf(Long partyId) {
        return Date.from(party(partyId).getReminderAt());
    }

    private ReviewParty party(Long partyId) {
        return parties.findById(partyId).orElseThrow(() -> new IllegalStateException("review party " + partyId + " missing"));
    }
}
