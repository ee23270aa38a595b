package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.time.temporal.ChronoUnit
import netlens.data.DataException
import netlens.data.DataStore
import netlens.data.ImageSpec
import netlens.observe.Prober
import netlens.linalg.Backend
import netlens.plots.Provenance
import netlens.plots.ReportWriter
import netlens.plots.Run
import netlens.run.Executor
import netlens.run.Fingerprint
import netlens.run.MemoryEstimate
import netlens.run.Point
import netlens.run.PointCache
import netlens.run.Version
import netlens.train.Trainer
import netlens.util.Caches

/**
 * `./run FILE.exp.kts`: script → plan (one point, or a point per variant or sweep point) → the
 * executor (points already in the cache are read back, the rest run side by side) → results →
 * report files. A point's cache key hashes its configuration, the script's code outside its sweep
 * and report blocks (its until { } and such; not its comments) and the netlens code ([NumbersId]).
 */
internal class RunCommand(private val cli: Cli, private val options: Options) {
    /** The exit code, and the report folder when one was written. */
    class Outcome(val code: Int, val report: Path?)

    /** Runs [script]; its report goes to `<out>/<folder>/`, by default the experiment's name. */
    fun run(script: Path, folder: String? = null): Outcome {
        cli.stage(options, "started")
        // Loading the native library takes a fifth of a second; do it while the script loads.
        Thread { Backend.blas() }.apply { isDaemon = true }.start()
        checkDataFolder(options.data)
        checkWritable(options.out)
        val plan = plan(script)
        val plans = plan.plans
        val points = plan.points
        val text = plan.text
        val name = plan.name
        cli.installInterruptHandler()
        val provenance = Provenance(
            scriptPath = script.toString(),
            scriptText = text,
            scriptSha256 = ScriptHost.sha256(text),
            gitCommit = Git.commit(script),
            gitDirty = Git.dirty(script),
            commandLine = listOf("./run") + Options.argsForRecord(options),
            netlensVersion = Version.get(),
            startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        )
        val layout = when {
            plans.first().sweep -> ReportWriter.Layout.SWEEP
            plans.first().variant != null -> ReportWriter.Layout.VARIANTS    // even one variant keeps its label
            else -> ReportWriter.Layout.RUN
        }
        val single = points.size == 1
        val progress = Progress(cli.stderr, System.console() != null, plans.first().experiment.train()) { cli.wasInterrupted }
        val board = VariantProgress(cli.stderr, System.console() != null, points.map { it.label() }) { cli.wasInterrupted }
        val status: (String) -> Unit = if (single) progress::status else board::status
        status("$name: ${if (single) "" else "${points.size} ${if (layout == ReportWriter.Layout.SWEEP) "sweep points" else "variants"}, "}" +
            "${Backend.blas().name()}, ${options.threads} thread${if (options.threads == 1) "" else "s"}" + (Backend.fallbackReason()?.let { " ($it)" } ?: ""))
        cli.stage(options, "linear algebra loaded")
        val store = DataStore.standard(options.data) { status(it) }
        val cache = pointCache()
        if (options.assemble) {
            val missing = points.filter { !cache.contains(it) }
            if (missing.isNotEmpty()) throw InputError("${missing.size} of ${points.size} points are not in the cache (their Slurm tasks failed " +
                "or have not ended): ./run $script --status lists them, --slurm runs them")
        }
        val executor = Executor(Backend.blas(), options.threads, store, cache)
        val done = try {
            executor.run(points, !options.fresh, { i, _ -> if (single) progress else board.forRun(i) }) { status(it) }
        } catch (e: IllegalArgumentException) {
            throw inScript(script, text, points.map { it.label() }, e)
        }
        if (single) progress.finish() else board.finish()
        cli.stage(options, "training done")
        val runs = points.zip(done).map { (p, d) -> Run(p.label(), d.results(), p.axes(), d.cached()) }
        val info = linkedMapOf<String, Any?>("script_load_seconds" to plan.scriptSeconds)
        if (single && !done.first().cached()) info["seconds_to_first_step"] = progress.secondsToFirstStep
        val writer = ReportWriter(options.out, sampleImages(executor))
        val dir = writer.write(folder ?: name, layout, runs, plans.first().report, provenance, info)
        // An error after training began: what was measured is in the report; the error is told as any other.
        done.firstNotNullOfOrNull { it.failure() }?.let { failure ->
            cli.stderr.println("netlens: partial report: ${dir.resolve("index.html")}${kept(dir)}")
            throw failure
        }
        writer.failures.firstOrNull()?.let { failure ->
            cli.stderr.println("netlens: report without the figures that failed: ${dir.resolve("index.html")}")
            throw failure
        }
        return finish(dir, runs)
    }

