package org.hmcflow.permit.afterissue;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PermitChangeRepository extends JpaRepository<PermitChange, Long> {

    List<PermitChange> findByPermitIdOrderByIdAsc(Long permitId);
}
