package io.kbguide.answers;

import io.kbguide.engine.KbException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * The kb's synonyms ({@code kb/synonyms.txt}, Solr's format: one group a line, words or phrases separated by
 * commas, the first the one the others are folded into), read with Lucene's own parser. Optional: without the file
 * words are matched as written (stemmed).
 */
public final class Synonyms {

    /** The file in the kb directory. */
    public static final String FILE = "synonyms.txt";

    /** No synonyms. */
    public static final Synonyms NONE = new Synonyms(null);

    final SynonymMap map;

    private Synonyms(SynonymMap map) {
        this.map = map;
    }

    /** Reads {@code synonyms.txt} from the kb directory, or none when there is no such file. */
    public static Synonyms read(Path kbDir) {
        Path file = kbDir.resolve(FILE);
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KbException(FILE, "cannot be read: " + e.getMessage());
        } catch (ParseException e) {
            throw new KbException(FILE, "line " + e.getErrorOffset() + ": " + e.getMessage());
        }
    }

    static Synonyms parse(String text) throws IOException, ParseException {
        try (Analyzer words = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }
        }) {
            SolrSynonymParser parser = new SolrSynonymParser(true, false, words);
            parser.parse(new StringReader(text));
            return new Synonyms(parser.build());
        }
    }
}
