package org.hmcflow.permit.issued;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PermitRepository extends JpaRepository<Permit, Long> {

    Optional<Permit> findByApplicationId(Long applicationId);

    Optional<Permit> findByPermitNumber(String permitNumber);

    List<Permit> findByEnterpriseIdOrderByIdDesc(Long enterpriseId);

    List<Permit> findAllByOrderByIdDesc();

    List<Permit> findByEnterpriseIdOrderByIdAsc(Long enterpriseId);

    @Query("select coalesce(max(p.siteNumber), 0) from Permit p where p.enterpriseId = ?1")
    int highestSiteNumber(Long enterpriseId);
}
