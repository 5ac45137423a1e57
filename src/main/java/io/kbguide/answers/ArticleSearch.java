package io.kbguide.answers;

import io.kbguide.engine.Article;
import io.kbguide.engine.Section;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One article's sentences, searched with BM25 (Lucene, in memory, built when the kb is loaded) to answer a
 * question with the article's own words. A sentence is found by its own words and, less, by its section's (title
 * and text). The article "says" something only where the best sentence's section holds most of what the question
 * asks about, weighed by how rare each word is in the article ({@link #coverage}): a question about a word the
 * article never uses ("price", "Linux") is not answered with a passage that shares only its common words.
 */
public final class ArticleSearch {

    /** How much of the question (weighed by rarity) the answering section must hold. */
    static final double ENOUGH = 0.7;
    /** A second sentence of the section is quoted when it scores at least this share of the best. */
    static final double ALSO = 0.6;
    static final int MAX_QUOTES = 2;
    private static final float SECTION_BOOST = 0.35f;
    private static final float TITLE_BOOST = 1.2f;
    private static final float INTRODUCTION = 0.8f;

    /** One sentence of the article, where it is, and its terms. */
    record Sentence(int section, String text, Set<String> terms) {
    }

    private final Article article;
    private final KbAnalyzer queryAnalyzer;
    private final List<Sentence> sentences = new ArrayList<>();
    private final List<Set<String>> sectionTerms = new ArrayList<>();
    private final Rarity rarity = new Rarity();
    private final Synonyms synonyms;
    private final IndexSearcher searcher;

    private ArticleSearch(Article article, Synonyms synonyms) {
        this.article = article;
        this.synonyms = synonyms;
        this.queryAnalyzer = new KbAnalyzer(synonyms.map, false);
        KbAnalyzer indexAnalyzer = new KbAnalyzer(synonyms.map, true);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer))) {
            for (int s = 0; s < article.sections().size(); s++) {
                Section section = article.sections().get(s);
                // the first heading is the article's own title: it says what every sentence is about
                String title = s == 0 ? "" : Section.name(section.title());
                sectionTerms.add(queryAnalyzer.terms(title + ". " + section.plainText()));
                rarity.add(queryAnalyzer.terms(title));
                for (String text : sentences(section)) {
                    Sentence sentence = new Sentence(s, text, queryAnalyzer.terms(text));
                    rarity.add(sentence.terms());
                    Document doc = new Document();
                    doc.add(new StoredField("n", sentences.size()));
                    doc.add(new TextField("text", text, Field.Store.NO));
                    doc.add(new TextField("title", title, Field.Store.NO));
                    doc.add(new TextField("section", section.plainText(), Field.Store.NO));
                    writer.addDocument(doc);
                    sentences.add(sentence);
                }
            }
            writer.commit();
            this.searcher = KbAnalyzer.searcher(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indexes an article's sections. */
    public static ArticleSearch of(Article article, Synonyms synonyms) {
        return new ArticleSearch(article, synonyms);
    }

    /** The kb's synonyms the article was indexed with. */
    public Synonyms synonyms() {
        return synonyms;
    }

    private static final java.util.regex.Pattern LIST_ITEM = java.util.regex.Pattern.compile(
            "^\\s*(?:[-*+\u2022]|\\d+\\.)\\s+");

    /**
     * A section's sentences as written (white space folded, list markers dropped, as its plain text has them): each
     * paragraph and each list item apart, then split into sentences.
     */
    static List<String> sentences(Section section) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : section.markdown().split("\\R")) {
            java.util.regex.Matcher item = LIST_ITEM.matcher(line);
            if (line.isBlank() || item.find()) {
                if (!block.isEmpty()) {
                    blocks.add(block.toString());
                    block.setLength(0);
                }
                if (!line.isBlank()) {
                    block.append(line.substring(item.end()));
                }
            } else {
                block.append(block.isEmpty() ? "" : " ").append(line.strip());
            }
        }
        if (!block.isEmpty()) {
            blocks.add(block.toString());
        }
        List<String> out = new ArrayList<>();
        for (String b : blocks) {
            String text = b.strip().replaceAll("\\s+", " ");
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            it.setText(text);
            int from = it.first();
            for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
                // a break before a lower-case word or a bracket is an abbreviation or a version's dot
                // ("v6.2.[n] and Earlier"), not the end of a sentence
                if (end < text.length() && !Character.isUpperCase(text.charAt(end))
                        && !Character.isDigit(text.charAt(end)) && text.charAt(end) != '"') {
                    continue;
                }
                String sentence = text.substring(from, end).strip();
                if (!sentence.isEmpty()) {
                    out.add(sentence);
                }
                from = end;
            }
        }
        return out;
    }

    /**
     * The passages that answer a question (English, as far as the language packs could put it), or that the
     * article does not say.
     *
     * @param question the question as the person wrote it, for the answer
     * @param english  the same in English, to search with
     */
    public KbAnswer answer(String question, String english) {
        Set<String> terms = queryAnalyzer.terms(english);
        if (terms.isEmpty()) {
            return new KbAnswer.NotSaid(question);
        }
        String lower = english.toLowerCase(Locale.ROOT);
        List<Hit> hits = search(terms, WHY.matcher(lower).find());
        if (hits.isEmpty()) {
            return new KbAnswer.NotSaid(question);
        }
        if (QUANTITY.matcher(lower).find()) {
            hits = favourNumbers(hits);
        }
        Hit best = bestOf(hits, terms, DEFINITION.matcher(lower).find());
        Sentence top = sentences.get(best.sentence());
        if (coverage(terms, top) < ENOUGH) {
            return new KbAnswer.NotSaid(question);
        }
        List<Hit> quoted = new ArrayList<>(List.of(best));
        for (Hit h : hits) {
            if (quoted.size() < MAX_QUOTES && h != best && sentences.get(h.sentence()).section() == top.section()
                    && h.score() >= best.score() * ALSO) {
                quoted.add(h);
            }
        }
        quoted.sort(Comparator.comparingInt(Hit::sentence));
        Section section = article.sections().get(top.section());
        return new KbAnswer.Quoted(question, section.anchor(), section.title(),
                quoted.stream().map(h -> sentences.get(h.sentence()).text()).toList());
    }

    /** A question asking why: sentences that give a reason count for more. */
    private static final java.util.regex.Pattern WHY = java.util.regex.Pattern.compile(
            "\\bwhy\\b|\\bhow come\\b|\\breason\\b");
    /** A question asking how much or how many: a sentence with a number in it answers it. */
    private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile(
            "\\bhow (?:much|many|long|big|large|often)\\b|\\bat least\\b|\\bminimum\\b|\\bmaximum\\b");
    private static final float NUMBER_BOOST = 1.3f;

    private List<Hit> favourNumbers(List<Hit> hits) {
        List<Hit> out = new ArrayList<>();
        for (Hit h : hits) {
            boolean number = sentences.get(h.sentence()).text().chars().anyMatch(Character::isDigit);
            out.add(number ? new Hit(h.sentence(), h.score() * NUMBER_BOOST) : h);
        }
        out.sort(Comparator.comparingDouble((Hit h) -> -h.score()));
        return out;
    }

    /** A question asking what something is: the sentence that first names it answers it. */
    private static final java.util.regex.Pattern DEFINITION = java.util.regex.Pattern.compile(
            "^\\W*(?:what|wat)(?:'s|\\s+(?:is|are|was|were|does|do)\\b)|\\bstands? for\\b|\\bmean by\\b"
                    + "|\\bmeaning of\\b|\\bdefinition\\b|\\bwhat do you mean\\b");
    /** Words of a sentence that gives a reason, as the analyzer writes them. */
    private static final List<String> REASON_TERMS = List.of("therefor", "becaus", "due", "reason", "henc");
    private static final float REASON_BOOST = 1.5f;

    /**
     * The hit to answer with: the sentence of the best section (its best sentence, plus half its second best);
     * for a question asking what something is, the first sentence of the article that names the question's rarest
     * word, among the good hits.
     */
    private Hit bestOf(List<Hit> hits, Set<String> terms, boolean definition) {
        if (definition) {
            String rarest = terms.stream().filter(rarity::known).max(Comparator.comparingDouble(rarity::idf))
                    .orElse(null);
            Hit first = null;
            for (Hit h : hits) {
                if (rarest != null && h.score() >= hits.get(0).score() * 0.5
                        && sentences.get(h.sentence()).terms().contains(rarest)
                        && (first == null || h.sentence() < first.sentence())) {
                    first = h;
                }
            }
            if (first != null) {
                return first;
            }
        }
        Map<Integer, float[]> bySection = new HashMap<>();
        for (Hit h : hits) {
            float[] top2 = bySection.computeIfAbsent(sentences.get(h.sentence()).section(), k -> new float[2]);
            if (top2[0] == 0) {
                top2[0] = h.score();
            } else if (top2[1] == 0) {
                top2[1] = h.score();
            }
        }
        int section = bySection.entrySet().stream().max(Comparator.comparingDouble(
                (Map.Entry<Integer, float[]> e) -> e.getValue()[0] + 0.5 * e.getValue()[1])).orElseThrow().getKey();
        return hits.stream().filter(h -> sentences.get(h.sentence()).section() == section).findFirst().orElseThrow();
    }

    record Hit(int sentence, float score) {
    }

    private List<Hit> search(Set<String> terms, boolean why) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (why) {
            for (String reason : REASON_TERMS) {
                query.add(new BoostQuery(new TermQuery(new Term("text", reason)), REASON_BOOST),
                        BooleanClause.Occur.SHOULD);
            }
        }
        for (String t : terms) {
            query.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term("title", t)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term("section", t)), SECTION_BOOST), BooleanClause.Occur.SHOULD);
        }
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc d : searcher.search(query.build(), 20).scoreDocs) {
                int n = searcher.storedFields().document(d.doc).getField("n").numericValue().intValue();
                // the first section says in general what the others say in particular: it answers only when
                // clearly better
                hits.add(new Hit(n, sentences.get(n).section() == 0 ? d.score * INTRODUCTION : d.score));
            }
            hits.sort(Comparator.comparingDouble((Hit h) -> -h.score()));
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How much of the question the sentence's section holds: the question's terms that occur in the sentence or its
     * section, each weighed by its rarity among the article's sentences and titles ({@link Rarity}).
     */
    double coverage(Set<String> terms, Sentence sentence) {
        return rarity.coverage(terms, t -> sentence.terms().contains(t)
                || sectionTerms.get(sentence.section()).contains(t));
    }
}
