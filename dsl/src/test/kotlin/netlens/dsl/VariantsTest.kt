package netlens.dsl

import java.nio.file.Files
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import netlens.data.SpiralSpec
import netlens.nn.Activation
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import netlens.plots.ReportWriter

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
    fun namedVariantsAreAddedBesideTheAxesNotMultiplied() {
        val b = VariantsBuilder()
        b.along("K", listOf(3, 4)) { }
        b.variant("wide") { }
        assertEquals(listOf("K=3", "K=4", "wide"), b.expand().map { it.label })
    }

    @Test
    fun namedVariantsAloneRunBesideTheBase() {
        val b = VariantsBuilder()
        b.variant("alt") { seed = 2 }
        assertEquals(listOf("base", "alt"), b.expand().map { it.label })
    }

    @Test
    fun aSweepRunsEachNamedVariantAtEveryPoint() {
        val s = SweepBuilder()
        s.seed(1..2)
        s.variant("wide") { }
        assertEquals(listOf("seed=1, wide", "seed=2, wide"), s.expand().map { it.label })
    }

    @Test
    fun specValuesAreLabelledByTheSettingsThatDiffer() {
        assertEquals(listOf("hidden=[8, 2]", "hidden=[16, 2]"), VariantsBuilder.labels("net", listOf(mlp(listOf(8, 2)), mlp(listOf(16, 2)))))
        assertEquals(listOf("hidden=[8] activation=relu", "hidden=[16] activation=tanh"),
            VariantsBuilder.labels("net", listOf(mlp(listOf(8), relu), mlp(listOf(16), tanh))))
        assertEquals(listOf("sgd", "adam"), VariantsBuilder.labels("opt", listOf(sgd(lr = 0.1), adam())))
        assertEquals(listOf("lr=0.1", "lr=0.01"), VariantsBuilder.labels("opt", listOf(sgd(lr = 0.1), sgd(lr = 0.01))))
        val unstable = assertThrows<ScriptValueException> { VariantsBuilder.labels("f", listOf(Any(), Any())) }.message!!
        assertTrue(unstable.contains("mapOf("), unstable)
    }

    @Test
    fun labelledValuesKeepTheirLabels() {
        val b = VariantsBuilder()
        b.along("net", mapOf("narrow" to mlp(listOf(8)), "wide" to mlp(listOf(512)))) { model = it }
        assertEquals(listOf("net=narrow", "net=wide"), b.expand().map { it.label })
    }

    @Test
    fun variantsThatWouldShareAFolderAreRefused() {
        val named = VariantsBuilder()
        named.variant("a/b") { }
        named.variant("a-b") { }
        assertTrue(assertThrows<ScriptValueException> { named.expand() }.message!!.contains("\"a/b\" and \"a-b\" would share the report folder a-b"))
        val equal = assertThrows<ScriptValueException> { VariantsBuilder().along("k", listOf(1.0, 1.00)) { } }.message!!
        assertTrue(equal.contains("more than one value reads 1.0"), equal)
    }

    @Test
    fun longLabelsGiveShortDistinctFolders() {
        val a = ReportWriter.slug("x".repeat(300) + "1")
        val b = ReportWriter.slug("x".repeat(300) + "2")
        assertTrue(a.length <= ReportWriter.SLUG_LENGTH && b.length <= ReportWriter.SLUG_LENGTH && a != b, "$a $b")
    }

    @Test
    fun aLaterBatchSizeUndoesFullBatch() {
        val t = TrainBuilder().apply { fullBatch(); batchSize = 32 }.build()
        assertEquals(32, t.batchSize())
        assertEquals(0, TrainBuilder().apply { batchSize = 32; fullBatch() }.build().batchSize())
    }

    @Test
    fun logSpacedEpochsStartAtZeroAndEndAtTheBudget() {
        assertContentEquals(intArrayOf(0, 1, 10, 100, 1000), logSpaced(4).epochs(1000))
        assertContentEquals(intArrayOf(0, 5, 50, 100), epochs(50, 5, 100).epochs(100))
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
