package io.kbguide.engine;

import java.util.List;

/**
 * One possible value of a fact.
 *
 * @param value the value's id, as clients send it
 * @param label what a person reads
 * @param synonyms words and phrases that mean this value in typed text
 */
public record Choice(String value, String label, List<String> synonyms) {

    public Choice {
        synonyms = List.copyOf(synonyms);
    }
}
