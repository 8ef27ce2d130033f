package org.hmcflow.selfinspection;

import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SelfInspectionRepository extends JpaRepository<SelfInspection, Long>, JpaSpecificationExecutor<SelfInspection> {

    boolean existsByEnterpriseIdAndKindAndPeriod(Long enterpriseId, SelfInspectionKind kind, String period);

    @Query("select s.enterpriseId from SelfInspection s where s.kind = :kind and s.period = :period")
    Set<Long> enterpriseIdsFiled(@Param("kind") SelfInspectionKind kind, @Param("period") String period);

    @Query("select s.id from SelfInspection s where s.enterpriseId = :enterpriseId and s.kind = :kind and s.period = :period")
    Optional<Long> idFiled(@Param("enterpriseId") Long enterpriseId, @Param("kind") SelfInspectionKind kind,
                           @Param("period") String period);

    @EntityGraph(attributePaths = "items")
    Optional<SelfInspection> findWithItemsById(Long id);
}
