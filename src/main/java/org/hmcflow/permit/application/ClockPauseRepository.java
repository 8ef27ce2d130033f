package org.hmcflow.permit.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClockPauseRepository extends JpaRepository<ClockPause, Long> {

    List<ClockPause> findByApplicationIdOrderByIdAsc(Long applicationId);
}
