package io.kbguide.kb;

import io.kbguide.dialogue.KnowledgeBaseEntry;
import io.kbguide.engine.Article;
import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.GoldenCase;
import io.kbguide.engine.GoldenCheck;
import io.kbguide.engine.KbException;
import io.kbguide.engine.KbReader;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code kb check}: verifies a kb directory exactly as the service's start-up does ({@link KbLoader#loadAll}, the
 * same code, and the same message for a fault), then runs each article's golden cases as the test suite does
 * ({@link GoldenCheck}), without starting Quarkus or HTTP. Plain Java: after {@code ./mvnw package},
 * <pre>java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' io.kbguide.kb.KbCheck kb</pre>
 * Exit code 0 when every article is verified and every golden case holds, 1 when the start-up would stop on the kb
 * or a golden case fails, 2 for a usage error.
 */
public final class KbCheck {

    static final String USAGE = "usage: KbCheck [kb directory, default kb]";

    private KbCheck() {
    }

    public static void main(String... args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs on the directory the arguments name (none: {@code kb}). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length > 1 || (args.length == 1 && (args[0].startsWith("-") || args[0].isBlank()))) {
            err.println(USAGE);
            return 2;
        }
        return run(Path.of(args.length == 0 ? "kb" : args[0]), out);
    }

    /**
     * Verifies the kb under {@code dir} and runs its golden cases, printing a line for each article ("ok <id>
     * (version v): N facts, M steps, K golden cases, verified in X ms"), or the fault the start-up would stop on.
     *
     * @return 0 when all is well, 1 when the start-up would stop on the kb or a golden case fails
     */
    public static int run(Path dir, PrintStream out) {
        Path kb = dir.toAbsolutePath().normalize();
        long start = System.nanoTime();
        List<Map.Entry<KnowledgeBaseEntry, Long>> verified = new ArrayList<>();
        KbLoader.Kb loaded;
        try {
            // always in full, whatever tables the application holds: checking is what it is run for
            loaded = KbLoader.verifyAll(kb, (entry, ms) -> verified.add(Map.entry(entry, ms)));
        } catch (KbException e) {
            int golden = report(kb, verified, out);
            // the start-up stops on the first fault, with this message: the articles after it are not verified
            out.println(e.getMessage());
            out.println("kb check: the service would not start on " + kb
                    + (golden == 0 ? "" : "; " + golden + " golden problem(s)"));
            return 1;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int golden = report(kb, verified, out);
        out.println(KbLoader.summary(loaded, kb, millis));
        if (golden > 0) {
            out.println("kb check: " + golden + " golden problem(s)");
            return 1;
        }
        return 0;
    }

    /**
     * Prints each verified article's line, followed by its golden problems: a case the article does not give, an
     * outcome no case covers, a golden file that cannot be read.
     *
     * @return how many golden problems there were
     */
    private static int report(Path kb, List<Map.Entry<KnowledgeBaseEntry, Long>> verified, PrintStream out) {
        int problems = 0;
        for (Map.Entry<KnowledgeBaseEntry, Long> e : verified) {
            CompiledArticle compiled = e.getKey().article();
            Article article = compiled.article();
            List<String> lines = new ArrayList<>();
            List<GoldenCase> cases = List.of();
            try {
                cases = new KbReader().readGolden(kb.resolve(article.folder()));
                for (GoldenCase c : cases) {
                    List<String> mismatches = GoldenCheck.mismatches(compiled, c);
                    if (!mismatches.isEmpty()) {
                        problems++;
                        lines.add("golden case '" + c.name() + "' fails: " + String.join("; ", mismatches));
                    }
                }
                for (String outcome : GoldenCheck.uncovered(compiled, cases)) {
                    problems++;
                    lines.add("no golden case gives " + outcome);
                }
            } catch (KbException fault) {
                problems++;
                lines.add(fault.getMessage());
            }
            out.printf(Locale.ROOT, "%s %s (version %s): %d facts, %d steps, %d golden cases, verified in %d ms%n",
                    lines.isEmpty() ? "ok" : "FAIL", article.id(), article.version(), article.facts().size(),
                    article.steps().size(), cases.size(), e.getValue());
            lines.forEach(line -> out.println("  " + line));
        }
        return problems;
    }
}
