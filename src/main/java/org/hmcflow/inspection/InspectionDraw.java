package org.hmcflow.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * 抽取记录 — the one draw of a plan: which algorithm ran, with which seed, on which register rows (the snapshot, in
 * canonical JSON, and the SHA-256 of each register part and of the whole). Nothing here changes after the draw; a
 * re-run takes the seed and the snapshot and must produce the stored {@link DrawnInspection}s again.
 */
@Entity
@Table(name = "inspection_draw")
public class InspectionDraw {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "plan_id", nullable = false, unique = true)
    private Long planId;
    @Column(nullable = false)
    private String algorithm;
    @Column(nullable = false)
    private long seed;
    @Column(name = "enterprise_register_sha256", nullable = false)
    private String enterpriseRegisterSha256;
    @Column(name = "inspector_register_sha256", nullable = false)
    private String inspectorRegisterSha256;
    @Column(name = "snapshot_sha256", nullable = false)
    private String snapshotSha256;
    @Column(nullable = false, length = 1_000_000)
    private String snapshot;
    @Column(name = "drawn_by", nullable = false)
    private String drawnBy;
    @Column(name = "drawn_at", nullable = false)
    private Instant drawnAt;

    protected InspectionDraw() {
    }

    InspectionDraw(Long planId, long seed, DrawSnapshot.Encoded snapshot, String drawnBy, Instant drawnAt) {
        this.planId = planId;
        this.algorithm = RandomDraw.ALGORITHM;
        this.seed = seed;
        this.enterpriseRegisterSha256 = snapshot.enterpriseRegisterSha256();
        this.inspectorRegisterSha256 = snapshot.inspectorRegisterSha256();
        this.snapshotSha256 = snapshot.sha256();
        this.snapshot = snapshot.json();
        this.drawnBy = drawnBy;
        this.drawnAt = drawnAt;
    }

    public Long getId() {
        return id;
    }

    public Long getPlanId() {
        return planId;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public long getSeed() {
        return seed;
    }

    public String getEnterpriseRegisterSha256() {
        return enterpriseRegisterSha256;
    }

    public String getInspectorRegisterSha256() {
        return inspectorRegisterSha256;
    }

    public String getSnapshotSha256() {
        return snapshotSha256;
    }

    public String getSnapshot() {
        return snapshot;
    }

    public String getDrawnBy() {
        return drawnBy;
    }

    public Instant getDrawnAt() {
        return drawnAt;
    }
}
