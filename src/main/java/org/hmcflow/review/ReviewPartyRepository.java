package org.hmcflow.review;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReviewPartyRepository extends JpaRepository<ReviewParty, Long> {

    List<ReviewParty> findByReviewIdOrderByIdAsc(Long reviewId);
}
