package org.hmcflow.inspection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InspectionEvidenceRepository extends JpaRepository<InspectionEvidence, Long> {

    @Query("select new org.hmcflow.inspection.InspectionEvidenceSummary(e.id, e.kind, e.filename, e.contentType, "
            + "e.sizeBytes, e.sha256, e.uploadedBy, e.uploadedAt) from InspectionEvidence e "
            + "where e.inspectionId = ?1 order by e.id")
    List<InspectionEvidenceSummary> summariesOf(Long inspectionId);

    Optional<InspectionEvidence> findByIdAndInspectionId(Long id, Long inspectionId);
}
