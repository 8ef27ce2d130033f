package org.hmcflow.permit.afterissue;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PermitBarRepository extends JpaRepository<PermitBar, Long> {

    /** The bars of the enterprise still running on {@code day}, the longest first. */
    List<PermitBar> findByEnterpriseIdAndBarredUntilGreaterThanEqualOrderByBarredUntilDesc(Long enterpriseId, LocalDate day);
}
