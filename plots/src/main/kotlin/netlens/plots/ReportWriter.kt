package netlens.plots

import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale
import netlens.interop.DenseStack
import netlens.interop.NetworkFiles
import netlens.observe.Measurement
import netlens.train.LearningRate
import netlens.train.Trainer

/**
 * Writes a plan's report into `<root>/<name>/`, replaced whole or not at all (see [AtomicFolder]).
 * Every layout has index.html (self-contained, figures inlined as SVG), one SVG per figure in
 * figures/, run.json and the script as it ran:
 * - one run: metrics.csv, a file per non-scalar measurement (embeddings.npy, cka_layers.csv, …) and labels.npy;
 * - variants: a page comparing them side by side, metrics.csv with a `variant` column, and a folder
 *   per variant holding its own one-run report;
 * - a sweep: learning curves and sweep.csv, one row per point (see [SweepPage]).
 * Run and variants pages open with the [Explorer] of every probed epoch; [images] gives a run's
 * probe-sample pixels when its data are images, for the explorer's thumbnails.
 * A partial report (a run interrupted, diverged or failed) never replaces a complete one: it goes to
 * `<name>.partial/` beside it. A complete report removes that partial one.
 */
class ReportWriter(private val root: Path, private val images: (Run) -> FloatArray? = { null }) {
    enum class Layout { RUN, VARIANTS, SWEEP }

    /** Errors of figures that could not be drawn (a script's own figure, say); the report has a note in each one's place. */
    val failures = mutableListOf<Exception>()

    /** [info] goes into run.json as it is (timings of the script, whether results came from the cache). */
    fun write(name: String, layout: Layout, runs: List<Run>, spec: ReportSpec, p: Provenance, info: Map<String, Any?>): Path {
        val complete = runs.all { it.results.complete() }
        val folder = if (complete || !isComplete(root.resolve(name))) name else name + PARTIAL
        val all = info + ("complete" to complete)
        val dir = AtomicFolder.write(root, folder) { dir ->
            Files.writeString(dir.resolve(SCRIPT_COPY), p.scriptText)
            when (layout) {
                Layout.RUN -> writeRun(dir, runs.single(), spec.figures, spec, p, all, null)
                Layout.VARIANTS -> writeVariants(dir, name, Run.numbered(runs), spec, p, all)
                Layout.SWEEP -> SweepPage.write(dir, name, runs, p, all, spec.export)
            }
        }
        if (complete) AtomicFolder.remove(root, name + PARTIAL)
        return dir
    }

    private fun writeVariants(dir: Path, name: String, runs: List<Run>, spec: ReportSpec, p: Provenance, info: Map<String, Any?>) {
        for (run in runs) {
            val folder = Files.createDirectories(dir.resolve(slug(run.label)))
            Files.writeString(folder.resolve(SCRIPT_COPY), p.scriptText)
            writeRun(folder, run, spec.figures.filter { !it.sideBySide }, spec, p, info + ("variant" to run.label), "../index.html")
        }
        val explorer = Explorer.block(runs, whole = false, images)
        val figures = figures(spec.figures.filter { it.sideBySide }, Drawing(runs, spec.nc1), dir, spec.export)
        Files.writeString(dir.resolve("metrics.csv"), MetricsTable.csvWithVariants(runs))
        RunJson.write(dir, p, linkedMapOf<String, Any?>(
            "experiment" to name,
            "variants" to runs.map { linkedMapOf("label" to it.label, "folder" to slug(it.label),
                "status" to it.results.outcome().status().name.lowercase(), "outcome" to it.results.outcome().message()) },
        ) + info)
        val page = Page(name)
        page.subtitle = "${runs.size} variants · ${runs.first().results.data().description()}"
        if (runs.any { !it.results.complete() }) page.banner = "Partial report: not every variant completed (see the table)."
        val claims = runs.map { Verdict.claims(it) }
        val claimed = claims.flatten().map { it.name }.distinct()
        page += Page.Table("variants", "Variants", listOf("variant", "network", "epochs", "train accuracy", "test accuracy", "outcome") + claimed,
            runs.zip(claims).map { (r, own) ->
                val last = r.results.last()
                listOf(r.label, r.results.network().toString(), last.epoch().toString(), f("%.2f%%", 100 * last.trainAccuracy()),
                    if (last.testAccuracy().isNaN()) "" else f("%.2f%%", 100 * last.testAccuracy()),
                    r.results.outcome().status().name.lowercase() + ": " + r.results.outcome().message()) +
                    claimed.map { name -> own.firstOrNull { it.name == name }?.verdict ?: "" }
            }, "Each variant's own page holds its layer-by-layer figures and data files" +
                (if (claimed.isEmpty()) "." else "; the last columns check published claims, each stated in full in its variant's summary."),
            runs.map { slug(it.label) + "/index.html" })
        explorer?.let { page += it }
        for (f in figures) page += f
        page += Page.Details(emptyList(), null, p.scriptText)
        Files.writeString(dir.resolve("index.html"), page.html(p))
    }

