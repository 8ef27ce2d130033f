package org.hmcflow.permit.afterissue;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PermitRenewalRepository extends JpaRepository<PermitRenewal, Long> {

    List<PermitRenewal> findByPermitIdOrderByIdAsc(Long permitId);
}
