package netlens.dsl

import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.Path
import java.util.Locale
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import netlens.data.DataException
import netlens.interop.NetworkFileException
import netlens.plots.ComparePage
import netlens.plots.Provenance
import netlens.run.Version
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
                Options.Command.BENCH -> FAILED.also { err.println("netlens: the benchmarks are not part of the library; run them with ./run --bench") }
                Options.Command.COMPILE -> ScriptHost(scriptCache()).load(options.script).let { OK }
                Options.Command.RUN -> if (options.task != null) SlurmCommand(this, options).task(options.script, options.task)
                    else RunCommand(this, options).run(options.script).code
                Options.Command.SLURM -> SlurmCommand(this, options).submit(options.script)
                Options.Command.STATUS -> SlurmCommand(this, options).status(options.script)
                Options.Command.COMPARE -> compare(options)
            }
        } catch (e: ScriptFailure) {
            err.println(e.message)
            FAILED
        } catch (e: InputError) {
            err.println("netlens: ${e.message}")
            FAILED
        } catch (e: UserCodeException) {
            err.println(userCode(e, options))
            FAILED
        } catch (e: DataException) {
            fail("data error: ${e.message}", e, options)
        } catch (e: NetworkFileException) {
            fail("network file error: ${e.message}", e, options)
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

    /** With --debug: when each stage began, in seconds since ./run started. */
    internal fun stage(options: Options, name: String) {
        if (options.debug) err.println(String.format(Locale.ROOT, "netlens: %6.3f s  %s", LaunchClock.seconds(), name))
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

    /** A failure in a script's own code, at the script's line when the stack shows it. */
    private fun userCode(e: UserCodeException, options: Options): String {
        val script = options.targets.firstOrNull { it.toString().endsWith(".exp.kts") && Files.isRegularFile(it) }
            ?: return "netlens: ${e.message}"
        val line = locateInScript(e.cause ?: e, script) ?: return "$script: error: ${e.message}"
        return located(script, Files.readString(script), line, null, e.message ?: "")
    }

    private fun fail(message: String, e: Throwable, options: Options): Int {
        err.println("netlens: $message")
        if (options.debug) e.printStackTrace(err)
        return FAILED
    }

    /**
     * Compares two report folders; scripts given instead are run first (after both targets are
     * checked). Two scripts declaring the same experiment write `<name>-A/` and `<name>-B/`, so
     * neither overwrites the other.
     */
    private fun compare(options: Options): Int {
        RunCommand.checkWritable(options.out)
        for (t in options.targets) checkCompareTarget(t)
        val scripts = options.targets.filter { isScript(it) }
        val names = scripts.associateWith { s -> ScriptHost(scriptCache()).load(s).first().experiment.name() }
        val clash = names.size == 2 && names.values.distinct().size == 1
        val folders = options.targets.mapIndexed { i, target ->
            if (!isScript(target)) return@mapIndexed target
            val result = RunCommand(this, options).run(target, if (clash) names.getValue(target) + "-" + "AB"[i] else null)
            if (result.code != OK) return result.code
            result.report!!
        }
        val provenance = Provenance("", "", "", null, false, listOf("./run", "compare") + Options.argsForRecord(options), Version.get(),
            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
        val dir = ComparePage(options.out).write(ComparePage.Report(folders[0]), ComparePage.Report(folders[1]), provenance)
        out.println("comparison: ${dir.resolve("index.html")}")
        return OK
    }

    private fun isScript(p: Path) = p.toString().endsWith(".exp.kts") && Files.isRegularFile(p)

    /** A script to run or a one-run report folder; anything else is refused before any training. */
    private fun checkCompareTarget(t: Path) {
        when {
            isScript(t) -> return
            t.toString().endsWith(".exp.kts") && Files.isDirectory(t) -> throw InputError("$t is a folder, not a script file")
            t.toString().endsWith(".exp.kts") -> throw InputError("$t: no such script file")
            !Files.isDirectory(t) -> throw InputError("$t: no such report folder or script")
            Files.isRegularFile(t.resolve("sweep.csv")) ->
                throw InputError("$t is a sweep report; compare runs one against another (a point's numbers are in its sweep.csv)")
            Files.isRegularFile(t.resolve("metrics.csv")) && Files.newBufferedReader(t.resolve("metrics.csv")).use { it.readLine() }?.startsWith("variant,") == true -> {
                val variants = Files.list(t).use { s -> s.filter { Files.isRegularFile(it.resolve("metrics.csv")) }.map { it.fileName.toString() }.sorted().toList() }
                throw InputError("$t is a variants report; compare two of its variants' folders (${variants.joinToString(", ") { "$t/$it" }}) or one against another run")
            }
            !Files.isRegularFile(t.resolve("metrics.csv")) -> throw InputError("$t is not a netlens report folder (no metrics.csv)")
        }
    }
}

/** A command's target that cannot be used (a compare target that is no run), told as it is. */
internal class InputError(message: String) : Exception(message)
