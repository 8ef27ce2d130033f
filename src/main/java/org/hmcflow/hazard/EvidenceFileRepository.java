package org.hmcflow.hazard;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceFileRepository extends JpaRepository<EvidenceFile, Long> {

    /** Metadata only: the content stays in the database until someone downloads it. */
    @Query("select new org.hmcflow.hazard.EvidenceSummary(e.id, e.roundNo, e.kind, e.pointLabel, e.filename, "
            + "e.contentType, e.sizeBytes, e.sha256, e.uploadedBy, e.uploadedAt) "
            + "from EvidenceFile e where e.hazardId = ?1 order by e.id")
    List<EvidenceSummary> summariesOf(Long hazardId);

    Optional<EvidenceFile> findByIdAndHazardId(Long id, Long hazardId);
}
