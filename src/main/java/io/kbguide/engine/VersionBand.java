package io.kbguide.engine;

/**
 * A range of versions that the rules treat alike: from {@code from} (inclusive) up to {@code to} (exclusive);
 * a missing bound is open.
 */
public record VersionBand(String id, String label, Version from, Version to) {

    public boolean contains(Version version) {
        return (from == null || version.compareTo(from) >= 0) && (to == null || version.compareTo(to) < 0);
    }
}
