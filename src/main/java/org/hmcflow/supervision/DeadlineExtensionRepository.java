package org.hmcflow.supervision;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeadlineExtensionRepository extends JpaRepository<DeadlineExtension, Long> {

    List<DeadlineExtension> findByItemIdOrderById(Long itemId);

    boolean existsByItemIdAndStatus(Long itemId, DeadlineExtension.Status status);

    /**
     * Requests in a status with their items, oldest first, in one statement; a department's only when
     * {@code department} is given (a head's view).
     */
    @Query("select e, i from DeadlineExtension e, DeadlineItem i where i.id = e.itemId and e.status = :status"
            + " and (:department is null or (i.responsibleKind = org.hmcflow.supervision.DeadlineItem.ResponsibleKind.DEPARTMENT"
            + " and i.responsible = :department)) order by e.requestedAt, e.id")
    List<Object[]> findWithItems(@Param("status") DeadlineExtension.Status status,
                                 @Param("department") String department, Pageable page);
}
