package netlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import netlens.data.Dataset;
import netlens.linalg.Backend;
import netlens.linalg.Gemm;
import netlens.linalg.Matrix;
import netlens.linalg.Workers;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;
import netlens.nn.Tape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The factorised empirical NTK against dot products of naive per-sample parameter gradients. */
class EmpiricalNtkTest {
    private static Dataset data(int n, int d, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        return new Dataset("x", x, new int[n], d, List.of("a", "b"));
    }

    /** ∂f_k(x)/∂θ for one sample, by back-propagating e_k through a batch of one. */
    private static float[] gradient(Mlp net, Gemm gemm, float[] x, int k) {
        Tape tape = new Tape(net, 1);
        net.forward(gemm, Matrix.of(1, x.length, x), tape);
        Matrix top = tape.delta(net.layers());
        top.fill(0f);
        top.set(0, k, 1f);
        Matrix grad = net.newParameterVector();
        net.backward(gemm, tape, grad);
        return grad.toArray();
    }

    @ParameterizedTest(name = "{0}, {1}, {2} outputs, bias {3}")
    @CsvSource({"TANH, NTK, 1, true", "RELU, STANDARD, 3, true", "RELU, MEAN_FIELD, 1, false", "TANH, STANDARD, 2, true"})
    void factorisedKernelEqualsThePerSampleGradientGram(Activation act, Parameterisation param, int outputs, boolean bias) {
        MlpSpec spec = new MlpSpec(4, new int[] {9, 6}, outputs, act, bias, Init.PYTORCH, param, Double.NaN);
        Mlp net = Mlp.initialise(spec, 3);
        Dataset a = data(7, 4, 1), b = data(5, 4, 2);
        try (Workers w = new Workers(2)) {
            Gemm gemm = new Gemm(Backend.blas(), w);
            Gram theta = EmpiricalNtk.between(net, a, b, gemm, s -> {});
            for (int i = 0; i < a.size(); i++)
                for (int j = 0; j < b.size(); j++) {
                    double want = 0;
                    for (int k = 0; k < outputs; k++) {
                        float[] gi = gradient(net, gemm, java.util.Arrays.copyOfRange(a.features(), i * 4, i * 4 + 4), k);
                        float[] gj = gradient(net, gemm, java.util.Arrays.copyOfRange(b.features(), j * 4, j * 4 + 4), k);
                        for (int p = 0; p < gi.length; p++) want += (double) gi[p] * gj[p];
                    }
                    assertEquals(want, theta.get(i, j), 1e-4 * (1 + Math.abs(want)), "Θ(" + i + ", " + j + ")");
                }
            Gram self = EmpiricalNtk.of(net, a, gemm, s -> {});
            for (int i = 0; i < a.size(); i++)
                for (int j = 0; j < a.size(); j++) assertEquals(self.get(i, j), self.get(j, i), 1e-9 * (1 + Math.abs(self.get(i, j))));
        }
    }
}
