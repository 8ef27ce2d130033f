package org.hmcflow.shared.importing;

/** A data file that cannot be read as a table at all, named by its line: nothing of it is imported. */
public class ImportFileException extends RuntimeException {

    private final int line;

    public ImportFileException(int line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
