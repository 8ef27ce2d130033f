package org.hmcflow.inspection;

import java.time.Instant;

/** An inspection's evidence file without its content, as lists show it. */
public record InspectionEvidenceSummary(Long id, InspectionEvidence.Kind kind, String filename, String contentType,
                                        long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
}
