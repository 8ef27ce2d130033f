package org.hmcflow.selfinspection;

/**
 * A checklist file that cannot be used: unreadable, malformed or contradictory. Thrown while the checklist is loaded,
 * so the application refuses to start rather than accept filings against a wrong list. The message names the file
 * and, where known, the line.
 */
public final class ChecklistException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    ChecklistException(String message) {
        super(message);
    }

    ChecklistException(String message, Throwable cause) {
        super(message, cause);
    }
}
