package netlens.run;

import java.util.Arrays;
import netlens.probe.ProbeConfig;
import netlens.train.TrainConfig;

/**
 * A canonical text of everything that decides an experiment's numbers, for caching sweep points:
 * equal texts mean equal runs. (The until { } condition is code; the script text around the sweep
 * is hashed with this to cover it.)
 */
public final class Fingerprint {
    private Fingerprint() {}

    public static String of(Experiment e) {
        ModelSpec m = e.model();
        TrainConfig t = e.train();
        StringBuilder s = new StringBuilder();
        s.append("seed=").append(e.seed());
        s.append("\ndata=").append(e.data().getClass().getSimpleName()).append(": ").append(e.data().describe());
        s.append("\nmodel=").append(Arrays.toString(m.hidden())).append(' ').append(m.activation().key()).append(" bias=").append(m.bias())
                .append(" init=").append(m.init().key()).append(' ').append(m.parameterisation().key()).append(" alpha=").append(m.alpha());
        s.append("\ntrain=").append(t.loss().key()).append(' ').append(t.optimizer()).append(" batch=").append(t.batchSize())
                .append(" maxEpochs=").append(t.maxEpochs()).append(" until=").append(t.until() != null).append(" extra=").append(t.extraEpochs())
                .append(" evaluateEvery=").append(t.evaluateEvery());
        ProbeConfig p = e.probe();
        if (p != null)
            s.append("\nprobe=").append(p.every()).append(' ').append(p.maxSamples()).append(' ').append(Arrays.toString(p.layers()))
                    .append(' ').append(p.projection()).append(' ').append(p.collapse()).append(' ').append(p.intrinsicDimension())
                    .append(' ').append(p.linearProbe()).append(' ').append(p.cka()).append(' ').append(p.weightMovement())
                    .append(' ').append(p.spectrum()).append(' ').append(Arrays.toString(p.at())).append(' ').append(p.inputGrid())
                    .append(' ').append(p.ntk()).append(' ').append(p.neurons());
        s.append("\nbaselines=").append(e.baselines());
        s.append("\nkernels=").append(e.kernels());
        return s.toString();
    }
}
