package org.hmcflow.enterprise;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnterpriseRepository extends JpaRepository<Enterprise, Long> {

    Optional<Enterprise> findByUscc(String uscc);

    /** One indexed query (unique constraint uk_enterprise_normalized_name). */
    Optional<Enterprise> findByNormalizedName(String normalizedName);
}
