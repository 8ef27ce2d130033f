package org.hmcflow.enforcement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** 罚款 — a fine entered under its legal article, or the computed 按日连续处罚 (环境保护法 Art 59). */
@Entity
@Table(name = "enforcement_penalty")
public class Penalty {

    public enum Kind {
        /** 罚款 — a fine within its article's range. */
        FINE,
        /** 按日连续处罚 — original fine × days the violation continued. */
        DAILY_FINE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false)
    private Long caseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(name = "article_code", nullable = false)
    private String articleCode;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(name = "base_amount")
    private BigDecimal baseAmount;
    private Integer days;
    @Column(name = "from_day")
    private LocalDate fromDay;
    @Column(name = "to_day")
    private LocalDate toDay;
    private String note;
    @Column(name = "decided_by", nullable = false)
    private String decidedBy;
    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected Penalty() {
    }

    static Penalty fine(Long caseId, String articleCode, BigDecimal amount, String note, String by, Instant at) {
        Penalty p = new Penalty();
        p.caseId = caseId;
        p.kind = Kind.FINE;
        p.articleCode = articleCode;
        p.amount = amount;
        p.note = note;
        p.decidedBy = by;
        p.decidedAt = at;
        return p;
    }

    static Penalty daily(Long caseId, DailyFines.Computation c, String note, String by, Instant at) {
        Penalty p = new Penalty();
        p.caseId = caseId;
        p.kind = Kind.DAILY_FINE;
        p.articleCode = EnforcementProcess.ARTICLE_DAILY_FINE;
        p.amount = c.amount();
        p.baseAmount = c.baseAmount();
        p.days = c.days();
        p.fromDay = c.firstDay();
        p.toDay = c.lastDay();
        p.note = note;
        p.decidedBy = by;
        p.decidedAt = at;
        return p;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Kind getKind() { return kind; }
    public String getArticleCode() { return articleCode; }
    public BigDecimal getAmount() { return amount; }
    public BigDecimal getBaseAmount() { return baseAmount; }
    public Integer getDays() { return days; }
    public LocalDate getFromDay() { return fromDay; }
    public LocalDate getToDay() { return toDay; }
    public String getNote() { return note; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
}
