package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

@Tag("slow")
class CompareTest {
    @Test
    fun twoScriptsAreRunAndOverlaidWithTheirDiff() {
        val out = Files.createTempDirectory("netlens-compare")
        val run = Scripts.cli("compare", Scripts.path("tiny.exp.kts").toString(), Scripts.path("tiny-wide.exp.kts").toString(),
            "--out", out.toString(), "--data", Scripts.data().toString())
        assertEquals(Cli.OK, run.code, run.err)
        val html = Files.readString(out.resolve("compare-tiny-vs-tiny-wide/index.html"))
        assertTrue(html.contains("<span class=\"del\">- experiment(&quot;tiny&quot;) {</span>"), "the changed lines are marked")
        assertTrue(html.contains("<span class=\"add\">+     model = mlp(hidden = listOf(64, 16, 8), activation = relu)</span>"))
        assertEquals(2, Scripts.figuresWithSvg(html))
        assertTrue(html.contains("nc1 · h1"), "final values table")
        // The script that probes fewer layers still makes a report with the layers it has.
        assertTrue(Files.readString(out.resolve("tiny-wide/metrics.csv")).lines().none { it.contains(",h2,") })
    }

    private fun spirals(name: String, train: String, probe: String = "probe(every = 1) { embeddings() }") =
        "experiment(\"$name\") {\n    data = spirals(classes = 3, trainPerClass = 40, testPerClass = 10)\n    model = mlp(hidden = listOf(8, 2))\n" +
            "    train { $train }\n    $probe\n}\n"

    /** Two versions of one experiment (without neuralCollapse()) are both kept and compared, not one with itself. */
    @Test
    fun twoVersionsOfOneExperimentAreComparedWithEachOther() {
        val dir = Files.createTempDirectory("netlens-compare-same")
        val a = Files.writeString(dir.resolve("a.exp.kts"), spirals("same", "optimizer = adam(lr = 1e-2); batchSize = 20; maxEpochs = 3"))
        val b = Files.writeString(dir.resolve("b.exp.kts"), spirals("same", "optimizer = adam(lr = 1e-3); batchSize = 20; maxEpochs = 3"))
        val run = Scripts.cli("compare", a.toString(), b.toString(), "--out", dir.toString())
        assertEquals(Cli.OK, run.code, run.err)
        for (folder in listOf("same-A", "same-B")) assertTrue(Files.isRegularFile(dir.resolve("$folder/metrics.csv")), folder)
        val html = Files.readString(dir.resolve("compare-same-A-vs-same-B/index.html"))
        assertTrue(html.contains("<span class=\"add\">+     train { optimizer = adam(lr = 1e-3)"), "the scripts differ")
        val loss = Regex("""<td>train_loss</td><td>([^<]+)</td><td>([^<]+)</td>""").find(html)!!.groupValues
        assertTrue(loss[1] != loss[2], "the two runs' final losses: $loss")
    }

    /** A run cut short is marked as such beside a complete one. */
    @Test
    fun aPartialRunIsMarked() {
        val dir = Files.createTempDirectory("netlens-compare-partial")
        val a = Files.writeString(dir.resolve("a.exp.kts"), spirals("fine", "optimizer = adam(lr = 1e-2); batchSize = 20; maxEpochs = 3"))
        val b = Files.writeString(dir.resolve("b.exp.kts"), spirals("blows", "loss = mse; optimizer = sgd(lr = 1e5, momentum = 0.9); batchSize = 20; maxEpochs = 20"))
        assertEquals(Cli.DIVERGED, Scripts.cli(b.toString(), "--out", dir.toString()).code)
        val run = Scripts.cli("compare", a.toString(), dir.resolve("blows").toString(), "--out", dir.toString())
        assertEquals(Cli.OK, run.code, run.err)
        val html = Files.readString(dir.resolve("compare-fine-vs-blows/index.html"))
        assertTrue(html.contains("B: blows (partial: diverged)") && html.contains("blows is a partial run (diverged)"), html.take(2000))
    }

    @Test
    fun aFolderThatIsNotAReportIsRefused() {
        val run = Scripts.cli("compare", Files.createTempDirectory("x").toString(), Files.createTempDirectory("y").toString())
        assertEquals(Cli.FAILED, run.code)
        assertTrue(run.err.contains("is not a netlens report folder"), run.err)
    }

    @Test
    fun theExamplesAreListedWithTheirDescriptions() {
        System.setProperty("netlens.home", Path.of("..").toAbsolutePath().normalize().toString())
        val run = Scripts.cli("--list")
        assertEquals(Cli.OK, run.code)
        assertTrue(Regex("""scripts/mnist\.exp\.kts\s+Neural collapse in a depth-5 MLP""").containsMatchIn(run.out), run.out)
        assertTrue(Regex("""scripts/stripe\.exp\.kts .*\(a sweep, about 2 minutes on 2 cores\)""").containsMatchIn(run.out), "sweeps and their durations")
    }
}
