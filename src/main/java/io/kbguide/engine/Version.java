package io.kbguide.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** A dotted product version of three or four numbers, such as {@code 5.0.3} or {@code 5.0.3.123}. */
public final class Version implements Comparable<Version> {

    /** What {@link #parse} accepts, for messages. */
    public static final String FORMAT = "three or four numbers separated by dots, such as 5.0.3 or 5.0.3.123";

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
