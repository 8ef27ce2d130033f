package org.hmcflow.enforcement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.inspection.ViolationKind;
import org.hmcflow.monitoring.MeasurementRules;
import org.hmcflow.shared.workflow.OpenTask;

/** Request and response bodies of the enforcement API (records, never entities). */
final class EnforcementApi {

    private EnforcementApi() {
    }

    record MeasurementBody(String pollutant, String point, BigDecimal value, String unit, BigDecimal limit,
                           String limitUnit) {
        MeasurementRules.Entry entry() {
            return new MeasurementRules.Entry(pollutant, point, value, unit, limit, limitUnit);
        }
    }

    record ViolationBody(ViolationKind kind, String permitNumber, String description, MeasurementBody measurement) {
    }

    record OpenCaseRequest(Long enterpriseId, List<ViolationBody> violations) {
    }

    record ReinspectionRequest(List<MeasurementBody> results, String comment) {
    }

    record PenaltyRequest(String articleCode, BigDecimal amount, String note) {
    }

    record PoliceTransferRequest(PoliceTransfer.Kind kind, String policeUnit, LocalDate sentOn) {
    }

    /** 移送来源 — where a referred case came from (null for an inspection's findings or a reviewer's filing). */
    record ReferralView(CaseSource sourceType, String sourceReference, String referredBy, String facts) {
        static ReferralView of(EnforcementCase c) {
            return c.getSourceReference() == null ? null
                    : new ReferralView(c.getSource(), c.getSourceReference(), c.getOpenedBy(), c.getReferralFacts());
        }
    }

    record CaseSummary(Long id, String reference, Long enterpriseId, CaseSource source, Long inspectionId,
                       ReferralView referral, CaseState state, Measure proposedMeasure, String proposedGrounds,
                       Measure measure, Instant openedAt, LocalDate closedOn) {
        static CaseSummary of(EnforcementCase c) {
            return new CaseSummary(c.getId(), c.getReference(), c.getEnterpriseId(), c.getSource(), c.getInspectionId(),
                    ReferralView.of(c), c.getState(), c.getProposedMeasure(), c.getProposedGrounds(), c.getMeasure(),
                    c.getOpenedAt(), c.getClosedOn());
        }
    }

    record ViolationView(Long id, ViolationKind kind, String pollutant, String point, BigDecimal measured,
                         BigDecimal limit, String unit, String limitUnit, BigDecimal ratioToLimit, boolean heavyMetal,
                         String permitNumber, String description, Measure measure, String ruleCode, String grounds) {
        static ViolationView of(CaseViolation v) {
            return new ViolationView(v.getId(), v.getKind(), v.getPollutant(), v.getPoint(), v.getMeasured(),
                    v.getLimitValue(), v.getUnit(), v.getLimitUnit(), v.getRatioToLimit(), v.isHeavyMetal(),
                    v.getPermitNumber(), v.getDescription(), v.getMeasure(), v.getRuleCode(), v.getGrounds());
        }
    }

    record ResultView(int round, LocalDate inspectedOn, String pollutant, String point, BigDecimal measured,
                      String unit, BigDecimal limit, String limitUnit, BigDecimal ratioToLimit, boolean exceeds) {
        static ResultView of(ReinspectionResult r) {
            return new ResultView(r.getRoundNo(), r.getInspectedOn(), r.getPollutant(), r.getPoint(), r.getMeasured(),
                    r.getUnit(), r.getLimitValue(), r.getLimitUnit(), r.getRatioToLimit(), r.isExceeds());
        }
    }

    record PenaltyView(Long id, Penalty.Kind kind, String articleCode, BigDecimal amount, BigDecimal baseAmount,
                       Integer days, LocalDate fromDay, LocalDate toDay, String note, String decidedBy,
                       Instant decidedAt) {
        static PenaltyView of(Penalty p) {
            return new PenaltyView(p.getId(), p.getKind(), p.getArticleCode(), p.getAmount(), p.getBaseAmount(),
                    p.getDays(), p.getFromDay(), p.getToDay(), p.getNote(), p.getDecidedBy(), p.getDecidedAt());
        }
    }

    record DocumentView(Long id, String title, String filename, String contentType, long sizeBytes, String sha256,
                        String uploadedBy, Instant uploadedAt) {
        static DocumentView of(CaseDocument d) {
            return new DocumentView(d.getId(), d.getTitle(), d.getFilename(), d.getContentType(), d.getSizeBytes(),
                    d.getSha256(), d.getUploadedBy(), d.getUploadedAt());
        }
    }

    record TransferView(Long id, PoliceTransfer.Kind kind, String policeUnit, LocalDate sentOn,
                        PoliceTransfer.State state, LocalDate answeredOn, String answerNote) {
        static TransferView of(PoliceTransfer t) {
            return new TransferView(t.getId(), t.getKind(), t.getPoliceUnit(), t.getSentOn(), t.getState(),
                    t.getAnsweredOn(), t.getAnswerNote());
        }
    }

    record TaskView(String id, String key, String name, List<String> candidateGroups, Instant created, Instant due) {
        static TaskView of(OpenTask t) {
            return new TaskView(t.id(), t.key(), t.name(), t.candidateGroups(), t.created(), t.due());
        }
    }

    record AuditView(Long id, String action, String actor, String actorRole, String actorDepartment,
                     Instant occurredAt, String comment, String changes) {
        static AuditView of(AuditEvent e) {
            return new AuditView(e.getId(), e.getAction(), e.getActor(), e.getActorRole(), e.getActorDepartment(),
                    e.getOccurredAt(), e.getComment(), e.getChanges());
        }
    }

    /** The running 按日连续处罚 while it runs: original fine × days so far. */
    record DailyFineView(LocalDate since, BigDecimal baseAmount, String baseArticle, int daysSoFar,
                         BigDecimal amountSoFar) {
    }

    record CaseDetail(CaseSummary summary, String measureReason, String orderText, LocalDate decidedOn,
                      LocalDate decisionPublishedOn, Instant planDue, String planText, LocalDate planPublishedOn,
                      Instant rectificationDue, int reinspections, boolean extensionUsed, Integer extensionMonths,
                      DailyFineView dailyFine, LocalDate liftedOn, LocalDate closureProposedOn,
                      String closureDecided, String outcome, boolean blacklisted, List<ViolationView> violations,
                      List<ResultView> reinspectionResults, List<PenaltyView> penalties,
                      List<DocumentView> documents, List<TransferView> policeTransfers, List<TaskView> openTasks,
                      List<AuditView> decisions) {
    }

    /** 公开 — a published decision as the public sees it: no personal data. */
    record PublicDecision(String caseReference, String enterpriseName, Measure measure, LocalDate decidedOn,
                          LocalDate publishedOn, LocalDate rectificationDue, Integer extensionMonths,
                          LocalDate planPublishedOn, String plan, LocalDate liftedOn) {
    }
}
