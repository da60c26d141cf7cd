package io.squidmesh.runtime.internal.definition;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders workflow version labels the way people number releases: dot-separated parts compared one by one, numbers
 * as numbers ({@code 2 < 10}), a number before a word ({@code 2 < 2a}), words alphabetically, and a label before
 * its own extensions ({@code 2 < 2.1}). The newest deployed version is the greatest.
 */
final class VersionOrder implements Comparator<String> {

    static final VersionOrder INSTANCE = new VersionOrder();

    private VersionOrder() {
    }

    @Override
    public int compare(String a, String b) {
        String[] left = a.split("\\.", -1);
        String[] right = b.split("\\.", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int part = comparePart(left[i], right[i]);
            if (part != 0) {
                return part;
            }
        }
        int byLength = Integer.compare(left.length, right.length);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static int comparePart(String a, String b) {
        boolean numberA = isNumber(a);
        boolean numberB = isNumber(b);
        if (numberA && numberB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numberA != numberB) {
            return numberA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean isNumber(String part) {
        return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
