package io.kbguide.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** A dotted product version of three or four numbers, such as {@code 5.0.3} or {@code 5.0.3.123}. */
public final class Version implements Comparable<Version> {

    /** What {@link #parse} accepts, for messages. */
    public static final String FORMAT = "three or four numbers separated by dots, such as 1.2.3 or 1.2.3.45";

    private static final Pattern SHAPE = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){2,3}");

    private final int[] parts;

    private Version(int[] parts) {
        this.parts = parts;
    }

    /** Parses a version; empty when the text is not {@link #FORMAT}. */
    public static Optional<Version> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (!SHAPE.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        String[] pieces = trimmed.split("\\.");
        int[] parts = new int[4];
        for (int i = 0; i < pieces.length; i++) {
            parts[i] = Integer.parseInt(pieces[i]);
        }
        return Optional.of(new Version(parts));
    }

    /** What {@link #range} accepts, for messages. */
    public static final String WRITTEN = "a version such as 1.2.3, 1.2.3.45, V1.2.3, \"1.2.3 build 45\", or a"
            + " partial one such as 1.2 or 1.2.x (standing for all its versions)";

    private static final Pattern WRITTEN_SHAPE = Pattern.compile(
            "(?i)^\\s*(?:version\\s*)?v?\\.?\\s*(\\d{1,9}(?:\\.\\d{1,9}){0,3})((?:\\.[x*])?)"
                    + "(?:\\s*[,(]?\\s*(?:build|bld|b)\\s*[.:#]?\\s*\\d+\\s*\\)?)?\\s*$");

    /**
     * The versions a person means by what they wrote: an exact version ({@code from == to}), or a partial one
     * standing for its whole range ({@code 6.1} and {@code 6.1.x} are 6.1.0 up to, not including, 6.2.0).
     *
     * @param from the first version meant
     * @param to   the first version not meant, or {@code from} itself for an exact version
     * @param text the answer as the service keeps it: {@code 5.0.3}, {@code 6.1.x}
     */
    public record Range(Version from, Version to, String text) {

        /** Whether this stands for exactly one version. */
        public boolean exact() {
            return from.equals(to);
        }
    }

    /**
     * Reads a version as people write it: a leading v or V, "version", and a build suffix ("5.0.3 build 221")
     * are ignored; one to three numbers (optionally ending in .x) stand for every version they start. Empty
     * when the text is no version at all.
     */
    public static Optional<Range> range(String text) {
        if (text == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = WRITTEN_SHAPE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String[] pieces = m.group(1).split("\\.");
        boolean wildcard = !m.group(2).isEmpty();
        if (pieces.length == 4 && wildcard) {
            return Optional.empty();
        }
        int[] parts = new int[4];
        for (int i = 0; i < pieces.length; i++) {
            parts[i] = Integer.parseInt(pieces[i]);
        }
        Version from = new Version(parts);
        if (pieces.length >= 3 && !wildcard) {
            return Optional.of(new Range(from, from, from.toString()));
        }
        int[] next = parts.clone();
        next[pieces.length - 1]++;
        for (int i = pieces.length; i < 4; i++) {
            next[i] = 0;
        }
        return Optional.of(new Range(from, new Version(next), m.group(1) + ".x"));
    }

    /** Parses a version that must be valid, for the kb reader. */
    public static Version of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                "'" + text + "' is not a version: expected " + FORMAT));
    }

    @Override
    public int compareTo(Version other) {
        return Arrays.compare(parts, other.parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && Arrays.equals(parts, v.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        String text = parts[0] + "." + parts[1] + "." + parts[2];
        return parts[3] == 0 ? text : text + "." + parts[3];
    }
}
