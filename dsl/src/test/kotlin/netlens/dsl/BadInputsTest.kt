package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import netlens.data.Npy
import netlens.interop.DenseStack
import netlens.interop.NetworkFiles
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.test.fail
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

/**
 * Every kind of bad input netlens has been tried with, run through the command line as a user would:
 * each must end in one message naming its cause (and, when given, the script line), with no stack
 * trace, before training unless training had begun, and with what was measured kept in a partial
 * report when it had. The table in docs/reliability.md is this list with what each input gets;
 * when a message changes, rerun with -Dnetlens.writeReliability=true to rewrite it.
 */
@Tag("slow")
class BadInputsTest {
    /** What a case must show: its exit code, a fragment of its message, and whether it trains and leaves a partial report. */
    class Case(val input: String, val fragment: String, val code: Int = Cli.FAILED, val trains: Boolean = false,
               val partial: Boolean = false, val run: (Path) -> Scripts.Run)

    private val data = Scripts.data().toString()

    private fun t(
        name: String = "t",
        data: String = "spirals(classes = 3, trainPerClass = 40, testPerClass = 10)",
        model: String = "mlp(hidden = listOf(8, 2))",
        train: String = "optimizer = adam(lr = 1e-2); batchSize = 20; maxEpochs = 3",
        probe: String = "probe(every = 1) { embeddings() }",
        extra: String = "",
    ) = "experiment(\"$name\") {\n    data = $data\n    model = $model\n    train { $train }\n    $probe\n    $extra\n}\n"

    /** Runs [text] as DIR/t.exp.kts with [args] after it. */
    private fun script(text: String, vararg args: String): (Path) -> Scripts.Run = { dir ->
        val file = dir.resolve("t.exp.kts")
        Files.writeString(file, text)
        cli(dir, file.toString(), *args)
    }

    private fun cli(dir: Path, vararg args: String): Scripts.Run {
        val given = args.toList()
        val defaults = listOf("--out", dir.resolve("out").toString(), "--data", data, "--threads", "2")
            .chunked(2).filter { (flag, _) -> flag !in given }.flatten()
        return Scripts.cli(*(given + defaults).toTypedArray())
    }

    private fun mnistFolder(dir: Path, swap: Boolean): Path {
        val folder = Files.createDirectories(dir.resolve("data/mnist"))
        val from = if (swap) "fashion-mnist" else "mnist"
        Files.list(Path.of(data, from)).use { s -> s.forEach { Files.copy(it, folder.resolve(it.fileName)) } }
        return dir.resolve("data")
    }

