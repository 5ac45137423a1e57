package io.kbguide.api;

import io.kbguide.engine.CompiledArticle;
import io.kbguide.engine.Decision;
import io.kbguide.engine.Fact;
import io.kbguide.kb.ArticleRegistry;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes {@code facts} for client generators from the kb itself: an object with one property per fact and the
 * enum of its values (plus "unknown"; a version fact takes a version string or one of its bands); likewise a
 * diagnosis's {@code findings} (each finding and its values, or "undetermined") and a plan case's {@code when}
 * (each fact and its choices, or its version bands). Runs when the document is served, after the kb is loaded,
 * so that it follows the kb directory the service was started with.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class FactsSchemaFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema request = openAPI.getComponents().getSchemas().get("DiagnosisRequest");
        if (request == null || request.getProperties() == null || !request.getProperties().containsKey("facts")) {
            return;
        }
        ArticleRegistry registry = CDI.current().select(ArticleRegistry.class).get();
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (CompiledArticle article : registry.all()) {
            for (Fact fact : article.article().facts()) {
                properties.putIfAbsent(fact.id(), schemaOf(fact));
            }
        }
        Schema diagnosis = openAPI.getComponents().getSchemas().get("Diagnosis");
        if (diagnosis != null && diagnosis.getProperties() != null && diagnosis.getProperties().containsKey("findings")) {
            Map<String, Schema> findings = new LinkedHashMap<>();
            for (CompiledArticle article : registry.all()) {
                for (Decision d : article.article().decisions()) {
                    if (d.kind() == Decision.Kind.FINDING) {
                        List<Object> values = new ArrayList<>(d.values().keySet());
                        values.add(Decision.UNDETERMINED);
                        findings.putIfAbsent(d.id(), OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                                .description(d.label() + " (article " + article.id() + ")").enumeration(values));
                    }
                }
            }
            Schema map = diagnosis.getProperties().get("findings");
            map.setProperties(findings);
        }
        Schema plan = openAPI.getComponents().getSchemas().get("PlanCaseView");
        if (plan != null && plan.getProperties() != null && plan.getProperties().containsKey("when")) {
            Map<String, Schema> when = new LinkedHashMap<>();
            for (CompiledArticle article : registry.all()) {
                for (Fact fact : article.article().facts()) {
                    when.putIfAbsent(fact.id(), OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .description(fact.question() + " (a " + fact.type().name() + " value)")
                            .enumeration(new ArrayList<>(fact.domain())));
                }
            }
            Schema map = plan.getProperties().get("when");
            map.setProperties(when);
            map.setAdditionalPropertiesSchema(null);
            map.setAdditionalPropertiesBoolean(Boolean.FALSE);
        }
        Schema facts = request.getProperties().get("facts");
        facts.setProperties(properties);
        facts.setAdditionalPropertiesSchema(null);
        facts.setAdditionalPropertiesBoolean(Boolean.FALSE);
        facts.setMaxProperties(null);
        // the JSON tree type the request is read into is no part of the contract
        List.copyOf(openAPI.getComponents().getSchemas().keySet()).stream().filter(n -> n.startsWith("JsonNode"))
                .forEach(openAPI.getComponents()::removeSchema);
    }

    private static Schema schemaOf(Fact fact) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING).addType(Schema.SchemaType.NULL)
                .description(fact.question() + " " + fact.type().describe())
                .examples(List.of(fact.type().example()));
        fact.type().closedValues().ifPresentOrElse(closed -> {
            List<Object> values = new ArrayList<>(closed);
            values.add(Fact.UNKNOWN);
            values.add(null);
            schema.setEnumeration(values);
        }, () -> schema.setMaxLength(40));
        return schema;
    }
}
