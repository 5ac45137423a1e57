package io.kbguide.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Every combination of answers to an article's facts, as the table builder and the exhaustive verification walk
 * them: a complete combination gives each fact one of its values; a full one may leave facts unknown (code
 * {@code size[i]}). Both are numbered in mixed radix, in fact order.
 */
final class Combinations {

    /** More than this many full combinations cannot be verified in reasonable time and memory. */
    static final long MAX = 5_000_000;

    final ArticleShape shape;
    final int[] size;
    final int[] radix;
    final int completeCount;
    final int fullCount;

    Combinations(ArticleShape shape) {
        this.shape = shape;
        this.size = shape.size();
        long complete = 1;
        long full = 1;
        radix = new int[size.length];
        for (int i = 0; i < size.length; i++) {
            complete *= size[i];
            radix[i] = size[i] + 1;
            full *= radix[i];
        }
        if (full > MAX) {
            throw shape.fail("the facts have " + full + " combinations of answers; at most " + MAX
                    + " can be verified");
        }
        completeCount = (int) complete;
        fullCount = (int) full;
    }

    /** The codes of combination {@code index} in the given radix ({@link #size} or {@link #radix}). */
    static void decode(int index, int[] radix, int[] codes) {
        for (int i = radix.length - 1; i >= 0; i--) {
            codes[i] = index % radix[i];
            index /= radix[i];
        }
    }

    /** The full index of the codes. */
    int indexOf(int[] codes) {
        int index = 0;
        for (int i = 0; i < radix.length; i++) {
            index = index * radix[i] + codes[i];
        }
        return index;
    }

    /** The full index of the codes with fact {@code fact} set to {@code value}. */
    int with(int[] codes, int fact, int value) {
        int[] c = codes.clone();
        c[fact] = value;
        return indexOf(c);
    }

    /** The value of a fact at these codes, null where it is unknown. */
    String valueOf(int[] codes, String factId) {
        int i = shape.factIndex().get(factId);
        return codes[i] >= size[i] ? null : shape.domains()[i][codes[i]];
    }

    /** Whether the answers contradict a constraint of the article. */
    boolean violated(int[] codes) {
        for (Constraint c : shape.article().constraints()) {
            if (c.when().matches(name -> valueOf(codes, name))) {
                return true;
            }
        }
        return false;
    }

    /** A bit per value an unknown answer to fact g may stand for. */
    int assumedMask(int g) {
        int mask = 0;
        for (int v = 0; v < size[g]; v++) {
            if (shape.assumed()[g][v]) {
                mask |= 1 << v;
            }
        }
        return mask;
    }

    /** Calls back with the complete index of every combination the unknown facts in {@code codes} allow. */
    void forEachCompletion(int[] codes, IntConsumer action) {
        complete(codes.clone(), 0, action);
    }

    private void complete(int[] c, int i, IntConsumer action) {
        if (i == c.length) {
            int index = 0;
            for (int k = 0; k < c.length; k++) {
                index = index * size[k] + c[k];
            }
            action.accept(index);
            return;
        }
        if (c[i] < size[i]) {
            complete(c, i + 1, action);
            return;
        }
        for (int v = 0; v < size[i]; v++) {
            if (shape.assumed()[i][v]) {
                c[i] = v;
                complete(c, i + 1, action);
            }
        }
        c[i] = size[i];
    }

    /** The answers for messages: {@code {os=windows-2003, threeGb=unknown, ...}}. */
    String describe(int[] codes) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            parts.add(shape.facts().get(i).id() + "=" + (codes[i] >= size[i] ? Fact.UNKNOWN
                    : shape.domains()[i][codes[i]]));
        }
        return "{" + String.join(", ", parts) + "}";
    }
}
