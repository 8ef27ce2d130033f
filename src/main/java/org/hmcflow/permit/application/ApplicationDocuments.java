package org.hmcflow.permit.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hmcflow.audit.AuditTrail;
import org.hmcflow.shared.web.ConflictException;
import org.hmcflow.shared.web.ForbiddenException;
import org.hmcflow.shared.web.InvalidInputException;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.hmcflow.shared.web.NotFoundException;
import org.hmcflow.shared.web.UploadTypes;
import org.hmcflow.shared.workflow.Workflow;
import org.hmcflow.user.Actor;
import org.hmcflow.user.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * 申请材料 — the files of an application: the applicant uploads them (JPEG, PNG or PDF by content, up to
 * {@code hmc.uploads.max-document-size}) while the application is open; one uploaded while a correction notice (补正)
 * is open answers that notice, and the correction step in Tasklist lists it. The holder and the bureau download
 * them; another enterprise does not learn they exist.
 */
@Service
class ApplicationDocuments {

    private static final Set<ApplicationState> OPEN = EnumSet.of(ApplicationState.SUBMITTED,
            ApplicationState.AWAITING_CORRECTION, ApplicationState.UNDER_REVIEW, ApplicationState.REVIEW_CORRECTION,
            ApplicationState.JOINT_REVIEW, ApplicationState.SITE_INSPECTION, ApplicationState.AWAITING_DECISION);

    private final ApplicationDocumentFileRepository files;
    private final CorrectionNoticeRepository notices;
    private final PermitApplicationService applications;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final Clock clock;
    private final Set<String> allowedTypes;
    private final DataSize maxSize;

    ApplicationDocuments(ApplicationDocumentFileRepository files, CorrectionNoticeRepository notices,
                         PermitApplicationService applications, Workflow workflow, AuditTrail audit, Clock clock,
                         @Value("${hmc.uploads.allowed-types}") Set<String> allowedTypes,
                         @Value("${hmc.uploads.max-document-size:8MB}") DataSize maxSize) {
        this.files = files;
        this.notices = notices;
        this.applications = applications;
        this.workflow = workflow;
        this.audit = audit;
        this.clock = clock;
        this.allowedTypes = allowedTypes;
        this.maxSize = maxSize;
    }

    /**
     * Stores a file of the actor's own application, with its audit row.
     *
     * @throws NotFoundException     another enterprise's application
     * @throws ForbiddenException    not the applicant
     * @throws InvalidInputException kind, name, size or content type wrong; every bad field named
     * @throws ConflictException     the application is closed
     */
    @Transactional
    public ApplicationDocumentFile upload(Actor actor, Long applicationId, DocumentKind kind, String filename,
                                          String declaredType, byte[] content) {
        PermitApplication application = applications.visible(actor, applicationId);
        if (!actor.is(Role.ENTERPRISE)) {
            throw new ForbiddenException("hmc.error.enterprises-only-permit");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new FieldProblem("kind", "hmc.validation.required"));
        }
        UploadTypes.checkDocument(problems, content, filename, declaredType, allowedTypes, maxSize);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!OPEN.contains(application.getState())) {
            throw new ConflictException("hmc.error.case-closed", application.getState().name());
        }
        Optional<CorrectionNotice> notice = notices.findByApplicationIdOrderByIdAsc(applicationId).stream()
                .filter(CorrectionNotice::isOpen).reduce((a, b) -> b);
        ApplicationDocumentFile file = files.save(new ApplicationDocumentFile(applicationId, kind,
                notice.map(CorrectionNotice::getId).orElse(null), UploadTypes.safeName(filename),
                UploadTypes.sniff(content), content, UploadTypes.sha256(content), actor.username(), clock.instant()));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("fileId", file.getId());
        changes.put("kind", kind.name());
        changes.put("filename", file.getFilename());
        changes.put("contentType", file.getContentType());
        changes.put("sizeBytes", file.getSizeBytes());
        changes.put("sha256", file.getSha256());
        notice.ifPresent(n -> changes.put("correctionNoticeId", n.getId()));
        audit.record(PermitApplicationProcess.CASE_TYPE, applicationId, "DOCUMENT_UPLOADED", actor, null, changes);
        if (notice.isPresent() && application.getProcessInstanceId() != null) {
            workflow.setVariable(application.getProcessInstanceId(), PermitApplicationProcess.VAR_CORRECTION_DOCUMENTS,
                    files.findByCorrectionNoticeIdOrderByIdAsc(notice.get().getId()).stream()
                            .map(f -> f.getKind().name() + "：" + f.getFilename() + "（SHA-256 " + f.getSha256().substring(0, 12) + "…）")
                            .collect(Collectors.joining("\n")));
        }
        return file;
    }

    @Transactional(readOnly = true)
    public List<ApplicationDocumentFile> list(Actor actor, Long applicationId) {
        return files.findByApplicationIdOrderByIdAsc(applications.visible(actor, applicationId).getId());
    }

    /** A file with its content, for the holder and the bureau. */
    @Transactional(readOnly = true)
    public ApplicationDocumentFile download(Actor actor, Long applicationId, Long fileId) {
        PermitApplication application = applications.visible(actor, applicationId);
        ApplicationDocumentFile file = files.findByIdAndApplicationId(fileId, application.getId())
                .orElseThrow(() -> new NotFoundException("document " + fileId));
        file.getContent();
        return file;
    }
}
