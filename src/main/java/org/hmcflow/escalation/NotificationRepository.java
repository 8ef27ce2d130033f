package org.hmcflow.escalation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    boolean existsByIdempotencyKey(String key);

    @Query("select n from Notification n where n.recipientUser = ?1 or n.recipientGroup in ?2 order by n.id desc")
    List<Notification> forRecipient(String user, Collection<String> groups, Pageable page);

    List<Notification> findByCaseTypeAndCaseIdOrderByIdAsc(String caseType, String caseId);
}
