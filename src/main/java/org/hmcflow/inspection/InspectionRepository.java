package org.hmcflow.inspection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface InspectionRepository extends JpaRepository<Inspection, Long>, JpaSpecificationExecutor<Inspection> {

    Optional<Inspection> findByDrawnInspectionId(Long drawnInspectionId);

    List<Inspection> findByStateInOrderByDecidedAtDesc(List<InspectionState> states);
}
