package netlens.plots

/**
 * The figures a report shows, in order, which NC1 the figures and the verdict lead with (every
 * variant is in metrics.csv), whether they are also written as PNG and PDF for papers, and the
 * files the trained network is saved to beside them ("network.safetensors", "network.onnx").
 */
data class ReportSpec(val figures: List<Figure>, val nc1: Nc1 = Nc1.TRACE, val export: Export? = null, val networks: List<String> = emptyList()) {
    /** NC1 variants (docs/definitions.md §3). */
    enum class Nc1(val metric: String, val label: String) {
        /** Tr(Σ_W Σ_B⁺)/K, Papyan et al. 2020. */
        TRACE("nc1", "NC1 = Tr(Σ_W Σ_B⁺)/K"),
        /** Tr Σ_W / Tr Σ_B, Tirer et al.; Kothapalli & Tirer's kernel NC1. */
        TRACE_RATIO("nc1_trace_ratio", "NC1 = Tr Σ_W / Tr Σ_B"),
        /** Class-distance normalised variance, Galanti et al. */
        CDNV("cdnv", "CDNV"),
    }

    companion object {
        /** Points per class when a figure leaves it open: about [total] in all, at least 30 per class. */
        fun pointsPerClass(requested: Int?, classes: Int, total: Int): Int = requested ?: maxOf(30, minOf(300, total / classes))
    }
}
