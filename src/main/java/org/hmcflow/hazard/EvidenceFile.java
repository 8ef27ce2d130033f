package org.hmcflow.hazard;

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

/** 证据材料 — a file attached to a hazard: report evidence, a before/after photo of a rectification point, a plan. */
@Entity
@Table(name = "evidence_file")
public class EvidenceFile extends StoredFile {

    /** What the file shows. */
    public enum Kind {
        /** 举报/发现证据 — evidence with the report. */
        REPORT,
        /** 整改前照片 — a rectification point before. */
        BEFORE,
        /** 整改后照片 — the same point after. */
        AFTER,
        /** 整改方案附件 — an attachment to the plan. */
        PLAN,
        /** 专家意见 — the signed expert opinion. */
        EXPERT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "hazard_id", nullable = false)
    private Long hazardId;
    @Column(name = "round_no")
    private Integer roundNo;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    /** The rectification point a before/after photo belongs to, e.g. "1号电镀槽". */
    @Column(name = "point_label")
    private String pointLabel;

    protected EvidenceFile() {
    }

    EvidenceFile(Long hazardId, Integer roundNo, Kind kind, String pointLabel, String filename, String contentType,
                 byte[] content, String sha256, String uploadedBy, Instant uploadedAt) {
        super(filename, contentType, content, sha256, uploadedBy, uploadedAt);
        this.hazardId = hazardId;
        this.roundNo = roundNo;
        this.kind = kind;
        this.pointLabel = pointLabel;
    }

    public Long getId() {
        return id;
    }

    public Long getHazardId() {
        return hazardId;
    }

    public Integer getRoundNo() {
        return roundNo;
    }

    public Kind getKind() {
        return kind;
    }

    public String getPointLabel() {
        return pointLabel;
    }

}
