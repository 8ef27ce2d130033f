package org.hmcflow.permit.application;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface PermitApplicationRepository extends JpaRepository<PermitApplication, Long>,
        JpaSpecificationExecutor<PermitApplication> {

    java.util.List<PermitApplication> findByReplacesPermitIdOrderByIdAsc(Long permitId);

    java.util.List<PermitApplication> findByStateInOrderByIdAsc(java.util.Collection<ApplicationState> states);
}
