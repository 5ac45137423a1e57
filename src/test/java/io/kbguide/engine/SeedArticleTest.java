package io.kbguide.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class SeedArticleTest {
    @Test
    void shouldCompile() {
        long t0 = System.nanoTime();
        Article a = new KbReader().read(Path.of("kb/heartbeat-registry-driver"));
        CompiledArticle c = new ArticleCompiler().compile(a);
        System.out.println(c + " in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
