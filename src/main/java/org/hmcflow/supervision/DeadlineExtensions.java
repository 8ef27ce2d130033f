package org.hmcflow.supervision;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.calendar.DeadlineService;
import org.hmcflow.calendar.WorkingDayCalendar;
import org.hmcflow.escalation.Notification;
import org.hmcflow.escalation.NotificationService;
import org.hmcflow.mail.MailOutbox;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.AppUser;
import org.hmcflow.user.Role;
import org.hmcflow.user.UserService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 延期申请 — the responsible party of a deadline item asks for more working days with a reason; a supervisor grants
 * or refuses. A granted extension of a step moves the step's due date and its reminder and overdue timers
 * ({@link Workflow#moveStepDeadline}), so every item of the step moves with it and reads on track again. A case's own
 * deadline (a statutory clock) belongs to its lifecycle, which does not take extensions here: refused with 409.
 * Every request and decision is audited; the requester is told in the app and by e-mail.
 */
@Service
public class DeadlineExtensions {

    /** The audit case type of an item without a case. */
    static final String AUDIT_CASE_TYPE = "deadline-item";

    private final DeadlineItemRepository items;
    private final DeadlineExtensionRepository extensions;
    private final SupervisionProperties properties;
    private final WorkingDayCalendar calendar;
    private final DeadlineService deadlines;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final NotificationService notifications;
    private final MailOutbox mail;
    private final UserService users;
    private final EntityManager entityManager;
    private final SupervisionAccess access;
    private final Clock clock;

    DeadlineExtensions(DeadlineItemRepository items, DeadlineExtensionRepository extensions,
                       SupervisionProperties properties, WorkingDayCalendar calendar, DeadlineService deadlines,
                       Workflow workflow, AuditTrail audit, NotificationService notifications, MailOutbox mail,
                       UserService users, EntityManager entityManager, SupervisionAccess access, Clock clock) {
        this.items = items;
        this.extensions = extensions;
        this.properties = properties;
        this.calendar = calendar;
        this.deadlines = deadlines;
        this.workflow = workflow;
        this.audit = audit;
        this.notifications = notifications;
        this.mail = mail;
        this.users = users;
        this.entityManager = entityManager;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Asks for {@code workingDays} more working days, counted from the item's due day (or from today when it has
     * passed). Only the responsible party: a user of the item's group, or its assignee for a user's item.
     *
     * @throws NotFoundException      no such item, or an enterprise's user asks about another's
     * @throws ForbiddenException     the actor is not the item's party
     * @throws InvalidInputException  working days outside 1..max, reason missing or longer than 500
     * @throws ConflictException      the item is closed, or a request is already open
     */
    @Transactional
    public DeadlineExtension request(Actor actor, Long itemId, Integer workingDays, String reason) {
        DeadlineItem item = visibleItem(actor, itemId);
        if (!isParty(actor, item)) {
            throw new ForbiddenException("hmc.error.extension.not-your-item");
        }
        int max = properties.maxExtensionWorkingDays();
        if (workingDays == null || workingDays < 1 || workingDays > max) {
            throw InvalidInputException.of("workingDays", "hmc.validation.extension.working-days", max);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw InvalidInputException.of("reason", "hmc.validation.extension.reason");
        }
        if (!item.isOpen()) {
            throw new ConflictException("hmc.error.extension.item-closed");
        }
        if (extensions.existsByItemIdAndStatus(itemId, DeadlineExtension.Status.REQUESTED)) {
            throw new ConflictException("hmc.error.extension.already-requested");
        }
        // the item's version goes up with the request: a step completed at the same time (which closes the item)
        // makes one of the two fail as a concurrent change, never a request on a closed item
        entityManager.lock(item, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Instant now = clock.instant();
        DeadlineExtension extension;
        try {
            extension = extensions.saveAndFlush(new DeadlineExtension(itemId, workingDays, why, actor.username(), now,
                    item.getDueAt(), extendedDue(item, workingDays)));
        } catch (DataIntegrityViolationException e) {
            // another request for the item was written at the same time (ux_deadline_extension_open)
            throw new ConflictException("hmc.error.extension.already-requested");
        }
        record(item, "EXTENSION_REQUESTED", actor, why, extension);
        return extension;
    }

    /**
     * Grants an open request: a step's deadline moves to the working days asked for, counted from its due day now (or
     * today, once passed), with its timers; every item of the step follows.
     *
     * @throws ConflictException the request is decided, the item closed or a case's own deadline
     */
    @Transactional
    public DeadlineExtension grant(Actor actor, Long extensionId, String comment) {
        requireDecider(actor);
        if (comment != null && comment.strip().length() > 500) {
            throw InvalidInputException.of("comment", "hmc.validation.extension.comment-length");
        }
        DeadlineExtension extension = openExtension(extensionId);
        DeadlineItem item = items.findById(extension.getItemId()).orElseThrow(() -> new NotFoundException("item"));
        requireDecider(actor, item, extension);
        if (!item.isOpen()) {
            throw new ConflictException("hmc.error.extension.item-closed");
        }
        if (item.getTaskId() == null) {
            // a case's own deadline (e.g. the permit's statutory decision limit) moves only with its lifecycle's rules
            throw new ConflictException("hmc.error.extension.case-deadline");
        }
        Instant newDue = extendedDue(item, extension.getWorkingDays());
        Workflow.MovedDeadline moved = workflow.moveStepDeadline(item.getTaskId(), newDue, deadlines::shiftWithDeadline)
                .orElseThrow(() -> new ConflictException("hmc.error.extension.item-closed"));
        extension.grant(actor.username(), clock.instant(), blankToNull(comment), newDue);
        Map<String, Object> changes = changes(extension);
        changes.put("timersMoved", moved.timersMoved());
        auditRecord(item, "EXTENSION_GRANTED", actor, blankToNull(comment), changes);
        tellRequester(item, extension);
        return extensions.saveAndFlush(extension);
    }

    /**
     * Refuses an open request, with the supervisor's comment (required).
     *
     * @throws InvalidInputException no comment
     * @throws ConflictException     the request is decided
     */
    @Transactional
    public DeadlineExtension refuse(Actor actor, Long extensionId, String comment) {
        requireDecider(actor);
        String why = blankToNull(comment);
        if (why == null || why.length() > 500) {
            throw InvalidInputException.of("comment", "hmc.validation.extension.refusal-comment");
        }
        DeadlineExtension extension = openExtension(extensionId);
        DeadlineItem item = items.findById(extension.getItemId()).orElseThrow(() -> new NotFoundException("item"));
        requireDecider(actor, item, extension);
        extension.refuse(actor.username(), clock.instant(), why);
        record(item, "EXTENSION_REFUSED", actor, why, extension);
        tellRequester(item, extension);
        return extensions.saveAndFlush(extension);
    }

    /** The requester withdraws an open request. */
    @Transactional
    public DeadlineExtension withdraw(Actor actor, Long extensionId) {
        DeadlineExtension extension = extensions.findById(extensionId).orElseThrow(() -> new NotFoundException("extension"));
        DeadlineItem item = visibleItem(actor, extension.getItemId());
        if (!actor.username().equals(extension.getRequestedBy())) {
            throw new ForbiddenException("hmc.error.extension.not-your-request");
        }
        if (!extension.isOpen()) {
            throw new ConflictException("hmc.error.extension.decided");
        }
        extension.withdraw(actor.username(), clock.instant());
        record(item, "EXTENSION_WITHDRAWN", actor, null, extension);
        return extensions.saveAndFlush(extension);
    }

    /** An item's requests, oldest first, with their reasons: for its party, supervisors and admins. */
    @Transactional(readOnly = true)
    public List<DeadlineExtension> history(Actor actor, Long itemId) {
        DeadlineItem item = visibleItem(actor, itemId);
        if (!isParty(actor, item) && !access.maySee(actor, item)) {
            throw new ForbiddenException("hmc.error.extension.not-your-item");
        }
        return extensions.findByItemIdOrderById(itemId);
    }

    /** Who may decide extensions at all: supervisors, admins and department heads (on their department's items). */
    private void requireDecider(Actor actor) {
        if (!access.seesEverything(actor) && !actor.is(Role.HEAD)) {
            throw new ForbiddenException("hmc.error.extension.deciders-only");
        }
    }

    /**
     * Who may decide this request ({@link SupervisionAccess#mayDecideExtension}): a head outside the item's department
     * does not learn of it (404); nobody decides its own request (403).
     */
    private void requireDecider(Actor actor, DeadlineItem item, DeadlineExtension extension) {
        if (!access.maySee(actor, item)) {
            throw new NotFoundException("extension");
        }
        if (!access.mayDecideExtension(actor, item, extension.getRequestedBy())) {
            throw new ForbiddenException("hmc.error.extension.deciders-only");
        }
    }

    /** The item; an enterprise's user never learns of another enterprise's items (404). */
    private DeadlineItem visibleItem(Actor actor, Long itemId) {
        DeadlineItem item = items.findById(itemId).orElseThrow(() -> new NotFoundException("item"));
        if (actor.is(Role.ENTERPRISE) && !isParty(actor, item)
                && (actor.enterpriseId() == null || !actor.enterpriseId().equals(item.getEnterpriseId()))) {
            throw new NotFoundException("item");
        }
        return item;
    }

    /** A user of the item's group (an enterprise's, a department's), or the user a user's item is for. */
    static boolean isParty(Actor actor, DeadlineItem item) {
        if (item.getResponsibleKind() == DeadlineItem.ResponsibleKind.USER) {
            return actor.username().equals(item.getResponsible());
        }
        if (item.getResponsibleKind() == DeadlineItem.ResponsibleKind.ENTERPRISE) {
            return actor.enterpriseId() != null && item.getResponsible().equals("enterprise-" + actor.enterpriseId());
        }
        return actor.groups().contains(item.getResponsible());
    }

    private DeadlineExtension openExtension(Long extensionId) {
        DeadlineExtension extension = extensions.findById(extensionId).orElseThrow(() -> new NotFoundException("extension"));
        if (!extension.isOpen()) {
            throw new ConflictException("hmc.error.extension.decided");
        }
        return extension;
    }

    /** The due date {@code workingDays} working days after the item's due day, or after today once that has passed. */
    private Instant extendedDue(DeadlineItem item, int workingDays) {
        LocalDate today = LocalDate.now(clock);
        LocalDate dueDay = LocalDate.ofInstant(item.getDueAt(), clock.getZone());
        LocalDate from = dueDay.isBefore(today) ? today : dueDay;
        return deadlines.endOf(calendar.plusWorkingDays(from, workingDays));
    }

    private void record(DeadlineItem item, String action, Actor actor, String comment, DeadlineExtension extension) {
        auditRecord(item, action, actor, comment, changes(extension));
    }

    private void auditRecord(DeadlineItem item, String action, Actor actor, String comment, Map<String, Object> changes) {
        if (item.getCaseRef() != null) {
            audit.record(item.getLifecycle(), item.getCaseRef(), action, actor, comment, changes);
        }
        audit.record(AUDIT_CASE_TYPE, item.getId(), action, actor, comment, changes);
    }

    private static Map<String, Object> changes(DeadlineExtension extension) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("extensionId", extension.getId());
        changes.put("itemId", extension.getItemId());
        changes.put("status", extension.getStatus().name());
        changes.put("workingDays", extension.getWorkingDays());
        changes.put("reason", extension.getReason());
        changes.put("oldDue", String.valueOf(extension.getOldDue()));
        changes.put("requestedDue", String.valueOf(extension.getRequestedDue()));
        if (extension.getNewDue() != null) {
            changes.put("newDue", extension.getNewDue().toString());
        }
        return changes;
    }

    private void tellRequester(DeadlineItem item, DeadlineExtension extension) {
        String caseType = item.getCaseRef() != null ? item.getLifecycle() : AUDIT_CASE_TYPE;
        String caseId = item.getCaseRef() != null ? item.getCaseRef() : String.valueOf(item.getId());
        String key = "extension:" + extension.getId() + ":" + extension.getStatus();
        Instant due = extension.getStatus() == DeadlineExtension.Status.GRANTED ? extension.getNewDue() : item.getDueAt();
        notifications.tellUser(key, Notification.Kind.EXTENSION, extension.getRequestedBy(), caseType, caseId,
                item.getStepKey(), due);
        String address = users.find(extension.getRequestedBy()).map(AppUser::getEmail).orElse(null);
        if (address != null && !address.isBlank()) {
            boolean granted = extension.getStatus() == DeadlineExtension.Status.GRANTED;
            String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone()).format(due);
            String subject = (granted ? "【延期已批准】" : "【延期未批准】") + item.getLifecycle() + " " + caseId + " — "
                    + (granted ? "Extension granted: " : "Extension refused: ") + item.getStepKey();
            String body = (granted ? "您的延期申请已批准。\nYour request for more time was granted.\n\n"
                    : "您的延期申请未获批准。\nYour request for more time was refused.\n\n")
                    + "业务 / Lifecycle: " + item.getLifecycle() + "\n案件 / Case: " + caseId
                    + "\n环节 / Step: " + item.getStepKey() + "\n期限 / Due: " + when
                    + "\n申请理由 / Reason: " + extension.getReason()
                    + (extension.getDecisionComment() == null ? "" : "\n审批意见 / Comment: " + extension.getDecisionComment())
                    + "\n\n请登录 HMC-Flow 查看。Please sign in to HMC-Flow.\n";
            mail.enqueue(key, List.of(address), subject, body);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
