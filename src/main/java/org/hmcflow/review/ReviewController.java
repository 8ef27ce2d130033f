package org.hmcflow.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 多方审查 API: a review with its parties, a party's opinion, the opinion documents; and the expert register. */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "Multi-party reviews 多方审查", description = "Reviews by departments and experts, opinion documents, 专家库")
class ReviewController {

    private final ReviewService reviews;
    private final ExpertRegisterService register;

    ReviewController(ReviewService reviews, ExpertRegisterService register) {
        this.reviews = reviews;
        this.register = register;
    }

    record PartyView(Long id, PartyKind kind, String departmentCode, Long expertId, LocalDate requestedOn, Instant due,
                     boolean pending, boolean late, Opinion opinion, String opinionText, String signedBy,
                     LocalDate signedOn, String recordedBy, Instant recordedAt) {
        static PartyView of(ReviewParty p) {
            return new PartyView(p.getId(), p.getKind(), p.getDepartmentCode(), p.getExpertId(), p.getRequestedOn(),
                    p.getDueAt(), p.isPending(), p.isLate(), p.getOpinion(), p.getOpinionText(), p.getSignedBy(),
                    p.getSignedOn(), p.getRecordedBy(), p.getRecordedAt());
        }
    }

    record ReviewView(Long id, String subjectType, String subjectRef, Long enterpriseId, Review.State state,
                      ReviewOutcome outcome, Instant openedAt, Instant closedAt, List<PartyView> parties) {
    }

    record DocumentView(Long id, Long partyId, String filename, String contentType, long sizeBytes, String sha256,
                        String uploadedBy, Instant uploadedAt) {
        static DocumentView of(OpinionDocument d) {
            return new DocumentView(d.getId(), d.getPartyId(), d.getFilename(), d.getContentType(), d.getSizeBytes(),
                    d.getSha256(), d.getUploadedBy(), d.getUploadedAt());
        }
    }

    /** Field names are the opinion form's, so a problem names the same field in the API and in Tasklist. */
    record OpinionRequest(@NotNull @Pattern(regexp = "AGREE|AGREE_WITH_CONDITIONS|DISAGREE") String opinion,
                          @Size(max = 4000) String opinionText, @Size(max = 100) String signedBy, LocalDate signedOn) {
    }

