package netlens.plots

import java.util.Locale
import netlens.data.ImageSpec

/**
 * Ansuini, Laio, Macke & Zoccolan (2019): in a trained network the intrinsic dimension first rises,
 * then falls over the last hidden layers (a hunchback); an untrained network and one trained on
 * shuffled labels show no such profile. Checked on the TwoNN estimate from the input to the last
 * hidden layer, at the first probe (initialisation) and the last (a loaded network's probes are all "trained").
 */
internal object DimensionClaims {
    val STAGES = listOf("at initialisation", "trained")

    /** A hunchback's peak is at least this many times the input's… */
    const val RISE = 1.1

    /** …and the last hidden layer's at most this share of the peak. */
    const val FALL = 0.5

    /** One probe's profile: (layer index, TwoNN estimate, its bootstrap error) from the input to the last hidden layer. */
    class Profile(val stage: String, val epoch: Int, val names: List<String>, val points: List<Triple<Int, Double, Double>>) {
        val values: List<Double> get() = points.map { it.second }
    }

    fun profiles(view: Run): List<Profile> {
        val layers = view.layers.filter { it.index() <= view.penultimate }
        fun at(p: netlens.observe.ProbeRecord, stage: String): Profile? {
            val points = layers.mapNotNull { l ->
                view.scalar(p, l.name(), "id_twonn")?.takeIf { !it.isNaN() }?.let { Triple(l.index(), it, view.scalar(p, l.name(), "id_twonn_error") ?: 0.0) }
            }
            return if (points.size == layers.size && points.size >= 3) Profile(stage, p.epoch(), layers.map { it.name() }, points) else null
        }
        // A network loaded from a file was trained before epoch 0: none of its probes sees it untrained.
        if (view.results.experiment().model().pretrained() != null) return listOfNotNull(view.probes.lastOrNull()?.let { at(it, STAGES[1]) })
        val first = view.probes.firstOrNull()?.takeIf { it.epoch() == 0 }?.let { at(it, STAGES[0]) }
        val last = view.probes.lastOrNull()?.takeIf { it.epoch() > 0 }?.let { at(it, STAGES[1]) }
        return listOfNotNull(first, last)
    }

    fun of(view: Run): List<Claim> {
        val all = profiles(view)
        if (all.isEmpty()) return emptyList()
        val shuffled = (view.results.experiment().data() as? ImageSpec)?.randomLabels() == true
        return listOf(claim(all.firstOrNull { it.stage == STAGES[0] }, all.firstOrNull { it.stage == STAGES[1] }, shuffled))
    }

    /** Peak strictly inside, rising by [RISE] over the input, the last hidden layer at most [FALL] of the peak. */
    fun hunchback(values: List<Double>): Boolean {
        val peak = values.indices.maxBy { values[it] }
        return peak in 1 until values.size - 1 && values[peak] >= RISE * values[0] && values.last() <= FALL * values[peak]
    }

    fun claim(initial: Profile?, trained: Profile?, shuffled: Boolean): Claim {
        val any = trained ?: initial!!
        val seen = mutableListOf<String>()
        fun describe(p: Profile): String {
            val v = p.values
            val peak = v.indices.maxBy { v[it] }
            val shape = when {
                hunchback(v) -> f("a hunchback: up %.0f%% to %s, then down to %.0f%% of that", 100 * (v[peak] / v[0] - 1), p.names[peak], 100 * v.last() / v[peak])
                peak == 0 -> f("no hunchback: highest at the input, %.0f%% of it at %s", 100 * v.last() / v[0], p.names.last())
                else -> f("no hunchback: up %.0f%% to %s, the last hidden layer at %.0f%% of that", 100 * (v[peak] / v[0] - 1), p.names[peak], 100 * v.last() / v[peak])
            }
            return f("%s (epoch %d) %s: %s", p.stage, p.epoch, v.joinToString(", ") { f("%.1f", it) }, shape)
        }
        initial?.let { seen += describe(it) }
        trained?.let { seen += describe(it) }
        val verdicts = mutableListOf<String>()
        if (trained != null) verdicts += if (shuffled) "absent with shuffled labels: " + holds(!hunchback(trained.values))
            else "a hunchback after training: " + holds(hunchback(trained.values))
        if (initial != null && !shuffled) verdicts += "absent at initialisation: " + holds(!hunchback(initial.values))
        val verdict = verdicts.joinToString("; ")
        return Claim("intrinsic-dimension hunchback (Ansuini et al. 2019)", "Ansuini et al. 2019 claim: the intrinsic dimension of a trained network first rises, then falls over the last hidden " +
            "layers (a hunchback), which an untrained network and one trained on shuffled labels lack. Here (TwoNN, " +
            "${any.names.first()} → ${any.names.last()}${if (shuffled) ", training labels shuffled" else ""}): " + seen.joinToString("; ") +
            ". Verdict: " + verdict +
            f(" (a hunchback peaks at a hidden layer before the last, at least %s× the input's, and ends at most %.0f%% of its peak).", RISE, 100 * FALL),
            verdict)
    }

    private fun holds(b: Boolean) = if (b) "holds" else "does not hold"

    private fun f(format: String, vararg args: Any?) = String.format(Locale.ROOT, format, *args)
}
