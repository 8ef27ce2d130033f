package org.hmcflow.supervision.order;

import static org.hmcflow.supervision.order.SupervisionOrderProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.department.DepartmentService;
import org.hmcflow.enterprise.Enterprise;
import org.hmcflow.enterprise.EnterpriseService;
import org.hmcflow.mail.MailOutbox;
import org.hmcflow.mail.MailRecipients;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.workflow.FormValues;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.supervision.DeadlineItem;
import org.hmcflow.supervision.DeadlineItems;
import org.hmcflow.user.Actor;
import org.hmcflow.user.AppUser;
import org.hmcflow.user.Role;
import org.hmcflow.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办令 — issue an order on a deadline item, read it, answer it, accept or return the answer, withdraw it. Answering
 * and reviewing are the steps of {@code supervision-order}: the API completes them through the {@link Workflow} seam
 * and their completion listeners record the values, exactly as when the forms are submitted in Tasklist.
 *
 * <p>Who may do what is decided in {@link #maySee} (read, and answer when addressed) and {@link #isSupervisor} (issue,
 * review, withdraw): one place each, so department heads can be added later. Two duties stay apart: the issuer does
 * not answer its own order (a supervisor belongs to a department that may be addressed), and who answered does not
 * review the answer.
 */
@Service
public class SupervisionOrderService {

    /** The default period to answer an order, when the supervisor gives none. */
    public static final String SLA_RULE = "supervision.order-answer";
    static final int MAX_COMMENT = 2000;
    static final int MAX_ANSWER = 4000;
    static final int MAX_WORKING_DAYS = 365;

    /** An order to issue: addressee (null: the item's responsible party), working days (null: the rule), comment. */
    public record IssueRequest(String addressee, Integer workingDays, String comment) {
    }

    private final SupervisionOrderRepository orders;
    private final DeadlineItems items;
    private final DeadlineService deadlines;
    private final DepartmentService departments;
    private final EnterpriseService enterprises;
    private final UserService users;
    private final MailOutbox outbox;
    private final MailRecipients recipients;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final Clock clock;