    private fun writeRun(dir: Path, run: Run, figures: List<Figure>, spec: ReportSpec, p: Provenance, info: Map<String, Any?>,
                         backLink: String?) {
        val r = run.results
        val drawn = figures(figures, Drawing(listOf(run), spec.nc1), dir, spec.export)
        Files.writeString(dir.resolve("metrics.csv"), MetricsTable.csv(r))
        val arrays = MeasurementFiles.write(dir, r)
        for (file in spec.networks) NetworkFiles.write(dir.resolve(file), DenseStack.of(r.trained()))
        RunJson.write(dir, p, RunJson.run(r, arrays, spec.networks, info + ("cached" to run.cached)))
        val e = r.experiment()
        val page = Page(if (run.label.isEmpty()) e.name() else "${e.name()} · ${run.label}")
        page.backLink = backLink
        page.subtitle = "${r.data().description()} · ${r.network()} · seed ${e.seed()}"
        if (r.outcome().status() != Trainer.Status.COMPLETED) page.banner = "Partial report: " + r.outcome().message()
        page += Page.Text("summary", "Summary", Verdict.sentences(run, spec.nc1), css = "verdict")
        afterTraining(run, page)
        Explorer.block(listOf(run), whole = true, images)?.let { page += it }
        for (f in drawn) page += f
        page += Page.Details(listOf(
            "script" to "${p.scriptPath} (sha256 ${p.scriptSha256.take(16)}…)",
            "git" to (p.gitCommit?.let { it + if (p.gitDirty) " (uncommitted changes)" else "" } ?: "not in a repository"),
            "data" to "${r.data().trainSize()} train / ${r.data().testSize()} test samples; " +
                r.data().files().joinToString("; ") { "${it.name()} sha256 ${it.sha256().take(12)}…" }.ifEmpty { "generated" },
            "network" to "${r.network()}, ${r.parameters()} parameters" +
                (e.model().pretrained()?.let { "; loaded from ${it.path()} (sha256 ${it.sha256().take(12)}…)" } ?: "") +
                (if (spec.networks.isEmpty()) "" else "; saved as " + spec.networks.joinToString(", ")),
            "training" to "${e.train().loss().key()}, ${e.train().optimizer()}, batch ${if (e.train().batchSize() == 0) "full" else e.train().batchSize()}" +
                when (val lr = e.train().learningRate()) {
                    is LearningRate.StepDecay -> ", learning rate ×${lr.factor()} after epochs ${lr.milestones().joinToString(", ")}"
                    else -> ""
                },
            "outcome" to "${r.outcome().status().name.lowercase()}: ${r.outcome().message()}",
            "timings" to f("data %.1f s, training %.1f s, probes %.1f s", r.timings().loadSeconds(), r.timings().trainSeconds(), r.timings().probeSeconds()) +
                if (run.cached) " (an earlier identical run's, read from the cache)" else "",
            "machine" to "${r.machine().backend()}, ${r.machine().threads()} threads, Java ${System.getProperty("java.version")}",
            "files" to "metrics.csv (epoch, layer, metric, value), run.json, a file per other measurement, figures/*.svg",
        ), null, p.scriptText)
        Files.writeString(dir.resolve("index.html"), page.html(p))
    }

