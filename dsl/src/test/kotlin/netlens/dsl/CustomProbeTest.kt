package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import kotlin.test.assertEquals
import kotlin.test.assertSame
import kotlin.test.assertTrue
import netlens.data.SpiralSpec
import netlens.linalg.Backend
import netlens.nn.Activation
import netlens.nn.Init
import netlens.nn.Mlp
import netlens.nn.MlpSpec
import netlens.observe.Measurement
import netlens.observe.ProbeSchedule
import netlens.observe.Prober
import org.jetbrains.kotlinx.multik.api.linalg.dot
import org.jetbrains.kotlinx.multik.api.mk
import org.jetbrains.kotlinx.multik.api.ndarray
import org.jetbrains.kotlinx.multik.ndarray.data.MemoryViewFloatArray
import org.jetbrains.kotlinx.multik.ndarray.data.get
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Probes and figures written in scripts: what the probe sees, what it may return, and the example end to end. */
class CustomProbeTest {
    private val data = SpiralSpec(3, 40, 10, Double.NaN, 0.1, true).load(null, 1)
    private val net = Mlp.initialise(MlpSpec(2, intArrayOf(6), 3, Activation.TANH, true, Init.PYTORCH), 1)

    /** The measurements a probe block's custom probes give at the first probe of [net]. */
    private fun probe(block: ProbeBuilder.() -> Unit): netlens.observe.Measurements {
        val (schedule, observables) = ProbeBuilder(1, 1000, null).apply(block).build(1)
        return Prober(Backend.blas(), 1, schedule, observables, data.train(), data.test(), 1).use { it.probe(0, net).measured() }
    }

    /** The Multik array a probe sees wraps the probe's own float array: no copy (the view's storage is that array). */
    @Test
    fun aProbeSeesAViewOfTheLayersFeaturesNotACopy() {
        val same = mutableListOf<Boolean>()
        probe {
            custom("view") { layer ->
                same += (layer.features.data as MemoryViewFloatArray).data === layer.featureArray
                assertEquals(layer.featureArray[layer.width + 1], layer.features[1, 1])
                0
            }
        }
        assertEquals(listOf(true, true, true), same, "input, h1 and logits")
    }

    @Test
    fun aProbeThatWritesIntoTheFeaturesIsStopped() {
        val e = assertThrows<ScriptValueException> { probe { custom("scribble") { layer -> layer.featureArray[0] += 1f; 0 } } }
        assertTrue(e.message!!.contains("wrote into layer.features"), e.message)
    }

    @Test
    fun numbersArraysAndMapsBecomeScalarsVectorsMatricesAndTables() {
        val m = probe {
            custom("count") { layer -> layer.samples }
            custom("per_class") { layer -> DoubleArray(layer.classes) { it.toDouble() } }
            custom("gram") { layer -> mk.ndarray(layer.featureArray, layer.samples, layer.width).let { f -> f.transpose() dot f } }
            custom("summary") { layer -> mapOf("class" to layer.classNames, "n" to List(layer.classes) { 40 }) }
            custom("nothing") { null }
        }
        assertEquals(Measurement.Scalar(120.0), m.get("h1", "count"))
        assertEquals(listOf(0.0, 1.0, 2.0), m.vector("logits", "per_class").values().toList())
        val gram = m.matrix("h1", "gram")
        // h1's Gram entry (0, 1) by hand, from the features the prober saw.
        val seen = mutableListOf<FloatArray>()
        probe { custom("keep") { layer -> if (layer.name == "h1") seen += layer.featureArray.clone(); 0 } }
        val h = seen.single()
        var g01 = 0.0
        for (i in 0 until 120) g01 += h[i * 6].toDouble() * h[i * 6 + 1]
        assertEquals(6, gram.rows())
        assertEquals(g01, gram.get(0, 1).toDouble(), 1e-3 * kotlin.math.abs(g01))
        assertEquals(listOf("class", "n"), m.table("input", "summary").columns())
        assertTrue(!m.has("h1", "nothing"))
    }

