package io.kbguide.engine;

import java.util.List;
import java.util.Optional;

/**
 * Something the service asks about. A choice fact's values are its choices; a version fact takes a version
 * string and its values are the bands the version falls in.
 *
 * @param name what the fact is called in sentences for people ("the /3GB switch"); the id when the kb gives none
 * @param unknownAssumes the values an unknown answer may stand for (all of them unless the kb narrows it)
 * @param unknownNote what the diagnosis says when the fact is unknown, or null
 */
public record Fact(String id, String name, Type type, String question, String help, List<Command> commands,
        List<Choice> choices, List<VersionBand> bands, List<String> unknownAssumes, Explanation unknownNote) {

    /** The kinds of fact. */
    public enum Type {
        CHOICE, VERSION
    }

    /** The value reported for a fact the user does not know. */
    public static final String UNKNOWN = "unknown";

    public Fact {
        commands = List.copyOf(commands);
        choices = List.copyOf(choices);
        bands = List.copyOf(bands);
        unknownAssumes = List.copyOf(unknownAssumes);
    }

    /** The values the rules see: choice values, or band ids. */
    public List<String> domain() {
        return type == Type.CHOICE
                ? choices.stream().map(Choice::value).toList()
                : bands.stream().map(VersionBand::id).toList();
    }

    /**
     * The rule value for a client's answer: the choice itself, or the band a version (or a band id, or a partial
     * version wholly inside one band) falls in; {@link #UNKNOWN} for a partial version that spans bands ("5.0"
     * may or may not be 5.0.3). Empty when the answer is not valid for this fact.
     */
    public Optional<String> resolve(String answer) {
        if (type == Type.CHOICE) {
            return choices.stream().map(Choice::value).filter(v -> v.equals(answer)).findFirst();
        }
        Optional<VersionBand> band = bands.stream().filter(b -> b.id().equals(answer)).findFirst();
        if (band.isPresent()) {
            return band.map(VersionBand::id);
        }
        Optional<Version.Range> range = Version.range(answer);
        if (range.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(bands.stream().filter(b -> b.covers(range.get())).findFirst().map(VersionBand::id)
                .orElse(UNKNOWN));
    }

    /**
     * The answer as the service keeps it: a choice as given; for a version fact a band id as given, or the version
     * normalised ("V5.0.3 build 221" is 5.0.3, "6.1" is 6.1.x). Empty when not valid.
     */
    public Optional<String> normalize(String answer) {
        if (type == Type.CHOICE || resolve(answer).isEmpty()) {
            return resolve(answer).map(v -> answer);
        }
        if (bands.stream().anyMatch(b -> b.id().equals(answer))) {
            return Optional.of(answer);
        }
        return Version.range(answer).map(Version.Range::text);
    }

    /**
     * An answer a client could give that resolves to {@code value}: the choice itself, or a version in the band
     * (its lower bound, or 0.0.1 for the first band).
     */
    public String representative(String value) {
        if (type == Type.CHOICE) {
            return value;
        }
        VersionBand band = bands.stream().filter(b -> b.id().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(value + " is not a band of " + id));
        return band.from() == null ? "0.0.1" : band.from().toString();
    }

    /** Whether two answers mean the same, as people may write them ("V5.0.3 build 221" and "5.0.3"). */
    public boolean sameAnswer(String a, String b) {
        return a.equals(b) || normalize(a).isPresent() && normalize(a).equals(normalize(b));
    }

    /** Whether an unknown answer may stand for the value at this position of the domain. */
    public boolean assumes(int valueIndex) {
        return unknownAssumes.isEmpty() || unknownAssumes.contains(domain().get(valueIndex));
    }

    /** What a valid answer looks like, for error messages. */
    public String allowed() {
        String known = type == Type.CHOICE ? String.join(", ", domain())
                : Version.WRITTEN + ", or a band: " + String.join(", ", domain());
        return known + ", or " + UNKNOWN;
    }

    /** The label of a client's answer, for people. */
    public String labelOf(String answer) {
        if (UNKNOWN.equals(answer)) {
            return "I don't know";
        }
        if (type == Type.VERSION) {
            return bands.stream().filter(b -> b.id().equals(answer)).map(VersionBand::label).findFirst()
                    .orElse(answer);
        }
        return choices.stream().filter(c -> c.value().equals(answer)).map(Choice::label).findFirst()
                .orElse(answer);
    }
}
