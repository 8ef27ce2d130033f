package org.hmcflow.user;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppUserRepository extends JpaRepository<AppUser, String> {

    List<AppUser> findByDemoTrue();

    List<AppUser> findByEnabledTrue(Sort sort);
}
