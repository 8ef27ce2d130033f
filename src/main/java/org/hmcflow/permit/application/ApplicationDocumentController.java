package org.hmcflow.permit.application;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.hmcflow.shared.security.CurrentActor;
import org.hmcflow.shared.web.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 申请材料 API: upload the files an application lists (with the filing or a correction), list and download them. */
@RestController
@RequestMapping("/api/permits/applications/{id}/documents")
@Tag(name = "Permit applications 排污许可申领")
class ApplicationDocumentController {

    private final ApplicationDocuments documents;

    ApplicationDocumentController(ApplicationDocuments documents) {
        this.documents = documents;
    }

    record DocumentFileView(Long id, DocumentKind kind, Long correctionNoticeId, String filename, String contentType,
                            long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
        static DocumentFileView of(ApplicationDocumentFile f) {
            return new DocumentFileView(f.getId(), f.getKind(), f.getCorrectionNoticeId(), f.getFilename(),
                    f.getContentType(), f.getSizeBytes(), f.getSha256(), f.getUploadedBy(), f.getUploadedAt());
        }
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document of my application: JPEG, PNG or PDF, checked by content (enterprise)")
    ResponseEntity<DocumentFileView> upload(@PathVariable Long id, @RequestParam(required = false) DocumentKind kind,
                                            @RequestPart("file") MultipartFile file) throws IOException {
        ApplicationDocumentFile saved = documents.upload(CurrentActor.get(), id, kind, file.getOriginalFilename(),
                file.getContentType(), file.getBytes());
        return ResponseEntity.created(URI.create("/api/permits/applications/" + id + "/documents/" + saved.getId()))
                .body(DocumentFileView.of(saved));
    }

    @GetMapping
    @Operation(summary = "The files uploaded for an application")
    List<DocumentFileView> list(@PathVariable Long id) {
        return documents.list(CurrentActor.get(), id).stream().map(DocumentFileView::of).toList();
    }

    @GetMapping("/{fileId}")
    @Operation(summary = "Download an uploaded file")
    ResponseEntity<byte[]> download(@PathVariable Long id, @PathVariable Long fileId) {
        ApplicationDocumentFile file = documents.download(CurrentActor.get(), id, fileId);
        return Downloads.attachment(file);
    }
}