    private val cases: List<Case> = listOf(
        // The command line
        Case("`./run` with no script", "no script given", Cli.USAGE) { Scripts.cli() },
        Case("an unknown option `--fast`", "unknown option '--fast'", Cli.USAGE) { dir -> cli(dir, "x.exp.kts", "--fast") },
        Case("`--threads 0`", "--threads must be between 1 and 1024", Cli.USAGE) { dir -> cli(dir, "x.exp.kts", "--threads", "0") },
        Case("`--threads two`", "--threads needs a whole number", Cli.USAGE) { dir -> cli(dir, "x.exp.kts", "--threads", "two") },
        Case("`--slurm --cpus 0`", "--cpus needs a whole number from 1 to 1024", Cli.USAGE) { dir -> cli(dir, "x.exp.kts", "--slurm", "--cpus", "0") },
        Case("`--slurm --mem lots`", "--mem needs a size as Slurm takes it", Cli.USAGE) { dir -> cli(dir, "x.exp.kts", "--slurm", "--mem", "lots") },
        Case("`slurm { memory = \"lots\" }`", "give a size as Slurm takes it") { dir -> script(t(extra = "slurm { memory = \"lots\" }"))(dir) },
        Case("`--out \"\"`", "--out needs a folder", Cli.USAGE) { dir -> cli(dir, "x.exp.kts", "--out", "") },
        Case("`--out` at a file", "cannot write reports to") { dir -> script(t(), "--out", Files.createFile(dir.resolve("f")).toString())(dir) },
        Case("`--data` at a missing folder", "is not a folder") { dir -> script(t(), "--data", dir.resolve("none").toString())(dir) },
        Case("a script file that does not exist", "no such script file") { dir -> cli(dir, dir.resolve("none.exp.kts").toString()) },
        Case("a folder named `x.exp.kts`", "a folder, not a script file") { dir -> cli(dir, Files.createDirectory(dir.resolve("x.exp.kts")).toString()) },
        Case("a script not ending in `.exp.kts`", "experiment scripts end in .exp.kts") { dir ->
            cli(dir, Files.writeString(dir.resolve("t.kts"), t()).toString())
        },
        Case("a script that is not UTF-8 (Latin-1 `é`)", "is not UTF-8 text") { dir ->
            Files.write(dir.resolve("t.exp.kts"), t(extra = "// r\u00e9seau").toByteArray(Charsets.ISO_8859_1))
            cli(dir, dir.resolve("t.exp.kts").toString())
        },
        Case("`compare` with one run", "compare needs two report folders or scripts", Cli.USAGE) { dir -> cli(dir, "compare", "a.exp.kts") },
        Case("`compare` of a script with a missing one", "no such report folder or script") { dir ->
            Files.writeString(dir.resolve("t.exp.kts"), t())
            cli(dir, "compare", dir.resolve("t.exp.kts").toString(), dir.resolve("missing").toString())
        },
        Case("`compare` of a variants report", "is a variants report") { dir ->
            val v = Files.createDirectories(dir.resolve("v/a"))
            Files.writeString(dir.resolve("v/metrics.csv"), "variant,epoch,layer,metric,value\n")
            Files.writeString(v.resolve("metrics.csv"), "epoch,layer,metric,value\n")
            cli(dir, "compare", dir.resolve("v").toString(), v.toString())
        },
        Case("`compare` of a sweep report", "is a sweep report") { dir ->
            Files.writeString(Files.createDirectories(dir.resolve("s")).resolve("sweep.csv"), "p\n")
            cli(dir, "compare", dir.resolve("s").toString(), dir.resolve("s").toString())
        },
        Case("`compare` of a folder that is no report", "is not a netlens report folder") { dir ->
            cli(dir, "compare", Files.createDirectory(dir.resolve("a")).toString(), dir.resolve("a").toString())
        },
        // Scripts that do not compile
        Case("a syntax error", ": error: ") { dir -> script(t(model = "mlp(hidden = listOf(8, 2)"))(dir) },
        Case("an unknown key `learningRate = 0.1`", "Unresolved reference 'learningRate'") { dir -> script(t(train = "learningRate = 0.1"))(dir) },
        Case("a misspelt name `reluu`", "did you mean relu?") { dir -> script(t(model = "mlp(hidden = listOf(8, 2), activation = reluu)"))(dir) },
        Case("a value of the wrong type `batchSize = \"20\"`", "mismatch") { dir -> script(t(train = "batchSize = \"20\""))(dir) },
        Case("a script that declares no experiment", "declares no experiment") { dir -> script("val x = 1\n")(dir) },
        Case("two experiments in one script", "one script holds one experiment") { dir -> script(t() + t(name = "u"))(dir) },
        // Values
        Case("an experiment name with a `/`", "path separators") { dir -> script(t(name = "a/b"))(dir) },
        Case("an experiment name with a space", "no spaces") { dir -> script(t(name = "a b"))(dir) },
        Case("an experiment name of 101 bytes", "longer than 100 bytes") { dir -> script(t(name = "é".repeat(51)))(dir) },
        Case("no `data`", "data is not set") { dir -> script(t().replace(Regex("    data = .*\n"), ""))(dir) },
        Case("no `model`", "model is not set") { dir -> script(t().replace(Regex("    model = .*\n"), ""))(dir) },
        Case("`batchSize = -5`", "batchSize must be >= 1, got -5") { dir -> script(t(train = "batchSize = -5"))(dir) },
        Case("`sgd(lr = -0.1)`", "lr must be > 0, got -0.1") { dir -> script(t(train = "optimizer = sgd(lr = -0.1)"))(dir) },
        Case("`maxEpochs = -1`", "maxEpochs must be >= 0, got -1") { dir -> script(t(train = "maxEpochs = -1"))(dir) },
        Case("`gradientFlow(linearisedFrom = 0)`", "gradientFlow(linearisedFrom = 0): must be > 0") { dir ->
            script(t(train = "optimizer = gradientFlow(linearisedFrom = 0); fullBatch()"))(dir)
        },
        Case("the linearised flow on the hinge", "the linearised flow (linearisedFrom) needs softHinge or quadraticHinge") { dir ->
            script(t(train = "loss = hinge; optimizer = gradientFlow(linearisedFrom = 100); fullBatch()"))(dir)
        },
        Case("`extraEpochs` without `until { }`", "needs an until { … } condition") { dir -> script(t(train = "extraEpochs = 5"))(dir) },
        Case("`hidden = listOf()`", "hidden must list at least one layer width") { dir -> script(t(model = "mlp(hidden = listOf())"))(dir) },
        Case("a hidden width of 0", "hidden widths must be >= 1") { dir -> script(t(model = "mlp(hidden = listOf(8, 0))"))(dir) },
        Case("an MNIST class that does not exist (12)", "classes: 12") { dir -> script(t(data = "mnist(classes = listOf(0, 12))"))(dir) },
        Case("a class listed twice", "is listed twice") { dir -> script(t(data = "mnist(classes = listOf(1, 1))"))(dir) },
        Case("more samples of a class than MNIST has", "has only") { dir -> script(t(data = "mnist(classes = listOf(0, 1), trainPerClass = 7000)"))(dir) },
        Case("one variant with more samples than MNIST has", "big: trainPerClass = 7000") { dir ->
            script(t(data = "mnist(classes = listOf(0, 1), trainPerClass = 50, testPerClass = 10)",
                extra = "variants { variant(\"big\") { data = mnist(classes = listOf(0, 1), trainPerClass = 7000) } }"))(dir)
        },
        Case("a probe of a layer that does not exist", "no layer \"h9\"") { dir -> script(t(probe = "probe(layers = listOf(\"h9\")) { embeddings() }"))(dir) },
        Case("`probe(every = 0)`", "every must be >= 1") { dir -> script(t(probe = "probe(every = 0) { embeddings() }"))(dir) },
        Case("probe epochs beyond `maxEpochs`", "beyond maxEpochs = 3 would never be probed") { dir ->
            script(t(probe = "probe(at = epochs(0, 2, 50)) { embeddings() }"))(dir)
        },
        Case("a figure without the probe it draws", "which no probe of this script measures") { dir ->
            script(t(extra = "report { collapseCurves() }"))(dir)
        },
        Case("`decisionRegions()` on MNIST", "needs 2-D inputs") { dir ->
            script(t(data = "mnist(classes = listOf(0, 1), trainPerClass = 50)", probe = "probe { decisionRegions() }"))(dir)
        },
        Case("`baselines(…)` with cross-entropy", "score binary tasks") { dir -> script(t(extra = "baselines(knn)"))(dir) },
        Case("`gradientFlow()` with mini-batches", "needs fullBatch()") { dir -> script(t(train = "optimizer = gradientFlow()"))(dir) },
        Case("a learning-rate decay under gradient flow", "chooses its own steps") { dir ->
            script(t(train = "optimizer = gradientFlow(); fullBatch(); decayLearningRate(by = 0.1, atEpochs = listOf(2))"))(dir)
        },
        Case("`decayLearningRate(by = 2)`", "the factor must be in (0, 1)") { dir -> script(t(train = "decayLearningRate(by = 2, atEpochs = listOf(2))"))(dir) },
        Case("an empty `variants { }`", "lists no variation") { dir -> script(t(extra = "variants { }"))(dir) },
        Case("variants whose folders would collide (`a/b`, `a-b`)", "would share the report folder a-b") { dir ->
            script(t(extra = "variants { variant(\"a/b\") { seed = 1 }; variant(\"a-b\") { seed = 2 } }"))(dir)
        },
        Case("an axis whose values read the same (1.0, 1.00)", "more than one value reads 1.0") { dir ->
            script(t(extra = "variants { along(\"k\", listOf(1.0, 1.00)) { } }"))(dir)
        },
        Case("an axis of values with no stable text", "label the values") { dir ->
            script(t(extra = "variants { along(\"f\", listOf(Any(), Any())) { } }"))(dir)
        },
        Case("two probes measuring the same name", "two probes measure \"nc1\"") { dir ->
            script(t(probe = "probe { neuralCollapse(); custom(\"nc1\") { 1.0 } }"))(dir)
        },
        Case("a network too large for memory", "GiB") { dir -> script(t(model = "mlp(hidden = listOf(200000, 200000))"))(dir) },
        // Faults once training has begun
        Case("a learning rate that diverges", "training diverged", Cli.DIVERGED, trains = true, partial = true) { dir ->
            script(t(train = "loss = mse; optimizer = sgd(lr = 1e5, momentum = 0.9); batchSize = 20; maxEpochs = 20"))(dir)
        },
        Case("an exception in `until { }`", "until { } failed: boom", trains = true, partial = true) { dir ->
            script(t(train = "optimizer = adam(lr = 1e-2); batchSize = 20; maxEpochs = 3; until { if (epoch >= 2) error(\"boom\") else false }"))(dir)
        },
        Case("an exception in a script's probe", "failed: bad probe", trains = true, partial = true) { dir ->
            script(t(probe = "probe { embeddings(); custom(\"bad\") { layer -> if (layer.epoch >= 2) error(\"bad probe\") else 1.0 } }"))(dir)
        },
        Case("running out of memory in a probe", "out of memory", trains = true, partial = true) { dir ->
            script(t(probe = "probe { embeddings(); custom(\"big\") { layer -> if (layer.epoch >= 2) throw OutOfMemoryError(\"Java heap space\") else 1.0 } }"))(dir)
        },
        Case("an exception in a script's figure", "figure(\"broken\") failed: no plot", trains = true) { dir ->
            script(t(extra = "report { trainingCurves(); figure(\"broken\") { error(\"no plot\") } }"))(dir)
        },
        Case("a corrupt dataset file", "is corrupt", trains = false) { dir ->
            val folder = mnistFolder(dir, swap = false)
            val labels = folder.resolve("mnist/train-labels-idx1-ubyte.gz")
            val bytes = Files.readAllBytes(labels)
            bytes[bytes.size / 2] = (bytes[bytes.size / 2] + 1).toByte()
            Files.write(labels, bytes)
            script(t(data = "mnist(classes = listOf(0, 1), trainPerClass = 50)"), "--data", folder.toString(), "--fresh")(dir)
        },
        Case("Fashion-MNIST's files where MNIST's belong", "looks like Fashion-MNIST") { dir ->
            script(t(data = "mnist(classes = listOf(0, 1), trainPerClass = 50)"), "--data", mnistFolder(dir, swap = true).toString(), "--fresh")(dir)
        },
        Case("a dataset file missing from `--data`", "not found in the data folder") { dir ->
            val folder = mnistFolder(dir, swap = false)
            Files.delete(folder.resolve("mnist/t10k-labels-idx1-ubyte.gz"))
            script(t(data = "mnist(classes = listOf(0, 1), trainPerClass = 50)"), "--data", folder.toString(), "--fresh")(dir)
        },
        Case("a truncated dataset file", "is corrupt or truncated") { dir ->
            val folder = mnistFolder(dir, swap = false)
            val labels = folder.resolve("mnist/t10k-labels-idx1-ubyte.gz")
            Files.write(labels, Files.readAllBytes(labels).copyOf(1000))
            script(t(data = "mnist(classes = listOf(0, 1), trainPerClass = 50)"), "--data", folder.toString(), "--fresh")(dir)
        },
        // A user's own arrays and networks
        Case("a ragged CSV table in `arrays(…)`", "t.csv:3: 2 fields, the header has 3") { dir ->
            Files.writeString(dir.resolve("t.csv"), "a,b,label\n1,2,0\n3,1\n")
            script(t(data = "arrays(train = \"t.csv\", test = \"t.csv\")"))(dir)
        },
        Case("a test label no training sample has", "label 5 at index 1 is out of range") { dir ->
            Npy.writeFloats(dir.resolve("x.npy"), intArrayOf(4, 2), FloatArray(8))
            Npy.writeInts(dir.resolve("y.npy"), intArrayOf(0, 1, 0, 1))
            Npy.writeInts(dir.resolve("yt.npy"), intArrayOf(0, 5, 0, 1))
            script(t(data = "arrays(train = \"x.npy\", labels = \"y.npy\", test = \"x.npy\", testLabels = \"yt.npy\")"))(dir)
        },
        Case("NaN among the features of a .npy file", "has a non-finite value (NaN)") { dir ->
            Npy.writeFloats(dir.resolve("x.npy"), intArrayOf(2, 2), floatArrayOf(0f, 1f, Float.NaN, 2f))
            Npy.writeInts(dir.resolve("y.npy"), intArrayOf(0, 1))
            script(t(data = "arrays(train = \"x.npy\", labels = \"y.npy\", test = \"x.npy\", testLabels = \"y.npy\")"))(dir)
        },
        Case("a loaded network with more inputs than the data has", "the network takes 3 inputs") { dir ->
            NetworkFiles.write(dir.resolve("n.safetensors"), DenseStack(listOf(DenseStack.Dense("0", 3, 4, FloatArray(12), FloatArray(4), "relu"),
                DenseStack.Dense("2", 4, 3, FloatArray(12), FloatArray(3), null)), mapOf()))
            script(t(model = "load(\"n.safetensors\")"))(dir)
        },
        Case("a network file that is not ONNX", "n.onnx") { dir ->
            Files.writeString(dir.resolve("n.onnx"), "not a network")
            script(t(model = "load(\"n.onnx\")"))(dir)
        },
    )

