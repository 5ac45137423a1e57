package io.kbguide.diagnosis;

import io.kbguide.text.Skip;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IgnoredSchemaTest {

    @Test
    void shouldListEveryReasonAPartOfAMessageIsNotUsedInTheApiSchema() throws Exception {
        Schema schema = DiagnosisView.IgnoredView.class.getDeclaredField("why").getAnnotation(Schema.class);
        Set<String> documented = Set.of(schema.enumeration());
        Set<String> reasons = Arrays.stream(Skip.values()).map(Skip::id).collect(Collectors.toSet());
        assertEquals(reasons, documented);
    }
}
