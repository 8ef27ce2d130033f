package org.hmcflow.hazard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hmcflow.shared.web.StepFiles;
import org.hmcflow.shared.workflow.OpenTask;
import org.hmcflow.user.Actor;
import org.springframework.stereotype.Component;

/**
 * The hazard steps' files on their pages: the enterprise's rectification (整改) asks for a photo before and after
 * of every rectification point (整改点, named by {@code pointLabel}) of the current round; triage and verification
 * show the report's evidence and the round's photos to the reviewer, who uploads nothing there.
 */
@Component
class HazardStepFiles implements StepFiles {

    private static final List<String> PHOTO_KINDS = List.of(EvidenceFile.Kind.BEFORE.name(), EvidenceFile.Kind.AFTER.name());

    private final HazardService hazards;

    HazardStepFiles(HazardService hazards) {
        this.hazards = hazards;
    }

    @Override
    public Optional<FileSection> sectionOf(OpenTask step, Actor actor) {
        if (!HazardProcess.KEY.equals(step.processKey()) || step.businessKey() == null) {
            return Optional.empty();
        }
        Long id = Long.valueOf(step.businessKey());
        return switch (step.key()) {
            case HazardProcess.TASK_RECTIFY -> Optional.of(rectification(actor, id, true));
            case HazardProcess.TASK_VERIFY -> Optional.of(rectification(actor, id, false));
            case HazardProcess.TASK_TRIAGE -> Optional.of(report(actor, id));
            default -> Optional.empty();
        };
    }

    private FileSection rectification(Actor actor, Long id, boolean upload) {
        Hazard hazard = hazards.visible(actor, id);
        List<EvidenceSummary> round = hazards.evidenceOf(actor, id).stream()
                .filter(e -> Objects.equals(e.roundNo(), hazard.getRoundNo()))
                .filter(e -> PHOTO_KINDS.contains(e.kind().name())).toList();
        Map<String, StoredDocument[]> byPoint = new LinkedHashMap<>();
        for (EvidenceSummary e : round) {
            // the newest photo of a kind stands for the point
            byPoint.computeIfAbsent(e.pointLabel(), p -> new StoredDocument[PHOTO_KINDS.size()])
                    [PHOTO_KINDS.indexOf(e.kind().name())] = document(id, e);
        }
        List<Point> points = new ArrayList<>();
        byPoint.forEach((label, files) -> points.add(new Point(label, java.util.Arrays.asList(files))));
        return new FileSection("ui.files.hazard.rectification", upload ? "ui.files.hazard.rectification.hint" : null,
                upload ? uploadUrl(id) : null, PHOTO_KINDS, true, points,
                round.stream().map(e -> document(id, e)).toList(), "evidence");
    }

    private FileSection report(Actor actor, Long id) {
        List<StoredDocument> files = hazards.evidenceOf(actor, id).stream()
                .filter(e -> e.kind() == EvidenceFile.Kind.REPORT).map(e -> document(id, e)).toList();
        return new FileSection("ui.files.hazard.report", null, null, List.of(EvidenceFile.Kind.REPORT.name()), false,
                List.of(), files, null);
    }

    private static String uploadUrl(Long id) {
        return "/api/hazards/" + id + "/evidence";
    }

    private static StoredDocument document(Long hazardId, EvidenceSummary e) {
        return new StoredDocument(e.id(), e.kind().name(), e.pointLabel(), e.filename(), e.contentType(), e.sizeBytes(),
                e.sha256(), uploadUrl(hazardId) + "/" + e.id());
    }
}
