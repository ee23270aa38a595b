package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.time.temporal.ChronoUnit
import netlens.data.DataException
import netlens.data.DataStore
import netlens.linalg.Backend
import netlens.linalg.Gemm
import netlens.linalg.Workers
import netlens.plots.Provenance
import netlens.plots.ReportWriter
import netlens.data.GaussianBinarySpec
import netlens.plots.SweepReport
import netlens.run.Batch
import netlens.run.Fingerprint
import netlens.run.Sweep
import netlens.util.Caches
import netlens.run.Runner
import netlens.run.Version
import netlens.train.Trainer

/** `./run FILE.exp.kts`: script → experiment → engine run → results → report files. */
internal class RunCommand(private val cli: Cli, private val options: Options) {
    /** The exit code, and the report folder when one was written. */
    class Outcome(val code: Int, val report: Path?)

    fun run(script: Path): Outcome {
        cli.stage(options, "started")
        // Loading the native library takes a fifth of a second; do it while the script loads.
        Thread { Backend.blas() }.apply { isDaemon = true }.start()
        checkDataFolder(options.data)
        checkWritable(options.out)
        val t0 = System.nanoTime()
        val plans = ScriptHost(Cli.scriptCache()).load(script)
        val scriptSeconds = (System.nanoTime() - t0) / 1e9
        cli.stage(options, "script loaded")
        if (plans.map { it.experiment.name() }.distinct().size > 1)
            throw ScriptFailure("$script: declares ${plans.size} experiments; one script holds one experiment (use variants { } for variations)")
        val plan = plans.first()
        cli.installInterruptHandler()
        val text = Files.readString(script)
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
        if (plan.sweepAxes != null) return runSweep(plans, provenance)
        if (plans.size > 1) return runVariants(plans, provenance, scriptSeconds)
        Workers(options.threads).use { workers ->
            val gemm = Gemm(Backend.blas(), workers)
            val progress = Progress(cli.stderr, System.console() != null, plan.experiment.train()) { cli.wasInterrupted }
            progress.status("${plan.experiment.name()}: ${Backend.blas().name()}, ${options.threads} threads" +
                (Backend.fallbackReason()?.let { " ($it)" } ?: ""))
            cli.stage(options, "linear algebra loaded")
            val store = DataStore.standard(options.data) { progress.status(it) }
            val results = Runner(gemm, store).run(plan.experiment, progress)
            progress.finish()
            cli.stage(options, "training done")
            val dir = ReportWriter(options.out).write(results, plan.report, provenance,
                mapOf("script_load_seconds" to scriptSeconds, "seconds_to_first_step" to progress.secondsToFirstStep))
            return finish(dir, listOf(results))
        }
    }

    /** Every variant, as many at once as there are threads, then one report comparing them. */
    private fun runVariants(plans: List<ExperimentPlan>, provenance: Provenance, scriptSeconds: Double): Outcome {
        val name = plans.first().experiment.name()
        val board = VariantProgress(cli.stderr, System.console() != null, plans.map { it.variant!! }) { cli.wasInterrupted }
        board.status("$name: ${plans.size} variants, ${Backend.blas().name()}, ${options.threads} threads")
        val store = DataStore.standard(options.data) { board.status(it) }
        val results = Batch.run(plans.map { it.experiment }, Backend.blas(), options.threads, store) { i, _ -> board.forRun(i) }
        board.finish()
        val dir = ReportWriter(options.out).writeVariants(name, plans.map { it.variant!! }.zip(results), plans.first().report, provenance,
            mapOf("script_load_seconds" to scriptSeconds))
        return finish(dir, results)
    }

    /**
     * Every sweep point not yet in the cache, then the learning-curve report. A point's cache key
     * hashes its configuration, the script's code outside the sweep block (its until { } and such;
     * not its comments) and the netlens build.
     */
    private fun runSweep(plans: List<ExperimentPlan>, provenance: Provenance): Outcome {
        val name = plans.first().experiment.name()
        val outside = SweepText.forKey(provenance.scriptText)
        val sweepPlans = plans.map { p ->
            Sweep.Plan(p.variant!!, p.sweepAxes!!, ScriptHost.sha256(Fingerprint.of(p.experiment) + "\n" + outside + "\n" + ScriptHost.BUILD_ID), p.experiment)
        }
        val board = VariantProgress(cli.stderr, System.console() != null, plans.map { it.variant!! }) { cli.wasInterrupted }
        board.status("$name: ${Backend.blas().name()}, ${options.threads} threads")
        val store = DataStore.standard(options.data) { board.status(it) }
        val points = Sweep.run(sweepPlans, Caches.root().resolve("sweeps").resolve(name), Backend.blas(), options.threads, store,
            { i, _ -> board.forRun(i) }) { board.status(it) }
        board.finish()
        val data = plans.first().experiment.data()
        val dir = SweepReport(options.out).write(name, points, provenance, predictedExponents(data))
        val index = dir.resolve("index.html")
        if (cli.wasInterrupted) {
            cli.stderr.println("netlens: interrupted; partial sweep report: $index (finished points are cached)")
            return Outcome(Cli.SHUTTING_DOWN, dir)
        }
        cli.stdout.println("report: $index")
        return Outcome(Cli.OK, dir)
    }

    /**
     * Published exponents the report compares with: the stripe model's (Petrini, Geiger, Paccolat &
     * Wyart), β_lazy for the lazy network and for kernel methods on its initial NTK.
     */
    private fun predictedExponents(data: netlens.data.DataSpec): Map<String, Double> {
        if (data !is GaussianBinarySpec || data.model() != GaussianBinarySpec.Model.STRIPE) return emptyMap()
        val d = data.d().toDouble()
        val lazy = d / (3 * d - 2)
        return mapOf("regime=lazy" to lazy, "svm_ntk_init" to lazy, "regime=feature" to (2 * d - 1) / (3 * d - 2))
    }

    /** Exit code and message for a written report: the worst outcome among its runs decides. */
    private fun finish(dir: Path, results: List<netlens.run.Results>): Outcome {
        val index = dir.resolve("index.html")
        val statuses = results.map { it.outcome().status() }
        return when {
            Trainer.Status.INTERRUPTED in statuses -> Outcome(Cli.SHUTTING_DOWN, dir).also {
                cli.stderr.println("netlens: interrupted; partial report: $index")
            }
            Trainer.Status.DIVERGED in statuses -> Outcome(Cli.DIVERGED, dir).also {
                val diverged = results.first { it.outcome().status() == Trainer.Status.DIVERGED }
                cli.stderr.println("netlens: training diverged: ${diverged.outcome().message()}; partial report: $index")
            }
            else -> Outcome(Cli.OK, dir).also { cli.stdout.println("report: $index") }
        }
    }

    companion object {
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
