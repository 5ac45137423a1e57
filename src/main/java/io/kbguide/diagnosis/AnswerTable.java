package io.kbguide.diagnosis;

import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Fact;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every settled fact set of one article (one whose diagnosis needs no further answer), in one format, served as
 * bytes. Such an answer is its diagnosis laid out for the facts known, followed by those facts themselves; leave the
 * facts out and the 34 494 settled sets of the seed article give 71 distinct answers (444 KB as JSON). So each
 * distinct answer is kept once, cut where the facts go ({@link DiagnosisFormat#around}), every settled set points to
 * its own, and a request's facts are spliced in from parts written once per value of each fact.
 * <p>
 * An entry is made the first time its set is asked for, or by {@link #fill}, and checked then: the spliced bytes
 * must be exactly what writing the whole diagnosis gives, or that set is written whole every time instead (and a
 * warning says so). Entries are never dropped: the table is bounded by the article's combinations.
 */
final class AnswerTable {

    private static final Logger LOG = Logger.getLogger(AnswerTable.class);

    /** Stands for a set whose answer could not be cut around its facts: written whole each time. */
    private static final DiagnosisFormat.Around WHOLE = new DiagnosisFormat.Around(new byte[0], new byte[0]);

    private final CompiledArticle article;
    private final DiagnosisFormat format;
    /** Per combination of the article's table, its answer cut around its facts; null until made. */
    private final AtomicReferenceArray<DiagnosisFormat.Around> answers;
    /** Each distinct answer once. */
    private final Map<DiagnosisFormat.Around, DiagnosisFormat.Around> distinct = new ConcurrentHashMap<>();
    /** Per fact and known value's code, the fact as the format lists it. */
    private final byte[][][] facts;
    private final byte[] between;
    private final LongAdder lookups = new LongAdder();
    private final LongAdder made = new LongAdder();

    AnswerTable(CompiledArticle article, DiagnosisFormat format) {
        this.article = article;
        this.format = format;
        List<Fact> all = article.article().facts();
        this.facts = new byte[all.size()][][];
        for (int i = 0; i < all.size(); i++) {
            Fact fact = all.get(i);
            facts[i] = new byte[article.unknownCode(i)][];
            for (int v = 0; v < facts[i].length; v++) {
                facts[i][v] = format.fact(DiagnosisView.FactUsed.given(fact, fact.domain().get(v)));
            }
        }
        this.answers = new AtomicReferenceArray<>(article.combinations());
        this.between = format.between();
    }

    /** Whether the table answers these codes (from {@link CompiledArticle#codes}): whether they settle everything. */
    boolean settles(int[] codes) {
        return article.diagnose(codes).complete();
    }

    /** The answer to codes that {@link #settles settle} everything. */
    byte[] answer(int[] codes) {
        int combination = article.combination(codes);
        DiagnosisFormat.Around around = answers.get(combination);
        lookups.increment();
        if (around == null) {
            made.increment();
            return make(combination, codes);
        }
        return around == WHOLE ? format.write(DiagnosisService.view(article, codes)) : splice(around, codes);
    }

    /** Makes the entry of every settled combination not made yet. */
    void fill() {
        int[] codes = new int[facts.length];
        for (int combination = 0; combination < answers.length(); combination++) {
            article.codesOf(combination, codes);
            if (answers.get(combination) == null && !article.contradicts(codes) && settles(codes)) {
                make(combination, codes);
            }
        }
    }

    /** How many answers were looked up. */
    long lookups() {
        return lookups.sum();
    }

    /** How many of the looked-up answers had to be made then. */
    long made() {
        return made.sum();
    }

    /** How many distinct answers the table keeps, and their bytes. */
    long[] size() {
        return new long[] {distinct.size(), distinct.keySet().stream()
                .mapToLong(a -> a.before().length + a.after().length).sum()};
    }

    private byte[] make(int combination, int[] codes) {
        DiagnosisView view = DiagnosisService.view(article, codes);
        byte[] whole = format.write(view);
        DiagnosisFormat.Around around = format.around(view).orElse(WHOLE);
        if (around != WHOLE && !Arrays.equals(whole, splice(around, codes))) {
            LOG.warnf("Article %s: the answer to %s, spliced around its facts, differs from the answer written whole;"
                    + " it is written whole each time", article.id(), article.known(codes));
            around = WHOLE;
        }
        answers.set(combination, around == WHOLE ? WHOLE : distinct.computeIfAbsent(around, a -> a));
        return whole;
    }

    private byte[] splice(DiagnosisFormat.Around around, int[] codes) {
        int length = around.before().length + around.after().length;
        int known = 0;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < facts[i].length) {
                length += facts[i][codes[i]].length + (known++ > 0 ? between.length : 0);
            }
        }
        byte[] out = new byte[length];
        int at = put(out, 0, around.before());
        known = 0;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] < facts[i].length) {
                if (known++ > 0) {
                    at = put(out, at, between);
                }
                at = put(out, at, facts[i][codes[i]]);
            }
        }
        put(out, at, around.after());
        return out;
    }

    private static int put(byte[] out, int at, byte[] part) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }
}
