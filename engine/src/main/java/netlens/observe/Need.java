package netlens.observe;

import java.util.EnumSet;
import java.util.Set;

/** What an observable looks at; the prober prepares only what the plan's observables need. */
public enum Need {
    /** The layer's activations on the probe's training samples (samples × width). */
    FEATURES,
    /** The layer's class statistics (means, within and total covariances), prepared for all layers at once. */
    CLASS_STATISTICS,
    /** The same and the layer's principal components (its PCA spectrum and top axes). */
    PRINCIPAL_COMPONENTS,
    /** The same on as many test samples, for held-out measures. */
    TEST_FEATURES,
    /** The classes the network predicts for the probe samples (the α-trick's output where it is on). */
    PREDICTIONS,
    /** The network's parameters as they are at the probe. */
    WEIGHTS,
    /** The parameters at initialisation. */
    INITIAL_WEIGHTS,
    /** The network run on inputs of the observable's own choosing (a grid over the input plane). */
    INPUTS,
    /** Gradients of the outputs with respect to the parameters (the empirical NTK). */
    GRADIENTS,
    /** The whole training and test sets, after training. */
    TRAINING_DATA;

    /** Needs that change as the network trains: an input-layer measure without them is taken once. */
    private static final Set<Need> NETWORK = EnumSet.of(PREDICTIONS, WEIGHTS, INITIAL_WEIGHTS, INPUTS, GRADIENTS);

    /** Whether measures with these needs depend on the layer's data alone (and labels, always available). */
    public static boolean dataOnly(Set<Need> needs) {
        for (Need n : needs) if (NETWORK.contains(n)) return false;
        return true;
    }
}