    SupervisionOrderService(SupervisionOrderRepository orders, DeadlineItems items, DeadlineService deadlines,
                            DepartmentService departments, EnterpriseService enterprises, UserService users,
                            MailOutbox outbox, MailRecipients recipients, Workflow workflow, AuditTrail audit,
                            Clock clock) {
        this.orders = orders;
        this.items = items;
        this.deadlines = deadlines;
        this.departments = departments;
        this.enterprises = enterprises;
        this.users = users;
        this.outbox = outbox;
        this.recipients = recipients;
        this.workflow = workflow;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Issues an order on an open item and starts its process. Supervisors and admins only (403); an unknown item is 404,
     * a closed one 409; a blank or long comment, a period outside 1–365 working days or an unknown addressee is 400.
     */
    @Transactional
    public SupervisionOrder issue(Actor actor, Long itemId, IssueRequest request) {
        requireSupervisor(actor);
        DeadlineItem item = items.find(itemId).orElseThrow(() -> new NotFoundException("deadline item " + itemId));
        if (!item.isOpen()) {
            throw new ConflictException("hmc.error.order.item-closed");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String comment = request.comment() == null ? null : request.comment().strip();
        if (comment == null || comment.isEmpty()) {
            problems.add(new FieldProblem("comment", "hmc.validation.required"));
        } else if (comment.length() > MAX_COMMENT) {
            problems.add(new FieldProblem("comment", "hmc.validation.too-long", MAX_COMMENT));
        }
        checkWorkingDays(request.workingDays(), problems);
        Optional<Addressee> addressee = resolve(item, request.addressee());
        if (addressee.isEmpty()) {
            problems.add(new FieldProblem("addressee", "hmc.validation.order.addressee",
                    String.valueOf(request.addressee())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant due = dueIn(request.workingDays());
        SupervisionOrder order = orders.save(new SupervisionOrder(item, addressee.get().name(), addressee.get().kind(),
                comment, request.workingDays(), due, actor.username(), clock.instant()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("deadlineItemId", item.getId());
        changes.put("lifecycle", item.getLifecycle());
        changes.put("caseRef", item.getCaseRef());
        changes.put("stepKey", item.getStepKey());
        changes.put("addressee", order.getAddressee());
        changes.put("workingDays", order.getWorkingDays());
        changes.put("dueAt", due.toString());
        audit.record(CASE_TYPE, order.getId(), "ISSUED", actor, comment, changes);

        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(VAR_ORDER_ID, order.getId());
        variables.put(VAR_DUE, Date.from(due));
        variables.put(VAR_REMINDER, Date.from(deadlines.reminderBefore(due, SLA_RULE)));
        variables.put(VAR_ORDER_SUBJECT, subjectOf(order));
        variables.put(VAR_ORDER_COMMENT, comment);
        if (order.getEnterpriseId() != null) {
            variables.put(VAR_ENTERPRISE_ID, order.getEnterpriseId());
        }
        workflow.startAsApplication(KEY, order.getId(), variables);
        mail(order, "order-issued:" + order.getId(), "【督办令】", "Supervision order",
                "您收到一份督办令，请在期限内办理并回复。\nYou have received a supervision order; act on it and answer by the deadline.",
                comment);
        return order;
    }

    /** An order the actor may see (404 otherwise). */
    @Transactional(readOnly = true)
    public SupervisionOrder get(Actor actor, Long orderId) {
        return visible(actor, orderId);
    }

    /**
     * The orders of an item the actor may see, oldest first. Supervisors and admins see all; anyone else only those
     * addressed to them, and an item with none of those does not exist for them (404).
     */
    @Transactional(readOnly = true)
    public List<SupervisionOrder> ofItem(Actor actor, Long itemId) {
        if (items.find(itemId).isEmpty()) {
            throw new NotFoundException("deadline item " + itemId);
        }
        List<SupervisionOrder> mine = orders.findByDeadlineItemIdOrderById(itemId).stream()
                .filter(o -> maySee(actor, o)).toList();
        if (mine.isEmpty() && !isSupervisor(actor)) {
            throw new NotFoundException("deadline item " + itemId);
        }
        return mine;
    }

    /** Answers an open order through its step: the addressee's users only (others who see it: 403). */
    @Transactional
    public void answer(Actor actor, Long orderId, String answer) {
        SupervisionOrder order = visible(actor, orderId);
        if (order.getStatus() != SupervisionOrder.Status.ISSUED && order.getStatus() != SupervisionOrder.Status.RETURNED) {
            throw new ConflictException("hmc.error.order.no-answer-owed");
        }
        OpenTask task = openTask(order, TASK_ANSWER).orElseThrow(() -> new ConflictException("hmc.error.order.no-answer-owed"));
        if (!workflow.mayWork(actor, task) || actor.username().equals(order.getIssuedBy())) {
            throw new ForbiddenException("hmc.error.not-your-task");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_ANSWER, answer);
        workflow.complete(task.id(), values, actor);
    }

    /**
     * Accepts (closes) an answered order or returns it with a comment and a new period (null: the rule), through the
     * review step. Supervisors and admins only.
     */
    @Transactional
    public void review(Actor actor, Long orderId, boolean accept, String comment, Integer workingDays) {
        SupervisionOrder order = visible(actor, orderId);
        requireSupervisor(actor);
        if (order.getStatus() != SupervisionOrder.Status.ANSWERED) {
            throw new ConflictException("hmc.error.order.not-answered");
        }
        if (!accept && (comment == null || comment.isBlank())) {
            throw InvalidInputException.of("comment", "hmc.validation.required");
        }
        OpenTask task = openTask(order, TASK_REVIEW).orElseThrow(() -> new ConflictException("hmc.error.order.not-answered"));
        if ((!workflow.mayWork(actor, task) && !actor.is(Role.ADMIN)) || actor.username().equals(order.getAnsweredBy())) {
            throw new ForbiddenException("hmc.error.order.own-answer");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(F_DECISION, accept ? DECISION_ACCEPT : DECISION_RETURN);
        values.put(F_REVIEW_COMMENT, comment);
        values.put(F_WORKING_DAYS, workingDays == null ? null : workingDays.longValue());
        workflow.complete(task.id(), values, actor);
    }

    /**
     * Withdraws an open order: its issuer or an admin; ends its process, whose steps' items close as cancelled, and
     * tells the addressee by e-mail.
     */
    @Transactional
    public SupervisionOrder withdraw(Actor actor, Long orderId, String reason) {
        SupervisionOrder order = visible(actor, orderId);
        requireSupervisor(actor);
        if (!actor.is(Role.ADMIN) && !actor.username().equals(order.getIssuedBy())) {
            throw new ForbiddenException("hmc.error.order.issuer-only");
        }
        if (!order.isOpen()) {
            throw new ConflictException("hmc.error.order.not-open");
        }
        String text = reason == null ? null : reason.strip();
        if (text == null || text.isEmpty()) {
            throw InvalidInputException.of("reason", "hmc.validation.required");
        }
        if (text.length() > MAX_COMMENT) {
            throw InvalidInputException.of("reason", "hmc.validation.too-long", MAX_COMMENT);
        }
        order.withdrawn(text, actor.username(), clock.instant());
        audit.record(CASE_TYPE, order.getId(), "WITHDRAWN", actor, text, Map.of("status", order.getStatus().name()));
        workflow.runningInstance(KEY, order.getId())
                .ifPresent(instance -> workflow.correlate(MESSAGE_WITHDRAW, instance, Map.of()));
        mail(order, "order-withdrawn:" + order.getId(), "【督办令撤回】", "Supervision order withdrawn",
                "督办令已撤回，无需再回复。\nThe supervision order was withdrawn; no answer is needed.", text);
        return order;
    }

    // --- the steps, from the completion listeners ---------------------------------------------------------------------

    /** The answer submitted on {@code Task_AnswerOrder}: checked (a problem keeps the step open) and recorded. */
    @Transactional
    void recordAnswer(Long orderId, FormValues values, Actor actor) {
        SupervisionOrder order = order(orderId);
        String answer = values.text(F_ANSWER, true, MAX_ANSWER);
        values.check();
        if (!order.isOpen()) {
            throw new ConflictException("hmc.error.order.not-open");
        }
        // a supervisor of the addressed department does not answer the order it issued (Tasklist offers it the step)
        if (actor.username().equals(order.getIssuedBy())) {
            throw new ForbiddenException("hmc.error.order.own-order");
        }
        order.answered(answer, actor.username(), clock.instant());
        audit.record(CASE_TYPE, order.getId(), "ANSWERED", actor, answer, Map.of("status", order.getStatus().name()));
    }

    /**
     * The review submitted on {@code Task_ReviewAnswer}: accepted closes the order; returned needs a comment and sets a
     * new deadline (the given working days, else the rule). Returns the process variables to set (the new dates).
     */
    @Transactional
    Map<String, Object> recordReview(Long orderId, FormValues values, Actor actor) {
        SupervisionOrder order = order(orderId);
        String decision = values.choice(F_DECISION, List.of(DECISION_ACCEPT, DECISION_RETURN));
        boolean returned = DECISION_RETURN.equals(decision);
        String comment = values.text(F_REVIEW_COMMENT, returned, MAX_COMMENT);
        Integer workingDays = values.integer(F_WORKING_DAYS, false, 1, MAX_WORKING_DAYS);
        values.check();
        if (order.getStatus() != SupervisionOrder.Status.ANSWERED) {
            throw new ConflictException("hmc.error.order.not-answered");
        }
        // who answered does not judge the answer
        if (actor.username().equals(order.getAnsweredBy())) {
            throw new ForbiddenException("hmc.error.order.own-answer");
        }
        if (!returned) {
            order.closed(comment, actor.username(), clock.instant());
            audit.record(CASE_TYPE, order.getId(), "CLOSED", actor, comment, Map.of("status", order.getStatus().name()));
            return Map.of();
        }
        Instant due = dueIn(workingDays);
        order.returned(comment, workingDays, due);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("status", order.getStatus().name());
        changes.put("workingDays", workingDays);
        changes.put("dueAt", due.toString());
        audit.record(CASE_TYPE, order.getId(), "RETURNED", actor, comment, changes);
        mail(order, "order-returned:" + order.getId() + ":" + order.getReturnedCount(), "【督办令退回】",
                "Supervision order returned",
                "您对督办令的回复被退回，请按意见重新办理并回复。\nYour answer to a supervision order was returned; act on the comment and answer again.",
                comment);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(VAR_DUE, Date.from(due));
        variables.put(VAR_REMINDER, Date.from(deadlines.reminderBefore(due, SLA_RULE)));
        return variables;
    }

    /** The candidate groups of the answer step: the addressee's group, none when a user is addressed. */
    @Transactional(readOnly = true)
    List<String> candidateGroupsOf(Long orderId) {
        SupervisionOrder order = order(orderId);
        return order.getAddresseeKind() == DeadlineItem.ResponsibleKind.USER ? List.of() : List.of(order.getAddressee());
    }

    @Transactional(readOnly = true)
    String assigneeOf(Long orderId) {
        SupervisionOrder order = order(orderId);
        return order.getAddresseeKind() == DeadlineItem.ResponsibleKind.USER ? order.getAddressee() : null;
    }

    // --- access -------------------------------------------------------------------------------------------------------

    /**
     * Who may see an order: supervisors and admins every one; anyone else one addressed to them — their department's or
     * enterprise's group, or themselves. (Department heads, who will see their department's orders, go here.)
     */
    static boolean maySee(Actor actor, SupervisionOrder order) {
        if (isSupervisor(actor)) {
            return true;
        }
        return order.getAddresseeKind() == DeadlineItem.ResponsibleKind.USER
                ? actor.username().equals(order.getAddressee())
                : actor.groups().contains(order.getAddressee());
    }

    static boolean isSupervisor(Actor actor) {
        return actor.is(Role.SUPERVISOR) || actor.is(Role.ADMIN);
    }

    private static void requireSupervisor(Actor actor) {
        if (!isSupervisor(actor)) {
            throw new ForbiddenException("hmc.error.order.supervisors-only");
        }
    }

    private SupervisionOrder visible(Actor actor, Long orderId) {
        SupervisionOrder order = orders.findById(orderId).orElseThrow(() -> new NotFoundException("order " + orderId));
        if (!maySee(actor, order)) {
            throw new NotFoundException("order " + orderId);
        }
        return order;
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private record Addressee(String name, DeadlineItem.ResponsibleKind kind) {
    }

    /** The addressee: the item's party when none is named, else an enterprise's group, a department or a user. */
    private Optional<Addressee> resolve(DeadlineItem item, String requested) {
        if (requested == null || requested.isBlank()) {
            return Optional.of(new Addressee(item.getResponsible(), item.getResponsibleKind()));
        }
        String name = requested.strip();
        if (Enterprise.isEnterpriseGroup(name)) {
            try {
                Long id = Long.valueOf(name.substring("enterprise-".length()));
                return enterprises.find(id).map(e -> new Addressee(Enterprise.groupOf(id),
                        DeadlineItem.ResponsibleKind.ENTERPRISE));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (departments.exists(name)) {
            return Optional.of(new Addressee(name, DeadlineItem.ResponsibleKind.DEPARTMENT));
        }
        return users.actor(name).map(a -> new Addressee(a.username(), DeadlineItem.ResponsibleKind.USER));
    }

    private static void checkWorkingDays(Integer workingDays, List<FieldProblem> problems) {
        if (workingDays != null && (workingDays < 1 || workingDays > MAX_WORKING_DAYS)) {
            problems.add(new FieldProblem("workingDays", "hmc.validation.range", 1, MAX_WORKING_DAYS));
        }
    }

    private Instant dueIn(Integer workingDays) {
        return workingDays == null ? deadlines.due(SLA_RULE) : deadlines.dueAfterWorkingDays(workingDays);
    }

    private Optional<OpenTask> openTask(SupervisionOrder order, String key) {
        return workflow.runningInstance(KEY, order.getId()).flatMap(instance -> workflow.openTask(instance, key));
    }

    private SupervisionOrder order(Long orderId) {
        return orders.findById(orderId).orElseThrow(() -> new IllegalStateException("supervision order " + orderId + " missing"));
    }

    static String subjectOf(SupervisionOrder order) {
        return order.getItemLifecycle() + " " + (order.getItemCaseRef() == null ? "" : order.getItemCaseRef()) + " · "
                + (order.getItemStepName() == null ? order.getItemStepKey() : order.getItemStepName());
    }

    /**
     * Queues the mail of an event to the addressee's users with an address (and an enterprise's contacts), Chinese
     * first, then English.
     */
    private void mail(SupervisionOrder order, String eventKey, String tagZh, String tagEn, String lead, String comment) {
        List<String> addresses = order.getAddresseeKind() == DeadlineItem.ResponsibleKind.USER
                ? users.find(order.getAddressee()).filter(AppUser::isEnabled).map(AppUser::getEmail).stream().toList()
                : recipients.addressesOf(List.of(order.getAddressee()));
        if (addresses.isEmpty()) {
            return;
        }
        String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone()).format(order.getDueAt());
        String subject = tagZh + subjectOf(order) + " — " + tagEn + " #" + order.getId();
        String body = lead + "\n\n督办令 / Order: #" + order.getId() + "\n事项 / Item: " + subjectOf(order)
                + "\n意见 / Comment: " + comment + "\n回复期限 / Answer by: " + due
                + "\n\n请登录 HMC-Flow 办理。Please sign in to HMC-Flow.\n";
        outbox.enqueue(eventKey, addresses, subject, body);
    }
}
