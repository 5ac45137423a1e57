package io.kbguide.engine;

import java.util.List;
import java.util.Map;

/**
 * A hand-checked expectation kept beside an article ({@code golden.yaml}): for these facts, these finding values
 * and these step ids, in order.
 *
 * @param missingFacts the expected missing facts, or null when the case does not check them
 */
public record GoldenCase(String name, Map<String, String> facts, Map<String, String> findings, List<String> steps,
        List<String> missingFacts) {
}
