package io.kbguide.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The compiled tables of a kb, stored so that a start on the very kb they were built from needs not evaluate every
 * combination again: made and verified when the application is built, read back at start-up against the articles
 * as read then. A versioned binary, never Java serialization: per article its radix and result index per
 * combination, and each distinct diagnosis as indices into the article (steps and facts by position) and into
 * tables of the strings, explanations and findings it holds; its citations and summary are worked out again by the
 * table builder's own code. The file names the hash of the kb files it was built from and ends with a CRC-32 of
 * everything before it, so that a truncated or damaged file is refused rather than read.
 */
public final class StoredTables {

    /** Raised by any change to the layout below: a file of another version is not read. */
    public static final int FORMAT = 1;
    private static final int MAGIC = 0x4b425442; // "KBTB"

    private final String kbHash;
    private final Map<String, byte[]> articles;

    private StoredTables(String kbHash, Map<String, byte[]> articles) {
        this.kbHash = kbHash;
        this.articles = articles;
    }

    /** The hash of the kb files the tables were built from, as given to {@link #write}. */
    public String kbHash() {
        return kbHash;
    }

    /** The ids of the articles stored, in the order written. */
    public List<String> articleIds() {
        return List.copyOf(articles.keySet());
    }

    /**
     * The tables of the articles of a kb, with the hash of the kb files they were built from.
     *
     * @param compiled the articles as {@link ArticleCompiler} made them, in the order the kb is read
     */
    public static byte[] write(String kbHash, List<CompiledArticle> compiled) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(kbHash);
            out.writeInt(compiled.size());
            for (CompiledArticle article : compiled) {
                byte[] body = encode(article);
                out.writeUTF(article.id());
                out.writeInt(body.length);
                out.write(body);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: does not happen
        }
    }

    /**
     * Reads stored tables.
     *
     * @return empty when the bytes are not tables of this {@link #FORMAT}, or are truncated or damaged
     */
    public static Optional<StoredTables> read(byte[] file) {
        if (file.length < 16) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(file, 0, file.length - 8);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
        try {
            in.skipNBytes(file.length - 8);
            if (in.readLong() != crc.getValue()) {
                return Optional.empty();
            }
            in = new DataInputStream(new ByteArrayInputStream(file, 0, file.length - 8));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return Optional.empty();
            }
            String hash = in.readUTF();
            int count = in.readInt();
            Map<String, byte[]> articles = new LinkedHashMap<>();
            for (int k = 0; k < count; k++) {
                String id = in.readUTF();
                articles.put(id, in.readNBytes(in.readInt()));
            }
            return in.available() == 0 ? Optional.of(new StoredTables(hash, articles)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The compiled article, from its stored tables and the article as read now (the one they were built from: the
     * caller has checked the kb's hash).
     *
     * @throws IllegalArgumentException when the tables are missing or do not fit the article (a file made by
     *                                  another build, or damaged in a way the checksum missed)
     */
    public CompiledArticle restore(Article article) {
        byte[] body = articles.get(article.id());
        if (body == null) {
            throw new IllegalArgumentException("no stored tables for article '" + article.id() + "'");
        }
        try {
            return decode(article, new DataInputStream(new ByteArrayInputStream(body)), body.length);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("the stored tables of article '" + article.id()
                    + "' do not fit it: " + e, e);
        }
    }

    private static byte[] encode(CompiledArticle compiled) throws IOException {
        Article article = compiled.article();
        Index<String> strings = new Index<>();
        Index<Explanation> explanations = new Index<>();
        Index<Finding> findings = new Index<>();
        ByteArrayOutputStream diagnoses = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(diagnoses);
        for (Diagnosis diagnosis : compiled.results()) {
            var(d, diagnosis.findings().size());
            for (var f : diagnosis.findings().entrySet()) {
                var(d, strings.of(f.getKey()));
                Finding finding = f.getValue();
                if (findings.isNew(finding)) {
                    strings.of(finding.value());
                    strings.of(finding.sentence());
                    explanation(finding.because(), explanations, strings);
                }
                var(d, findings.of(finding));
            }
            var(d, diagnosis.remediation().size());
            for (RemediationStep step : diagnosis.remediation()) {
                var(d, position(article.steps(), step.step()));
                var(d, step.reasons().size());
                for (Explanation reason : step.reasons()) {
                    var(d, explanation(reason, explanations, strings));
                }
            }
            var(d, diagnosis.notes().size());
            for (Explanation note : diagnosis.notes()) {
                var(d, explanation(note, explanations, strings));
            }
            var(d, diagnosis.missing().size());
            for (MissingFact missing : diagnosis.missing()) {
                var(d, position(article.facts(), missing.fact()));
                var(d, missing.onlyIf().size());
                for (var only : missing.onlyIf().entrySet()) {
                    var(d, strings.of(only.getKey()));
                    var(d, only.getValue().size());
                    for (String value : only.getValue()) {
                        var(d, strings.of(value));
                    }
                }
            }
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        var(out, compiled.radix().length);
        for (int r : compiled.radix()) {
            var(out, r);
        }
        var(out, strings.items.size());
        for (String s : strings.items) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            var(out, utf8.length);
            out.write(utf8);
        }
        var(out, explanations.items.size());
        for (Explanation e : explanations.items) {
            var(out, strings.of(e.text()));
            out.writeByte(e.source().ordinal());
            var(out, e.citations().size());
            for (Citation c : e.citations()) {
                var(out, strings.of(c.section()));
                var(out, strings.of(c.quote()));
            }
        }
        var(out, findings.items.size());
        for (Finding f : findings.items) {
            var(out, strings.of(f.value()));
            var(out, strings.of(f.sentence()));
            var(out, explanations.of(f.because()));
        }
        var(out, compiled.results().size());
        diagnoses.writeTo(out);
        int[] resultOf = compiled.resultOf();
        var(out, resultOf.length);
        for (int r : resultOf) {
            var(out, r + 1); // -1, a contradiction, is 0
        }
        return bytes.toByteArray();
    }

    /** The explanation's index, its strings indexed first (the string table is written before the others). */
    private static int explanation(Explanation e, Index<Explanation> explanations, Index<String> strings) {
        if (explanations.isNew(e)) {
            strings.of(e.text());
            e.citations().forEach(c -> {
                strings.of(c.section());
                strings.of(c.quote());
            });
        }
        return explanations.of(e);
    }

    private static CompiledArticle decode(Article article, DataInputStream in, int length) throws IOException {
        int[] radix = new int[var(in)];
        if (radix.length != article.facts().size()) {
            throw new IllegalArgumentException(radix.length + " facts stored, " + article.facts().size() + " read");
        }
        long combinations = 1;
        for (int i = 0; i < radix.length; i++) {
            radix[i] = var(in);
            if (radix[i] != article.facts().get(i).domain().size() + 1) {
                throw new IllegalArgumentException("fact '" + article.facts().get(i).id() + "' has other values");
            }
            combinations *= radix[i];
        }
        String[] strings = new String[count(in, length)];
        for (int k = 0; k < strings.length; k++) {
            strings[k] = new String(in.readNBytes(count(in, length)), StandardCharsets.UTF_8);
        }
        Explanation[] explanations = new Explanation[count(in, length)];
        Source[] sources = Source.values();
        for (int k = 0; k < explanations.length; k++) {
            String text = strings[var(in)];
            Source source = sources[in.readUnsignedByte()];
            List<Citation> citations = new ArrayList<>();
            for (int c = count(in, length); c > 0; c--) {
                citations.add(new Citation(strings[var(in)], strings[var(in)]));
            }
            explanations[k] = new Explanation(text, source, citations);
        }
        Finding[] findings = new Finding[count(in, length)];
        for (int k = 0; k < findings.length; k++) {
            findings[k] = new Finding(strings[var(in)], strings[var(in)], explanations[var(in)]);
        }
        List<Diagnosis> results = new ArrayList<>();
        Map<String, Finding> found = new LinkedHashMap<>();
        for (int k = count(in, length); k > 0; k--) {
            found.clear();
            for (int f = count(in, length); f > 0; f--) {
                found.put(strings[var(in)], findings[var(in)]);
            }
            List<RemediationStep> remediation = new ArrayList<>();
            for (int s = count(in, length); s > 0; s--) {
                Step step = article.steps().get(var(in));
                List<Explanation> reasons = new ArrayList<>();
                for (int r = count(in, length); r > 0; r--) {
                    reasons.add(explanations[var(in)]);
                }
                remediation.add(new RemediationStep(step, reasons));
            }
            List<Explanation> notes = new ArrayList<>();
            for (int n = count(in, length); n > 0; n--) {
                notes.add(explanations[var(in)]);
            }
            List<MissingFact> missing = new ArrayList<>();
            for (int m = count(in, length); m > 0; m--) {
                Fact fact = article.facts().get(var(in));
                Map<String, List<String>> onlyIf = new LinkedHashMap<>();
                for (int o = count(in, length); o > 0; o--) {
                    String factId = strings[var(in)];
                    String[] values = new String[count(in, length)];
                    for (int v = 0; v < values.length; v++) {
                        values[v] = strings[var(in)];
                    }
                    onlyIf.put(factId, Arrays.asList(values));
                }
                missing.add(new MissingFact(fact, onlyIf));
            }
            results.add(TableBuilder.diagnosis(article, found, remediation, notes, missing));
        }
        int[] resultOf = new int[var(in)];
        if (resultOf.length != combinations) {
            throw new IllegalArgumentException(resultOf.length + " combinations stored, " + combinations + " read");
        }
        for (int k = 0; k < resultOf.length; k++) {
            resultOf[k] = var(in) - 1;
            if (resultOf[k] < -1 || resultOf[k] >= results.size()) {
                throw new IllegalArgumentException("combination " + k + " names no diagnosis");
            }
        }
        if (in.available() > 0) {
            throw new IllegalArgumentException(in.available() + " bytes left over");
        }
        return new CompiledArticle(article, radix, resultOf, results);
    }

    /** A count or a length, which cannot exceed what is left of the stored bytes. */
    private static int count(DataInputStream in, int length) throws IOException {
        int n = var(in);
        if (n < 0 || n > length) {
            throw new IllegalArgumentException("a count of " + n + " in " + length + " bytes");
        }
        return n;
    }

    /** A number of 0 or more in 7-bit groups, low first, the high bit set on all but the last: most take 1 byte. */
    private static void var(DataOutputStream out, int n) throws IOException {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        while (n >= 0x80) {
            out.writeByte(n & 0x7f | 0x80);
            n >>>= 7;
        }
        out.writeByte(n);
    }

    private static int var(DataInputStream in) throws IOException {
        int n = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            n |= (b & 0x7f) << shift;
            if (b < 0x80) {
                return n;
            }
        }
        throw new IllegalArgumentException("a number longer than 5 bytes");
    }

    /** The position of a step or fact of the article: the very object, as the table builder hands it on. */
    private static <T> int position(List<T> all, T item) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == item) {
                return i;
            }
        }
        throw new IllegalArgumentException(item + " is not of the article");
    }

    /** Distinct values by number, in the order first seen. */
    private static final class Index<T> {
        final Map<T, Integer> numbers = new HashMap<>();
        final List<T> items = new ArrayList<>();

        boolean isNew(T item) {
            return !numbers.containsKey(item);
        }

        int of(T item) {
            return numbers.computeIfAbsent(item, k -> {
                items.add(item);
                return items.size() - 1;
            });
        }
    }
}
