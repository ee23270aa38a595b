package netlens.plots

import java.nio.file.Files
import java.nio.file.Path
import netlens.run.Results

/**
 * Writes `<root>/<experiment>/`: index.html (self-contained, figures inlined as SVG), one SVG per
 * figure in figures/, metrics.csv, run.json, embeddings.npy, labels.npy and the script as it ran.
 * The folder is replaced whole or not at all (see [AtomicFolder]).
 */
class ReportWriter(private val root: Path) {
    fun write(results: Results, spec: ReportSpec, provenance: Provenance, runInfo: Map<String, Any?>): Path =
        AtomicFolder.write(root, results.experiment().name()) { dir -> writeInto(dir, results, spec, provenance, runInfo) }

    private fun writeInto(dir: Path, results: Results, spec: ReportSpec, provenance: Provenance, runInfo: Map<String, Any?>) {
        val view = ResultView(results)
        val figures = spec.sections.mapNotNull { s ->
            if (s != ReportSpec.TrainingCurves && view.probes.isEmpty()) return@mapNotNull null
            when (s) {
                ReportSpec.TrainingCurves -> trainingCurves(view)
                is ReportSpec.LayerGrid -> layerGrid(view, s)
                is ReportSpec.Penultimate -> penultimate(view, s)
                ReportSpec.CollapseCurves -> collapseCurves(view, spec.nc1)
                is ReportSpec.DepthProfiles -> depthProfiles(view, s, spec.nc1)
                ReportSpec.CkaHeatmaps -> ckaHeatmaps(view)
                ReportSpec.Spectra -> spectra(view)
                ReportSpec.WeightMovement -> weightMovement(view)
            }
        }
        val svgs = figures.map { it to Svg.render(it.figure, it.id) }
        Files.createDirectories(dir.resolve("figures"))
        for ((fig, svg) in svgs) Files.writeString(dir.resolve("figures/${fig.id}.svg"), svg)
        Files.writeString(dir.resolve("metrics.csv"), MetricsTable.csv(results))
        ProbeTables.cka(results)?.let { Files.writeString(dir.resolve("cka.csv"), it) }
        ProbeTables.spectra(results)?.let { Files.writeString(dir.resolve("spectra.csv"), it) }
        Files.writeString(dir.resolve(SCRIPT_COPY), provenance.scriptText)
        val embeddings = Embeddings.write(dir, view)
        Files.writeString(dir.resolve("run.json"), Json.write(RunJson.of(results, provenance, runInfo, embeddings)) + "\n")
        Files.writeString(dir.resolve("index.html"), HtmlReport.page(view, provenance, svgs, Verdict.sentences(view, spec.nc1)))
    }

    companion object {
        /** The script as it ran, kept beside its report so runs can be compared and rerun. */
        const val SCRIPT_COPY = "script.exp.kts"
    }
}
