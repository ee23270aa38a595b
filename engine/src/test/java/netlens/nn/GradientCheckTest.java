package netlens.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import netlens.linalg.Backend;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.linalg.Workers;
import netlens.train.Loss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand-written backward pass against central finite differences of an independent
 * double-precision forward pass written here from the definitions.
 */
class GradientCheckTest {

    /** Mean loss of the network's parameters (given in double) on x, by the textbook formulas. */
    private static double referenceLoss(Mlp net, double[] params, float[] x, int[] y, int rows, Loss loss) {
        int layers = net.layers();
        double[] a = new double[x.length];
        for (int i = 0; i < x.length; i++) a[i] = x[i];
        for (int l = 1; l <= layers; l++) {
            int in = net.width(l - 1), out = net.width(l);
            int w0 = net.weightOffset(l);
            boolean bias = net.spec().bias();
            double scale = switch (net.spec().parameterisation()) {       // z = s·W a + b (docs/definitions.md §2)
                case STANDARD -> 1;
                case NTK -> 1 / Math.sqrt(in);
                case MEAN_FIELD -> l == layers ? 1.0 / in : 1 / Math.sqrt(in);
            };
            double[] z = new double[rows * out];
            for (int r = 0; r < rows; r++)
                for (int o = 0; o < out; o++) {
                    double s = 0;
                    for (int i = 0; i < in; i++) s += params[w0 + o * in + i] * a[r * in + i];
                    z[r * out + o] = scale * s + (bias ? params[w0 + out * in + o] : 0);
                }
            Activation act = net.activation(l);
            for (int i = 0; i < z.length; i++)
                z[i] = switch (act) {
                    case RELU -> Math.max(z[i], 0);
                    case TANH -> Math.tanh(z[i]);
                    case LINEAR -> z[i];
                };
            a = z;
        }
        int k = net.width(layers);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            if (loss instanceof Loss.Margin margin) {
                total += margin.value((y[r] == 1 ? 1 : -1) * a[r]);
            } else if (loss == Loss.CROSS_ENTROPY) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) max = Math.max(max, a[r * k + c]);
                double sum = 0;
                for (int c = 0; c < k; c++) sum += Math.exp(a[r * k + c] - max);
                total += Math.log(sum) + max - a[r * k + y[r]];
            } else {
                for (int c = 0; c < k; c++) {
                    double d = a[r * k + c] - (c == y[r] ? 1 : 0);
                    total += d * d / k;
                }
            }
        }
        return total / rows;
    }

    @ParameterizedTest(name = "{0} with {1}, bias {2}, {3}")
    @CsvSource({"RELU, crossEntropy, true, STANDARD", "TANH, crossEntropy, true, STANDARD", "LINEAR, mse, true, STANDARD",
            "TANH, mse, false, STANDARD", "RELU, mse, true, STANDARD", "TANH, softHinge, true, NTK", "RELU, quadraticHinge, true, MEAN_FIELD",
            "TANH, crossEntropy, true, MEAN_FIELD"})
    void backwardMatchesFiniteDifferences(Activation activation, String lossName, boolean bias, Parameterisation param) {
        Loss loss = switch (lossName) {
            case "crossEntropy" -> Loss.CROSS_ENTROPY;
            case "mse" -> Loss.MSE;
            case "softHinge" -> new Loss.SoftHinge(2.0);
            default -> new Loss.QuadraticHinge();
        };
        MlpSpec spec = new MlpSpec(5, new int[] {7, 6}, loss.outputs(loss.binary() ? 2 : 3), activation, bias, Init.PYTORCH, param, Double.NaN);
        Mlp net = Mlp.initialise(spec, 11);
        int rows = 4;
        float[] x = new float[rows * 5];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        int[] y = loss.binary() ? new int[] {0, 1, 1, 0} : new int[] {0, 2, 1, 2};

        Matrix grad = net.newParameterVector();
        try (Workers w = new Workers(2)) {
            Gemm gemm = new Gemm(Backend.blas(), w);
            Tape tape = new Tape(net, rows);
            net.forward(gemm, Matrix.of(rows, 5, x), tape);
            double engineLoss = loss.evaluate(tape.post(net.layers()), y, 0, tape.delta(net.layers()), rows) / rows;
            net.backward(gemm, tape, grad);

            double[] p = new double[net.parameterCount()];
            for (int i = 0; i < p.length; i++) p[i] = net.params().buffer().get(i);
            assertEquals(referenceLoss(net, p, x, y, rows, loss), engineLoss, 1e-5, "the engine computes the reference function");
            double h = 1e-6;
            for (int i = 0; i < p.length; i++) {
                double saved = p[i];
                p[i] = saved + h;
                double up = referenceLoss(net, p, x, y, rows, loss);
                p[i] = saved - h;
                double down = referenceLoss(net, p, x, y, rows, loss);
                p[i] = saved;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, grad.buffer().get(i), 2e-5 + 1e-3 * Math.abs(fd), "parameter " + i);
            }
        }
    }
}
