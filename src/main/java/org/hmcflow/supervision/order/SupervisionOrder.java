package org.hmcflow.supervision.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hmcflow.supervision.DeadlineItem;

/**
 * 督办令 — a supervision order: a supervisor orders the party responsible for a deadline item (期限事项), or another
 * addressee, to act and answer (回复) by a deadline of its own. The answer is accepted (办结) or returned (退回) with a
 * new deadline; the issuer may withdraw (撤回) an open order. The item's lifecycle, case and step are copied when the
 * order is issued, so the order keeps them after the step is done.
 */
@Entity
@Table(name = "supervision_order")
public class SupervisionOrder {

    /** 督办令状态. */
    public enum Status {
        /** 已下达 — issued, the answer is owed. */
        ISSUED,
        /** 已回复 — answered, a supervisor reviews the answer. */
        ANSWERED,
        /** 已退回 — the answer was returned; a new answer is owed by a new deadline. */
        RETURNED,
        /** 已办结 — the answer was accepted. */
        CLOSED,
        /** 已撤回 — withdrawn by its issuer (or an administrator) before it was closed. */
        WITHDRAWN;

        public boolean isOpen() {
            return this != CLOSED && this != WITHDRAWN;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "deadline_item_id", nullable = false)
    private Long deadlineItemId;
    @Column(name = "item_lifecycle", nullable = false)
    private String itemLifecycle;
    @Column(name = "item_case_ref")
    private String itemCaseRef;
    @Column(name = "item_step_key", nullable = false)
    private String itemStepKey;
    @Column(name = "item_step_name")
    private String itemStepName;
    @Column(name = "enterprise_id")
    private Long enterpriseId;
    @Column(nullable = false)
    private String addressee;
    @Enumerated(EnumType.STRING)
    @Column(name = "addressee_kind", nullable = false)
    private DeadlineItem.ResponsibleKind addresseeKind;
    @Column(nullable = false)
    private String comment;
    @Column(name = "working_days")
    private Integer workingDays;
    @Column(name = "due_at", nullable = false)
    private Instant dueAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "issued_by", nullable = false)
    private String issuedBy;
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;
    private String answer;
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "returned_count", nullable = false)
    private int returnedCount;
    @Column(name = "return_comment")
    private String returnComment;
    @Column(name = "closing_comment")
    private String closingComment;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Version
    private long version;

    protected SupervisionOrder() {
    }

    SupervisionOrder(DeadlineItem item, String addressee, DeadlineItem.ResponsibleKind addresseeKind, String comment,
                     Integer workingDays, Instant dueAt, String issuedBy, Instant issuedAt) {
        this.deadlineItemId = item.getId();
        this.itemLifecycle = item.getLifecycle();
        this.itemCaseRef = item.getCaseRef();
        this.itemStepKey = item.getStepKey();
        this.itemStepName = item.getStepName();
        this.enterpriseId = item.getEnterpriseId();
        this.addressee = addressee;
        this.addresseeKind = addresseeKind;
        this.comment = comment;
        this.workingDays = workingDays;
        this.dueAt = dueAt;
        this.status = Status.ISSUED;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
    }

    void answered(String answer, String by, Instant at) {
        this.answer = answer;
        this.answeredBy = by;
        this.answeredAt = at;
        this.status = Status.ANSWERED;
    }

    void returned(String comment, Integer workingDays, Instant newDue) {
        this.returnComment = comment;
        this.workingDays = workingDays;
        this.dueAt = newDue;
        this.returnedCount++;
        this.status = Status.RETURNED;
    }

    void closed(String comment, String by, Instant at) {
        finish(Status.CLOSED, comment, by, at);
    }

    void withdrawn(String reason, String by, Instant at) {
        finish(Status.WITHDRAWN, reason, by, at);
    }

    private void finish(Status status, String comment, String by, Instant at) {
        this.status = status;
        this.closingComment = comment;
        this.closedBy = by;
        this.closedAt = at;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public Long getId() {
        return id;
    }

    public Long getDeadlineItemId() {
        return deadlineItemId;
    }

    public String getItemLifecycle() {
        return itemLifecycle;
    }

    public String getItemCaseRef() {
        return itemCaseRef;
    }

    public String getItemStepKey() {
        return itemStepKey;
    }

    public String getItemStepName() {
        return itemStepName;
    }

    public Long getEnterpriseId() {
        return enterpriseId;
    }

    public String getAddressee() {
        return addressee;
    }

    public DeadlineItem.ResponsibleKind getAddresseeKind() {
        return addresseeKind;
    }

    public String getComment() {
        return comment;
    }

    public Integer getWorkingDays() {
        return workingDays;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getIssuedBy() {
        return issuedBy;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public String getAnswer() {
        return answer;
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public int getReturnedCount() {
        return returnedCount;
    }

    public String getReturnComment() {
        return returnComment;
    }

    public String getClosingComment() {
        return closingComment;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
