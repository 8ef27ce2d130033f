package org.hmcflow.inspection;

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

/** 现场证据 — a photo, document or sampling record (采样记录) taken during an inspection. */
@Entity
@Table(name = "inspection_evidence")
public class InspectionEvidence extends StoredFile {

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

    protected InspectionEvidence() {
    }

    InspectionEvidence(Long inspectionId, Kind kind, String filename, String contentType, byte[] content,
                       String sha256, String uploadedBy, Instant uploadedAt) {
        super(filename, contentType, content, sha256, uploadedBy, uploadedAt);
        this.inspectionId = inspectionId;
        this.kind = kind;
    }

    InspectionEvidenceSummary summary() {
        return new InspectionEvidenceSummary(id, kind, getFilename(), getContentType(), getSizeBytes(), getSha256(),
                getUploadedBy(), getUploadedAt());
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

}
