package netlens.dsl

import netlens.observe.Layer
import netlens.observe.Measurement
import netlens.observe.Probe
import org.jetbrains.kotlinx.multik.api.mk
import org.jetbrains.kotlinx.multik.api.ndarray
import org.jetbrains.kotlinx.multik.ndarray.data.D1Array
import org.jetbrains.kotlinx.multik.ndarray.data.D2Array
import org.jetbrains.kotlinx.multik.ndarray.data.MultiArray

/**
 * What a script's own probe sees at one layer of one probe: `custom("name") { layer -> … }`. The
 * arrays are Multik views of the probe's own float arrays, not copies: read them, do not write into
 * them (a probe that does is stopped with that message).
 */
class ProbedLayer internal constructor(private val probe: Probe, private val layer: Layer) {
    /** "input", "h1" … "logits". */
    val name: String get() = layer.name()

    /** 0 = input … L = logits. */
    val index: Int get() = layer.index()

    /** The epoch of this probe (0 = the initial network). */
    val epoch: Int get() = probe.epoch()

    val width: Int get() = layer.width()
    val samples: Int get() = layer.samples()
    val classes: Int get() = layer.classes()
    val classNames: List<String> get() = probe.sample().classNames()

    /** The layer's activations, samples × width. */
    val features: D2Array<Float> by lazy { mk.ndarray(layer.features(), layer.samples(), layer.width()) }

    /** Each probe sample's class, 0 … classes − 1. */
    val labels: D1Array<Int> by lazy { mk.ndarray(layer.labels()) }

    /** The class the network predicts for each probe sample. */
    val predictions: D1Array<Int> by lazy { mk.ndarray(probe.predictions()) }

    /** The same samples' rows of features as a plain array, row-major (no copy). */
    val featureArray: FloatArray get() = layer.features()

    companion object {
        /**
         * What a custom probe returned as a measurement: a number is a scalar (metrics.csv and the
         * curves); a 1-D array or list of numbers a vector (`<name>.csv`); a 2-D array a matrix
         * (`<name>.npy`); a map of column name to values a table (`<name>.csv`); null nothing.
         */
        internal fun measurement(name: String, value: Any?): Measurement? = when (value) {
            null -> null
            is Number -> Measurement.Scalar(value.toDouble())
            is DoubleArray -> Measurement.Vector(value.clone())
            is FloatArray -> Measurement.Vector(DoubleArray(value.size) { value[it].toDouble() })
            is IntArray -> Measurement.Vector(DoubleArray(value.size) { value[it].toDouble() })
            is MultiArray<*, *> -> {
                val values = value.iterator().asSequence().map { (it as Number).toDouble() }.toList()   // row-major, whatever the strides
                when (value.dim.d) {
                    1 -> Measurement.Vector(values.toDoubleArray())
                    2 -> Measurement.Matrix(value.shape[0], value.shape[1], FloatArray(values.size) { values[it].toFloat() })
                    else -> throw ScriptValueException("custom(\"$name\") returned a ${value.dim.d}-D array; return a number, a 1-D or 2-D array, or a table")
                }
            }
            is List<*> -> if (value.all { it is Number }) Measurement.Vector(DoubleArray(value.size) { (value[it] as Number).toDouble() })
                else throw ScriptValueException("custom(\"$name\") returned a list of ${value.firstOrNull { it !is Number }?.javaClass?.simpleName}; lists must hold numbers")
            is Map<*, *> -> table(name, value)
            else -> throw ScriptValueException("custom(\"$name\") returned a ${value.javaClass.simpleName}; return a number, an array, or a map of columns")
        }

        private fun table(name: String, columns: Map<*, *>): Measurement.Table {
            val cols = columns.entries.map { (k, v) ->
                k.toString() to when (v) {
                    is List<*> -> v
                    is DoubleArray -> v.toList()
                    is FloatArray -> v.toList()
                    is IntArray -> v.toList()
                    is Array<*> -> v.toList()
                    else -> throw ScriptValueException("custom(\"$name\"): table column \"$k\" is a ${v?.javaClass?.simpleName}, not a list")
                }
            }
            val rows = cols.map { it.second.size }.distinct()
            requireValue(rows.size <= 1) { "custom(\"$name\"): table columns have different lengths ${cols.map { "${it.first}=${it.second.size}" }}" }
            val n = rows.firstOrNull() ?: 0
            return Measurement.Table(cols.map { it.first }, List(n) { i -> cols.map { it.second[i] } })
        }
    }
}
