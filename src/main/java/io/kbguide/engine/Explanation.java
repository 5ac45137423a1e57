package io.kbguide.engine;

import java.util.List;

/** Why something holds: a sentence, where it comes from, and the article text it rests on. */
public record Explanation(String text, Source source, List<Citation> citations) {

    public Explanation {
        citations = List.copyOf(citations);
    }
}
