package netlens.observe;

import java.util.Set;
import netlens.linalg.Gemm;
import netlens.util.CanonicalText;

/**
 * A quantity netlens measures on a network. An observable is a value (a record, so that its
 * components are its parameters): its text covers every parameter and goes into a run's cache key. It measures at any of four moments, each optional:
 * <ul>
 *   <li>{@link #atLayer}: at each probed layer of each probe (input-layer results of observables
 *       that depend on the data alone are taken once and reused);</li>
 *   <li>{@link #atProbe}: once per probe, after every layer's (whose measurements it may read);</li>
 *   <li>{@link #acrossProbes}: once after the last probe, from what it kept in its {@link Memory};</li>
 *   <li>{@link #afterTraining}: once after training completes, on the whole training and test sets.</li>
 * </ul>
 */
public interface Observable {
    /** Its name in scripts and files, e.g. "neural_collapse"; unique within a plan. */
    String key();

    /** What it looks at. */
    Set<Need> needs();

    /** The names of the measurements it gives at a site, so a report's figures can be checked before training. */
    Set<String> produces(Site site);

    default Measurements atLayer(Probe probe, Layer layer) {
        return new Measurements();
    }

    default Measurements atProbe(Probe probe) {
        return new Measurements();
    }

    default Measurements acrossProbes(Memory memory, Gemm gemm) {
        return new Measurements();
    }

    default Measurements afterTraining(Trained run) {
        return new Measurements();
    }

    /** What decides its numbers: its type and every parameter, as {@link CanonicalText} writes a record. */
    default String identity() {
        return CanonicalText.of(this);
    }
}
