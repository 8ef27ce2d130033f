package org.hmcflow.permit.application;

import java.util.List;
import org.hmcflow.shared.workflow.WorkflowBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code ${permitJointReview.departments(applicationId)}}: the collection of the joint review's multi-instance step —
 * the departments whose opinion is still owed, as the technical review named them. Kept in our table, so the process
 * holds no list variable, only each instance's department code.
 */
@Component("permitJointReview")
@WorkflowBean
public class JointReviewDepartments {

    private final JointReviewRepository reviews;

    JointReviewDepartments(JointReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Transactional(readOnly = true)
    public List<String> departments(Long applicationId) {
        return reviews.findByApplicationIdOrderByIdAsc(applicationId).stream().filter(JointReview::isPending)
                .map(JointReview::getDepartmentCode).toList();
    }
}
