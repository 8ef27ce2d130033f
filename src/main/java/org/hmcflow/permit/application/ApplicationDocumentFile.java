package org.hmcflow.permit.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hmcflow.shared.web.StoredFile;

/**
 * 申请材料文件 — a file the applicant uploaded for an application (排污许可管理条例 Arts 7–8): one of the documents it
 * lists, with the filing or with a correction (补正, Art 9), the correction notice it answers. Kept with its SHA-256.
 */
@Entity
@Table(name = "permit_document_file")
class ApplicationDocumentFile extends StoredFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id", nullable = false)
    private Long applicationId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentKind kind;
    @Column(name = "correction_notice_id")
    private Long correctionNoticeId;

    protected ApplicationDocumentFile() {
    }

    ApplicationDocumentFile(Long applicationId, DocumentKind kind, Long correctionNoticeId, String filename,
                            String contentType, byte[] content, String sha256, String uploadedBy, Instant uploadedAt) {
        super(filename, contentType, content, sha256, uploadedBy, uploadedAt);
        this.applicationId = applicationId;
        this.kind = kind;
        this.correctionNoticeId = correctionNoticeId;
    }

    public Long getId() {
        return id;
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public Long getCorrectionNoticeId() {
        return correctionNoticeId;
    }

}
