package netlens.dsl

import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant
import java.util.Locale
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import netlens.bench.LinalgBenchmark
import netlens.bench.TrainBenchmark
import netlens.data.DataException
import netlens.plots.CompareReport
import netlens.util.Caches

/**
 * Dispatches `./run`'s commands. Every failure ends in one message on stderr and a non-zero exit
 * code; Ctrl-C stops training at the next step and the partial report is written before exit.
 */
class Cli(private val out: PrintStream, private val err: PrintStream) {
    companion object {
        const val OK = 0
        const val FAILED = 1
        const val USAGE = 2
        const val DIVERGED = 3
        /** Returned when Ctrl-C already started JVM shutdown: the caller must not call exit again. */
        const val SHUTTING_DOWN = -1

        /** Where compiled scripts are cached (the launcher computes the same path). */
        fun scriptCache(): Path = Caches.root().resolve("scripts")
    }

    @Volatile private var interrupted = false
    private var hookInstalled = false
    private val finished = CountDownLatch(1)

    fun run(args: Array<String>): Int {
        val options = try {
            Options.parse(args)
        } catch (e: Options.UsageError) {
            err.println("netlens: ${e.message}\n\n${Options.USAGE}")
            return USAGE
        }
        return try {
            when (options.command) {
                Options.Command.HELP -> OK.also { out.println(Options.USAGE) }
                Options.Command.LIST -> OK.also { Examples.list(out) }
                Options.Command.BENCH -> bench(options)
                Options.Command.COMPILE -> ScriptHost(scriptCache()).load(options.script).let { OK }
                Options.Command.RUN -> RunCommand(this, options).run(options.script).code
                Options.Command.COMPARE -> compare(options)
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

    internal val stdout: PrintStream get() = out
    internal val stderr: PrintStream get() = err
    internal val wasInterrupted: Boolean get() = interrupted

    /** With --debug: when each stage began, in seconds since the process started. */
    internal fun stage(options: Options, name: String) {
        if (!options.debug) return
        val start = ProcessHandle.current().info().startInstant().orElse(null) ?: return
        err.println(String.format(Locale.ROOT, "netlens: %6.3f s  %s", Duration.between(start, Instant.now()).toNanos() / 1e9, name))
    }

    /** Ctrl-C (or a kill) sets the interrupted flag; the JVM exits once the partial report is written. */
    internal fun installInterruptHandler() {
        if (hookInstalled) return
        hookInstalled = true
        Runtime.getRuntime().addShutdownHook(Thread {
            interrupted = true
            finished.await(120, TimeUnit.SECONDS)
        })
    }

    private fun fail(message: String, e: Throwable, options: Options): Int {
        err.println("netlens: $message")
        if (options.debug) e.printStackTrace(err)
        return FAILED
    }

    private fun bench(options: Options): Int {
        RunCommand.checkDataFolder(options.data)
        out.println("netlens benchmark: MLP 784-512-256-128-64-10, ReLU, batch 128, SGD momentum 0.9, float32, full MNIST")
        val r = TrainBenchmark.run(options.data, options.threads, 3) { out.println("  $it") }
        out.println(String.format(Locale.ROOT, "%s, %d threads: %.2f s/epoch (best of %d)", r.backend(), r.threads(), r.best(), r.secondsPerEpoch().size))
        out.println(String.format(Locale.ROOT, "probe of every layer on 10,000 samples (PCA + all collapse measures, one thread): %.2f s = %.2f epochs",
            r.probeSeconds(), r.probeSeconds() / r.best()))
        out.println(String.format(Locale.ROOT, "empirical NTK (trace over the 10 outputs) on 2,000 training images: %.2f s", r.ntkSeconds()))
        out.println("linear algebra kernels, one thread:")
        LinalgBenchmark.run { out.println("  $it") }
        return OK
    }

    /** Compares two report folders; scripts given instead are run first. */
    private fun compare(options: Options): Int {
        val folders = options.targets.map { target ->
            if (target.toString().endsWith(".exp.kts")) {
                val result = RunCommand(this, options).run(target)
                if (result.code != OK) return result.code
                result.report!!
            } else {
                if (!Files.isRegularFile(target.resolve("metrics.csv"))) throw java.io.IOException("$target is not a netlens report folder (no metrics.csv)")
                target
            }
        }
        val dir = CompareReport(options.out).write(CompareReport.Run(folders[0]), CompareReport.Run(folders[1]))
        out.println("comparison: ${dir.resolve("index.html")}")
        return OK
    }
}
