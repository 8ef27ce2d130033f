package org.hmcflow.credit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CreditViolationRepository extends JpaRepository<CreditViolation, Long> {
    List<CreditViolation> findByEnterpriseIdOrderByIdAsc(Long enterpriseId);
}

interface BlacklistRepository extends JpaRepository<BlacklistEntry, Long> {
    List<BlacklistEntry> findByDelistedOnIsNullOrderByListedOnDescIdDesc();

    List<BlacklistEntry> findByEnterpriseIdOrderByIdAsc(Long enterpriseId);
}