    /** A script's experiments and their points, each with its cache key, and the text they came from. */
    class Plan(val plans: List<ExperimentPlan>, val points: List<Point>, val text: String, val scriptSeconds: Double) {
        val name: String get() = plans.first().experiment.name()
    }

    /** Loads [script] into its plan: one experiment, each point within the memory this JVM has. */
    fun plan(script: Path): Plan {
        val t0 = System.nanoTime()
        val plans = ScriptHost(Cli.scriptCache()).load(script)
        val scriptSeconds = (System.nanoTime() - t0) / 1e9
        cli.stage(options, "script loaded")
        if (plans.map { it.experiment.name() }.distinct().size > 1)
            throw ScriptFailure("$script: error: declares ${plans.size} experiments; one script holds one experiment (use variants { } for variations)")
        val text = ScriptHost.readText(script)
        for (p in plans) MemoryEstimate.check(p.experiment, Runtime.getRuntime().maxMemory())
        val code = ScriptText.forKey(text)
        val points = plans.map { Point(it.variant ?: "", it.axes, Fingerprint.key(it.experiment, code, NumbersId.value), it.experiment) }
        return Plan(plans, points, text, scriptSeconds)
    }

    /**
     * A value error found once the plan ran (a class too small for its sample count, say) at its place
     * in the script: the variant it names (`"big": …` at `variant("big")`), else the key it names.
     */
    private fun inScript(script: Path, text: String, labels: List<String>, e: IllegalArgumentException): Exception {
        val message = e.message ?: return e
        val label = labels.firstOrNull { it.isNotEmpty() && message.startsWith("$it: ") }
        val at = label?.let { l -> text.indexOf("\"$l\"").takeIf { it >= 0 }?.let { position(text, it) } } ?: locateValue(text, null, message)
        return if (at == null) e else ScriptFailure(located(script, text, at.first, at.second, message))
    }

    /**
     * A run's probe samples' pixels when its data are images (for the report's thumbnails): its
     * training data as the executor holds it, sampled as the probes were.
     */
    private fun sampleImages(executor: Executor): (Run) -> FloatArray? = { run ->
        val e = run.results.experiment()
        val schedule = e.probes()
        if (e.data() !is ImageSpec || schedule == null) null else Prober.sample(executor.data(e).train(), schedule.samples(), e.seed()).features()
    }

    /** For a partial report written beside a complete one, where that one is. */
    private fun kept(dir: Path): String = dir.fileName.toString().takeIf { it.endsWith(ReportWriter.PARTIAL) }
        ?.let { " (the complete report in ${dir.resolveSibling(it.removeSuffix(ReportWriter.PARTIAL))} is kept)" } ?: ""

    /** Exit code and message for a written report: the worst outcome among its runs decides. */
    private fun finish(dir: Path, runs: List<Run>): Outcome {
        val index = "${dir.resolve("index.html")}${kept(dir)}"
        val statuses = runs.map { it.results.outcome().status() }
        return when {
            Trainer.Status.INTERRUPTED in statuses -> Outcome(Cli.SHUTTING_DOWN, dir).also {
                cli.stderr.println("netlens: interrupted; partial report: $index" + if (runs.size > 1) " (finished points are cached)" else "")
            }
            Trainer.Status.DIVERGED in statuses -> Outcome(Cli.DIVERGED, dir).also {
                val diverged = runs.first { it.results.outcome().status() == Trainer.Status.DIVERGED }
                cli.stderr.println("netlens: training diverged: ${diverged.results.outcome().message()}; partial report: $index")
            }
            else -> Outcome(Cli.OK, dir).also { cli.stdout.println("report: $index") }
        }
    }

    companion object {
        /** The point cache keeps at most this much; the points read longest ago go first. */
        const val CACHE_BYTES = 4L shl 30

        fun pointCache() = PointCache(Caches.root().resolve("points"), CACHE_BYTES)

        fun checkDataFolder(d: Path?) {
            if (d != null && !Files.isDirectory(d)) throw DataException("--data $d is not a folder")
        }

        /** Fails before training, not after, when the report could not be written. */
        fun checkWritable(root: Path) {
            try {
                Files.createDirectories(root)
                Files.deleteIfExists(Files.createTempFile(root, ".write-check", ""))
            } catch (e: Exception) {
                throw java.io.IOException("cannot write reports to $root (${e.javaClass.simpleName}: ${e.message})")
            }
        }
    }
}
