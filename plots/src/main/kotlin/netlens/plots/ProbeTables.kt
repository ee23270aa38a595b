package netlens.plots

import netlens.run.Results

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
