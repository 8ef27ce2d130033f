package org.hmcflow.inspection;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** 现场证据 — a photo, document or sampling record (采样记录) taken during an inspection. */
@Entity
@Table(name = "inspection_evidence")
public class InspectionEvidence {

    /** What the file is. */
    public enum Kind {
        /** 现场照片. */
        PHOTO,
        /** 书证 — a document (ledger page, manifest, record). */
        DOCUMENT,
        /** 采样记录 — a sampling record. */
        SAMPLING_RECORD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "inspection_id", nullable = false)
    private Long inspectionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(nullable = false)
    private String filename;
    @Column(name = "content_type", nullable = false)
    private String contentType;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false)
    private String sha256;
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected InspectionEvidence() {
    }

    InspectionEvidence(Long inspectionId, Kind kind, String filename, String contentType, byte[] content,
                       String sha256, String uploadedBy, Instant uploadedAt) {
        this.inspectionId = inspectionId;
        this.kind = kind;
        this.filename = filename;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    InspectionEvidenceSummary summary() {
        return new InspectionEvidenceSummary(id, kind, filename, contentType, sizeBytes, sha256, uploadedBy, uploadedAt);
    }

    public Long getId() {
        return id;
    }

    public Long getInspectionId() {
        return inspectionId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    public byte[] getContent() {
        return content;
    }
}
