package netlens.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netlens.data.Dataset;
import netlens.kernel.EmpiricalNtk;
import netlens.kernel.Gram;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.nn.Readout;
import netlens.nn.Tape;

/**
 * Gradient flow of an α-trick network in its lazy limit, the flow of its linearisation around θ₀
 * (feature_lazy's "init kernel" dynamics): the margins follow {@link LinearisedFlow} on the
 * empirical NTK at θ₀, the linearised network's outputs are O(x) = (1/p) Σᵢ Θ₀(x, xᵢ) yᵢ cᵢ on the
 * test set, and its metrics are those outputs' (at F₀ = 0, the α-trick's start). After every step the
 * network holds the linearisation's parameters θ₀ − ∇θ[−(1/p) Σᵢ cᵢ yᵢ Oᵢ] (one back-propagation at
 * θ₀) for the probes; the network itself evaluated there differs from the linearisation by O(1/α)
 * times the distance moved, which the closing message states through its smallest margin.
 */
public final class LinearisedTraining {
    private final Trainer trainer;
    private final Gemm gemm;

    LinearisedTraining(Trainer trainer, Gemm gemm) {
        this.trainer = trainer;
        this.gemm = gemm;
    }

    /**
     * Bytes a linearised run on p training and pTest test samples holds at once: Θ₀ on the training
     * set with its factors, Θ₀ between test and training samples, and Newton's matrix with the copy
     * its Cholesky factorisation works in.
     */
    public static long memory(int[] widths, int p, int pTest) {
        return EmpiricalNtk.memory(widths, p, p, 1) + Gram.bytes(pTest, p) + 2 * Gram.bytes(p, p);
    }

    /** Whether this configuration trains this network by the linearised flow. */
    public static boolean applies(TrainConfig config, MlpSpec spec) {
        return config.optimizer() instanceof OptimizerSpec.GradientFlow flow && spec.centred() && spec.alpha() >= flow.linearisedFrom();
    }

    Trainer.Outcome train(Mlp net, Dataset train, Dataset test, TrainConfig config, Trainer.Listener listener,
                          Readout trainOut, Readout testOut) {
        Loss.Margin loss = (Loss.Margin) config.loss();       // TrainConfig admits only the smooth hinges here
        int p = train.size();
        List<EpochMetrics> history = new ArrayList<>();
        EpochMetrics m = trainer.measure(net, train, test, loss, trainOut, testOut, 0, 0, false, 0);
        history.add(m);
        listener.epochEnd(m, net);
        if (config.maxEpochs() == 0) return new Trainer.Outcome(Trainer.Status.COMPLETED, history, -1, "not trained (maxEpochs = 0)");

        long t0 = System.nanoTime();
        int[] signs = signs(train), testSigns = signs(test);
        Gram across = test.size() == 0 ? null : EmpiricalNtk.between(net, test, train, gemm, listener::status);
        LinearisedFlow flow = new LinearisedFlow(EmpiricalNtk.of(net, train, gemm, listener::status).values(), p, signs, loss,
                (OptimizerSpec.GradientFlow) config.optimizer(), gemm.blas());
        Matrix x = Matrix.of(p, train.dim(), train.features());
        Tape tape = new Tape(net, p);
        float[] start = net.params().toArray();
        Matrix grad = net.newParameterVector();
        int step = 0;
        while (step < config.maxEpochs() && flow.minMargin() < 1) {
            if (listener.cancelled())
                return new Trainer.Outcome(Trainer.Status.INTERRUPTED, history, -1, "interrupted at step " + step + " of the linearised flow");
            if (!flow.step())
                return new Trainer.Outcome(Trainer.Status.DIVERGED, history, -1,
                        String.format(Locale.ROOT, "the linearised flow found no step it could take at flow time %.4g", flow.time()));
            step++;
            double[] c = flow.coefficients();
            moveTo(net, start, x, tape, trainOut, c, signs, grad);
            double[] testMargins = across == null ? new double[0] : testMargins(across, c, signs, testSigns);
            m = metrics(step, (System.nanoTime() - t0) / 1e9, flow, loss, trainOut, testMargins);
            t0 = System.nanoTime();
            history.add(m);
            listener.epochEnd(m, net);
            listener.status(String.format(Locale.ROOT, "linearised flow: step %d, flow time %.4g, smallest margin %.4f (%d Newton solves)",
                    step, flow.time(), flow.minMargin(), flow.solves()));
        }
        if (flow.minMargin() < 1) return new Trainer.Outcome(Trainer.Status.COMPLETED, history, -1, "step budget used");
        double own = trainer.evaluate(net, train, loss, trainOut).minMargin();
        return new Trainer.Outcome(Trainer.Status.COMPLETED, history, -1, String.format(Locale.ROOT,
                "every training margin of the linearised network reached 1 at step %d (flow time %.4g); "
                        + "the network itself at its parameters has smallest margin %.4f", step, flow.time(), own));
    }

    private static int[] signs(Dataset data) {
        int[] y = new int[data.size()];
        for (int i = 0; i < y.length; i++) y[i] = data.labels()[i] == 1 ? 1 : -1;
        return y;
    }

    /** y·O(x) = y (1/p) Σᵢ Θ₀(x, xᵢ) yᵢ cᵢ on every test sample. */
    private static double[] testMargins(Gram across, double[] c, int[] signs, int[] testSigns) {
        int p = c.length;
        double[] out = new double[across.rows()];
        for (int t = 0; t < out.length; t++) {
            double sum = 0;
            for (int i = 0, row = t * p; i < p; i++) sum += across.values()[row + i] * signs[i] * c[i];
            out[t] = testSigns[t] * sum / p;
        }
        return out;
    }

    /** The linearised network's losses (ℓ/α² through the readout), accuracies and smallest training margin. */
    private static EpochMetrics metrics(int step, double seconds, LinearisedFlow flow, Loss.Margin loss, Readout readout, double[] testMargins) {
        double[] z = flow.margins();
        return new EpochMetrics(step, readout.loss(meanLoss(z, loss)), accuracy(z), readout.loss(meanLoss(testMargins, loss)),
                testMargins.length == 0 ? Double.NaN : accuracy(testMargins), seconds, false, flow.minMargin(), flow.time());
    }

    private static double meanLoss(double[] margins, Loss.Margin loss) {
        double sum = 0;
        for (double z : margins) sum += loss.value(z);
        return margins.length == 0 ? Double.NaN : sum / margins.length;
    }

    /** Positive margins z = y·O are correct predictions. */
    private static double accuracy(double[] margins) {
        int correct = 0;
        for (double z : margins) if (z > 0) correct++;
        return (double) correct / margins.length;
    }

    /** θ = θ₀ − ∇θ[−(1/p) Σᵢ cᵢ yᵢ Oᵢ] at θ₀, the integral of the linearised flow's dθ/dt = −∇L. */
    private void moveTo(Mlp net, float[] start, Matrix x, Tape tape, Readout readout, double[] c, int[] signs, Matrix grad) {
        Matrix params = net.params();
        params.copyFrom(Matrix.of(1, start.length, start));
        net.forward(gemm, x, tape);
        Matrix delta = tape.delta(net.layers());
        int p = c.length;
        for (int i = 0; i < p; i++) delta.set(i, 0, (float) (-c[i] * signs[i] / p));
        readout.toNetworkGradient(delta);
        net.backward(gemm, tape, grad);
        for (int i = 0; i < start.length; i++) params.set(0, i, start[i] - grad.get(0, i));
    }
}
