package org.hmcflow.audit;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findByCaseTypeAndCaseIdOrderByIdAsc(String caseType, String caseId);

    Slice<AuditEvent> findByIdGreaterThanOrderByIdAsc(Long id, Pageable pageable);
}
