package org.hmcflow.enforcement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hmcflow.shared.web.StoredFile;

/** 案卷材料 — a document of the case file (decision, notice, photo, monitoring report), type checked by content. */
@Entity
@Table(name = "enforcement_document")
public class CaseDocument extends StoredFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id", nullable = false)
    private Long caseId;
    @Column(nullable = false)
    private String title;

    protected CaseDocument() {
    }

    CaseDocument(Long caseId, String title, String filename, String contentType, byte[] content, String sha256,
                 String uploadedBy, Instant uploadedAt) {
        super(filename, contentType, content, sha256, uploadedBy, uploadedAt);
        this.caseId = caseId;
        this.title = title;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public String getTitle() { return title; }
}
