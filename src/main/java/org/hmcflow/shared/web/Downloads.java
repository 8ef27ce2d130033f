package org.hmcflow.shared.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one way a stored file leaves the application: as an attachment under its own (UTF-8) name, with the type told
 * from its content when it was uploaded, never sniffed again by the browser, and its SHA-256 so the receiver can check
 * it is the file that was stored. The caller has checked that the actor may read it.
 */
public final class Downloads {

    private Downloads() {
    }

    public static ResponseEntity<byte[]> attachment(StoredFile file) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFilename(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Content-SHA256", file.getSha256())
                .body(file.getContent());
    }
}
