package netlens.data;

/** What data an experiment uses; {@link #load} turns it into train and test sets. */
public sealed interface DataSpec permits ImageSpec, ArraysSpec, SpiralSpec, GaussianBinarySpec, GaussianClassesSpec, OpposedGaussiansSpec, PcaImageSpec {
    /** Loads (or generates) the data; the seed picks subsets and noise. */
    Split load(DataStore store, long seed);

    /** The dimension of an input, known before loading (2 for spirals, 784 for MNIST images). */
    int inputs();

    /** The number of classes, known before loading. */
    int classCount();

    /**
     * The exponent β of the learning curve ε ~ p^−β that theory predicts for this data model in a
     * regime, or NaN where none is known.
     */
    default double predictedExponent(Regime regime) {
        return Double.NaN;
    }

    /** One line for logs and the report, e.g. "MNIST digits 0,1,2: 2000/class train, 500/class test". */
    String describe();
}
