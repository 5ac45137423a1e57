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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the articles a first message is about, before any article is chosen: every article's title, its symptoms
 * (the words people use for the problem, from its flow.yaml) and its sentences, searched with BM25 (Lucene, in
 * memory). An article is a candidate only when it holds most of what the message talks about, each word weighed by
 * how rare it is across the kb ({@link #ENOUGH}); one candidate well ahead of the others is the match; several close
 * ones are asked about; none is said.
 */
public final class ArticleRouter {

    /** How much of the message (weighed by rarity) one article at least must hold for any to be found. */
    static final double ENOUGH = 0.6;
    /** How much of it an article must hold to be one of those found. */
    static final double POSSIBLE = 0.4;
    /** A second candidate this close to the first (by score) makes the message ambiguous. */
    static final double CLOSE = 0.7;
    private static final float TITLE_BOOST = 2f;
    private static final float SYMPTOM_BOOST = 2f;

    /** Where a first message leads. */
    public sealed interface Route {
    }

    /** One article clearly matches. */
    public record One(String articleId) implements Route {
    }

    /** Several articles match about as well, best first: ask which. */
    public record Several(List<String> articleIds) implements Route {

        public Several {
            articleIds = List.copyOf(articleIds);
        }
    }

    /** No article is about this. */
    public record None() implements Route {
    }

    private final List<String> ids = new ArrayList<>();
    private final List<Set<String>> vocabulary = new ArrayList<>();
    private final Rarity rarity = new Rarity();
    private final KbAnalyzer queryAnalyzer;
    private final IndexSearcher searcher;

    private ArticleRouter(List<Article> articles, Synonyms synonyms) {
        this.queryAnalyzer = new KbAnalyzer(synonyms.map, false);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KbAnalyzer(synonyms.map,
                true)))) {
            for (int a = 0; a < articles.size(); a++) {
                Article article = articles.get(a);
                ids.add(article.id());
                Set<String> words = new HashSet<>();
                add(writer, a, "title", article.title(), words);
                for (String symptom : article.symptoms()) {
                    add(writer, a, "symptom", symptom, words);
                }
                for (Section section : article.sections()) {
                    add(writer, a, "title", Section.name(section.title()), words);
                    for (String sentence : ArticleSearch.sentences(section)) {
                        add(writer, a, "text", sentence, words);
                    }
                }
                vocabulary.add(words);
            }
            writer.commit();
            this.searcher = KbAnalyzer.searcher(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(IndexWriter writer, int article, String field, String text, Set<String> words)
            throws IOException {
        Set<String> terms = queryAnalyzer.terms(text);
        rarity.add(terms);
        words.addAll(terms);
        Document doc = new Document();
        doc.add(new StoredField("article", article));
        doc.add(new TextField(field, text, Field.Store.NO));
        writer.addDocument(doc);
    }

    /** Indexes the articles of a kb. */
    public static ArticleRouter of(List<Article> articles, Synonyms synonyms) {
        return new ArticleRouter(articles, synonyms);
    }

    /** Where a first message (in English as far as it could be put) leads. */
    public Route route(String english) {
        Set<String> terms = queryAnalyzer.terms(english);
        if (terms.isEmpty()) {
            return new None();
        }
        Map<Integer, Double> scores = scores(terms);
        List<Integer> candidates = new ArrayList<>();
        boolean clear = false;
        for (int a = 0; a < ids.size(); a++) {
            double coverage = coverage(terms, a);
            if (coverage >= POSSIBLE && scores.getOrDefault(a, 0.0) > 0) {
                candidates.add(a);
                clear |= coverage >= ENOUGH;
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer a) -> -scores.get(a)));
        if (!clear) {
            // no one article holds enough of it, but together they do: a message about two problems
            return candidates.size() > 1 && coverage(terms, candidates) >= ENOUGH
                    ? new Several(candidates.stream().map(ids::get).toList()) : new None();
        }
        double best = scores.get(candidates.get(0));
        List<String> close = candidates.stream().filter(a -> scores.get(a) >= best * CLOSE).map(ids::get).toList();
        return close.size() == 1 ? new One(close.get(0)) : new Several(close);
    }

    /** Per article, the sum of its three best-matching documents' scores. */
    private Map<Integer, Double> scores(Set<String> terms) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String t : terms) {
            query.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term("title", t)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
            query.add(new BoostQuery(new TermQuery(new Term("symptom", t)), SYMPTOM_BOOST),
                    BooleanClause.Occur.SHOULD);
        }
        Map<Integer, List<Float>> byArticle = new LinkedHashMap<>();
        try {
            for (ScoreDoc d : searcher.search(query.build(), 50).scoreDocs) {
                int a = searcher.storedFields().document(d.doc).getField("article").numericValue().intValue();
                byArticle.computeIfAbsent(a, k -> new ArrayList<>()).add(d.score);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Integer, Double> out = new HashMap<>();
        byArticle.forEach((a, s) -> out.put(a, s.stream().limit(3).mapToDouble(Float::doubleValue).sum()));
        return out;
    }

    /** The share of the message's terms (weighed by rarity across the kb) that the article uses. */
    double coverage(Set<String> terms, int article) {
        return coverage(terms, List.of(article));
    }

    /** The share of the message's terms (weighed by rarity across the kb) that one of the articles uses. */
    double coverage(Set<String> terms, List<Integer> articles) {
        return rarity.coverage(terms, t -> articles.stream().anyMatch(a -> vocabulary.get(a).contains(t)));
    }
}
