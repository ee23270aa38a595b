package netlens.probe;

import java.util.HashSet;
import java.util.Set;
import netlens.data.Dataset;
import netlens.nn.Mlp;

/**
 * Where the hidden neurons of a one-hidden-layer network sit (docs/definitions.md §3): neuron n is
 * active where s·wₙ·x + bₙ > 0, and its hyperplane's point nearest the origin is
 * zₙ = −bₙ wₙ/(s‖wₙ‖²) (= −√d bₙ wₙ/‖wₙ‖² with s = 1/√d). Neurons whose output weight is at
 * least a tenth of the largest one are kept. Attractors are the groups of kept neurons active on
 * exactly the same training points; their number A is reported.
 *
 * @param z        h×d positions, row-major
 * @param beta     output weights βₙ
 * @param biasSign sign of bₙ (the colour of the figure)
 */
public record NeuronPositions(int hidden, int dim, float[] z, float[] beta, int[] biasSign, boolean[] kept, int attractors) {
    /** Kept neurons have |βₙ| ≥ this fraction of the largest |β|. */
    public static final double KEEP = 0.1;

    public static NeuronPositions of(Mlp net, Dataset train) {
        if (net.layers() != 2) throw new IllegalArgumentException("neuron positions need a network with one hidden layer");
        int h = net.width(1), d = net.width(0);
        var w = net.weight(1);
        var b = net.bias(net.params(), 1);
        var out = net.weight(2);
        float s = net.scale(1);
        float[] z = new float[h * d], beta = new float[h];
        int[] sign = new int[h];
        double maxBeta = 0;
        for (int n = 0; n < h; n++) {
            double norm2 = 0;
            for (int j = 0; j < d; j++) norm2 += (double) w.get(n, j) * w.get(n, j);
            double bn = b == null ? 0 : b.get(0, n);
            for (int j = 0; j < d; j++) z[n * d + j] = (float) (-bn * w.get(n, j) / (s * norm2));
            beta[n] = out.get(0, n);
            sign[n] = bn >= 0 ? 1 : -1;
            maxBeta = Math.max(maxBeta, Math.abs(beta[n]));
        }
        boolean[] kept = new boolean[h];
        for (int n = 0; n < h; n++) kept[n] = Math.abs(beta[n]) >= KEEP * maxBeta && maxBeta > 0;
        return new NeuronPositions(h, d, z, beta, sign, kept, attractors(net, train, kept, s));
    }

    /** Distinct activation patterns on the training points among kept neurons. */
    private static int attractors(Mlp net, Dataset train, boolean[] kept, float s) {
        int d = train.dim();
        var w = net.weight(1);
        var b = net.bias(net.params(), 1);
        Set<String> patterns = new HashSet<>();
        java.util.BitSet active = new java.util.BitSet(train.size());
        for (int n = 0; n < kept.length; n++) {
            if (!kept[n]) continue;
            active.clear();
            for (int i = 0; i < train.size(); i++) {
                double pre = b == null ? 0 : b.get(0, n);
                for (int j = 0; j < d; j++) pre += s * w.get(n, j) * train.features()[i * d + j];
                if (pre > 0) active.set(i);
            }
            if (!active.isEmpty()) patterns.add(active.toString());
        }
        return patterns.size();
    }

    public int keptCount() {
        int k = 0;
        for (boolean b : kept) if (b) k++;
        return k;
    }
}
