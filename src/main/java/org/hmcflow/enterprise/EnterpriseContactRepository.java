package org.hmcflow.enterprise;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnterpriseContactRepository extends JpaRepository<EnterpriseContact, Long> {

    List<EnterpriseContact> findByEnterpriseIdOrderById(Long enterpriseId);

    List<EnterpriseContact> findByEnterpriseIdInAndEmailIsNotNullOrderById(Collection<Long> enterpriseIds);

    long countByEnterpriseId(Long enterpriseId);
}
