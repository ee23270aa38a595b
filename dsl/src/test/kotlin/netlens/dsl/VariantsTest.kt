package netlens.dsl

import java.nio.file.Files
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import netlens.data.SpiralSpec
import netlens.nn.Activation
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

class VariantsTest {
    @Test
    fun axesMultiplyAndEachVariantIsTheBaseWithItsChanges() {
        val b = VariantsBuilder()
        b.along("activation", listOf(tanh, relu)) { }
        b.along("K", listOf(3, 4, 5)) { }
        val labels = b.expand().map { it.label }
        assertEquals(6, labels.size)
        assertEquals("activation=tanh, K=3", labels.first())
        assertEquals("activation=relu, K=5", labels.last())
    }

    @Test
    fun logSpacedEpochsStartAtZeroAndEndAtTheBudget() {
        assertContentEquals(intArrayOf(0, 1, 10, 100, 1000), logSpaced(4).epochs(1000))
        assertContentEquals(intArrayOf(0, 5, 50), epochs(50, 5, 500).epochs(100))
    }

    @Test
    @Tag("slow")
    fun aScriptWithVariantsDeclaresOnePlanPerCombination() {
        val plans = ScriptHost(null).load(Scripts.path("variants.exp.kts"))
        assertEquals(listOf("activation=tanh, K=3", "activation=tanh, K=4", "activation=relu, K=3", "activation=relu, K=4"), plans.map { it.variant })
        assertEquals(Activation.RELU, plans[2].experiment.model().activation())
        assertEquals(listOf(24, 2), plans[2].experiment.model().hidden().toList(), "model.with keeps the other settings")
        assertEquals(4, (plans[3].experiment.data() as SpiralSpec).classes())
        assertContentEquals(intArrayOf(0, 1, 3, 7, 20), plans[0].experiment.probes()!!.at())
    }

    @Test
    @Tag("slow")
    fun variantsAreReportedSideBySideWithAFolderEach() {
        val out = Files.createTempDirectory("netlens-variants")
        val run = Scripts.cli(Scripts.path("variants.exp.kts").toString(), "--out", out.toString(), "--threads", "2")
        assertEquals(Cli.OK, run.code, run.err)
        val report = out.resolve("variants")
        for (slug in listOf("activation-tanh_K-3", "activation-tanh_K-4", "activation-relu_K-3", "activation-relu_K-4")) {
            assertTrue(Files.isRegularFile(report.resolve("$slug/index.html")), slug)
            assertTrue(Files.readString(report.resolve("$slug/index.html")).contains("href=\"../index.html\""), "links back")
        }
        val metrics = Files.readAllLines(report.resolve("metrics.csv"))
        assertEquals("variant,epoch,layer,metric,value", metrics.first())
        assertTrue(metrics.any { it.startsWith("\"activation=relu, K=4\",20,,train_accuracy,") }, "rows carry their variant")
        val html = Files.readString(report.resolve("index.html"))
        for (id in listOf("training-curves", "decision-regions", "bottleneck", "bottleneck-evolution", "vector-field", "angles"))
            assertTrue(html.contains("id=\"$id\""), id)
        assertEquals(6, Scripts.figuresWithSvg(html))
    }
}
