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
        if (plans.size > 1) throw ScriptFailure("$script: declares ${plans.size} experiments; one script holds one experiment")
        val plan = plans.single()
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
            val index = dir.resolve("index.html")
            return when (results.outcome().status()) {
                Trainer.Status.COMPLETED -> Outcome(Cli.OK, dir).also { cli.stdout.println("report: $index") }
                Trainer.Status.DIVERGED -> Outcome(Cli.DIVERGED, dir).also {
                    cli.stderr.println("netlens: training diverged: ${results.outcome().message()}; partial report: $index")
                }
                Trainer.Status.INTERRUPTED, null -> Outcome(Cli.SHUTTING_DOWN, dir).also {
                    cli.stderr.println("netlens: interrupted; partial report: $index")
                }
            }
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
