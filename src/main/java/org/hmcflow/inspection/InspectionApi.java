package org.hmcflow.inspection;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditEvent;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.Pollutant;
import org.hmcflow.permit.application.ManagementCategory;

/** Request and response bodies of the inspection API. Records, never entities. */
final class InspectionApi {

    private InspectionApi() {
    }

    // ---- registers ----

    @Schema(description = "监管名录条目 — how an enterprise is classified for supervision")
    record ClassificationRequest(
            @Schema(description = "排污许可管理类别: KEY 重点管理, SIMPLIFIED 简化管理, REGISTRATION 排污登记")
            @NotNull ManagementCategory permitCategory,
            @Schema(description = "重点监控企业") @NotNull Boolean keyMonitored,
            @Schema(description = "重金属重点环境风险源") @NotNull Boolean keyRiskSource,
            @Schema(description = "环境信用 (环发〔2013〕150号): GREEN 诚信, BLUE 良好, YELLOW 警示, RED 不良; null = not rated")
            CreditColour creditColour) {

        InspectionRegisterService.Classification toClassification() {
            return new InspectionRegisterService.Classification(permitCategory, keyMonitored, keyRiskSource, creditColour);
        }
    }

    record RegisterEntryView(Long enterpriseId, String uscc, String name, String county, List<Pollutant> keyPollutants,
                             boolean entered, ManagementCategory permitCategory, Boolean keyMonitored,
                             Boolean keyRiskSource, CreditColour creditColour, String updatedBy, Instant updatedAt) {
        static RegisterEntryView of(Enterprise e, SupervisionEntry s) {
            return new RegisterEntryView(e.getId(), e.getUscc(), e.getName(), e.getCounty(), e.getKeyPollutants(),
                    s != null, s == null ? null : s.getPermitCategory(), s == null ? null : s.isKeyMonitored(),
                    s == null ? null : s.isKeyRiskSource(), s == null ? null : s.getCreditColour(),
                    s == null ? null : s.getUpdatedBy(), s == null ? null : s.getUpdatedAt());
        }
    }

    @Schema(description = "执法人员 — an inspector; leave county empty for city-level staff (or to take the department's)")
    record InspectorRequest(@NotBlank @Size(max = 100) String name,
                            @NotBlank @Size(max = 40) String departmentCode,
                            @Size(max = 40) String county,
                            @Schema(description = "执法证号") @NotBlank @Pattern(regexp = "[0-9A-Za-z-]{4,30}") String certificateNo,
                            @Schema(description = "Default true") Boolean active) {

        InspectionRegisterService.InspectorInput toInput() {
            return new InspectionRegisterService.InspectorInput(name, departmentCode, county, certificateNo, active);
        }
    }

    record InspectorView(Long id, String name, String departmentCode, String county, String certificateNo,
                         boolean active, Instant createdAt) {
        static InspectorView of(Inspector i) {
            return new InspectorView(i.getId(), i.getName(), i.getDepartmentCode(), i.getCounty(), i.getCertificateNo(),
                    i.isActive(), i.getCreatedAt());
        }
    }

    @Schema(description = "利害关系 — a declared conflict of interest (回避)")
    record ConflictRequest(@NotNull Long inspectorId, @NotNull Long enterpriseId,
                           @Schema(description = "e.g. 亲属在该企业任职") @NotBlank @Size(max = 300) String reason) {
    }

    record ConflictView(Long id, Long inspectorId, Long enterpriseId, String reason, String declaredBy,
                        Instant declaredAt) {
        static ConflictView of(InspectorConflict c) {
            return new ConflictView(c.getId(), c.getInspectorId(), c.getEnterpriseId(), c.getReason(), c.getDeclaredBy(),
                    c.getDeclaredAt());
        }
    }

    // ---- plans and draws ----

    @Schema(description = "检查计划 — a periodic plan (county required) or a special campaign (city-wide if no county)")
    record PlanRequest(@NotBlank @Size(max = 200) String name,
                       @NotNull PlanType type,
                       @NotNull @Min(2015) @Max(2100) Integer year,
                       @Size(max = 40) String county,
                       @Schema(description = "What is checked, e.g. 偷排漏排、监测弄虚作假、不正常使用污染防治设施")
                       @NotBlank @Size(max = 2000) String scope,
                       @Schema(description = "Only enterprises with one of these key pollutants; empty: all")
                       @Size(max = 14) List<@NotBlank String> scopePollutants,
                       @NotNull LocalDate periodStart,
                       @NotNull LocalDate periodEnd,
                       @Schema(description = "The drawn list is public once this day has passed (e.g. the period's last day)") @NotNull LocalDate publishAfter) {

        InspectionService.PlanInput toInput() {
            return new InspectionService.PlanInput(name, type, year, county, scope, scopePollutants, periodStart,
                    periodEnd, publishAfter);
        }
    }

