package org.hmcflow.supervision.order;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupervisionOrderRepository extends JpaRepository<SupervisionOrder, Long> {

    List<SupervisionOrder> findByDeadlineItemIdOrderById(Long deadlineItemId);
}