    @Test
    fun aProbeThatThrowsNamesItselfTheLayerAndTheEpoch() {
        val e = assertThrows<UserCodeException> { probe { custom("broken") { layer -> check(layer.index < 1) { "too deep" }; 0 } } }
        assertEquals("custom(\"broken\") at h1, epoch 0 failed: too deep", e.message)
    }

    @Test
    fun aProbesSourceIsItsCallThroughTheEndOfItsBlock() {
        val text = "experiment(\"x\") {\n    probe {\n        custom(\"a\") { layer ->\n            if (true) { 1 } else 2\n        }\n    }\n}\n"
        assertEquals("custom(\"a\") { layer ->\n            if (true) { 1 } else 2\n        }", ScriptText.callAt(text, 3, "custom"))
    }

    /** Multik's pure-Kotlin engine does the arithmetic: nothing native is unpacked into the temp folder. */
    @Test
    fun multikLeavesNothingInTheTempFolder() {
        val tmp = Path.of(System.getProperty("java.io.tmpdir"))
        fun native() = Files.list(tmp).use { s -> s.filter { it.fileName.toString().let { n -> n.contains("multik") || n.endsWith(".so") } }.toList() }
        val before = native()
        val a = mk.ndarray(FloatArray(64) { it.toFloat() }, 8, 8)
        assertEquals(1120f, (a dot a)[0, 0], "Σ_k a[0,k]·a[k,0] = Σ_k k·8k = 8·140")
        assertEquals(before, native())
    }

    /** A failing probe stops the run at once with one message at the script's line. */
    @Test
    @Tag("slow")
    fun aFailingProbeStopsTheRunWithItsLine() = Scripts.tempScript("broken-probe") { script ->
        script.write("""
            experiment("${script.name}") {
                data = spirals(classes = 3, trainPerClass = 40, testPerClass = 10)
                model = mlp(hidden = listOf(8, 2))
                train { optimizer = adam(lr = 1e-2); batchSize = 20; maxEpochs = 500 }
                probe(every = 100) {
                    custom("broken") { layer -> error("no good at ${'$'}{layer.name}") }
                }
            }
        """.trimIndent())
        val run = script.run()
        assertEquals(Cli.FAILED, run.code)
        assertTrue(run.err.contains("${script.file}:6: error: custom(\"broken\") at input, epoch 0 failed: no good at input"), run.err)
        assertTrue(!run.err.contains("epoch 500/"), "training stopped: ${run.err}")
    }

    /** scripts/custom-probe.exp.kts: its probes reach metrics.csv, the depth profile and its own figure reach the report. */
    @Test
    @Tag("slow")
    fun theCustomProbeExampleReportsItsProbesAndFigure() {
        val out = Files.createTempDirectory("netlens-custom")
        val run = Scripts.cli(Path.of("../scripts/custom-probe.exp.kts").toAbsolutePath().toString(), "--out", out.toString(),
            "--data", Scripts.data().toString(), "--fresh")
        assertEquals(Cli.OK, run.code, run.err)
        val report = out.resolve("custom-probe")
        val rows = Files.readAllLines(report.resolve("metrics.csv")).map { it.split(',') }
        for (layer in listOf("input", "h1", "h2", "h3", "logits"))
            assertTrue(rows.any { it[1] == layer && it[2] == "margin_spread" && it[3].toDouble() > 0 }, "margin_spread at $layer")
        assertEquals("epoch,layer,index,value", Files.readAllLines(report.resolve("class_mean_norms.csv")).first())
        val figures = Files.list(report.resolve("figures")).use { s -> s.map { it.fileName.toString() }.toList() }.toSet()
        assertTrue(figures.containsAll(setOf("script-margin-spread-beside-nc1.svg", "custom-curves.svg", "depth-profiles.svg")), figures.toString())
        val html = Files.readString(report.resolve("index.html"))
        assertTrue(html.contains("Margin spread beside NC1") && html.contains("7. margin_spread"), "the figure and the depth-profile panel")
        assertTrue(Files.readString(report.resolve("run.json")).contains("Custom[name=margin_spread, source=custom(\\\"margin_spread\\\") { layer ->"),
            "the probe's source is recorded")
    }
}
