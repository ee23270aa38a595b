package netlens.dsl

import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.file.Files
import java.nio.file.Path
import netlens.dsl.Scripts.figuresWithSvg
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance

/** The whole pipeline on a small real script: script → training → probes → report files. */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {
    private lateinit var out: Path
    private lateinit var report: Path
    private lateinit var first: Scripts.Run

    @BeforeAll
    fun runOnce() {
        out = Files.createTempDirectory("netlens-e2e")
        first = Scripts.cli(Scripts.path("tiny.exp.kts").toString(), "--out", out.toString(), "--data", Scripts.data().toString(), "--threads", "2", "--fresh")
        report = out.resolve("tiny")
    }

    @Test
    fun theRunSucceedsAndNamesItsReport() {
        assertEquals(Cli.OK, first.code, first.err)
        assertTrue(first.out.contains("report: ${report.resolve("index.html")}"), first.out)
    }

    @Test
    fun theReportHoldsEveryPromisedFile() {
        for (f in listOf("index.html", "metrics.csv", "run.json", "embeddings.npy", "labels.npy"))
            assertTrue(Files.isRegularFile(report.resolve(f)), f)
        val figures = Files.list(report.resolve("figures")).use { s -> s.map { it.fileName.toString() }.sorted().toList() }
        assertEquals(listOf("collapse-curves.svg", "layer-grid.svg", "penultimate.svg", "training-curves.svg"), figures)
        val html = Files.readString(report.resolve("index.html"))
        assertEquals(4, figuresWithSvg(html), "four figure sections, each with an inline SVG")
        assertTrue(!Regex("""(src|href)=["']https?://""").containsMatchIn(html), "the page loads nothing from the network")
        assertTrue(html.contains("Verdict:"), "the collapse verdict is stated")
    }

    @Test
    fun metricsAreTidyAndCoverEveryLayer() {
        val lines = Files.readAllLines(report.resolve("metrics.csv"))
        assertEquals("epoch,layer,metric,value", lines.first())
        val rows = lines.drop(1).map { it.split(',') }
        assertTrue(rows.all { it.size == 4 && it[0].toInt() >= 0 && it[3].toDouble().let { v -> v.isNaN() || v.isFinite() } })
        val layers = rows.filter { it[2] == "nc1" }.map { it[1] }.toSet()
        assertEquals(setOf("input", "h1", "h2", "h3", "logits"), layers)
        assertTrue(rows.any { it[1] == "h3" && it[2] == "nc3" }, "NC3 at the penultimate layer")
        assertTrue(rows.any { it[1] == "" && it[2] == "test_accuracy" })
    }

    @Test
    fun runJsonRecordsWhatIsNeededToRerun() {
        val json = Files.readString(report.resolve("run.json"))
        val script = Files.readAllBytes(Scripts.path("tiny.exp.kts"))
        assertTrue(json.contains("\"sha256\": \"${ScriptHost.sha256(script)}\""), "script checksum")
        assertTrue(json.contains("\"seed\": 3"))
        assertTrue(json.contains("\"threads\": 2"))
        assertTrue(json.contains("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"), "dataset checksums")
        assertTrue(json.contains("\"text\": \"// A small but real run"), "the script text itself")
    }

    @Test
    fun embeddingsAreANumpyArrayOfProbesLayersSamplesAndTwoComponents() {
        val bytes = Files.readAllBytes(report.resolve("embeddings.npy"))
        assertContentEquals(byteArrayOf(0x93.toByte(), 'N'.code.toByte(), 'U'.code.toByte(), 'M'.code.toByte(), 'P'.code.toByte(), 'Y'.code.toByte(), 1, 0), bytes.copyOf(8))
        val headerLength = ByteBuffer.wrap(bytes, 8, 2).order(ByteOrder.LITTLE_ENDIAN).short.toInt()
        assertEquals(0, (10 + headerLength) % 64)
        val header = String(bytes, 10, headerLength, Charsets.US_ASCII)
        val shape = Regex("""'shape': \((\d+), (\d+), (\d+), (\d+)\)""").find(header)!!.groupValues.drop(1).map { it.toInt() }
        assertEquals(listOf(5, 450, 2), shape.drop(1))
        assertEquals(bytes.size - 10 - headerLength, 4 * shape.fold(1) { a, b -> a * b })
    }

    @Test
    fun theSameScriptGivesIdenticalMetricsWhateverTheThreadCount() {
        val other = Files.createTempDirectory("netlens-e2e-1")
        val run = Scripts.cli(Scripts.path("tiny.exp.kts").toString(), "--out", other.toString(), "--data", Scripts.data().toString(), "--threads", "1", "--fresh")
        assertEquals(Cli.OK, run.code, run.err)
        assertContentEquals(Files.readAllBytes(report.resolve("metrics.csv")), Files.readAllBytes(other.resolve("tiny/metrics.csv")))
        assertContentEquals(Files.readAllBytes(report.resolve("embeddings.npy")), Files.readAllBytes(other.resolve("tiny/embeddings.npy")))
    }

    /** An unchanged script's second run reads the first one's results back: the same files, no training. */
    @Test
    fun aRerunOfAnUnchangedScriptReusesItsResults() {
        val again = Files.createTempDirectory("netlens-e2e-again")
        val run = Scripts.cli(Scripts.path("tiny.exp.kts").toString(), "--out", again.toString(), "--data", Scripts.data().toString())
        assertEquals(Cli.OK, run.code, run.err)
        assertTrue(run.err.contains("from the cache") && !run.err.contains("epoch 1/"), run.err)
        for (f in listOf("metrics.csv", "embeddings.npy", "class_means_2d.npy", "figures/layer-grid.svg"))
            assertContentEquals(Files.readAllBytes(report.resolve(f)), Files.readAllBytes(again.resolve("tiny/$f")), f)
        assertTrue(Files.readString(again.resolve("tiny/run.json")).contains("\"cached\": true"))
    }

    @Test
    fun aSecondRunReplacesTheReportWholeAndLeavesNoStagingBehind() {
        val again = Scripts.cli(Scripts.path("tiny.exp.kts").toString(), "--out", out.toString(), "--data", Scripts.data().toString())
        assertEquals(Cli.OK, again.code, again.err)
        val names = Files.list(out).use { s -> s.map { it.fileName.toString() }.toList() }
        assertTrue(names.none { it.contains("staging") || it.contains("previous") }, names.toString())
        assertTrue(Files.isRegularFile(report.resolve("index.html")))
    }
}

