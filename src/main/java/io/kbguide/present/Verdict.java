package io.kbguide.present;

import java.util.List;

/**
 * The one line that opens every answer, in every channel: what the situation is and what to do about it.
 *
 * @param kind          {@link #STEPS} (steps to carry out), {@link #NOTHING_TO_DO} or {@link #ANSWERS_NEEDED}
 *                      (no step that changes the server is safe to advise until more is known)
 * @param text          the line: "Exposed to the kernel memory leak: 2 steps", "Nothing needs to be done",
 *                      "2 answers still needed: the Windows version, the /3GB switch"
 * @param headline      the article's words for the situation (flow.yaml headlines), or null where none applies
 * @param steps         how many steps the answer lists
 * @param answersNeeded the facts still missing, by what they are called for people, in asking order
 */
public record Verdict(String kind, String text, String headline, int steps, List<String> answersNeeded) {

    public static final String STEPS = "steps";
    public static final String NOTHING_TO_DO = "nothing-to-do";
    public static final String ANSWERS_NEEDED = "answers-needed";

    public Verdict {
        answersNeeded = List.copyOf(answersNeeded);
    }
}
