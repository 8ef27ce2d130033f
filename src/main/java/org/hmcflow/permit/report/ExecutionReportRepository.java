package org.hmcflow.permit.report;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExecutionReportRepository extends JpaRepository<ExecutionReport, Long> {

    List<ExecutionReport> findByPermitIdOrderByDueOnAscIdAsc(Long permitId);

    Optional<ExecutionReport> findByPermitIdAndPeriod(Long permitId, String period);
}
