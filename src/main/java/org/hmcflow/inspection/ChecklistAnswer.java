package org.hmcflow.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One checklist item answered on site: 符合 / 不符合 / 不适用, with a note (required when not compliant). */
@Embeddable
public class ChecklistAnswer {

    /** The answer to one item. */
    public enum Answer {
        COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE
    }

    @Column(name = "item_code", nullable = false)
    private String itemCode;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Answer answer;
    @Column
    private String note;

    protected ChecklistAnswer() {
    }

    public ChecklistAnswer(String itemCode, Answer answer, String note) {
        this.itemCode = itemCode;
        this.answer = answer;
        this.note = note;
    }

    public String getItemCode() {
        return itemCode;
    }

    public Answer getAnswer() {
        return answer;
    }

    public String getNote() {
        return note;
    }
}
