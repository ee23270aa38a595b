package netlens.observables;

import java.util.List;
import java.util.Map;
import java.util.Set;
import netlens.kernel.CollapseKernel;
import netlens.kernel.KernelCollapse;
import netlens.kernel.KernelStudy;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Site;
import netlens.observe.Trained;

/**
 * Kernel NC1 (Kothapalli & Tirer 2024) after training, on the whole training set: for each kernel,
 * and for the trained network's last hidden layer ("network_features") and empirical NTK
 * ("network_ntk"), NC1 = Tr(Σ_W Σ_B⁺)/K, the trace ratio Tr Σ_W / Tr Σ_B and CDNV of the features
 * the kernel implies, each under the kernel's name.
 */
public record KernelNc1(List<CollapseKernel> kernels) implements Observable {
    public KernelNc1 {
        kernels = List.copyOf(kernels);
    }

    @Override
    public String key() {
        return "kernel_collapse";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.TRAINING_DATA, Need.WEIGHTS, Need.GRADIENTS);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of("nc1", "nc1_trace_ratio", "cdnv") : Set.of();
    }

    @Override
    public Measurements afterTraining(Trained run) {
        Measurements out = new Measurements();
        for (Map.Entry<String, KernelCollapse> e : KernelStudy.measure(kernels, run.network(), run.split().train(), run.gemm()).entrySet())
            out.put(e.getKey(), "nc1", e.getValue().nc1()).put(e.getKey(), "nc1_trace_ratio", e.getValue().quotient())
                    .put(e.getKey(), "cdnv", e.getValue().cdnv());
        return out;
    }
}
