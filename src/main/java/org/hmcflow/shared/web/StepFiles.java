package org.hmcflow.shared.web;

import java.util.List;
import java.util.Optional;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.user.Actor;

/**
 * The files a step asks for, shown beside its form on the step's page (never inside the form: Tasklist's form-js
 * 1.8 has no file field). A capability whose steps need files implements this for its own steps and answers empty for
 * every other step; the page uploads to the capability's document endpoint, and the step's own check still refuses to
 * complete without them.
 */
public interface StepFiles {

    /** The file section of this step for this actor, or empty when the step is not this capability's or needs none. */
    Optional<FileSection> sectionOf(OpenTask step, Actor actor);

    /**
     * What the page shows and uploads.
     *
     * @param titleKey    heading ({@code ui} bundle key)
     * @param hintKey     one sentence on what to upload ({@code ui} bundle key), or null
     * @param uploadUrl   the multipart endpoint ({@code kind}, optional {@code pointLabel}, {@code file}); null when
     *                    this actor only looks at the files
     * @param kinds       the kinds this actor may upload here, in order
     * @param perPoint    one row per rectification point (整改点) with a file of each kind, named by {@code pointLabel}
     * @param points      the points so far, with their files by kind (when {@code perPoint})
     * @param files       every file of the section, newest last
     * @param problemField the field name the step's check uses for missing files (its error is shown here)
     */
    record FileSection(String titleKey, String hintKey, String uploadUrl, List<String> kinds, boolean perPoint,
                       List<Point> points, List<StoredDocument> files, String problemField) {
    }

    /** A rectification point and its file of each kind (null where missing), in the order of the section's kinds. */
    record Point(String label, List<StoredDocument> byKind) {
    }

    /** A stored file as the page lists it: its kind, name, size, SHA-256 and where to download it. */
    record StoredDocument(Long id, String kind, String pointLabel, String filename, String contentType, long sizeBytes,
                          String sha256, String url) {

        public boolean image() {
            return contentType != null && contentType.startsWith("image/");
        }

        public boolean pdf() {
            return "application/pdf".equals(contentType);
        }
    }
}
