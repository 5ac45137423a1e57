package io.kbguide.answers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the questions in a message: sentences that ask something of the article, apart from the rest (answers,
 * pasted output), which the reader reads. A question is a sentence that, put in English as far as the language packs
 * go, starts with a question word ("what", "why", "how", "which", "is there"...) or ends with "?" and starts with a
 * verb ("does the patch ...?", "can I ...?"). A bare value with a question mark ("SP2?") is an unsure answer, not a
 * question. A question is never read for facts: "is the patch for x64 too?" says nothing of this server.
 */
public final class Questions {

    /** The questions of a message, and the rest of it. */
    public record Split(List<String> questions, String rest) {

        public Split {
            questions = List.copyOf(questions);
        }

        public boolean any() {
            return !questions.isEmpty();
        }
    }

    private static final Pattern SENTENCE = Pattern.compile("[^.?!\\r\\n]+(?:[.?!]+|(?=\\R)|$)");
    private static final Pattern QUESTION_WORD = Pattern.compile(
            "^\\W*(?:what|what's|whats|wat|why|how|when|where|which|who|whose|whom)\\b");
    /** A question without its question mark: "why does it leak", "what is UseNewApi" (not "when I run winver"). */
    private static final Pattern PLAIN_QUESTION = Pattern.compile(
            "^\\W*(?:what|why|how|wat)(?:'s)?\\s+(?:do|does|did|is|are|was|were|can|could|should|would|will|"
                    + "come|much|many|long)\\b");
    private static final Pattern VERB_FIRST = Pattern.compile(
            "^\\W*(?:is|are|was|were|do|does|did|can|could|should|would|will|has|have|had|may|might|must|isn't|"
                    + "aren't|doesn't|don't|didn't|can't|shouldn't|any|anyone|is there|are there)\\b");
    /** "Why do you ask?", "why do you need the service pack?", "what is that for?" */
    private static final Pattern PURPOSE = Pattern.compile(
            "\\bwhy\\b.*\\b(?:ask|asking|asked|need|needed|want|wanted|matter|matters|important|relevant|care)\\b"
                    + "|\\bwhat(?:'s| is| does| do you need)?\\b.*\\bfor\\s*\\??\\s*$|\\bwhat difference\\b");

    private Questions() {
    }

    /**
     * Splits a message.
     *
     * @param english puts a sentence in English as far as the language packs go (the identity without packs)
     */
    public static Split split(String text, UnaryOperator<String> english) {
        List<String> questions = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        Matcher m = SENTENCE.matcher(text);
        int copied = 0;
        while (m.find()) {
            String sentence = m.group().strip();
            if (sentence.isEmpty()) {
                continue;
            }
            if (isQuestion(sentence, english.apply(sentence))) {
                questions.add(sentence);
                rest.append(text, copied, m.start());
                copied = m.end();
            }
        }
        rest.append(text.substring(copied));
        return new Split(questions, rest.toString());
    }

    static boolean isQuestion(String sentence, String english) {
        String s = sentence.strip();
        String e = english.strip().toLowerCase(Locale.ROOT);
        boolean mark = s.endsWith("?") || s.startsWith("\u00bf");
        return mark && (QUESTION_WORD.matcher(e).find() || VERB_FIRST.matcher(e).find())
                || PLAIN_QUESTION.matcher(e).find();
    }

    /** Whether a question asks why something is asked ("why do you ask?"). */
    public static boolean asksPurpose(String english) {
        return PURPOSE.matcher(english.toLowerCase(Locale.ROOT)).find();
    }
}
