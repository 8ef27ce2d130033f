package org.hmcflow.enforcement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EnforcementCaseRepository extends JpaRepository<EnforcementCase, Long> {

    List<EnforcementCase> findByEnterpriseIdOrderByIdDesc(Long enterpriseId);

    List<EnforcementCase> findAllByOrderByIdDesc();

    List<EnforcementCase> findByInspectionId(Long inspectionId);

    Optional<EnforcementCase> findBySourceAndSourceReference(CaseSource source, String sourceReference);

    @Query("select c from EnforcementCase c where c.decisionPublishedOn is not null and c.decisionPublishedOn <= ?1 order by c.decisionPublishedOn desc, c.id desc")
    List<EnforcementCase> publishedDecisions(LocalDate asOf);
}

interface CaseViolationRepository extends JpaRepository<CaseViolation, Long> {
    List<CaseViolation> findByCaseIdOrderByIdAsc(Long caseId);
}

interface ReinspectionResultRepository extends JpaRepository<ReinspectionResult, Long> {
    List<ReinspectionResult> findByCaseIdOrderByIdAsc(Long caseId);
}

interface PenaltyRepository extends JpaRepository<Penalty, Long> {
    List<Penalty> findByCaseIdOrderByIdAsc(Long caseId);
}

interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {
    List<CaseDocument> findByCaseIdOrderByIdAsc(Long caseId);

    Optional<CaseDocument> findByIdAndCaseId(Long id, Long caseId);
}

interface PoliceTransferRepository extends JpaRepository<PoliceTransfer, Long> {
    List<PoliceTransfer> findByCaseIdOrderByIdAsc(Long caseId);
}
