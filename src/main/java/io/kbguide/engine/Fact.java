package io.kbguide.engine;

import java.util.List;
import java.util.Optional;

/**
 * Something the service asks about. Its {@link FactType} says what kind of answer it takes and how that answer is
 * read; the fact delegates to it.
 *
 * @param name what the fact is called in sentences for people ("the /3GB switch"); the id when the kb gives none
 * @param unknownAssumes the values an unknown answer may stand for (all of them unless the kb narrows it)
 * @param unknownNote what the diagnosis says when the fact is unknown, or null
 * @param purpose why the question is asked ("Why do you ask?"), cited, or null when the kb does not say
 */
public record Fact(String id, String name, FactType type, String question, String help, List<Command> commands,
        List<String> unknownAssumes, Explanation unknownNote, Explanation purpose) {

    /** The value reported for a fact the user does not know. */
    public static final String UNKNOWN = "unknown";

    public Fact {
        commands = List.copyOf(commands);
        unknownAssumes = List.copyOf(unknownAssumes);
    }

    /** The values the rules see: choice values, or band ids. */
    public List<String> domain() {
        return type.domain();
    }

    /**
     * The rule value for a client's answer: the choice itself, or the band a version (or a band id, or a partial
     * version wholly inside one band) falls in; {@link #UNKNOWN} for a partial version that spans bands ("5.0"
     * may or may not be 5.0.3). Empty when the answer is not valid for this fact.
     */
    public Optional<String> resolve(String answer) {
        return type.resolve(answer);
    }

    /**
     * The answer as the service keeps it: a choice as given; for a version fact a band id as given, or the version
     * normalised ("V5.0.3 build 221" is 5.0.3, "6.1" is 6.1.x). Empty when not valid.
     */
    public Optional<String> normalize(String answer) {
        return type.normalize(answer);
    }

    /** An answer a client could give that resolves to {@code value}. */
    public String representative(String value) {
        return type.representative(value);
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
        return type.allowed() + ", or " + UNKNOWN;
    }

    /** The label of a client's answer, for people. */
    public String labelOf(String answer) {
        return UNKNOWN.equals(answer) ? "I don't know" : type.labelOf(answer);
    }
}
