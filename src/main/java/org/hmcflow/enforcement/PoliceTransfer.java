package org.hmcflow.enforcement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** 案件移送 — a case sent to the police, tracked until they accept or refuse it. */
@Entity
@Table(name = "enforcement_police_transfer")
public class PoliceTransfer {

    /** What the police are asked to take up. */
    public enum Kind {
        /** 行政拘留 — administrative detention (环境保护法 Art 63). */
        ADMINISTRATIVE_DETENTION,
        /** 涉嫌环境犯罪 — a suspected environmental crime (刑法 Art 338). */
        CRIMINAL
    }

    public enum State {
        SENT, ACCEPTED, REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false)
    private Long caseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "police_unit", nullable = false)
    private String policeUnit;
    @Column(name = "sent_on", nullable = false)
    private LocalDate sentOn;
    @Column(name = "sent_by", nullable = false)
    private String sentBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;
    @Column(name = "answered_on")
    private LocalDate answeredOn;
    @Column(name = "answer_note")
    private String answerNote;

    protected PoliceTransfer() {
    }

    PoliceTransfer(Long caseId, Kind kind, String policeUnit, LocalDate sentOn, String sentBy) {
        this.caseId = caseId;
        this.kind = kind;
        this.policeUnit = policeUnit;
        this.sentOn = sentOn;
        this.sentBy = sentBy;
        this.state = State.SENT;
    }

    void answered(State answer, LocalDate on, String note) {
        this.state = answer;
        this.answeredOn = on;
        this.answerNote = note;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Kind getKind() { return kind; }
    public String getPoliceUnit() { return policeUnit; }
    public LocalDate getSentOn() { return sentOn; }
    public String getSentBy() { return sentBy; }
    public State getState() { return state; }
    public LocalDate getAnsweredOn() { return answeredOn; }
    public String getAnswerNote() { return answerNote; }
}
