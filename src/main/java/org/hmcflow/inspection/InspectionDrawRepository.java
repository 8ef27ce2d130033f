package org.hmcflow.inspection;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionDrawRepository extends JpaRepository<InspectionDraw, Long> {

    Optional<InspectionDraw> findByPlanId(Long planId);
}
