package netlens.run;

import java.util.Locale;
import netlens.data.GaussianBinarySpec;
import netlens.data.PcaImageSpec;
import netlens.kernel.Baselines;
import netlens.kernel.EmpiricalNtk;
import netlens.nn.MlpSpec;
import netlens.observables.KernelBaselines;
import netlens.observables.TangentKernel;
import netlens.train.LinearisedTraining;

/**
 * A lower bound on the memory a run needs, checked before training so that a network that cannot
 * fit fails at once rather than after minutes: its parameters several times over, each probe's
 * activations, and the empirical NTK's kernel and factors when the probes take it, the kernels of a
 * linearised flow, or the kernel baselines' kernels after training, whichever is largest (they are
 * not held together).
 */
public final class MemoryEstimate {
    private MemoryEstimate() {}

    /** Floats per parameter: the parameters, their gradient, two optimiser buffers, the initial copy and a probe's snapshot. */
    static final int COPIES = 6;

    private static MlpSpec network(Experiment e) {
        return e.model().resolve(e.data().inputs(), e.train().loss().outputs(e.data().classCount()));
    }

    public static long bytes(Experiment e) {
        MlpSpec spec = network(e);
        int[] w = spec.widths();
        long parameters = 0, units = 0;
        for (int l = 0; l + 1 < w.length; l++) parameters += (long) w[l] * w[l + 1] + (spec.bias() ? w[l + 1] : 0);
        for (int width : w) units += width;
        // A probe holds every layer's activations of its training and as many test samples.
        long probe = e.probes() == null ? 0 : 2L * e.probes().samples() * units;
        long ntk = 0;
        for (var o : e.observables())
            if (o instanceof TangentKernel t && e.probes() != null) {
                int p = Math.min(t.samples(), e.probes().samples());
                ntk = Math.max(ntk, EmpiricalNtk.memory(w, p, p, 1));
            }
        return 4L * (COPIES * parameters + probe) + Math.max(Math.max(ntk, baselines(e, w)), linearised(e, spec));
    }

    /** Training and test set sizes when they are known before loading (the learning-curve models), else null. */
    private static int[] sizes(Experiment e) {
        return e.data() instanceof GaussianBinarySpec g ? new int[] {g.p(), g.pTest()}
                : e.data() instanceof PcaImageSpec pca ? new int[] {pca.p(), pca.pTest()} : null;
    }

    /** The kernels of a linearised flow ({@link LinearisedTraining}), held during training. */
    private static long linearised(Experiment e, MlpSpec spec) {
        int[] sizes = sizes(e);
        return sizes != null && LinearisedTraining.applies(e.train(), spec) ? LinearisedTraining.memory(spec.widths(), sizes[0], sizes[1]) : 0;
    }

    /** The kernel baselines' memory after training. */
    private static long baselines(Experiment e, int[] widths) {
        int[] sizes = sizes(e);
        long most = 0;
        for (var o : e.observables())
            if (o instanceof KernelBaselines k && sizes != null) most = Math.max(most, Baselines.memory(k.baselines(), widths, sizes[0], sizes[1]));
        return most;
    }

    /** Refuses an experiment that cannot fit in [available] bytes, saying why. */
    public static void check(Experiment e, long available) {
        long need = bytes(e);
        if (need > available)
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the network %s needs at least %.1f GiB (its parameters %d times over for training, the probes' activations and any NTK) but the JVM "
                            + "may use %.1f GiB: use a smaller network or fewer probe samples, or give the JVM more (JAVA_OPTS=-Xmx…)",
                    network(e), need / 1073741824.0, COPIES, available / 1073741824.0));
    }
}
