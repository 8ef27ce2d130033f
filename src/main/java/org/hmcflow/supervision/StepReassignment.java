package org.hmcflow.supervision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 改派 — a supervisor hands an open step to someone else, always with a reason that is written into the case's audit
 * trail: to one user of the step's candidate groups (the step stays offered to its groups; the user now holds it), or
 * to another department, which replaces the department the item is for among the step's candidate groups (its item
 * closes as reassigned, the new department's opens, and a user who held the step lets go of it). A department head
 * may give its own department's steps to one of its department's users, not to another department.
 */
@Service
public class StepReassignment {

    static final int MAX_REASON = 500;
    static final String ITEM_CASE_TYPE = "DEADLINE_ITEM";

    private final DeadlineItemRepository items;
    private final SupervisionAccess access;
    private final SupervisionProperties properties;
    private final Workflow workflow;
    private final UserService users;
    private final DepartmentService departments;
    private final AuditTrail audit;

    StepReassignment(DeadlineItemRepository items, SupervisionAccess access, SupervisionProperties properties,
                     Workflow workflow, UserService users, DepartmentService departments, AuditTrail audit) {
        this.items = items;
        this.access = access;
        this.properties = properties;
        this.workflow = workflow;
        this.users = users;
        this.departments = departments;
        this.audit = audit;
    }

    /** What a supervisor asks for: exactly one of a user and a department, and why. */
    public record Request(String toUser, String toDepartment, String reason) {
    }

    /** What was done: the step, whom it was with and whom it is with now. */
    public record Result(Long itemId, String taskId, String stepKey, String from, String to, String kind) {
    }

    @Transactional
    public Result reassign(Actor actor, Long itemId, Request request) {
        access.requireOverseer(actor);
        DeadlineItem item = access.visible(actor, items.findById(itemId).orElse(null), itemId);
        String reason = request.reason() == null ? "" : request.reason().strip();
        String toUser = blankToNull(request.toUser());
        String toDepartment = blankToNull(request.toDepartment());
        List<FieldProblem> problems = new ArrayList<>();
        if (reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "hmc.validation.required"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "hmc.validation.too-long", MAX_REASON));
        }
        if ((toUser == null) == (toDepartment == null)) {
            problems.add(new FieldProblem(toUser == null ? "toUser" : "toDepartment",
                    "hmc.validation.reassign-one-target"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!item.isOpen()) {
            throw new ConflictException("hmc.error.item-closed");
        }
        if (item.getTaskId() == null) {
            throw new ConflictException("hmc.error.item-not-a-step");
        }
        OpenTask step = workflow.step(item.getTaskId())
                .orElseThrow(() -> new ConflictException("hmc.error.step-gone"));
        return toUser != null ? toUser(actor, item, step, toUser, reason) : toDepartment(actor, item, step, toDepartment, reason);
    }

    private Result toUser(Actor actor, DeadlineItem item, OpenTask step, String username, String reason) {
        Actor target = users.actor(username).orElseThrow(() ->
                InvalidInputException.of("toUser", "hmc.validation.unknown-user", username));
        // a head gives its department's steps to its department's users; a supervisor to a user of any of its groups
        List<String> allowedGroups = access.seesEverything(actor) ? step.candidateGroups() : List.of(item.getResponsible());
        if (step.candidateGroups().isEmpty()) {
            throw new ConflictException("hmc.error.step-has-no-groups");
        }
        if (target.groups().stream().noneMatch(allowedGroups::contains)) {
            throw InvalidInputException.of("toUser", "hmc.validation.user-not-candidate", username,
                    String.join(", ", allowedGroups));
        }
        if (username.equals(step.assignee())) {
            throw new ConflictException("hmc.error.already-assigned", username);
        }
        if (!workflow.assignStep(step.id(), username)) {
            throw new ConflictException("hmc.error.step-gone");
        }
        Map<String, Object> changes = changes(item, step);
        changes.put("assigneeFrom", step.assignee());
        changes.put("assigneeTo", username);
        auditOn(item, "STEP_REASSIGNED", actor, reason, changes);
        return new Result(item.getId(), step.id(), step.key(), step.assignee(), username, "USER");
    }

    private Result toDepartment(Actor actor, DeadlineItem item, OpenTask step, String department, String reason) {
        if (!access.seesEverything(actor)) {
            throw new ForbiddenException("hmc.error.supervisors-only");
        }
        if (item.getResponsibleKind() != DeadlineItem.ResponsibleKind.DEPARTMENT
                || !step.candidateGroups().contains(item.getResponsible())) {
            throw new ConflictException("hmc.error.item-not-a-department-step");
        }
        if (!departments.exists(department)) {
            throw InvalidInputException.of("toDepartment", "hmc.validation.unknown-department", department);
        }
        if (department.equals(item.getResponsible())) {
            throw InvalidInputException.of("toDepartment", "hmc.validation.same-department", department);
        }
        boolean heldByUser = step.assignee() != null;
        // whoever of the old department held the step lets go of it first (an engine call of its own: the group
        // change below is told with the groups it computes, not re-read)
        if (heldByUser && !workflow.assignStep(step.id(), null)) {
            throw new ConflictException("hmc.error.step-gone");
        }
        if (!workflow.moveStepToGroup(step.id(), item.getResponsible(), department)) {
            throw new ConflictException("hmc.error.step-gone");
        }
        Map<String, Object> changes = changes(item, step);
        changes.put("departmentFrom", item.getResponsible());
        changes.put("departmentTo", department);
        if (heldByUser) {
            changes.put("assigneeFrom", step.assignee());
            changes.put("assigneeTo", null);
        }
        auditOn(item, "STEP_MOVED_TO_DEPARTMENT", actor, reason, changes);
        return new Result(item.getId(), step.id(), step.key(), item.getResponsible(), department, "DEPARTMENT");
    }

    private static Map<String, Object> changes(DeadlineItem item, OpenTask step) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("deadlineItem", item.getId());
        changes.put("lifecycle", item.getLifecycle());
        changes.put("case", item.getCaseRef());
        changes.put("step", step.key());
        changes.put("taskId", step.id());
        return changes;
    }

    /** Into the case's own trail where the lifecycle names one, else the item's. */
    private void auditOn(DeadlineItem item, String action, Actor actor, String reason, Map<String, Object> changes) {
        properties.auditCaseType(item.getLifecycle()).filter(type -> item.getCaseRef() != null).ifPresentOrElse(
                type -> audit.record(type, item.getCaseRef(), action, actor, reason, changes),
                () -> audit.record(ITEM_CASE_TYPE, item.getId(), action, actor, reason, changes));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
