package org.hmcflow.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    boolean existsByEventKeyAndRecipient(String eventKey, String recipient);

    List<OutboxMessage> findByEventKeyOrderByRecipient(String eventKey);

    List<OutboxMessage> findByProcessInstanceIdOrderById(String processInstanceId);

    @Query("select m.id from OutboxMessage m where m.sentAt is null and m.skippedAt is null and m.heldFor is null and m.attempts < :maxAttempts"
            + " and (m.claimedUntil is null or m.claimedUntil < :now) order by m.id")
    List<Long> due(@Param("now") Instant now, @Param("maxAttempts") int maxAttempts, Pageable page);

    /** Claims a row for one sender until {@code until}; 0 when another sender holds it or it was sent. */
    @Modifying
    @Query("update OutboxMessage m set m.claimedUntil = :until, m.attempts = m.attempts + 1 where m.id = :id"
            + " and m.sentAt is null and m.skippedAt is null and m.heldFor is null and (m.claimedUntil is null or m.claimedUntil < :now)")
    int claim(@Param("id") Long id, @Param("now") Instant now, @Param("until") Instant until);

    @Modifying
    @Query("update OutboxMessage m set m.sentAt = :at, m.lastError = null where m.id = :id")
    int markSent(@Param("id") Long id, @Param("at") Instant at);

    @Modifying
    @Query("update OutboxMessage m set m.lastError = :error, m.claimedUntil = null where m.id = :id")
    int markFailed(@Param("id") Long id, @Param("error") String error);

    @Modifying
    @Query("update OutboxMessage m set m.skippedAt = :at, m.skipReason = :reason, m.claimedUntil = null where m.id = :id")
    int markSkipped(@Param("id") Long id, @Param("at") Instant at, @Param("reason") String reason);

    boolean existsByEventKey(String eventKey);

    /** Held reminders not yet in a digest nor skipped, oldest first. */
    List<OutboxMessage> findByHeldForIsNotNullAndDigestedInIsNullAndSkippedAtIsNullOrderById();

    @Modifying
    @Query("update OutboxMessage m set m.digestedIn = :digest where m.id in :ids")
    int markDigested(@Param("ids") List<Long> ids, @Param("digest") String digest);
}
