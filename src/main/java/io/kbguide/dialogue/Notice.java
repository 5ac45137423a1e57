package io.kbguide.dialogue;

import java.util.List;

/** Something to tell the person about the conversation itself, not about the article. */
public sealed interface Notice {

    /** The conversation was started on an older article version; the answers that still apply were kept. */
    record CarriedOver(String fromVersion, String toVersion, List<String> dropped) implements Notice {

        public CarriedOver {
            dropped = List.copyOf(dropped);
        }
    }

    /** The answers did not fit the new article version, so the conversation starts again. */
    record StartedAgain(String fromVersion, String toVersion) implements Notice {
    }
}
