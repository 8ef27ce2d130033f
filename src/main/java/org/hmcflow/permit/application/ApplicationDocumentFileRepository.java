package org.hmcflow.permit.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationDocumentFileRepository extends JpaRepository<ApplicationDocumentFile, Long> {

    List<ApplicationDocumentFile> findByApplicationIdOrderByIdAsc(Long applicationId);

    List<ApplicationDocumentFile> findByCorrectionNoticeIdOrderByIdAsc(Long correctionNoticeId);

    Optional<ApplicationDocumentFile> findByIdAndApplicationId(Long id, Long applicationId);
}
