package netlens.plots

import netlens.probe.NeuronPositions
import netlens.run.Results

/** A neuron's first coordinate z₁ (x∥ for the stripe) and the norm of the others ‖z⊥‖. */
internal fun NeuronPositions.split(n: Int): Pair<Double, Double> {
    val z1 = z()[n * dim()].toDouble()
    var rest = 0.0
    for (j in 1 until dim()) rest += z()[n * dim() + j].toDouble() * z()[n * dim() + j]
    return z1 to kotlin.math.sqrt(rest)
}

/** The probe outputs that are matrices or vectors rather than scalars, as tidy CSV. */
internal object ProbeTables {
    /** cka.csv: linear CKA between (epoch, layer) pairs — layer × layer at each probe, epoch × epoch per layer. */
    fun cka(results: Results): String? {
        val rows = StringBuilder("epoch_a,layer_a,epoch_b,layer_b,cka\n")
        var any = false
        for (p in results.probes()) {
            val m = p.layerCka() ?: continue
            val layers = p.layers()
            for (a in layers.indices) for (b in a until layers.size) {
                rows.append("${p.epoch()},${layers[a].name()},${p.epoch()},${layers[b].name()},${m[a][b]}\n")
                any = true
            }
        }
        for (c in results.epochCka()) {
            if (c.epochA() == c.epochB()) continue
            rows.append("${c.epochA()},${c.layer()},${c.epochB()},${c.layer()},${c.value()}\n")
            any = true
        }
        return if (any) rows.toString() else null
    }

    /** ntk.csv: the empirical NTK's leading eigenvalues, label projections and mutual information, per probe. */
    fun ntk(results: Results): String? {
        val rows = StringBuilder("epoch,index,eigenvalue,label_projection,cumulative_projection,mutual_information\n")
        var any = false
        for (p in results.probes()) {
            val k = p.ntk() ?: continue
            for (i in k.eigenvalues().indices) {
                val mi = if (i < k.mutualInformation().size) k.mutualInformation()[i].toString() else ""
                rows.append("${p.epoch()},${i + 1},${k.eigenvalues()[i]},${k.projections()[i]},${k.cumulative()[i]},$mi\n")
            }
            any = true
        }
        return if (any) rows.toString() else null
    }

    /** neurons.csv: each hidden neuron's position z (its first coordinate and the norm of the rest), output weight and bias sign. */
    fun neurons(results: Results): String? {
        val rows = StringBuilder("epoch,neuron,z1,z_rest,norm,beta,bias_sign,kept\n")
        var any = false
        for (p in results.probes()) {
            val n = p.neurons() ?: continue
            for (i in 0 until n.hidden()) {
                val (z1, rest) = n.split(i)
                rows.append("${p.epoch()},$i,$z1,$rest,${kotlin.math.hypot(z1, rest)},${n.beta()[i]},${n.biasSign()[i]},${n.kept()[i]}\n")
            }
            any = true
        }
        return if (any) rows.toString() else null
    }

    /** spectra.csv: the leading PCA eigenvalues of each layer as fractions of its total variance. */
    fun spectra(results: Results): String? {
        val rows = StringBuilder("epoch,layer,index,fraction\n")
        var any = false
        for (p in results.probes()) for (lp in p.layers()) {
            val s = lp.spectrum() ?: continue
            for (i in s.indices) rows.append("${p.epoch()},${lp.name()},${i + 1},${s[i]}\n")
            any = true
        }
        return if (any) rows.toString() else null
    }
}
