package org.hmcflow.supervision;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SavedFilterRepository extends JpaRepository<SavedFilter, Long> {

    List<SavedFilter> findByOwnerOrderByName(String owner);

    Optional<SavedFilter> findByIdAndOwner(Long id, String owner);

    boolean existsByOwnerAndName(String owner, String name);

    long countByOwner(String owner);
}
