package org.hmcflow.permit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClockPauseRepository extends JpaRepository<ClockPause, Long> {

    List<ClockPause> findByApplicationIdOrderByIdAsc(Long applicationId);
}
