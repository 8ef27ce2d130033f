package org.hmcflow.shared.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.hmcflow.shared.web.InvalidInputException.FieldProblem;
import org.springframework.util.unit.DataSize;

/**
 * Uploaded files, shared by every capability that takes them (hazard evidence, permit application documents, review opinions): a
 * file's type told from its first bytes (a declared content type or file name is never trusted alone), its SHA-256,
 * and a file name safe to send back in a download header.
 */
public final class UploadTypes {

    private UploadTypes() {
    }

    /** {@code image/jpeg}, {@code image/png} or {@code application/pdf} by the content's signature, else null. */
    public static String sniff(byte[] c) {
        if (c.length >= 3 && (c[0] & 0xFF) == 0xFF && (c[1] & 0xFF) == 0xD8 && (c[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (c.length >= 8 && (c[0] & 0xFF) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G'
                && c[4] == 0x0D && c[5] == 0x0A && c[6] == 0x1A && c[7] == 0x0A) {
            return "image/png";
        }
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return "application/pdf";
        }
        return null;
    }

    /**
     * Checks an uploaded document: present, at most {@code maxSize}, of an allowed type by its content, not declared as
     * another type (a generic {@code application/octet-stream} is no claim), with a file name of 1–255 characters.
     * Each problem is added to {@code problems} under {@code file} or {@code filename}.
     */
    public static void checkDocument(List<FieldProblem> problems, byte[] content, String filename, String declaredType,
                                     Set<String> allowedTypes, DataSize maxSize) {
        if (content == null || content.length == 0) {
            problems.add(new FieldProblem("file", "hmc.validation.required"));
        } else if (content.length > maxSize.toBytes()) {
            problems.add(new FieldProblem("file", "hmc.validation.upload-size", maxSize.toMegabytes()));
        } else {
            String sniffed = sniff(content);
            if (sniffed == null || !allowedTypes.contains(sniffed)) {
                problems.add(new FieldProblem("file", "hmc.validation.upload-type", String.join(", ", allowedTypes)));
            } else if (declaredType != null && !declaredType.equals(sniffed)
                    && !"application/octet-stream".equals(declaredType)) {
                problems.add(new FieldProblem("file", "hmc.validation.upload-type-mismatch", declaredType, sniffed));
            }
        }
        if (filename == null || filename.isBlank() || filename.length() > 255) {
            problems.add(new FieldProblem("filename", "hmc.validation.filename"));
        }
    }

    /** The content's SHA-256, lower-case hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the last path segment and drops control characters, so a name can never steer a download header. */
    public static String safeName(String filename) {
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return name.replaceAll("[\\p{Cntrl}\"]", "_");
    }
}
