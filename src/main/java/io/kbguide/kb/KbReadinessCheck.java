package io.kbguide.kb;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once every article is loaded and verified. */
@Readiness
@ApplicationScoped
public class KbReadinessCheck implements HealthCheck {

    private final ArticleRegistry registry;

    public KbReadinessCheck(ArticleRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("kb").status(registry.ready())
                .withData("articles", registry.all().size()).build();
    }
}
