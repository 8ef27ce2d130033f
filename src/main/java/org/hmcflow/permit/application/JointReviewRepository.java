package org.hmcflow.permit.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface JointReviewRepository extends JpaRepository<JointReview, Long> {

    List<JointReview> findByApplicationIdOrderByIdAsc(Long applicationId);

    Optional<JointReview> findByApplicationIdAndDepartmentCode(Long applicationId, String departmentCode);
}
