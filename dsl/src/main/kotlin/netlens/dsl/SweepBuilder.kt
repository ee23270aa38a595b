package netlens.dsl

import kotlin.math.exp
import kotlin.math.ln
import kotlin.math.roundToInt
import netlens.data.DataSpec
import netlens.data.GaussianBinarySpec
import netlens.data.GaussianClassesSpec
import netlens.data.OpposedGaussiansSpec
import netlens.data.PcaImageSpec
import netlens.data.Regime
import netlens.run.Series

/**
 * The axes of a sweep: `p(…)` training-set sizes, `seed(…)`, `regime(feature = α, lazy = α)`,
 * `dimension(…)` and `separation(…)` of Gaussian classes, and any `along(name, values) { … }`.
 * Every combination is one point.
 */
@NetlensDsl
class SweepBuilder internal constructor() : VariantsBuilder() {
    /** In a sweep a named variant is one more series, run at every point of the axes. */
    override val namedAtEveryCombination = true

    /** Training-set sizes, for stripe, sphere or PCA-MNIST data. */
    fun p(values: Iterable<Int>) {
        val list = values.toList()
        requireValue(list.all { it >= 2 }) { "p(…): sizes must be >= 2, got $list" }
        along(Series.SIZE, list) { data = resized(data, it) }
    }

    fun p(vararg values: Int) = p(values.toList())

    /** Seeds: each point is repeated with each. */
    fun seed(values: Iterable<Int>) = along(Series.SEED, values) { seed = it.toLong() }

    /** Input dimensions, for gaussianClasses(…) or opposedGaussians(…) data. */
    fun dimension(vararg values: Int) {
        requireValue(values.all { it >= 1 }) { "dimension(…): must be >= 1, got ${values.toList()}" }
        along("d", values.toList()) { d ->
            data = when (val c = data) {
                is GaussianClassesSpec -> GaussianClassesSpec(d, c.separation(), c.noise(), c.trainCounts(), c.testPerClass())
                is OpposedGaussiansSpec -> OpposedGaussiansSpec(d, c.mean(), c.std(), c.trainCounts(), c.testPerClass())
                else -> throw ScriptValueException("dimension(…) needs gaussianClasses(…) or opposedGaussians(…) data, not ${c.describe()}")
            }
        }
    }

    /** Training samples of each class, e.g. `trainPerClass(listOf(64, 64), listOf(32, 96))`, for Gaussian classes. */
    fun trainPerClass(vararg counts: List<Int>) {
        requireValue(counts.isNotEmpty() && counts.all { c -> c.isNotEmpty() && c.all { it >= 1 } }) { "trainPerClass(…): list counts >= 1" }
        along("n", counts.map { it.joinToString("/") }) { label ->
            val n = label.split("/").map { it.toInt() }.toIntArray()
            data = when (val c = data) {
                is GaussianClassesSpec -> GaussianClassesSpec(c.d(), c.separation(), c.noise(), n, c.testPerClass())
                is OpposedGaussiansSpec -> OpposedGaussiansSpec(c.d(), c.mean(), c.std(), n, c.testPerClass())
                else -> throw ScriptValueException("trainPerClass(…) needs gaussianClasses(…) or opposedGaussians(…) data, not ${c.describe()}")
            }
        }
    }

    /** Distances between class means, for gaussianClasses(…) data. */
    fun separation(vararg values: Number) {
        requireValue(values.all { it.toDouble() >= 0 }) { "separation(…): must be >= 0, got ${values.toList()}" }
        along("separation", values.map { it.toDouble() }) { sep ->
            val c = classes(data, "separation")
            data = GaussianClassesSpec(c.d(), sep, c.noise(), c.trainCounts(), c.testPerClass())
        }
    }

    /** The α-trick's α for the feature and the lazy regime (article convention, docs/definitions.md §2). */
    fun regime(feature: Number, lazy: Number) {
        requireValue(feature.toDouble() > 0 && lazy.toDouble() > 0) { "regime(feature = $feature, lazy = $lazy): α must be > 0" }
        along(Regime.AXIS, Regime.values().toList()) { model = model.with(alpha = if (it == Regime.FEATURE) feature else lazy) }
    }
}

private fun classes(data: DataSpec, axis: String): GaussianClassesSpec =
    data as? GaussianClassesSpec ?: throw ScriptValueException("$axis(…) needs gaussianClasses(…) data, not ${data.describe()}")

/** The same task with p training samples. */
private fun resized(data: DataSpec, p: Int): DataSpec = when (data) {
    is GaussianBinarySpec -> data.withP(p)
    is PcaImageSpec -> data.withP(p)
    else -> throw ScriptValueException("p(…) needs stripe(…), sphere(…) or pcaMnist(…) data, not ${data.describe()}")
}

/** [points] integers spaced evenly in log from [from] to [to], e.g. sizes(64, 16384, 9) = 64, 128, …, 16384. */
fun sizes(from: Int, to: Int, points: Int): List<Int> {
    requireValue(from >= 2 && to >= from && points >= 2) { "sizes(from = $from, to = $to, points = $points): need 2 <= from <= to and points >= 2" }
    return (0 until points).map { i -> exp(ln(from.toDouble()) + (ln(to.toDouble()) - ln(from.toDouble())) * i / (points - 1)).roundToInt() }.distinct()
}
