package org.hmcflow.inspection;

import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface InspectionPlanRepository extends JpaRepository<InspectionPlan, Long> {

    /** The plan, locked until the end of the transaction: two draws of one plan run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from InspectionPlan p where p.id = :id")
    Optional<InspectionPlan> lockById(Long id);

    /** Plans that have a draw and whose publish-after date is before {@code today}, newest first. */
    @Query("select p from InspectionPlan p where p.publishAfter < :today"
            + " and exists (select d.id from InspectionDraw d where d.planId = p.id) order by p.publishAfter desc, p.id desc")
    List<InspectionPlan> publishedOn(LocalDate today);
}
