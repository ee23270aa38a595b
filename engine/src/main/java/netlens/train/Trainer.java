package netlens.train;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import netlens.data.Dataset;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.nn.Inference;
import netlens.nn.Mlp;
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
    }

    public enum Status { COMPLETED, DIVERGED, INTERRUPTED }

    /**
     * How training ended. targetEpoch is the first epoch meeting the until-rule, or −1; for a
     * divergence the message names the epoch and step.
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
        int batch = config.batchSize() == 0 ? n : Math.min(config.batchSize(), n);
        int steps = (n + batch - 1) / batch;
        Tape tape = new Tape(net, batch);
        Matrix x = Matrix.zeros(batch, d);
        int[] y = new int[batch];
        Matrix grad = net.newParameterVector();
        Optimizer optimizer = new Optimizer(config.optimizer(), net.parameterCount());
        Rng shuffle = Rng.stream(seed, "shuffle");
        List<EpochMetrics> history = new ArrayList<>();

        EpochMetrics m = measure(net, train, test, config.loss(), 0, 0, false);
        history.add(m);
        listener.epochEnd(m, net);
        int target = config.until() != null && config.until().reached(m) ? 0 : -1;
        if (!finite(m)) return new Outcome(Status.DIVERGED, history, target, "the initial network already gives a non-finite loss");

        for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
            if (target >= 0 && epoch - target > config.extraEpochs()) break;
            long t0 = System.nanoTime();
            int[] order = batch == n ? identity(n) : shuffle.permutation(n);
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
                Matrix xs = x.rows(0, rows);
                net.forward(gemm, xs, tape);
                double loss = config.loss().evaluate(tape.post(net.layers()), y, 0, tape.delta(net.layers()), rows) / rows;
                if (!Double.isFinite(loss))
                    return new Outcome(Status.DIVERGED, history, target,
                            "loss became " + loss + " at epoch " + epoch + ", step " + (s + 1) + " of " + steps);
                net.backward(gemm, tape, grad);
                optimizer.step(net.params(), grad, gemm.workers());
                listener.stepEnd(epoch, s + 1, steps, loss);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            m = measure(net, train, test, config.loss(), epoch, seconds, target >= 0);
            if (!finite(m)) return new Outcome(Status.DIVERGED, history, target, "loss became non-finite after epoch " + epoch);
            history.add(m);
            if (target < 0 && config.until() != null && config.until().reached(m)) target = epoch;
            listener.epochEnd(m, net);
        }
        String msg = config.until() == null ? "epoch budget used"
                : target >= 0 ? "target reached at epoch " + target
                : "target not reached within maxEpochs = " + config.maxEpochs();
        return new Outcome(Status.COMPLETED, history, target, msg);
    }

    private static boolean finite(EpochMetrics m) {
        return Double.isFinite(m.trainLoss()) && (Double.isNaN(m.testAccuracy()) || Double.isFinite(m.testLoss()));
    }

    private EpochMetrics measure(Mlp net, Dataset train, Dataset test, Loss loss, int epoch, double seconds, boolean terminal) {
        Evaluation tr = evaluate(net, train, loss);
        Evaluation te = test.size() == 0 ? Evaluation.EMPTY : evaluate(net, test, loss);
        return new EpochMetrics(epoch, tr.loss(), tr.accuracy(), te.loss(), te.accuracy(), seconds, terminal);
    }

    /** Mean loss, accuracy and predictions of the network on a dataset. */
    public Evaluation evaluate(Mlp net, Dataset data, Loss loss) {
        int n = data.size();
        if (n == 0) return Evaluation.EMPTY;
        int[] predictions = new int[n];
        double[] total = {0};
        int[] correct = {0};
        inference.run(net, data, (start, tape) -> {
            Matrix out = tape.post(net.layers());
            total[0] += loss.evaluate(out, data.labels(), start, null, 1);
            for (int r = 0; r < out.rows; r++) {
                int best = argmax(out, r);
                predictions[start + r] = best;
                if (best == data.labels()[start + r]) correct[0]++;
            }
        });
        return new Evaluation(total[0] / n, (double) correct[0] / n, predictions);
    }

    static int argmax(Matrix m, int row) {
        int best = 0;
        float max = m.get(row, 0);
        for (int c = 1; c < m.cols; c++) {
            float v = m.get(row, c);
            if (v > max) {
                max = v;
                best = c;
            }
        }
        return best;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }
}
