package netlens.dsl

import java.nio.file.Path

/** Command-line options of `./run`. */
data class Options(
    val command: Command = Command.RUN,
    /** The script (RUN, COMPILE) or the two runs to compare (COMPARE). */
    val targets: List<Path> = emptyList(),
    val out: Path = Path.of("reports"),
    val data: Path? = null,
    val threads: Int = Runtime.getRuntime().availableProcessors(),
    val debug: Boolean = false,
    /** Run every point again even when an identical earlier run is in the cache. */
    val fresh: Boolean = false,
    /** Slurm: the settings given on the command line (null: the script's, else the cluster's default). */
    val partition: String? = null,
    val time: String? = null,
    val cpus: Int? = null,
    val memory: String? = null,
    val account: String? = null,
    /** A Slurm task: run the point with this cache key alone, keep it in the cache, write no report. */
    val task: String? = null,
    /** Draw the report from cached points only, failing if any is missing (the job after a Slurm array). */
    val assemble: Boolean = false,
) {
    enum class Command { RUN, COMPARE, LIST, BENCH, HELP, COMPILE, SLURM, STATUS }

    val script: Path get() = targets.single()

    class UsageError(message: String) : Exception(message)

    companion object {
        const val USAGE = """usage: ./run FILE.exp.kts [--out DIR] [--data DIR] [--threads N] [--fresh]
       ./run compare A B [--out DIR] [--data DIR] [--threads N] [--fresh]
       ./run FILE.exp.kts --slurm [--partition P] [--time T] [--cpus N] [--mem M] [--account A]
       ./run FILE.exp.kts --status
       ./run --list
       ./run --bench [--peers] [--data DIR] [--threads N]
       ./run --help

Trains, probes and reports the experiment a script declares.

  FILE.exp.kts   the experiment script; the report goes to DIR/<experiment>/
  compare A B    overlays two runs' metrics and diffs their scripts in DIR/compare-A-vs-B/;
                 A and B are report folders, or scripts (run first)
  --out DIR      folder for reports (default: reports)
  --data DIR     offline dataset folder holding mnist/ and fashion-mnist/ IDX files
                 (default: NETLENS_DATA, else download once into ~/.cache/netlens)
  --threads N    worker threads (default: all cores); results do not depend on it
  --fresh        train again even when an identical earlier run is in the cache (by default its
                 results are read back and only the report is drawn anew)
  --slurm        submit the plan's points that are not cached yet as one Slurm job array (each
                 task runs one point into the cache on the CPUs Slurm grants it), and a job
                 after it that draws the report; rerun to submit what is missing or failed
  --partition P, --time T, --cpus N, --mem M, --account A
                 what each task asks of Slurm (overriding the script's slurm { } block)
  --status       the plan's points: done, pending, running or failed, with their Slurm job ids
  --list         the example scripts, with what each shows
  --bench        time one epoch of the reference MLP on MNIST (784-512-256-128-64-10), a probe,
                 the empirical NTK and the linear-algebra kernels (run by the launcher);
                 with --peers, each beside its PyTorch peer, with the ratios
  --debug        print stage timings, and stack traces with errors
  --help         this text

Besides DIR, netlens writes only to its caches: ~/.cache/netlens (downloads, decompressed IDX
files, compiled scripts, finished runs; XDG_CACHE_HOME is honoured) and the class-data archives
in dsl/target."""

        /** The options as a command line, for run.json. */
        fun argsForRecord(o: Options): List<String> = o.targets.map { it.toString() } +
            listOf("--out", o.out.toString()) + (o.data?.let { listOf("--data", it.toString()) } ?: emptyList()) +
            listOf("--threads", o.threads.toString()) + (if (o.fresh) listOf("--fresh") else emptyList())

        fun parse(args: Array<String>): Options {
            var o = Options()
            val positional = mutableListOf<String>()
            var i = 0
            fun value(flag: String): String {
                if (i + 1 >= args.size || args[i + 1].startsWith("--")) throw UsageError("$flag needs a value")
                return args[++i]
            }
            while (i < args.size) {
                when (val a = args[i]) {
                    "--help", "-h" -> o = o.copy(command = Command.HELP)
                    "--bench" -> o = o.copy(command = Command.BENCH)
                    "--list" -> o = o.copy(command = Command.LIST)
                    "--compile-only" -> o = o.copy(command = Command.COMPILE)
                    "--debug" -> o = o.copy(debug = true)
                    "--fresh" -> o = o.copy(fresh = true)
                    "--slurm" -> o = o.copy(command = Command.SLURM)
                    "--status" -> o = o.copy(command = Command.STATUS)
                    "--partition" -> o = o.copy(partition = value(a))
                    "--time" -> o = o.copy(time = value(a))
                    "--account" -> o = o.copy(account = value(a))
                    "--mem" -> o = o.copy(memory = value(a).also {
                        if (SlurmSettings.megabytes(it) == null) throw UsageError("--mem needs a size as Slurm takes it, e.g. 4G, got '$it'")
                    })
                    "--cpus" -> {
                        val v = value(a)
                        o = o.copy(cpus = v.toIntOrNull()?.takeIf { it in 1..1024 } ?: throw UsageError("--cpus needs a whole number from 1 to 1024, got '$v'"))
                    }
                    "--task" -> o = o.copy(task = value(a))
                    "--assemble" -> o = o.copy(assemble = true)
                    "--out" -> o = o.copy(out = Path.of(value(a).ifBlank { throw UsageError("--out needs a folder, got an empty name") }))
                    "--data" -> o = o.copy(data = Path.of(value(a).ifBlank { throw UsageError("--data needs a folder, got an empty name") }))
                    "--threads" -> {
                        val v = value(a)
                        val n = v.toIntOrNull() ?: throw UsageError("--threads needs a whole number, got '$v'")
                        if (n !in 1..1024) throw UsageError("--threads must be between 1 and 1024, got $n")
                        o = o.copy(threads = n)
                    }
                    else -> if (a.startsWith("-")) throw UsageError("unknown option '$a'") else positional += a
                }
                i++
            }
            if (o.command == Command.RUN && positional.firstOrNull() == "compare") {
                o = o.copy(command = Command.COMPARE)
                positional.removeAt(0)
            }
            val wanted = when (o.command) {
                Command.RUN, Command.COMPILE, Command.SLURM, Command.STATUS -> 1
                Command.COMPARE -> 2
                else -> 0
            }
            if (positional.size != wanted) throw UsageError(
                when {
                    o.command == Command.COMPARE -> "compare needs two report folders or scripts, got ${positional.size}"
                    wanted == 0 -> "unexpected argument '${positional.first()}'"
                    positional.isEmpty() -> "no script given"
                    else -> "one script at a time (got ${positional.joinToString(" and ") { "'$it'" }})"
                }
            )
            return o.copy(targets = positional.map { Path.of(it) })
        }
    }
}
