package netlens.train;

import java.util.Arrays;

/**
 * How the learning rate changes over training, as a factor on the optimiser's own: constant, or
 * multiplied by {@code factor} at each of the given epochs (PyTorch's MultiStepLR: during epoch e,
 * counted from 1, the rate is lr·factor^k with k the milestones below e).
 */
public sealed interface LearningRate {
    double factor(int epoch);

    record Constant() implements LearningRate {
        @Override
        public double factor(int epoch) {
            return 1;
        }
    }

    record StepDecay(double factor, int[] milestones) implements LearningRate {
        public StepDecay {
            if (!(factor > 0 && factor < 1)) throw new IllegalArgumentException("a decay factor must be in (0, 1), got " + factor);
            milestones = Arrays.stream(milestones).distinct().sorted().toArray();
            if (milestones.length == 0 || milestones[0] < 1) throw new IllegalArgumentException("decay epochs must be >= 1, got " + Arrays.toString(milestones));
        }

        @Override
        public double factor(int epoch) {
            double f = 1;
            for (int m : milestones) if (m < epoch) f *= factor;
            return f;
        }

        @Override
        public int[] milestones() {
            return milestones.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StepDecay s && factor == s.factor && Arrays.equals(milestones, s.milestones);
        }

        @Override
        public int hashCode() {
            return Double.hashCode(factor) * 31 + Arrays.hashCode(milestones);
        }

        @Override
        public String toString() {
            return "StepDecay[factor=" + factor + ", milestones=" + Arrays.toString(milestones) + "]";
        }
    }
}
