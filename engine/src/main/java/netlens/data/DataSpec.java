package netlens.data;

/** What data an experiment uses; {@link #load} turns it into train and test sets. */
public sealed interface DataSpec permits ImageSpec, SpiralSpec, GaussianBinarySpec, GaussianClassesSpec, PcaImageSpec {
    /** Loads (or generates) the data; the seed picks subsets and noise. */
    Split load(DataStore store, long seed);

    /** One line for logs and the report, e.g. "MNIST digits 0,1,2: 2000/class train, 500/class test". */
    String describe();
}
