package io.kbguide.engine;

import java.util.List;
import java.util.Optional;

/**
 * What kind of answer a fact takes, and everything that follows from it: the values the rules see, how a client's
 * answer is read, the values the verifier enumerates, what the answer's schema says and how the question is put.
 * A new kind of fact is one more implementation here (and its name in {@link KbReader}); nothing else branches on
 * the kind.
 */
public sealed interface FactType permits FactType.Choices, FactType.Versions, FactType.Numbers {

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

    /** What to type instead of picking, in a few words ("the exact version"), for a kind that takes one. */
    Optional<String> typeIn();

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
        public Optional<String> typeIn() {
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

        @Override
        public Optional<String> typeIn() {
            return Optional.of("the exact version");
        }

        /** A band id as given, or the band a version (or a partial version wholly inside one band) falls in. */
        @Override
        public Optional<String> resolve(String answer) {
            for (VersionBand band : bands) { // loops, not streams: this runs for every version a request gives
                if (band.id().equals(answer)) {
                    return Optional.of(answer);
                }
            }
            return Version.range(answer).map(range -> {
                for (VersionBand band : bands) {
                    if (band.covers(range)) {
                        return band.id();
                    }
                }
                return Fact.UNKNOWN;
            });
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
            return contiguous(bands, "band", "version", VersionBand::id, VersionBand::from, VersionBand::to);
        }
    }

    /**
     * A fact answered with a number (a count, a size), which the rules see as the range it falls in. Ranges are
     * listed in order and together cover every number; a range runs from {@code from} (inclusive) to {@code to}
     * (exclusive).
     *
     * @param unit the unit a person may write after the number ("GB"), or null
     */
    record Numbers(List<NumberRange> ranges, String unit) implements FactType {

        private static final java.util.regex.Pattern WRITTEN = java.util.regex.Pattern.compile(
                "\\s*(-?\\d{1,15}(?:[.,]\\d{1,6})?)\\s*([\\p{L}%]*)\\s*");

        /** One range of numbers the rules treat alike; a missing bound is open. */
        public record NumberRange(String id, String label, java.math.BigDecimal from, java.math.BigDecimal to) {

            boolean contains(java.math.BigDecimal n) {
                return (from == null || n.compareTo(from) >= 0) && (to == null || n.compareTo(to) < 0);
            }
        }

        public Numbers {
            ranges = List.copyOf(ranges);
        }

        @Override
        public String name() {
            return "number";
        }

        @Override
        public List<String> domain() {
            return ranges.stream().map(NumberRange::id).toList();
        }

        @Override
        public List<Choice> options() {
            return ranges.stream().map(r -> new Choice(r.id(), r.label())).toList();
        }

        @Override
        public List<Choice> corrections() {
            return List.of();
        }

        @Override
        public Optional<String> format() {
            return Optional.of("a number such as 12 or 12.5" + (unit == null ? "" : ", optionally followed by "
                    + unit));
        }

        @Override
        public Optional<String> typeIn() {
            return Optional.of("the number");
        }

        /** The number written ("12", "12.5", "12,5", "12 GB" when GB is the unit); empty when it is not one. */
        Optional<java.math.BigDecimal> number(String answer) {
            java.util.regex.Matcher m = WRITTEN.matcher(answer);
            if (!m.matches() || !m.group(2).isEmpty() && !m.group(2).equalsIgnoreCase(unit)) {
                return Optional.empty();
            }
            return Optional.of(new java.math.BigDecimal(m.group(1).replace(',', '.')));
        }

        @Override
        public Optional<String> resolve(String answer) {
            if (domain().contains(answer)) {
                return Optional.of(answer);
            }
            return number(answer).flatMap(n -> ranges.stream().filter(r -> r.contains(n)).findFirst())
                    .map(NumberRange::id);
        }

        @Override
        public Optional<String> normalize(String answer) {
            if (domain().contains(answer)) {
                return Optional.of(answer);
            }
            return number(answer).map(n -> n.stripTrailingZeros().toPlainString());
        }

        /** The range's lower bound, or one below the upper bound of the first range. */
        @Override
        public String representative(String value) {
            NumberRange range = ranges.stream().filter(r -> r.id().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(value + " is not a range"));
            if (range.from() != null) {
                return range.from().toPlainString();
            }
            return range.to() == null ? "0" : range.to().subtract(java.math.BigDecimal.ONE).toPlainString();
        }

        @Override
        public String allowed() {
            return format().orElseThrow() + ", or a range: " + String.join(", ", domain());
        }

        @Override
        public String describe() {
            return format().orElseThrow() + "; or a range: " + String.join(", ", ranges.stream()
                    .map(r -> r.id() + " (" + r.label() + ")").toList()) + "; or unknown.";
        }

        @Override
        public String example() {
            return representative(ranges.get(ranges.size() - 1).id());
        }

        @Override
        public Optional<List<String>> closedValues() {
            return Optional.empty();
        }

        @Override
        public Optional<String> fault() {
            return contiguous(ranges, "range", "number", NumberRange::id, NumberRange::from, NumberRange::to);
        }
    }

    /**
     * Whether ordered ranges cover every value once: the first open below, the last open above, each ending where
     * the next starts, none empty. The fault in words, else empty.
     */
    private static <R, T extends Comparable<T>> Optional<String> contiguous(List<R> ranges, String noun,
            String value, java.util.function.Function<R, String> id, java.util.function.Function<R, T> from,
            java.util.function.Function<R, T> to) {
        if (ranges.isEmpty()) {
            return Optional.of("at least one " + noun + " is needed");
        }
        R first = ranges.get(0);
        R last = ranges.get(ranges.size() - 1);
        if (from.apply(first) != null) {
            return Optional.of("the first " + noun + " '" + id.apply(first) + "' must have no 'from' so that every "
                    + value + " falls in a " + noun);
        }
        if (to.apply(last) != null) {
            return Optional.of("the last " + noun + " '" + id.apply(last) + "' must have no 'to' so that every "
                    + value + " falls in a " + noun);
        }
        for (int i = 0; i + 1 < ranges.size(); i++) {
            R a = ranges.get(i);
            R b = ranges.get(i + 1);
            if (to.apply(a) == null || to.apply(a).compareTo(from.apply(b)) != 0) {
                return Optional.of(noun + " '" + id.apply(a) + "' must end ('to') where " + noun + " '" + id.apply(b)
                        + "' starts ('from'); a gap or overlap between them would leave " + value + "s undecided");
            }
            if (to.apply(b) != null && from.apply(b).compareTo(to.apply(b)) >= 0) {
                return Optional.of(noun + " '" + id.apply(b) + "' is empty (from " + from.apply(b) + " to "
                        + to.apply(b) + ")");
            }
        }
        return Optional.empty();
    }
}
