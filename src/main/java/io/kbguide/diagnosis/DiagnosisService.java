package io.kbguide.diagnosis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Diagnosis;
import io.kbguide.engine.Fact;
import io.kbguide.kb.ArticleRegistry;
import io.kbguide.text.Conflict;
import io.kbguide.text.Extraction;
import io.kbguide.text.Origin;
import io.kbguide.text.Rejection;
import io.kbguide.text.Unclear;
import io.kbguide.text.Understood;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The stateless diagnosis, from facts and optionally from typed or pasted text. */
@ApplicationScoped
public class DiagnosisService {

    private static final Logger LOG = Logger.getLogger(DiagnosisService.class);

    private final ArticleRegistry registry;
    private final JsonFormat json;
    /** Diagnoses of fact sets that leave answers missing, as JSON, by article and combination: written once. */
    private final Cache<Combination, byte[]> unsettledJson;
    /** The answer tables (every settled fact set), by article and format. */
    private final Map<TableKey, AnswerTable> tables = new ConcurrentHashMap<>();

    private final ExecutorService filling = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "answer-tables");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    private record Combination(String articleId, int number) {
    }

    private record TableKey(String articleId, DiagnosisFormat format) {
    }

    public DiagnosisService(ArticleRegistry registry, ObjectMapper mapper, DiagnosisConfig config,
            MeterRegistry meters) {
        this.registry = registry;
        this.json = new JsonFormat(mapper);
        this.unsettledJson = Caffeine.newBuilder().maximumWeight(config.jsonCacheSize().asLongValue())
                .weigher((Combination k, byte[] v) -> v.length).recordStats().build();
        // cache_gets_total{cache="diagnosis-json",result="hit|miss"}: how often an unsettled diagnosis is served as bytes
        CaffeineCacheMetrics.monitor(meters, unsettledJson, "diagnosis-json");
        // the same for settled fact sets: a miss is an answer made the first time its set is asked for
        FunctionCounter.builder("cache.gets", tables, t -> t.values().stream().mapToLong(a -> a.lookups() - a.made())
                .sum()).tags("cache", "diagnosis-table", "result", "hit").register(meters);
        FunctionCounter.builder("cache.gets", tables, t -> t.values().stream().mapToLong(AnswerTable::made).sum())
                .tags("cache", "diagnosis-table", "result", "miss").register(meters);
    }

    /** Diagnoses as the JSON of their {@link DiagnosisView}. */
    public DiagnosisFormat json() {
        return json;
    }

    /**
     * {@link #diagnose} written in a format. From facts alone the same combination always gives the same answer: a
     * fact set that settles everything is looked up in the article's {@link AnswerTable} (filled in the background
     * from the first time the article is asked for in that format), one that leaves answers missing is kept as JSON in
     * a cache; with text, every diagnosis is worked out.
     *
     * @throws io.kbguide.engine.InvalidFactsException naming every invalid answer, or the contradiction
     */
    public byte[] diagnose(DiagnosisFormat format, CompiledArticle article, Map<String, String> facts, String text) {
        if (text != null && !text.isBlank()) {
            return format.write(diagnose(article, facts, text));
        }
        int[] codes = article.codes(facts);
        AnswerTable table = tables.computeIfAbsent(new TableKey(article.id(), format), k -> filled(article, format));
        if (table.settles(codes)) {
            return table.answer(codes);
        }
        if (format != json) {
            return format.write(view(article, codes));
        }
        return unsettledJson.get(new Combination(article.id(), article.combination(codes)),
                k -> json.write(view(article, codes)));
    }

    /**
     * A new table, to be filled by the one filling thread: tables are filled one after the other, so that filling
     * them (a few seconds each for the seed article, while the JIT warms up) takes at most one core from requests.
     */
    private AnswerTable filled(CompiledArticle article, DiagnosisFormat format) {
        AnswerTable table = new AnswerTable(article, format);
        filling.execute(() -> {
            long start = System.nanoTime();
            try {
                table.fill();
            } catch (RuntimeException e) { // requests still make each answer as they come
                LOG.errorf(e, "Article %s: filling its answer table (%s) failed", article.id(), format.name());
                return;
            }
            long[] size = table.size();
            LOG.infof("Article %s: every settled fact set answered as %s in %d ms: %d distinct answers, %d KB",
                    article.id(), format.name(), (System.nanoTime() - start) / 1_000_000, size[0], size[1] / 1024);
        });
        return table;
    }

    /** A diagnosis from codes, as the API shows it. */
    static DiagnosisView view(CompiledArticle article, int[] codes) {
        return DiagnosisView.of(article.article(), article.diagnose(codes), article.plansByCase(codes),
                article.known(codes));
    }

    /**
     * Diagnoses from explicit facts and, when given, facts read from text. A fact the text gives two values for,
     * in an unusable form or with doubt, or an explicit fact the text contradicts, is left unknown and reported
     * as unclear: nothing is guessed. The response lists every fact used with its source (typed, pasted,
     * explicit) and which typed facts decide the steps that change the server.
     */
    public DiagnosisView diagnose(CompiledArticle article, Map<String, String> facts, String text) {
        if (text == null || text.isBlank()) {
            return view(article, article.codes(facts));
        }
        article.codes(facts); // the explicit facts must be valid on their own, whatever the text says
        Extraction extraction = registry.requireUnderstanding(article.id()).extract(text);
        Map<String, String> merged = new LinkedHashMap<>();
        List<DiagnosisView.UnderstoodView> understood = new ArrayList<>();
        List<DiagnosisView.UnclearView> unclear = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        Set<String> conflicted = new HashSet<>();
        for (Understood u : extraction.understood()) {
            Fact fact = article.article().fact(u.factId()).orElseThrow();
            String explicit = facts.get(u.factId());
            if (explicit != null && !Fact.UNKNOWN.equals(explicit) && !fact.sameAnswer(explicit, u.value())) {
                conflicted.add(u.factId());
                merged.put(u.factId(), Fact.UNKNOWN);
                unclear.add(new DiagnosisView.UnclearView(u.factId(), "facts." + u.factId() + " is \""
                        + fact.labelOf(explicit) + "\", but the text says \"" + fact.labelOf(u.value())
                        + "\" (from \"" + u.evidence() + "\"); it is left unknown until one of them is corrected.",
                        List.of(explicit, u.value())));
                continue;
            }
            merged.put(u.factId(), u.value());
            if (explicit == null || Fact.UNKNOWN.equals(explicit)) {
                understood.add(DiagnosisView.UnderstoodView.of(article.article(), u.factId(), u.value(),
                        u.evidence(), u.source().id()));
                if (u.source() == Origin.TYPED) {
                    typed.add(u.factId());
                }
            }
        }
        facts.forEach((factId, value) -> {
            if (!conflicted.contains(factId) && value != null && !(Fact.UNKNOWN.equals(value)
                    && merged.containsKey(factId))) {
                merged.put(factId, value);
                if (!Fact.UNKNOWN.equals(value) && article.article().fact(factId).isPresent()) {
                    understood.add(DiagnosisView.UnderstoodView.of(article.article(), factId, value,
                            "facts." + factId, "explicit"));
                }
            }
        });
        for (Conflict c : extraction.conflicts()) {
            unclear.add(new DiagnosisView.UnclearView(c.factId(), "The text gives more than one value: "
                    + String.join(", ", c.candidates().stream().map(u -> u.value() + " (from \"" + u.evidence()
                    + "\")").toList()) + "; it is left unknown.", c.candidates().stream().map(Understood::value)
                    .distinct().toList()));
        }
        for (Rejection r : extraction.rejections()) {
            unclear.add(new DiagnosisView.UnclearView(r.factId(), r.reason() + " (from \"" + r.evidence() + "\")",
                    List.of()));
        }
        for (Unclear u : extraction.unclear()) {
            unclear.add(new DiagnosisView.UnclearView(u.factId(), u.message() + " (from \"" + u.evidence()
                    + "\"); it is left unknown.", u.value() == null ? List.of() : List.of(u.value())));
        }
        int[] codes = article.codes(merged);
        Diagnosis diagnosis = article.diagnose(codes);
        List<String> deciding = typed.isEmpty() ? List.of() : article.decidingFacts(merged, typed);
        return DiagnosisView.of(article.article(), diagnosis, article.plansByCase(codes), article.known(codes))
                .withText(understood,
                unclear.isEmpty() ? null : unclear, deciding.isEmpty() ? null : deciding)
                .withIgnored(extraction.ignored().stream().map(g -> new DiagnosisView.IgnoredView(g.text(),
                        g.why().id(), g.words())).toList());
    }
}
