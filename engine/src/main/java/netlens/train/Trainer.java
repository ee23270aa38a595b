package netlens.train;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import netlens.data.Dataset;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.nn.Inference;
import netlens.nn.Mlp;
import netlens.nn.Readout;
import netlens.nn.Tape;
import netlens.util.Rng;

/**
 * Minibatch training with a per-epoch evaluation on the train and test sets. The batch order comes
 * from the seed's "shuffle" stream; all reductions run in a fixed order, so a seed gives the same
 * numbers for any thread count.
 */
public final class Trainer {
    public interface Listener {
        /** After every epoch's evaluation (and once for epoch 0, before training). */
        void epochEnd(EpochMetrics metrics, Mlp net);

        /** After every optimiser step; the loss is the batch's mean. */
        default void stepEnd(int epoch, int step, int steps, double loss) {}

        /** Polled between steps; true stops training with status INTERRUPTED. */
        default boolean cancelled() {
            return false;
        }

        /** Whether this epoch must be evaluated even when evaluateEvery would skip it (a probe is due). */
        default boolean wantsEvaluation(int epoch) {
            return false;
        }

        /** Progress worth a line in the log (the linearised flow's steps). */
        default void status(String message) {}
    }

    /** FAILED: an error (in a script's code, a probe, memory) stopped the run; what was measured before is kept. */
    public enum Status { COMPLETED, DIVERGED, INTERRUPTED, FAILED }

    /**
     * How training ended. targetEpoch is the first epoch meeting the until-rule, or −1; for a
     * divergence the message names the epoch and step, for a failure the error.
     */
    public record Outcome(Status status, List<EpochMetrics> history, int targetEpoch, String message) {}

    private final Gemm gemm;
    private final Inference inference;

    public Trainer(Gemm gemm) {
        this.gemm = gemm;
        this.inference = new Inference(gemm);
    }

