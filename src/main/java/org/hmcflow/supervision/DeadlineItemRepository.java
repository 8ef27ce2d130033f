package org.hmcflow.supervision;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineItemRepository extends JpaRepository<DeadlineItem, Long> {

    List<DeadlineItem> findBySubjectAndClosedAtIsNull(String subject);

    List<DeadlineItem> findBySubjectOrderById(String subject);

    List<DeadlineItem> findByLifecycleAndCaseRefOrderById(String lifecycle, String caseRef);

    List<DeadlineItem> findByTaskIdIsNotNullAndClosedAtIsNull();

    List<DeadlineItem> findByClosedAtIsNullAndSeriouslyOverdueFromGreaterThanEqualOrderById(java.time.Instant from);
}