    /**
     * Draws the figures that have something to draw, each written to figures/<id>.svg; one that
     * fails leaves a note in its place and its error in [failures].
     */
    private fun figures(list: List<Figure>, d: Drawing, dir: Path, export: Export?): List<Page.Block> {
        Files.createDirectories(dir.resolve("figures"))
        return list.mapNotNull { f ->
            try {
                val out = f.draw(d) ?: return@mapNotNull null
                val svg = Svg.render(out.figure, out.id)
                val file = Files.writeString(dir.resolve("figures/${out.id}.svg"), svg)
                export?.write(svg, file)
                Page.Figure(out, svg)
            } catch (e: Exception) {
                failures += e
                Page.Text("failed-${f.id}", "${f.call} could not be drawn", listOf(e.message ?: e.toString()), css = "verdict")
            }
        }
    }

    /** What was measured after training: each kernel's NC1 beside the trained network's, and the baselines' test errors. */
    private fun afterTraining(run: Run, page: Page) {
        val after = run.results.afterTraining()
        val kernels = after.subjects().filter { it.isNotEmpty() }
        if (kernels.isNotEmpty())
            page += Page.Table("kernels", "Kernel NC1", listOf("features of", "NC1", "Tr Σ_W / Tr Σ_B", "CDNV"),
                kernels.map { k -> listOf(k) + listOf("nc1", "nc1_trace_ratio", "cdnv").map { f("%.4g", after.scalar(k, it)) } },
                "On the training set: each kernel's implied features, the trained network's last hidden layer " +
                    "(network_features) and its empirical NTK (network_ntk).")
        val errors = after.entries().filter { it.subject().isEmpty() && it.name().startsWith("error_") && it.value() is Measurement.Scalar }
        if (errors.isNotEmpty())
            page += Page.Table("baselines", "Baselines", listOf("baseline", "test error"),
                errors.map { listOf(it.name().removePrefix("error_"), f("%.4f", (it.value() as Measurement.Scalar).value())) })
    }

    companion object {
        /** The suffix of a partial report's folder when a complete one holds the name. */
        const val PARTIAL = ".partial"

        /** Whether [dir] holds a complete report (run.json says so; older reports by their runs' statuses). */
        fun isComplete(dir: Path): Boolean {
            val json = dir.resolve("run.json").takeIf { Files.isRegularFile(it) }?.let { Files.readString(it) } ?: return false
            Regex(""""complete": (true|false)""").find(json)?.let { return it.groupValues[1] == "true" }
            val statuses = Regex(""""status": "([a-z]+)"""").findAll(json).map { it.groupValues[1] }.toList()
            return statuses.isNotEmpty() && statuses.all { it == "completed" }
        }

        /** The script as it ran, kept beside its report so runs can be compared and rerun. */
        const val SCRIPT_COPY = "script.exp.kts"

        /**
         * A variant label as a folder name: "activation=tanh, K=3" → "activation-tanh_K-3"; a long one
         * is cut to [SLUG_LENGTH] characters and told apart by a hash of the whole label.
         */
        fun slug(label: String): String {
            val s = label.replace(Regex("""\s*,\s*"""), "_").replace('=', '-').replace(Regex("""[^A-Za-z0-9._-]"""), "-").ifEmpty { "base" }
            if (s.length <= SLUG_LENGTH) return s
            val hash = java.security.MessageDigest.getInstance("SHA-256").digest(label.toByteArray()).take(4).joinToString("") { "%02x".format(it) }
            return s.take(SLUG_LENGTH - 9) + "-" + hash
        }

        /** Folder names stay well under file systems' 255-byte limit, whatever the labels. */
        const val SLUG_LENGTH = 80

        /** Renders each figure to SVG and writes it to figures/<id>.svg (and, with [export], as PNG and PDF beside it). */
        internal fun save(figures: List<FigureOut>, dir: Path, export: Export? = null): List<Pair<FigureOut, String>> {
            val svgs = figures.map { it to Svg.render(it.figure, it.id) }
            Files.createDirectories(dir.resolve("figures"))
            for ((fig, svg) in svgs) export?.write(svg, Files.writeString(dir.resolve("figures/${fig.id}.svg"), svg))
            return svgs
        }

        private fun f(format: String, vararg args: Any?) = String.format(Locale.ROOT, format, *args)
    }
}