    public Outcome train(Mlp net, Dataset train, Dataset test, TrainConfig config, long seed, Listener listener) {
        int n = train.size(), d = train.dim();
        if (n == 0) throw new IllegalArgumentException("the training set is empty");
        Readout trainOut = Readout.of(net, train, inference), testOut = Readout.of(net, test, inference);
        if (LinearisedTraining.applies(config, net.spec()))
            return new LinearisedTraining(this, gemm).train(net, train, test, config, listener, trainOut, testOut);
        int batch = config.batchSize() == 0 ? n : Math.min(config.batchSize(), n);
        int steps = (n + batch - 1) / batch;
        Tape tape = new Tape(net, batch);
        Matrix x = Matrix.zeros(batch, d);
        int[] y = new int[batch];
        Matrix grad = net.newParameterVector();
        Optimizer optimizer = Optimizer.of(config.optimizer(), net.parameterCount());
        Rng shuffle = Rng.stream(seed, "shuffle");
        Matrix readoutBuffer = trainOut.centred() ? Matrix.zeros(batch, net.width(net.layers())) : null;
        List<EpochMetrics> history = new ArrayList<>();

        EpochMetrics m = measure(net, train, test, config.loss(), trainOut, testOut, 0, 0, false, optimizer.time());
        history.add(m);
        listener.epochEnd(m, net);
        int target = config.until() != null && config.until().reached(m) ? 0 : -1;
        if (!finite(m)) return new Outcome(Status.DIVERGED, history, target, "the initial network already gives a non-finite loss");

        boolean margins = config.loss().binary() && batch == n;
        double seconds = 0;
        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            if (target >= 0 && epoch - target > config.extraEpochs()) break;
            long t0 = System.nanoTime();
            int[] order = batch == n ? identity(n) : shuffle.permutation(n);
            optimizer.scaleLearningRate(config.learningRate().factor(epoch));
            boolean converged = false;
            for (int s = 0; s < steps; s++) {
                if (listener.cancelled())
                    return new Outcome(Status.INTERRUPTED, history, target, "interrupted during epoch " + epoch);
                int from = s * batch, rows = Math.min(batch, n - from);
                FloatBuffer xb = x.buffer();
                for (int r = 0; r < rows; r++) {
                    int i = order[from + r];
                    xb.put(x.offset() + r * d, train.features(), i * d, d);
                    y[r] = train.labels()[i];
                }
                net.forward(gemm, x.rows(0, rows), tape);
                Matrix delta = tape.delta(net.layers());
                // What the loss sees, and what gradient flow watches move: f, or the α-trick's α(f − f₀).
                Matrix out = trainOut.apply(tape.post(net.layers()), r -> order[from + r], readoutBuffer);
                double loss = trainOut.loss(config.loss().evaluate(out, y, 0, delta, rows) / rows);
                trainOut.toNetworkGradient(delta);
                if (!Double.isFinite(loss))
                    return new Outcome(Status.DIVERGED, history, target,
                            "loss became " + loss + " at epoch " + epoch + ", step " + (s + 1) + " of " + steps);
                if (margins && marginsReached(out, y, rows)) {          // every margin ≥ 1
                    converged = true;
                    break;
                }
                net.backward(gemm, tape, grad);
                optimizer.step(net.params(), grad, gemm.workers(), out, delta);
                listener.stepEnd(epoch, s + 1, steps, loss);
            }
            seconds += (System.nanoTime() - t0) / 1e9;
            boolean evaluate = converged || epoch % config.evaluateEvery() == 0 || epoch == config.maxEpochs()
                    || listener.wantsEvaluation(epoch);
            if (!evaluate) continue;
            m = measure(net, train, test, config.loss(), trainOut, testOut, epoch, seconds, target >= 0, optimizer.time());
            seconds = 0;
            if (!finite(m)) return new Outcome(Status.DIVERGED, history, target, "loss became non-finite after epoch " + epoch);
            history.add(m);
            if (target < 0 && config.until() != null && config.until().reached(m)) target = epoch;
            listener.epochEnd(m, net);
            if (converged) return new Outcome(Status.COMPLETED, history, target, "every training margin reached 1 at step " + epoch);
        }
        String msg = config.maxEpochs() == 0 ? "not trained (maxEpochs = 0): the network as it was given"
                : config.until() == null ? "epoch budget used"
                : target >= 0 ? "target reached at epoch " + target
                : "target not reached within maxEpochs = " + config.maxEpochs();
        return new Outcome(Status.COMPLETED, history, target, msg);
    }

    /** Whether every sample's margin y·f (y = ±1) is at least 1, the margin losses' convergence. */
    private static boolean marginsReached(Matrix out, int[] y, int rows) {
        for (int r = 0; r < rows; r++)
            if ((y[r] == 1 ? 1 : -1) * out.get(r, 0) < 1) return false;
        return true;
    }

    private static boolean finite(EpochMetrics m) {
        return Double.isFinite(m.trainLoss()) && (Double.isNaN(m.testAccuracy()) || Double.isFinite(m.testLoss()));
    }

    EpochMetrics measure(Mlp net, Dataset train, Dataset test, Loss loss, Readout trainOut, Readout testOut, int epoch,
                                 double seconds, boolean terminal, double time) {
        Evaluation tr = evaluate(net, train, loss, trainOut);
        Evaluation te = test.size() == 0 ? Evaluation.EMPTY : evaluate(net, test, loss, testOut);
        return new EpochMetrics(epoch, tr.loss(), tr.accuracy(), te.loss(), te.accuracy(), seconds, terminal, tr.minMargin(), time);
    }

    /** Mean loss, accuracy, predictions and smallest margin of the network read out on a dataset. */
    public Evaluation evaluate(Mlp net, Dataset data, Loss loss, Readout readout) {
        int n = data.size();
        if (n == 0) return Evaluation.EMPTY;
        int[] predictions = new int[n];
        double[] total = {0};
        double[] minMargin = {Double.POSITIVE_INFINITY};
        int[] correct = {0};
        Matrix[] buffer = {null};
        inference.run(net, data, (start, tape) -> {
            Matrix f = tape.post(net.layers());
            if (readout.centred() && (buffer[0] == null || buffer[0].rows < f.rows)) buffer[0] = Matrix.zeros(f.rows, f.cols);
            Matrix out = readout.apply(f, start, buffer[0]);
            total[0] += loss.evaluate(out, data.labels(), start, null, 1);
            for (int r = 0; r < out.rows; r++) {
                int best = Readout.predict(out, r);
                predictions[start + r] = best;
                if (best == data.labels()[start + r]) correct[0]++;
                if (out.cols == 1) minMargin[0] = Math.min(minMargin[0], (data.labels()[start + r] == 1 ? 1 : -1) * out.get(r, 0));
            }
        });
        return new Evaluation(readout.loss(total[0] / n), (double) correct[0] / n, predictions,
                net.width(net.layers()) == 1 ? minMargin[0] : Double.NaN);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }
}
