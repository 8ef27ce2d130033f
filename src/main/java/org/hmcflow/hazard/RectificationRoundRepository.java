package org.hmcflow.hazard;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RectificationRoundRepository extends JpaRepository<RectificationRound, Long> {

    List<RectificationRound> findByHazardIdOrderByRoundNoAsc(Long hazardId);

    Optional<RectificationRound> findByHazardIdAndRoundNo(Long hazardId, int roundNo);
}
