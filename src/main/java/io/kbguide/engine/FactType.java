package io.kbguide.engine;

import java.util.List;
import java.util.Optional;

/**
 * What kind of answer a fact takes, and everything that follows from it: the values the rules see, how a client's
 * answer is read, the values the verifier enumerates, what the answer's schema says and how the question is put.
 * A new kind of fact is one more implementation here (and its name in {@link KbReader}); nothing else branches on
 * the kind.
 */
public sealed interface FactType permits FactType.Choices, FactType.Versions {

    /** The kind's name, as flow.yaml writes it and the API reports it. */
    String name();

    /** The values the rules see. */
    List<String> domain();

    /** The values a client may pick, with their labels: the buttons of the question. */
    List<Choice> options();

    /**
     * The values a read-back offers to put right a value read from text: the options, or none where the answer is
     * typed again (a version).
     */
    List<Choice> corrections();

    /** What a typed answer must look like, for a kind that takes one; empty when the answer is picked. */
    Optional<String> format();

    /**
     * The rule value for a client's answer: one of the {@link #domain()}; {@link Fact#UNKNOWN} for an answer that
     * is valid but spans values ("5.0" may or may not be 5.0.3). Empty when the answer is not valid.
     */
    Optional<String> resolve(String answer);

    /** The answer as the service keeps it ("V5.0.3 build 221" is 5.0.3). Empty when not valid. */
    Optional<String> normalize(String answer);

    /** An answer a client could give that resolves to {@code value}. */
    String representative(String value);

    /** The label of a value, for people; the answer itself when it is not one of the options. */
    default String labelOf(String answer) {
        return options().stream().filter(c -> c.value().equals(answer)).map(Choice::label).findFirst()
                .orElse(answer);
    }

    /** What a valid answer looks like, for error messages (without "unknown"). */
    String allowed();

    /** The answer's contract in words, for the API description (ends with the word for not known). */
    String describe();

    /** An answer to show as an example in the API description. */
    String example();

    /** The answers a client may send, when they are a closed list; empty when the answer is written freely. */
    Optional<List<String>> closedValues();

    /** A fault in how the kind is defined in the kb, for the verifier; empty when it is sound. */
    Optional<String> fault();

    /** A fact answered by picking one of a few choices. */
    record Choices(List<Choice> choices) implements FactType {

        public Choices {
            choices = List.copyOf(choices);
        }

        @Override
        public String name() {
            return "choice";
        }

        @Override
        public List<String> domain() {
            return choices.stream().map(Choice::value).toList();
        }

        @Override
        public List<Choice> options() {
            return choices;
        }

        @Override
        public List<Choice> corrections() {
            return choices;
        }

        @Override
        public Optional<String> format() {
            return Optional.empty();
        }

        @Override
        public Optional<String> resolve(String answer) {
            return domain().stream().filter(v -> v.equals(answer)).findFirst();
        }

        @Override
        public Optional<String> normalize(String answer) {
            return resolve(answer);
        }

        @Override
        public String representative(String value) {
            return value;
        }

        @Override
        public String allowed() {
            return String.join(", ", domain());
        }

        @Override
        public String describe() {
            return String.join("; ", choices.stream().map(c -> c.value() + ": " + c.label()).toList())
                    + "; unknown: not known.";
        }

        @Override
        public String example() {
            return choices.get(0).value();
        }

        @Override
        public Optional<List<String>> closedValues() {
            return Optional.of(domain());
        }

        @Override
        public Optional<String> fault() {
            return choices.isEmpty() ? Optional.of("a choice fact needs at least one choice") : Optional.empty();
        }
    }

    /**
     * A fact answered with a version, which the rules see as the band it falls in. Bands are listed in order and
     * together cover every version.
     */
    record Versions(List<VersionBand> bands) implements FactType {

        public Versions {
            bands = List.copyOf(bands);
        }

        @Override
        public String name() {
            return "version";
        }

        @Override
        public List<String> domain() {
            return bands.stream().map(VersionBand::id).toList();
        }

        @Override
        public List<Choice> options() {
            return bands.stream().map(b -> new Choice(b.id(), b.label())).toList();
        }

        @Override
        public List<Choice> corrections() {
            return List.of();
        }

        @Override
        public Optional<String> format() {
            return Optional.of(Version.WRITTEN);
        }

        /** A band id as given, or the band a version (or a partial version wholly inside one band) falls in. */
        @Override
        public Optional<String> resolve(String answer) {
            if (domain().contains(answer)) {
                return Optional.of(answer);
            }
            return Version.range(answer).map(range -> bands.stream().filter(b -> b.covers(range)).findFirst()
                    .map(VersionBand::id).orElse(Fact.UNKNOWN));
        }

        /** A band id as given, or the version normalised ("6.1" is 6.1.x). */
        @Override
        public Optional<String> normalize(String answer) {
            if (domain().contains(answer)) {
                return Optional.of(answer);
            }
            return Version.range(answer).map(Version.Range::text);
        }

        /** The band's lower bound, or 0.0.1 for the first band. */
        @Override
        public String representative(String value) {
            VersionBand band = bands.stream().filter(b -> b.id().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(value + " is not a band"));
            return band.from() == null ? "0.0.1" : band.from().toString();
        }

        @Override
        public String allowed() {
            return Version.WRITTEN + ", or a band: " + String.join(", ", domain());
        }

        @Override
        public String describe() {
            return Version.WRITTEN + "; or a band: " + String.join(", ", bands.stream()
                    .map(b -> b.id() + " (" + b.label() + ")").toList()) + "; or unknown.";
        }

        @Override
        public String example() {
            return bands.stream().filter(b -> b.from() != null).findFirst().map(b -> b.from().toString())
                    .orElse("1.0.0");
        }

        @Override
        public Optional<List<String>> closedValues() {
            return Optional.empty();
        }

        @Override
        public Optional<String> fault() {
            if (bands.isEmpty()) {
                return Optional.of("a version fact needs at least one band");
            }
            if (bands.get(0).from() != null) {
                return Optional.of("the first band '" + bands.get(0).id() + "' must have no 'from' so that"
                        + " every version falls in a band");
            }
            if (bands.get(bands.size() - 1).to() != null) {
                return Optional.of("the last band '" + bands.get(bands.size() - 1).id()
                        + "' must have no 'to' so that every version falls in a band");
            }
            for (int i = 0; i + 1 < bands.size(); i++) {
                VersionBand a = bands.get(i);
                VersionBand b = bands.get(i + 1);
                if (a.to() == null || !a.to().equals(b.from())) {
                    return Optional.of("band '" + a.id() + "' must end ('to') where band '" + b.id()
                            + "' starts ('from'); a gap or overlap between them would leave versions undecided");
                }
                if (b.to() != null && b.from().compareTo(b.to()) >= 0) {
                    return Optional.of("band '" + b.id() + "' is empty (from " + b.from() + " to " + b.to() + ")");
                }
            }
            return Optional.empty();
        }
    }
}
