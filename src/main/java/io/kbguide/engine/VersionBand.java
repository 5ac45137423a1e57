package io.kbguide.engine;

/**
 * A range of versions that the rules treat alike: from {@code from} (inclusive) up to {@code to} (exclusive);
 * a missing bound is open.
 */
public record VersionBand(String id, String label, Version from, Version to) {

    /** Whether every version of the range falls in this band. */
    public boolean covers(Version.Range range) {
        if (range.exact()) {
            return contains(range.from());
        }
        return (from == null || range.from().compareTo(from) >= 0) && (to == null || range.to().compareTo(to) <= 0);
    }

    public boolean contains(Version version) {
        return (from == null || version.compareTo(from) >= 0) && (to == null || version.compareTo(to) < 0);
    }
}
