package netlens.dsl

import java.nio.file.Path

/** Command-line options of `./run`. */
data class Options(
    val script: Path? = null,
    val out: Path = Path.of("reports"),
    val data: Path? = null,
    val threads: Int = Runtime.getRuntime().availableProcessors(),
    val bench: Boolean = false,
    val help: Boolean = false,
    val debug: Boolean = false,
    /** Only compile the script into the cache (used by ./run before the main JVM starts). */
    val compileOnly: Boolean = false,
) {
    class UsageError(message: String) : Exception(message)

    companion object {
        const val USAGE = """usage: ./run FILE.exp.kts [--out DIR] [--data DIR] [--threads N]
       ./run --bench [--data DIR] [--threads N]
       ./run --help

Trains, probes and reports the experiment a script declares.

  FILE.exp.kts   the experiment script
  --out DIR      folder for reports; the report goes to DIR/<experiment>/ (default: reports)
  --data DIR     offline dataset folder holding mnist/ and fashion-mnist/ IDX files
                 (default: NETLENS_DATA, else download once into ~/.cache/netlens)
  --threads N    worker threads (default: all cores); results do not depend on it
  --bench        time one epoch of the reference MLP on MNIST (784-512-256-128-64-10)
  --debug        print stack traces with errors
  --help         this text"""

        /** The options as a command line, for run.json. */
        fun argsForRecord(o: Options): List<String> = listOfNotNull(o.script?.toString()) +
            listOf("--out", o.out.toString()) + (o.data?.let { listOf("--data", it.toString()) } ?: emptyList()) +
            listOf("--threads", o.threads.toString())

        fun parse(args: Array<String>): Options {
            var o = Options()
            var i = 0
            fun value(flag: String): String {
                if (i + 1 >= args.size || args[i + 1].startsWith("--")) throw UsageError("$flag needs a value")
                return args[++i]
            }
            while (i < args.size) {
                when (val a = args[i]) {
                    "--help", "-h" -> o = o.copy(help = true)
                    "--bench" -> o = o.copy(bench = true)
                    "--debug" -> o = o.copy(debug = true)
                    "--compile-only" -> o = o.copy(compileOnly = true)
                    "--out" -> o = o.copy(out = Path.of(value(a)))
                    "--data" -> o = o.copy(data = Path.of(value(a)))
                    "--threads" -> {
                        val v = value(a)
                        val n = v.toIntOrNull() ?: throw UsageError("--threads needs a whole number, got '$v'")
                        if (n !in 1..1024) throw UsageError("--threads must be between 1 and 1024, got $n")
                        o = o.copy(threads = n)
                    }
                    else -> {
                        if (a.startsWith("-")) throw UsageError("unknown option '$a'")
                        if (o.script != null) throw UsageError("one script at a time (got '${o.script}' and '$a')")
                        o = o.copy(script = Path.of(a))
                    }
                }
                i++
            }
            if (!o.help && !o.bench && o.script == null) throw UsageError("no script given")
            return o
        }
    }
}
