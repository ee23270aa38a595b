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
    }
}