    record PlanView(Long id, String name, PlanType type, int year, String county, String scope,
                    List<Pollutant> scopePollutants, LocalDate periodStart, LocalDate periodEnd, LocalDate publishAfter,
                    String createdBy, Instant createdAt, boolean drawn) {
        static PlanView of(InspectionPlan p, boolean drawn) {
            return new PlanView(p.getId(), p.getName(), p.getType(), p.getYear(), p.getCounty(), p.getScope(),
                    p.getScopePollutants(), p.getPeriodStart(), p.getPeriodEnd(), p.getPublishAfter(), p.getCreatedBy(),
                    p.getCreatedAt(), drawn);
        }
    }

    @Schema(description = "抽取 — optionally with a seed of your own (e.g. drawn in public); otherwise a random one")
    record DrawRequest(@Min(0) @Max(InspectionService.MAX_SEED) Long seed) {
    }

    record AssignedInspector(Long id, String name, String departmentCode, String certificateNo) {
        static AssignedInspector of(Long id, Map<Long, Inspector> inspectors) {
            Inspector i = inspectors.get(id);
            return i == null ? new AssignedInspector(id, null, null, null)
                    : new AssignedInspector(id, i.getName(), i.getDepartmentCode(), i.getCertificateNo());
        }
    }

    record InspectionView(Long enterpriseId, String enterpriseName, String uscc, String county, Stratum stratum,
                          boolean mandatory, boolean fullIndicatorMonitoring, List<AssignedInspector> inspectors) {
        static InspectionView of(DrawnInspection i, InspectionService.Names names) {
            Enterprise e = names.enterprises().get(i.getEnterpriseId());
            return new InspectionView(i.getEnterpriseId(), e == null ? null : e.getName(), e == null ? null : e.getUscc(),
                    e == null ? null : e.getCounty(), i.getStratum(), i.isMandatory(), i.isFullIndicatorMonitoring(),
                    i.getInspectorIds().stream().map(id -> AssignedInspector.of(id, names.inspectors())).toList());
        }
    }

    record DrawView(Long drawId, Long planId, String algorithm, long seed, String snapshotSha256,
                    String enterpriseRegisterSha256, String inspectorRegisterSha256, String drawnBy, Instant drawnAt,
                    List<InspectionView> inspections) {
        static DrawView of(InspectionService.Drawn d, InspectionService.Names names) {
            InspectionDraw draw = d.draw();
            return new DrawView(draw.getId(), draw.getPlanId(), draw.getAlgorithm(), draw.getSeed(),
                    draw.getSnapshotSha256(), draw.getEnterpriseRegisterSha256(), draw.getInspectorRegisterSha256(),
                    draw.getDrawnBy(), draw.getDrawnAt(),
                    d.inspections().stream().map(i -> InspectionView.of(i, names)).toList());
        }
    }

    record AuditView(Long id, String action, String actor, String actorRole, Instant occurredAt, String comment,
                     String changes, String hash) {
        static AuditView of(AuditEvent e) {
            return new AuditView(e.getId(), e.getAction(), e.getActor(), e.getActorRole(), e.getOccurredAt(),
                    e.getComment(), e.getChanges(), e.getHash());
        }
    }

    // ---- public (一公开) ----

    record PublicInspector(String name, String certificateNo) {
    }

    record PublicInspection(String enterpriseName, String uscc, String county, boolean fullIndicatorMonitoring,
                            List<PublicInspector> inspectors) {
    }

    @Schema(description = "A published plan: what was drawn, by whom, and what anyone needs to check the draw")
    record PublicPlan(Long planId, String name, PlanType type, int year, String county, String scope,
                      LocalDate periodStart, LocalDate periodEnd, LocalDate publishAfter, Instant drawnAt,
                      String algorithm, long seed, String snapshotSha256, List<PublicInspection> inspections) {
        static PublicPlan of(InspectionService.Drawn d, InspectionService.Names names) {
            InspectionPlan p = d.plan();
            List<PublicInspection> list = d.inspections().stream().map(i -> {
                Enterprise e = names.enterprises().get(i.getEnterpriseId());
                return new PublicInspection(e == null ? null : e.getName(), e == null ? null : e.getUscc(),
                        e == null ? null : e.getCounty(), i.isFullIndicatorMonitoring(),
                        i.getInspectorIds().stream().map(names.inspectors()::get).filter(java.util.Objects::nonNull)
                                .map(x -> new PublicInspector(x.getName(), x.getCertificateNo())).toList());
            }).toList();
            return new PublicPlan(p.getId(), p.getName(), p.getType(), p.getYear(), p.getCounty(), p.getScope(),
                    p.getPeriodStart(), p.getPeriodEnd(), p.getPublishAfter(), d.draw().getDrawnAt(),
                    d.draw().getAlgorithm(), d.draw().getSeed(), d.draw().getSnapshotSha256(), list);
        }
    }

    record PublicPlanSummary(Long planId, String name, PlanType type, int year, String county, LocalDate periodStart,
                             LocalDate periodEnd, LocalDate publishAfter, int inspections) {
        static PublicPlanSummary of(InspectionService.Drawn d) {
            InspectionPlan p = d.plan();
            return new PublicPlanSummary(p.getId(), p.getName(), p.getType(), p.getYear(), p.getCounty(),
                    p.getPeriodStart(), p.getPeriodEnd(), p.getPublishAfter(), d.inspections().size());
        }
    }
}
