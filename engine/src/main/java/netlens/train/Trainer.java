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
        int outputs = net.width(net.layers());
        Tape tape = new Tape(net, batch);
        Matrix x = Matrix.zeros(batch, d);
        int[] y = new int[batch];
        Matrix grad = net.newParameterVector();
        Optimizer optimizer = new Optimizer(config.optimizer(), net.parameterCount());
        Rng shuffle = Rng.stream(seed, "shuffle");
        Centring centring = Centring.of(net, train, test, inference);
        Matrix centred = centring == null ? null : Matrix.zeros(batch, outputs);
        float[] f0 = centring == null ? null : new float[batch * outputs];
        List<EpochMetrics> history = new ArrayList<>();

        EpochMetrics m = measure(net, train, test, config.loss(), centring, 0, 0, false, optimizer.time());
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
                    if (centring != null) System.arraycopy(centring.train, i * outputs, f0, r * outputs, outputs);
                }
                net.forward(gemm, x.rows(0, rows), tape);
                Matrix out = tape.post(net.layers()), delta = tape.delta(net.layers());
                double loss;
                Matrix judged = out;                                    // what gradient flow watches move
                if (centring == null) {
                    loss = config.loss().evaluate(out, y, 0, delta, rows) / rows;
                } else {
                    // α-trick: loss ℓ(y·α(f − f₀))/α², so ∂/∂f = ℓ'·α/α² = (∂ℓ/∂O)/α.
                    Matrix o = centred.rows(0, rows);
                    Readout.centre(out, f0, 0, centring.alpha, o);
                    loss = config.loss().evaluate(o, y, 0, delta, rows) / rows / (centring.alpha * centring.alpha);
                    scale(delta, (float) (1 / centring.alpha));
                    judged = o;
                }
                if (!Double.isFinite(loss))
                    return new Outcome(Status.DIVERGED, history, target,
                            "loss became " + loss + " at epoch " + epoch + ", step " + (s + 1) + " of " + steps);
                if (margins && marginsReached(judged, y, rows)) {       // every margin ≥ 1
                    converged = true;
                    break;
                }
                net.backward(gemm, tape, grad);
                optimizer.step(net.params(), grad, gemm.workers(), judged, delta);
                listener.stepEnd(epoch, s + 1, steps, loss);
            }
            seconds += (System.nanoTime() - t0) / 1e9;
            boolean evaluate = converged || epoch % config.evaluateEvery() == 0 || epoch == config.maxEpochs()
                    || listener.wantsEvaluation(epoch);
            if (!evaluate) continue;
            m = measure(net, train, test, config.loss(), centring, epoch, seconds, target >= 0, optimizer.time());
            seconds = 0;
            if (!finite(m)) return new Outcome(Status.DIVERGED, history, target, "loss became non-finite after epoch " + epoch);
            history.add(m);
            if (target < 0 && config.until() != null && config.until().reached(m)) target = epoch;
            listener.epochEnd(m, net);
            if (converged) return new Outcome(Status.COMPLETED, history, target, "every training margin reached 1 at step " + epoch);
        }
        String msg = config.until() == null ? "epoch budget used"
                : target >= 0 ? "target reached at epoch " + target
                : "target not reached within maxEpochs = " + config.maxEpochs();
        return new Outcome(Status.COMPLETED, history, target, msg);
    }

    /** The initial outputs f₀ of the training and test samples, for the α-trick. */
    private record Centring(double alpha, float[] train, float[] test) {
        static Centring of(Mlp net, Dataset train, Dataset test, Inference inference) {
            if (!net.spec().centred()) return null;
            return new Centring(net.spec().alpha(), Readout.outputs(net, train, inference), Readout.outputs(net, test, inference));
        }
    }

    /** Whether every sample's margin y·f (y = ±1) is at least 1, the margin losses' convergence. */
    private static boolean marginsReached(Matrix out, int[] y, int rows) {
        for (int r = 0; r < rows; r++)
            if ((y[r] == 1 ? 1 : -1) * out.get(r, 0) < 1) return false;
        return true;
    }

    private static void scale(Matrix m, float s) {
        FloatBuffer b = m.buffer();
        for (int i = m.offset(), end = m.offset() + m.rows * m.cols; i < end; i++) b.put(i, b.get(i) * s);
    }

    private static boolean finite(EpochMetrics m) {
        return Double.isFinite(m.trainLoss()) && (Double.isNaN(m.testAccuracy()) || Double.isFinite(m.testLoss()));
    }

    private EpochMetrics measure(Mlp net, Dataset train, Dataset test, Loss loss, Centring c, int epoch, double seconds,
                                 boolean terminal, double time) {
        Evaluation tr = evaluate(net, train, loss, c == null ? null : c.train, c == null ? Double.NaN : c.alpha);
        Evaluation te = test.size() == 0 ? Evaluation.EMPTY : evaluate(net, test, loss, c == null ? null : c.test, c == null ? Double.NaN : c.alpha);
        return new EpochMetrics(epoch, tr.loss(), tr.accuracy(), te.loss(), te.accuracy(), seconds, terminal, tr.minMargin(), time);
    }

    /** Mean loss, accuracy and predictions of the network on a dataset. */
    public Evaluation evaluate(Mlp net, Dataset data, Loss loss) {
        return evaluate(net, data, loss, null, Double.NaN);
    }

    /** As {@link #evaluate(Mlp, Dataset, Loss)}, for the α-trick output α(f − f₀) when f0 is given. */
    private Evaluation evaluate(Mlp net, Dataset data, Loss loss, float[] f0, double alpha) {
        int n = data.size();
        if (n == 0) return Evaluation.EMPTY;
        int[] predictions = new int[n];
        double[] total = {0};
        double[] minMargin = {Double.POSITIVE_INFINITY};
        int[] correct = {0};
        Matrix[] buffer = {null};
        inference.run(net, data, (start, tape) -> {
            Matrix out = tape.post(net.layers());
            if (f0 != null) {
                if (buffer[0] == null || buffer[0].rows < out.rows) buffer[0] = Matrix.zeros(out.rows, out.cols);
                Matrix o = buffer[0].rows(0, out.rows);
                Readout.centre(out, f0, start * out.cols, alpha, o);
                out = o;
            }
            total[0] += loss.evaluate(out, data.labels(), start, null, 1);
            for (int r = 0; r < out.rows; r++) {
                int best = Readout.predict(out, r);
                predictions[start + r] = best;
                if (best == data.labels()[start + r]) correct[0]++;
                if (out.cols == 1) minMargin[0] = Math.min(minMargin[0], (data.labels()[start + r] == 1 ? 1 : -1) * out.get(r, 0));
            }
        });
        double scale = f0 == null ? 1 : alpha * alpha;
        return new Evaluation(total[0] / n / scale, (double) correct[0] / n, predictions,
                net.width(net.layers()) == 1 ? minMargin[0] : Double.NaN);
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }
}
