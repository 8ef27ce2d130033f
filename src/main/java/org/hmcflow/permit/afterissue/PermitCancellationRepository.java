package org.hmcflow.permit.afterissue;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PermitCancellationRepository extends JpaRepository<PermitCancellation, Long> {

    List<PermitCancellation> findByPermitIdOrderByIdAsc(Long permitId);
}
