package netlens.train;

import netlens.linalg.Matrix;
import netlens.linalg.Workers;

/** PyTorch's SGD: g += λp; v = μv + g; p −= lr·(nesterov ? g + μv : v). */
final class SgdOptimizer implements Optimizer {
    private final OptimizerSpec.Sgd spec;
    private final float[] velocity;     // null without momentum
    private double scale = 1;

    SgdOptimizer(OptimizerSpec.Sgd spec, int size) {
        this.spec = spec;
        this.velocity = spec.momentum() > 0 ? new float[size] : null;
    }

    @Override
    public void scaleLearningRate(double factor) {
        scale = factor;
    }

    @Override
    public void step(Matrix params, Matrix grad, Workers workers, Matrix outputs, Matrix lossGradient) {
        ElementwiseUpdate.run(params, grad, workers, this::update);
    }

    private void update(float[] p, float[] g, int at, int n) {
        float lr = (float) (spec.lr() * scale), mu = (float) spec.momentum(), wd = (float) spec.weightDecay();
        if (wd != 0) for (int i = 0; i < n; i++) g[i] += wd * p[i];
        if (velocity == null) {
            for (int i = 0; i < n; i++) p[i] -= lr * g[i];
            return;
        }
        float[] v = velocity;
        if (spec.nesterov()) {
            for (int i = 0; i < n; i++) {
                float vi = mu * v[at + i] + g[i];
                v[at + i] = vi;
                p[i] -= lr * (g[i] + mu * vi);
            }
        } else {
            for (int i = 0; i < n; i++) {
                float vi = mu * v[at + i] + g[i];
                v[at + i] = vi;
                p[i] -= lr * vi;
            }
        }
    }
}
