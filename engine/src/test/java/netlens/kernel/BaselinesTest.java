package netlens.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import netlens.data.Dataset;
import netlens.data.GaussianBinarySpec;
import netlens.data.Split;
import netlens.linalg.Backend;
import netlens.linalg.Gemm;
import netlens.linalg.Workers;
import netlens.nn.Activation;
import netlens.nn.Init;
import netlens.nn.Mlp;
import netlens.nn.MlpSpec;
import netlens.nn.Parameterisation;
import org.junit.jupiter.api.Test;

/** Every learning-curve baseline learns the sphere model, and 5-NN agrees with a brute-force vote. */
class BaselinesTest {
    @Test
    void everyBaselineBeatsChanceAndKnnMatchesABruteForceVote() {
        Split split = new GaussianBinarySpec(GaussianBinarySpec.Model.SPHERE, 3, 400, 300).load(null, 5);
        Mlp net = Mlp.initialise(new MlpSpec(3, new int[] {200}, 1, Activation.RELU, true, Init.PYTORCH, Parameterisation.MEAN_FIELD, Double.NaN), 1);
        Map<Baseline, Double> errors;
        try (Workers w = new Workers(2)) {
            errors = Baselines.errors(List.of(Baseline.values()), net, net, split, new Gemm(Backend.blas(), w));
        }
        for (Baseline b : Baseline.values()) assertTrue(errors.get(b) < 0.3, b + " error " + errors.get(b));
        assertEquals(errors.get(Baseline.SVM_INIT_NTK), errors.get(Baseline.SVM_FINAL_NTK), "the same network twice");
        assertEquals(bruteForceKnn(split.train(), split.test()), errors.get(Baseline.KNN), 1e-12);
    }

    private static double bruteForceKnn(Dataset train, Dataset test) {
        int d = train.dim(), wrong = 0;
        for (int t = 0; t < test.size(); t++) {
            double[] dist = new double[train.size()];
            Integer[] order = new Integer[train.size()];
            for (int i = 0; i < train.size(); i++) {
                order[i] = i;
                for (int j = 0; j < d; j++) dist[i] += Math.pow(test.features()[t * d + j] - train.features()[i * d + j], 2);
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(dist[a], dist[b]));
            int votes = 0;
            for (int k = 0; k < 5; k++) votes += train.labels()[order[k]];
            if ((votes >= 3 ? 1 : 0) != test.labels()[t]) wrong++;
        }
        return (double) wrong / test.size();
    }
}
