package netlens.observables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import netlens.data.Dataset;
import netlens.kernel.EmpiricalNtk;
import netlens.kernel.KernelSpectrum;
import netlens.observe.Measurement;
import netlens.observe.Measurements;
import netlens.observe.Need;
import netlens.observe.Observable;
import netlens.observe.Probe;
import netlens.observe.Site;

/**
 * The empirical NTK as an observable, on a stratified subset of {@code samples} probe samples: its
 * spectrum, the labels' share along each eigenvector and its cumulative sum, the kernel-target
 * alignment, and the k-NN mutual information of the leading eigenvectors with the label
 * ("ntk_spectrum", the leading {@value #KEPT} rows; scalars ntk_*).
 */
public record TangentKernel(int samples) implements Observable {
    /** Eigenvalues kept per probe; mutual information for the leading few. */
    static final int KEPT = 200, INFORMATION = 10;

    public TangentKernel {
        if (samples < 2) throw new IllegalArgumentException("ntk samples must be >= 2, got " + samples);
    }

    @Override
    public String key() {
        return "ntk";
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.GRADIENTS);
    }

    @Override
    public Set<String> produces(Site site) {
        return site.network() ? Set.of("ntk_alignment", "ntk_top_eigenvalue", "ntk_label_share_top10", "ntk_spectrum") : Set.of();
    }

    @Override
    public Measurements atProbe(Probe probe) {
        Dataset subset = probe.sample().select(probe.subset("ntk", samples));
        var gram = EmpiricalNtk.of(probe.network(), subset, probe.gemm(), s -> {});
        KernelSpectrum k = KernelSpectrum.of(gram, subset.labels(), subset.classes(), probe.gemm().blas(), INFORMATION);
        int keep = Math.min(KEPT, k.eigenvalues().length);
        Measurements out = new Measurements().put("ntk_alignment", k.alignment()).put("ntk_top_eigenvalue", k.eigenvalues()[0])
                .put("ntk_label_share_top10", k.cumulative()[Math.min(9, keep - 1)]);
        for (int i = 0; i < k.mutualInformation().length; i++) out.put("ntk_mutual_information_" + (i + 1), k.mutualInformation()[i]);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < keep; i++)
            rows.add(Arrays.asList(i + 1, k.eigenvalues()[i], k.projections()[i], k.cumulative()[i],
                    i < k.mutualInformation().length ? k.mutualInformation()[i] : Double.NaN));
        return out.put("ntk_spectrum", new Measurement.Table(
                List.of("index", "eigenvalue", "label_projection", "cumulative_projection", "mutual_information"), rows));
    }
}
