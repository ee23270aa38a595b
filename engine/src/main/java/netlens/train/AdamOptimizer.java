package netlens.train;

import netlens.linalg.Matrix;
import netlens.linalg.Workers;

/**
 * PyTorch's Adam / AdamW: m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; p −= lr·m̂/(√v̂ + ε), with L2
 * decay added to the gradient (Adam) or decoupled, p ← p(1 − lr·λ) (AdamW).
 */
final class AdamOptimizer implements Optimizer {
    private final OptimizerSpec.Adam spec;
    private final float[] m;
    private final float[] v;
    private long steps;
    private double scale = 1;

    AdamOptimizer(OptimizerSpec.Adam spec, int size) {
        this.spec = spec;
        this.m = new float[size];
        this.v = new float[size];
    }

    @Override
    public void scaleLearningRate(double factor) {
        scale = factor;
    }

    @Override
    public void step(Matrix params, Matrix grad, Workers workers, Matrix outputs, Matrix lossGradient) {
        steps++;
        ElementwiseUpdate.run(params, grad, workers, this::update);
    }

    private void update(float[] p, float[] g, int at, int n) {
        OptimizerSpec.Adam a = spec;
        float b1 = (float) a.beta1(), b2 = (float) a.beta2(), eps = (float) a.eps(), wd = (float) a.weightDecay();
        double lr = a.lr() * scale;
        float stepSize = (float) (lr / (1 - Math.pow(a.beta1(), steps)));
        float rootC2 = (float) Math.sqrt(1 - Math.pow(a.beta2(), steps));
        if (a.decoupled()) {
            float decay = (float) (1 - lr * a.weightDecay());
            for (int i = 0; i < n; i++) p[i] *= decay;
        } else if (wd != 0) {
            for (int i = 0; i < n; i++) g[i] += wd * p[i];
        }
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = b1 * m[at + i] + (1 - b1) * gi;
            float vi = b2 * v[at + i] + (1 - b2) * gi * gi;
            m[at + i] = mi;
            v[at + i] = vi;
            p[i] -= stepSize * mi / ((float) Math.sqrt(vi) / rootC2 + eps);
        }
    }
}
