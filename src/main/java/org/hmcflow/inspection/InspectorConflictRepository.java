package org.hmcflow.inspection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InspectorConflictRepository extends JpaRepository<InspectorConflict, Long> {

    boolean existsByInspectorIdAndEnterpriseId(Long inspectorId, Long enterpriseId);

    List<InspectorConflict> findByInspectorIdOrderByIdAsc(Long inspectorId);

    List<InspectorConflict> findAllByOrderByIdAsc();
}
