package netlens.dsl

import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.time.temporal.ChronoUnit
import java.util.Locale
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import kotlin.system.exitProcess
import netlens.bench.LinalgBenchmark
import netlens.bench.TrainBenchmark
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

fun main(args: Array<String>) {
    val code = Cli(System.out, System.err).run(args)
    if (code != Cli.SHUTTING_DOWN) exitProcess(code)
}

/**
 * The pipeline `./run` drives: script → experiments → engine run → results → figures → report.
 * Every failure ends in one message on stderr and a non-zero exit code.
 */
class Cli(private val out: PrintStream, private val err: PrintStream) {
    companion object {
        const val OK = 0
        const val FAILED = 1
        const val USAGE = 2
        const val DIVERGED = 3
        /** Returned when Ctrl-C already started JVM shutdown: the caller must not call exit again. */
        const val SHUTTING_DOWN = -1
    }

    @Volatile private var interrupted = false
    private val finished = CountDownLatch(1)

    fun run(args: Array<String>): Int {
        val options = try {
            Options.parse(args)
        } catch (e: Options.UsageError) {
            err.println("netlens: ${e.message}\n\n${Options.USAGE}")
            return USAGE
        }
        if (options.help) {
            out.println(Options.USAGE)
            return OK
        }
        return try {
            when {
                options.bench -> bench(options)
                options.compileOnly -> ScriptHost(scriptCache()).load(options.script!!).let { OK }
                else -> experiment(options)
            }
        } catch (e: ScriptFailure) {
            err.println(e.message)
            FAILED
        } catch (e: DataException) {
            fail("data error: ${e.message}", e, options)
        } catch (e: java.io.IOException) {
            fail("I/O error: ${e.message ?: e.javaClass.simpleName}", e, options)
        } catch (e: IllegalArgumentException) {
            fail("invalid setting: ${e.message}", e, options)
        } catch (e: OutOfMemoryError) {
            fail("out of memory: ${e.message}; use fewer samples or a smaller network, or give the JVM more (JAVA_OPTS=-Xmx…)", e, options)
        } catch (e: Exception) {
            fail("internal error: $e (run with --debug for the stack trace)", e, options)
        } finally {
            finished.countDown()
        }
    }

    /** With --debug: when each stage of the pipeline began, in seconds since the process started. */
    private fun stage(options: Options, name: String) {
        if (!options.debug) return
        val start = ProcessHandle.current().info().startInstant().orElse(null) ?: return
        err.println(String.format(Locale.ROOT, "netlens: %6.3f s  %s", java.time.Duration.between(start, Instant.now()).toNanos() / 1e9, name))
    }

    private fun fail(message: String, e: Throwable, options: Options): Int {
        err.println("netlens: $message")
        if (options.debug) e.printStackTrace(err)
        return FAILED
    }

    private fun bench(options: Options): Int {
        validateData(options)
        out.println("netlens benchmark: MLP 784-512-256-128-64-10, ReLU, batch 128, SGD momentum 0.9, float32, full MNIST")
        val r = TrainBenchmark.run(options.data, options.threads, 3) { out.println("  $it") }
        out.println(String.format(Locale.ROOT, "%s, %d threads: %.2f s/epoch (best of %d)", r.backend(), r.threads(), r.best(), r.secondsPerEpoch().size))
        out.println("linear algebra kernels, one thread:")
        LinalgBenchmark.run { out.println("  $it") }
        return OK
    }

    private fun experiment(options: Options): Int {
        val script = options.script!!
        stage(options, "started")
        // Loading the native library takes a fifth of a second; do it while the script loads.
        Thread { Backend.blas() }.apply { isDaemon = true }.start()
        validateData(options)
        prepareOutput(options.out)
        val t0 = System.nanoTime()
        val plans = ScriptHost(scriptCache()).load(script)
        val scriptSeconds = (System.nanoTime() - t0) / 1e9
        stage(options, "script loaded")
        if (plans.size > 1) throw ScriptFailure("$script: declares ${plans.size} experiments; one script holds one experiment")
        val plan = plans.single()
        installInterruptHandler()
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
        stage(options, "provenance recorded")
        Workers(options.threads).use { workers ->
            val gemm = Gemm(Backend.blas(), workers)
            val progress = Progress(err, System.console() != null, plan.experiment.train()) { interrupted }
            progress.status("${plan.experiment.name()}: ${Backend.blas().name()}, ${options.threads} threads" +
                (Backend.fallbackReason()?.let { " ($it)" } ?: ""))
            stage(options, "linear algebra loaded")
            val store = DataStore.standard(options.data) { progress.status(it) }
            val results = Runner(gemm, store).run(plan.experiment, progress)
            progress.finish()
            stage(options, "training done")
            val dir = ReportWriter(options.out).write(results, plan.report, provenance,
                mapOf("script_load_seconds" to scriptSeconds, "seconds_to_first_step" to progress.secondsToFirstStep))
            val index = dir.resolve("index.html")
            return when (results.outcome().status()) {
                Trainer.Status.COMPLETED -> {
                    out.println("report: $index")
                    OK
                }
                Trainer.Status.DIVERGED -> {
                    err.println("netlens: training diverged: ${results.outcome().message()}; partial report: $index")
                    DIVERGED
                }
                Trainer.Status.INTERRUPTED, null -> {
                    err.println("netlens: interrupted; partial report: $index")
                    SHUTTING_DOWN
                }
            }
        }
    }

    private fun validateData(options: Options) {
        val d = options.data ?: return
        if (!Files.isDirectory(d)) throw DataException("--data $d is not a folder")
    }

    /** Fails before training, not after, when the report could not be written. */
    private fun prepareOutput(root: Path) {
        try {
            Files.createDirectories(root)
            Files.deleteIfExists(Files.createTempFile(root, ".write-check", ""))
        } catch (e: Exception) {
            throw java.io.IOException("cannot write reports to $root (${e.javaClass.simpleName}: ${e.message})")
        }
    }

    /** Ctrl-C stops training at the next step; the partial report is written before the JVM exits. */
    private fun installInterruptHandler() {
        Runtime.getRuntime().addShutdownHook(Thread {
            interrupted = true
            finished.await(120, TimeUnit.SECONDS)
        })
    }

    private fun scriptCache(): Path {
        val xdg = System.getenv("XDG_CACHE_HOME")?.takeIf { it.isNotBlank() }
        return (if (xdg != null) Path.of(xdg) else Path.of(System.getProperty("user.home"), ".cache")).resolve("netlens/scripts")
    }
}
