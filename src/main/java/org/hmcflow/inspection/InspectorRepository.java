package org.hmcflow.inspection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InspectorRepository extends JpaRepository<Inspector, Long> {

    Optional<Inspector> findByCertificateNo(String certificateNo);

    List<Inspector> findByActiveTrueOrderByIdAsc();
}
