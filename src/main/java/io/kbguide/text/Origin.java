package io.kbguide.text;

/** Where a value read from a message came from. */
public enum Origin {
    /** Words a person typed: read with care, and read back before advice that changes the server rests on it. */
    TYPED,
    /** A line of recognised command output (systeminfo, ver, reg query, regedit export, boot.ini, bootcfg). */
    PASTED,
    /** A line of the article's evidence collector's output, read exactly: needs no read-back. */
    COLLECTED;

    /** The name used in the API: {@code typed}, {@code pasted}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
