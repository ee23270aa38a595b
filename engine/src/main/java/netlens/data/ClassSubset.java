package netlens.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.stream.IntStream;
import netlens.util.Rng;

/** Class subsets as the built-in and the user's datasets take them: chosen classes, relabelled 0..K−1, so many samples of each. */
final class ClassSubset {
    private ClassSubset() {}

    /**
     * The indices of the samples of {@code classes}: all of them (perClass = 0) or perClass of each drawn
     * with the generator, in file order either way.
     */
    static int[] pick(IntUnaryOperator label, int n, int[] classes, int perClass, String key, IntFunction<String> className, Rng rng) {
        List<Integer> chosen = new ArrayList<>();
        for (int c : classes) {
            int[] members = IntStream.range(0, n).filter(i -> label.applyAsInt(i) == c).toArray();
            if (perClass > members.length)
                throw new IllegalArgumentException(key + " = " + perClass + " but " + className.apply(c) + " has only " + members.length
                        + " samples in that split");
            if (perClass == 0) {
                for (int i : members) chosen.add(i);
            } else {
                int[] perm = rng.permutation(members.length);
                for (int j = 0; j < perClass; j++) chosen.add(members[perm[j]]);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The labels of the picked samples as positions in {@code classes}. */
    static int[] relabel(IntUnaryOperator label, int[] picked, int[] classes) {
        int max = Arrays.stream(classes).max().orElse(0);
        int[] map = new int[max + 1];
        Arrays.fill(map, -1);
        for (int k = 0; k < classes.length; k++) map[classes[k]] = k;
        int[] y = new int[picked.length];
        for (int i = 0; i < picked.length; i++) y[i] = map[label.applyAsInt(picked[i])];
        return y;
    }

    /** "2000/class train, all test" for describe(). */
    static String counts(int trainPerClass, int testPerClass) {
        return (trainPerClass == 0 ? "all" : trainPerClass + "/class") + " train, " + (testPerClass == 0 ? "all" : testPerClass + "/class") + " test";
    }

    /** Checks a class list against K known classes: each in 0..K−1, none twice, at least two. */
    static void check(int[] classes, int k, String dataset) {
        if (classes.length == 0) throw new IllegalArgumentException("classes must not be empty");
        boolean[] seen = new boolean[k];
        for (int c : classes) {
            if (c < 0 || c >= k) throw new IllegalArgumentException("classes: " + c + " is not a " + dataset + " class (0.." + (k - 1) + ")");
            if (seen[c]) throw new IllegalArgumentException("classes: " + c + " is listed twice");
            seen[c] = true;
        }
        if (classes.length < 2) throw new IllegalArgumentException("classes: a classifier needs at least 2 classes, got " + Arrays.toString(classes));
    }
}
