package org.hmcflow.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExpertConflictRepository extends JpaRepository<ExpertConflict, Long> {

    List<ExpertConflict> findByExpertIdOrderByIdAsc(Long expertId);

    List<ExpertConflict> findAllByOrderByIdAsc();

    boolean existsByExpertIdAndEnterpriseId(Long expertId, Long enterpriseId);
}
