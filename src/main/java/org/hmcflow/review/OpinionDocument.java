package org.hmcflow.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hmcflow.shared.web.StoredFile;

/** 意见文件 — a document of a party's opinion, such as the scan of an expert's signed opinion. */
@Entity
@Table(name = "review_document")
public class OpinionDocument extends StoredFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "party_id", nullable = false)
    private Long partyId;

    protected OpinionDocument() {
    }

    OpinionDocument(Long partyId, String filename, String contentType, byte[] content, String sha256, String uploadedBy,
                    Instant uploadedAt) {
        super(filename, contentType, content, sha256, uploadedBy, uploadedAt);
        this.partyId = partyId;
    }

    public Long getId() {
        return id;
    }

    public Long getPartyId() {
        return partyId;
    }
}
