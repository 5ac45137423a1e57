package io.kbguide.engine;

/** Small text helpers shared by the reader and the verifier. */
final class Text {

    private Text() {
    }

    /** Folds every run of white space into one space and trims. */
    static String fold(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ");
    }
}
