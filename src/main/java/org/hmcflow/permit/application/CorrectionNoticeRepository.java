package org.hmcflow.permit.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CorrectionNoticeRepository extends JpaRepository<CorrectionNotice, Long> {

    List<CorrectionNotice> findByApplicationIdOrderByIdAsc(Long applicationId);
}
