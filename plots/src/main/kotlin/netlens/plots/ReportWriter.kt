package netlens.plots

import java.nio.file.Files
import java.nio.file.Path
import netlens.run.Results

/**
 * Writes `<root>/<experiment>/`: index.html (self-contained, figures inlined as SVG), one SVG per
 * figure in figures/, metrics.csv, run.json, embeddings.npy, labels.npy, cka.csv and spectra.csv
 * when measured, and the script as it ran. An experiment with variants gets one page comparing them
 * side by side, a metrics.csv with a `variant` column, and one such folder per variant. The folder
 * is replaced whole or not at all (see [AtomicFolder]).
 */
class ReportWriter(private val root: Path) {
    fun write(results: Results, spec: ReportSpec, provenance: Provenance, runInfo: Map<String, Any?>): Path =
        AtomicFolder.write(root, results.experiment().name()) { dir ->
            writeRun(dir, Run("", ResultView(results)), spec.sections, spec, provenance, runInfo, null)
        }

    /** An experiment with variants, in the order declared; labels name the variants. */
    fun writeVariants(name: String, runs: List<Pair<String, Results>>, spec: ReportSpec, provenance: Provenance,
                      runInfo: Map<String, Any?>): Path =
        AtomicFolder.write(root, name) { dir ->
            val all = Run.numbered(runs.map { (label, r) -> Run(label, ResultView(r)) })
            for (run in all) {
                writeRun(dir.resolve(slug(run.label)), run, spec.sections.filter { !ReportSpec.sideBySide(it) }, spec, provenance,
                    runInfo + ("variant" to run.label), "../index.html")
            }
            val svgs = render(spec.sections.filter { ReportSpec.sideBySide(it) }, all, spec)
            writeFigures(dir, svgs)
            Files.writeString(dir.resolve("metrics.csv"), MetricsTable.csvWithVariants(runs))
            Files.writeString(dir.resolve(SCRIPT_COPY), provenance.scriptText)
            Files.writeString(dir.resolve("run.json"), Json.write(linkedMapOf(
                "experiment" to name,
                "variants" to all.map { linkedMapOf("label" to it.label, "folder" to slug(it.label),
                    "status" to it.view.results.outcome().status().name.lowercase(), "outcome" to it.view.results.outcome().message()) },
                "script" to linkedMapOf("path" to provenance.scriptPath, "sha256" to provenance.scriptSha256, "text" to provenance.scriptText),
                "git" to provenance.gitCommit?.let { linkedMapOf("commit" to it, "dirty" to provenance.gitDirty) },
                "command" to provenance.commandLine,
                "netlens_version" to provenance.netlensVersion,
                "started_at" to provenance.startedAt,
            ) + runInfo) + "\n")
            Files.writeString(dir.resolve("index.html"), HtmlReport.variantsPage(name, all, provenance, svgs) { slug(it) })
        }

    private fun writeRun(dir: Path, run: Run, sections: List<ReportSpec.Section>, spec: ReportSpec, provenance: Provenance,
                         runInfo: Map<String, Any?>, backLink: String?) {
        Files.createDirectories(dir)
        val results = run.view.results
        val svgs = render(sections, listOf(run), spec)
        writeFigures(dir, svgs)
        Files.writeString(dir.resolve("metrics.csv"), MetricsTable.csv(results))
        ProbeTables.cka(results)?.let { Files.writeString(dir.resolve("cka.csv"), it) }
        ProbeTables.spectra(results)?.let { Files.writeString(dir.resolve("spectra.csv"), it) }
        ProbeTables.ntk(results)?.let { Files.writeString(dir.resolve("ntk.csv"), it) }
        ProbeTables.neurons(results)?.let { Files.writeString(dir.resolve("neurons.csv"), it) }
        Files.writeString(dir.resolve(SCRIPT_COPY), provenance.scriptText)
        val embeddings = Embeddings.write(dir, run.view)
        Files.writeString(dir.resolve("run.json"), Json.write(RunJson.of(results, provenance, runInfo, embeddings)) + "\n")
        Files.writeString(dir.resolve("index.html"),
            HtmlReport.page(run.view, provenance, svgs, Verdict.sentences(run.view, spec.nc1), run.label, backLink))
    }

    private fun render(sections: List<ReportSpec.Section>, runs: List<Run>, spec: ReportSpec): List<Pair<FigureOut, String>> {
        val view = runs.first().view
        val figures = sections.mapNotNull { s ->
            if (s != ReportSpec.TrainingCurves && runs.all { it.view.probes.isEmpty() }) return@mapNotNull null
            when (s) {
                ReportSpec.TrainingCurves -> trainingCurves(runs)
                ReportSpec.DecisionRegions -> decisionRegions(runs)
                ReportSpec.Bottleneck -> bottleneck(runs)
                is ReportSpec.BottleneckEvolution -> bottleneckEvolution(runs, s)
                ReportSpec.VectorField -> vectorField(runs)
                ReportSpec.Angles -> angles(runs)
                is ReportSpec.LayerGrid -> layerGrid(view, s)
                is ReportSpec.Penultimate -> penultimate(view, s)
                ReportSpec.CollapseCurves -> collapseCurves(view, spec.nc1)
                is ReportSpec.DepthProfiles -> depthProfiles(view, s, spec.nc1)
                ReportSpec.CkaHeatmaps -> ckaHeatmaps(view)
                ReportSpec.Spectra -> spectra(view)
                ReportSpec.WeightMovement -> weightMovement(view)
                ReportSpec.NtkSpectra -> ntkSpectra(view)
                ReportSpec.NeuronPositions -> neuronPositions(view)
            }
        }
        return figures.map { it to Svg.render(it.figure, it.id) }
    }

    private fun writeFigures(dir: Path, svgs: List<Pair<FigureOut, String>>) {
        Files.createDirectories(dir.resolve("figures"))
        for ((fig, svg) in svgs) Files.writeString(dir.resolve("figures/${fig.id}.svg"), svg)
    }

    companion object {
        /** The script as it ran, kept beside its report so runs can be compared and rerun. */
        const val SCRIPT_COPY = "script.exp.kts"

        /** A variant label as a folder name: "activation=tanh, K=3" → "activation-tanh_K-3". */
        fun slug(label: String): String =
            label.replace(Regex("""\s*,\s*"""), "_").replace('=', '-').replace(Regex("""[^A-Za-z0-9._-]"""), "-").ifEmpty { "base" }
    }
}
