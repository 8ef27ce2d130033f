package org.hmcflow.permit.issued;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PermitRecordRepository extends JpaRepository<PermitRecordEntry, Long> {

    List<PermitRecordEntry> findByPermitIdOrderByOccurredAtAscIdAsc(Long permitId);

    boolean existsByIdempotencyKey(String idempotencyKey);
}
