package org.hmcflow.supervision.order;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SupervisionOrderRepository extends JpaRepository<SupervisionOrder, Long> {

    List<SupervisionOrder> findByDeadlineItemIdOrderById(Long deadlineItemId);

    /** Item id and count of its orders in one of the statuses, for the items given: one statement. */
    @Query("select o.deadlineItemId, count(o) from SupervisionOrder o where o.deadlineItemId in :ids"
            + " and o.status in :statuses group by o.deadlineItemId")
    List<Object[]> countByItem(@Param("ids") Collection<Long> ids,
                               @Param("statuses") Collection<SupervisionOrder.Status> statuses);

    List<SupervisionOrder> findByStatusInOrderByDueAtAscIdAsc(Collection<SupervisionOrder.Status> statuses,
                                                              Pageable page);

    List<SupervisionOrder> findByAddresseeAndStatusInOrderByDueAtAscIdAsc(String addressee,
                                                                          Collection<SupervisionOrder.Status> statuses,
                                                                          Pageable page);
}