/** A run with every representation-geometry probe: its extra tables, columns and figures. */
@Tag("slow")
class GeometryEndToEndTest {
    @Test
    fun everyGeometryProbeReachesTheReport() {
        val out = Files.createTempDirectory("netlens-geometry")
        val run = Scripts.cli(Scripts.path("geometry.exp.kts").toString(), "--out", out.toString(), "--data", Scripts.data().toString())
        assertEquals(Cli.OK, run.code, run.err)
        val report = out.resolve("geometry")
        val metrics = Files.readAllLines(report.resolve("metrics.csv")).map { it.split(',') }
        for (m in listOf("id_twonn", "id_mle_error", "linear_probe_test_accuracy", "ncc_test_accuracy", "separation_d", "weight_movement",
            "effective_rank_entropy", "nc1_trace_ratio", "cdnv", "nc2_orthogonal_frame_error", "id_levina_bickel"))
            assertTrue(metrics.any { it[2] == m }, "metrics.csv has $m")
        assertTrue(metrics.any { it[1] == "" && it[2] == "separation_pearson_r" })
        val layers = Files.readAllLines(report.resolve("cka_layers.csv"))
        assertEquals("epoch,layer_a,layer_b,cka", layers.first())
        assertTrue(layers.any { it.startsWith("6,h1,h2,") }, "layer × layer rows")
        val epochs = Files.readAllLines(report.resolve("cka_epochs.csv"))
        assertEquals("layer,epoch_a,epoch_b,cka", epochs.first())
        assertTrue(epochs.any { it.startsWith("h1,0,6,") }, "epoch × epoch rows")
        assertEquals("epoch,layer,index,value", Files.readAllLines(report.resolve("pca_spectrum.csv")).first())
        assertTrue(Files.readAllLines(report.resolve("pca_spectrum.csv")).size > 10)
        val figures = Files.list(report.resolve("figures")).use { s -> s.map { it.fileName.toString() }.toList() }.toSet()
        assertTrue(figures.containsAll(setOf("depth-profiles.svg", "cka.svg", "spectra.svg", "weight-movement.svg", "cka-variants.svg",
            "dimension-scales.svg", "nc1-two-ways.svg")), figures.toString())
        assertEquals("epoch,layer_a,layer_b,linear,debiased,rbf", Files.readAllLines(report.resolve("cka_variants.csv")).first())
        assertEquals("epoch,layer,order,scale,dimension", Files.readAllLines(report.resolve("id_gride.csv")).first())
        val html = Files.readString(report.resolve("index.html"))
        assertTrue(html.contains("NC1 = Tr Σ_W / Tr Σ_B"), "the chosen NC1 variant leads")
    }
}
