package org.hmcflow.hazard;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface HazardRepository extends JpaRepository<Hazard, Long>, JpaSpecificationExecutor<Hazard> {
}
