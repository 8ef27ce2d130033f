package org.hmcflow.hazard;

import java.time.Instant;

/** An evidence file without its content. */
public record EvidenceSummary(Long id, Integer roundNo, EvidenceFile.Kind kind, String pointLabel, String filename,
                              String contentType, long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
}
