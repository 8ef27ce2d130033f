package org.hmcflow.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {

    List<DeadlineExtension> findByItemIdOrderById(Long itemId);

    boolean existsByItemIdAndStatus(Long itemId, DeadlineExtension.Status status);
}