    record ExpertRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String organisation,
                         @NotBlank @Size(max = 200) String specialty, @NotBlank @Size(max = 100) String title,
                         @Size(max = 30) String phone, Boolean active) {
        ExpertRegisterService.ExpertInput toInput() {
            return new ExpertRegisterService.ExpertInput(name, organisation, specialty, title, phone, active);
        }
    }

    record ExpertView(Long id, String name, String organisation, String specialty, String title, String phone,
                      boolean active) {
        static ExpertView of(Expert e) {
            return new ExpertView(e.getId(), e.getName(), e.getOrganisation(), e.getSpecialty(), e.getTitle(),
                    e.getPhone(), e.isActive());
        }
    }

    record DeactivateRequest(@Size(max = 2000) String reason) {
    }

    record ConflictRequest(@NotNull Long enterpriseId, @NotBlank @Size(max = 300) String reason) {
    }

    record ConflictView(Long id, Long expertId, Long enterpriseId, String reason, LocalDate declaredOn, String declaredBy) {
        static ConflictView of(ExpertConflict c) {
            return new ConflictView(c.getId(), c.getExpertId(), c.getEnterpriseId(), c.getReason(), c.getDeclaredOn(),
                    c.getDeclaredBy());
        }
    }

    @GetMapping("/{reviewId}")
    @Operation(summary = "A review with its parties and their opinions")
    ReviewView review(@PathVariable Long reviewId) {
        ReviewService.ReviewDetails d = reviews.details(CurrentActor.get(), reviewId);
        Review r = d.review();
        return new ReviewView(r.getId(), r.getSubjectType(), r.getSubjectRef(), r.getEnterpriseId(), r.getState(),
                r.getOutcome(), r.getOpenedAt(), r.getClosedAt(), d.parties().stream().map(PartyView::of).toList());
    }

    @PostMapping("/{reviewId}/parties/{partyId}/opinion")
    @Operation(summary = "审查意见 — the party's opinion (its department; the bureau records an expert's signed opinion)")
    ResponseEntity<Void> opinion(@PathVariable Long reviewId, @PathVariable Long partyId,
                                 @Valid @RequestBody OpinionRequest body) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(MultiPartyReviewProcess.F_OPINION, body.opinion());
        values.put(MultiPartyReviewProcess.F_OPINION_TEXT, body.opinionText());
        values.put(MultiPartyReviewProcess.F_SIGNED_BY, body.signedBy());
        values.put(MultiPartyReviewProcess.F_SIGNED_ON, body.signedOn() == null ? null : body.signedOn().toString());
        reviews.giveOpinion(CurrentActor.get(), reviewId, partyId, values);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{reviewId}/parties/{partyId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an opinion document (the signed opinion scan): JPEG, PNG or PDF, checked by content")
    ResponseEntity<DocumentView> upload(@PathVariable Long reviewId, @PathVariable Long partyId,
                                        @RequestPart("file") MultipartFile file) throws IOException {
        OpinionDocument saved = reviews.upload(CurrentActor.get(), reviewId, partyId, file.getOriginalFilename(),
                file.getContentType(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/reviews/" + reviewId + "/parties/" + partyId + "/documents/"
                + saved.getId())).body(DocumentView.of(saved));
    }

    @GetMapping("/{reviewId}/parties/{partyId}/documents")
    @Operation(summary = "The party's opinion documents")
    List<DocumentView> documents(@PathVariable Long reviewId, @PathVariable Long partyId) {
        return reviews.documents(CurrentActor.get(), reviewId, partyId).stream().map(DocumentView::of).toList();
    }

    @GetMapping("/{reviewId}/parties/{partyId}/documents/{documentId}")
    @Operation(summary = "Download an opinion document")
    ResponseEntity<byte[]> download(@PathVariable Long reviewId, @PathVariable Long partyId,
                                    @PathVariable Long documentId) {
        return Downloads.attachment(reviews.document(CurrentActor.get(), reviewId, partyId, documentId));
    }

    // --- 专家库 -------------------------------------------------------------------------------------------------------

    @GetMapping("/experts")
    @Operation(summary = "专家库 — the expert register (reviewers, supervisors, admins)")
    List<ExpertView> experts() {
        return register.experts(CurrentActor.get()).stream().map(ExpertView::of).toList();
    }

    @GetMapping("/experts/{id}")
    ExpertView expert(@PathVariable Long id) {
        return ExpertView.of(register.expert(CurrentActor.get(), id));
    }

    @PostMapping("/experts")
    @Operation(summary = "Register an expert (admins)")
    ResponseEntity<ExpertView> register(@Valid @RequestBody ExpertRequest body) {
        Expert expert = register.register(CurrentActor.get(), body.toInput());
        return ResponseEntity.created(URI.create("/api/reviews/experts/" + expert.getId())).body(ExpertView.of(expert));
    }

    @PutMapping("/experts/{id}")
    @Operation(summary = "Change an expert (admins)")
    ExpertView update(@PathVariable Long id, @Valid @RequestBody ExpertRequest body) {
        return ExpertView.of(register.update(CurrentActor.get(), id, body.toInput()));
    }

    @PostMapping("/experts/{id}/deactivate")
    @Operation(summary = "Take an expert out of new reviews (admins)")
    ExpertView deactivate(@PathVariable Long id, @Valid @RequestBody(required = false) DeactivateRequest body) {
        return ExpertView.of(register.deactivate(CurrentActor.get(), id, body == null ? null : body.reason()));
    }

    @GetMapping("/experts/conflicts")
    @Operation(summary = "利害关系 — declared conflicts of interest, optionally of one expert")
    List<ConflictView> conflicts(@RequestParam(required = false) Long expertId) {
        return register.conflicts(CurrentActor.get(), expertId).stream().map(ConflictView::of).toList();
    }

    @PostMapping("/experts/{id}/conflicts")
    @Operation(summary = "Declare a conflict of interest: the expert never reviews the enterprise's cases (admins)")
    ResponseEntity<ConflictView> declare(@PathVariable Long id, @Valid @RequestBody ConflictRequest body) {
        ExpertConflict c = register.declareConflict(CurrentActor.get(), id, body.enterpriseId(), body.reason());
        return ResponseEntity.created(URI.create("/api/reviews/experts/conflicts?expertId=" + id)).body(ConflictView.of(c));
    }
}
