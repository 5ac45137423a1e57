package io.kbguide.answers;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How the article's sentences and a person's question are put into terms, the same way for both: Lucene's standard
 * tokenizer, lower case, the kb's synonyms (each group folded into its first word, {@code kb/synonyms.txt}),
 * English stop words and the words every question has ("what", "does", "need"), Porter's stemmer.
 */
final class KbAnalyzer extends Analyzer {

    /** Words that carry no subject: English stop words, and the words questions and requests are made of. */
    static final CharArraySet STOP;

    static {
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(List.of("what", "why", "how", "when", "where", "which", "who", "whom", "whose", "does", "do",
                "did", "done", "can", "could", "should", "would", "will", "shall", "may", "might", "must", "i", "we",
                "you", "me", "us", "my", "our", "your", "am", "is", "are", "was", "were", "been", "being", "has",
                "have", "had", "having", "need", "needs", "want", "know", "tell", "please", "hi", "hello", "thanks",
                "thank", "anyone", "someone", "something", "any", "some", "about", "also", "too", "still", "just",
                "really", "exactly", "actually", "so", "here", "there", "mean", "means", "happen", "happens",
                "get", "gets", "got", "going", "go", "it's", "its", "i'm", "we're", "don't", "doesn't", "cannot",
                "can't", "ok", "okay", "yes", "no", "one", "other", "more", "much", "many", "which", "from",
                "whether", "if", "than", "then", "very", "own", "same", "only", "all", "each", "both", "case",
                "without", "with", "using", "use", "used", "uses", "fix", "fixes", "fixed", "solve", "solves", "solved",
                "help", "helps", "work", "works", "worked", "problem", "problems", "issue", "issues", "article",
                "articles", "kb", "knowledgebase", "doc", "docs", "documentation", "say", "says", "said", "ever",
                "main", "kind", "sort", "thing", "things", "stuff", "box", "lol", "somewhere", "anything", "else",
                "besides",
                "already", "now", "right", "basically", "quick", "q", "question", "questions", "look", "looks",
                "wondering", "wonder", "guess", "think", "sure", "idea", "anybody", "everyone", "again", "first",
                "place", "isn't", "aren't", "wasn't", "didn't", "won't", "wouldn't", "shouldn't", "there's",
                "what's", "that's", "lot", "bit", "way", "ways", "make", "makes", "made", "take", "takes", "stand",
                "stands", "refer", "refers", "referred", "called", "call", "likely", "server", "servers", "machine",
                "machines", "node", "nodes", "host", "hosts", "since", "yesterday", "today", "tonight", "tomorrow",
                "morning", "week", "weeks", "hour", "hours", "minute", "minutes", "every", "few", "keep", "keeps",
                "kept", "after", "before", "suddenly", "sometimes", "always", "never", "often", "bonjour", "hallo",
                "hola", "folks", "guys", "team", "like", "likes"));
        STOP = CharArraySet.unmodifiableSet(stop);
    }

    private final SynonymMap synonyms;
    private final boolean flatten;

    /**
     * @param synonyms the kb's synonym groups (may be empty)
     * @param flatten  true to index (a multi-word synonym becomes one flat token stream), false to query
     */
    KbAnalyzer(SynonymMap synonyms, boolean flatten) {
        this.synonyms = synonyms;
        this.flatten = flatten;
    }

    @Override
    protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        if (synonyms != null && synonyms.fst != null) {
            stream = new SynonymGraphFilter(stream, synonyms, true);
            if (flatten) {
                stream = new FlattenGraphFilter(stream);
            }
        }
        stream = new EnglishPossessiveFilter(stream);
        stream = new StopFilter(stream, STOP);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    /** The distinct terms of a text, in order. */
    Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (term.length() > 1 || Character.isDigit(term.charAt(0))) { // a letter alone says nothing
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }


    /**
     * A searcher over an index built with this analyzer, as both searches score: BM25 with length counting for less
     * than its default (sentences are short and of very different lengths).
     */
    static IndexSearcher searcher(Directory directory) throws IOException {
        IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
        searcher.setSimilarity(new BM25Similarity(1.2f, 0.3f));
        return searcher;
    }
}