    /** The line of stderr that carries the message (with [fragment]), the temporary folder written as DIR. */
    private fun message(run: Scripts.Run, fragment: String, dir: Path): String =
        run.err.lines().firstOrNull { it.contains(fragment) }
            ?.replace(dir.toString(), "DIR")?.replace(data, "DATA") ?: ""

    @Test
    fun eachBadInputEndsInOneMessageNamingItsCause() {
        val problems = mutableListOf<String>()
        val rows = mutableListOf<String>()
        for (c in cases) {
            val dir = Files.createTempDirectory("netlens-bad")
            try {
                val run = c.run(dir)
                val m = message(run, c.fragment, dir)
                val trained = run.err.contains(Regex("""(?m)^epoch \d+/"""))
                val report = Files.list(dir.resolve("out").takeIf { Files.isDirectory(it) } ?: dir).use { s ->
                    s.filter { Files.isRegularFile(it.resolve("index.html")) }.findFirst().orElse(null)
                }
                val partial = report != null && Files.readString(report.resolve("index.html")).contains("id=\"partial\"")
                when {
                    run.code != c.code -> problems += "${c.input}: exit ${run.code}, expected ${c.code}: ${run.err.take(400)}"
                    m.isEmpty() -> problems += "${c.input}: no line with \"${c.fragment}\" in: ${run.err.take(600)}"
                    run.err.contains("\tat ") -> problems += "${c.input}: a stack trace"
                    run.err.contains("internal error") -> problems += "${c.input}: an internal error: $m"
                    trained != c.trains -> problems += "${c.input}: " + if (trained) "trained before failing" else "did not train"
                    partial != c.partial -> problems += "${c.input}: " + if (partial) "a partial report" else "no partial report"
                }
                rows += "| ${c.input} | ${run.code} | ${if (trained) "after training began" else "before training"}" +
                    "${if (partial) "; partial report kept" else ""} | `${m.replace("|", "\\|").replace("`", "'")}` |"
            } finally {
                netlens.util.Caches.root().resolve("points/t").toFile().deleteRecursively()
                dir.toFile().deleteRecursively()
            }
        }
        val table = listOf(
            "${cases.size} bad inputs tried: each ends in one message naming its cause, with exit code and no stack trace.",
            "",
            "| input | exit | when | message (temporary folder as DIR) |",
            "|---|---|---|---|",
        ) + rows
        val doc = Path.of("../docs/reliability.md")
        val text = Files.readString(doc)
        val start = text.indexOf(BEGIN)
        val end = text.indexOf(END)
        check(start >= 0 && end > start) { "docs/reliability.md lacks the $BEGIN … $END markers" }
        val current = text.substring(start + BEGIN.length, end).trim()
        val generated = table.joinToString("\n")
        if (System.getProperty("netlens.writeReliability") == "true")
            Files.writeString(doc, text.substring(0, start + BEGIN.length) + "\n" + generated + "\n" + text.substring(end))
        else if (current != generated) problems += "docs/reliability.md's table is not what the inputs get; rerun with -Dnetlens.writeReliability=true"
        if (problems.isNotEmpty()) fail(problems.joinToString("\n"))
        assertEquals(cases.size, rows.size)
        assertTrue(cases.size >= 60, "cases: ${cases.size}")
    }

    companion object {
        const val BEGIN = "<!-- bad-inputs: begin -->"
        const val END = "<!-- bad-inputs: end -->"
    }
}
