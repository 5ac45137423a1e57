package io.kbguide.engine;

/** A defect in an article's kb files, named by file and, where known, rule and line. */
public class KbException extends RuntimeException {

    private final String file;

    public KbException(String file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public KbException(String file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    /** The kb file at fault, relative to the kb directory. */
    public String file() {
        return file;
    }
}
