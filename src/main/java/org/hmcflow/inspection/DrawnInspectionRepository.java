package org.hmcflow.inspection;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DrawnInspectionRepository extends JpaRepository<DrawnInspection, Long> {

    List<DrawnInspection> findByDrawIdOrderByEnterpriseIdAsc(Long drawId);

    /** Enterprises drawn by periodic plans of {@code year} in draws made before draw {@code beforeDrawId}. */
    @Query("select distinct i.enterpriseId from DrawnInspection i, InspectionDraw d, InspectionPlan p"
            + " where i.drawId = d.id and d.planId = p.id and p.type = org.hmcflow.inspection.PlanType.PERIODIC"
            + " and p.year = :year and d.id < :beforeDrawId")
    List<Long> inspectedUnderPeriodicPlans(int year, long beforeDrawId);

    /** Inspections of draws made from {@code since} up to {@code until}, before draw {@code beforeDrawId}. */
    @Query("select i from DrawnInspection i, InspectionDraw d where i.drawId = d.id and d.drawnAt >= :since"
            + " and d.drawnAt <= :until and d.id < :beforeDrawId")
    List<DrawnInspection> drawnBetween(Instant since, Instant until, long beforeDrawId);
}
