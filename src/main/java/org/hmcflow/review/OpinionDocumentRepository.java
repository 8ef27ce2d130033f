package org.hmcflow.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface OpinionDocumentRepository extends JpaRepository<OpinionDocument, Long> {

    List<OpinionDocument> findByPartyIdOrderByIdAsc(Long partyId);

    Optional<OpinionDocument> findByIdAndPartyId(Long id, Long partyId);

    boolean existsByPartyId(Long partyId);
}
