package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.util.Random
import netlens.data.DataStore
import netlens.data.Npy
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test

/**
 * A script's own arrays in, a network out and back in: a network trained on .npy files and saved as
 * safetensors and ONNX, loaded by a second script, classifies the same test set exactly as it did
 * when it was saved; run.json names every file read with its SHA-256.
 */
class ForeignFilesTest {
    private fun arrays(dir: Path) {
        val rng = Random(7)
        fun blobs(perClass: Int, x: String, y: String) {
            val labels = IntArray(3 * perClass) { it % 3 }
            val features = FloatArray(labels.size * 4) { i -> (rng.nextGaussian() + if (i % 4 == labels[i / 4]) 2.0 else 0.0).toFloat() }
            Npy.writeFloats(dir.resolve(x), intArrayOf(labels.size, 4), features)
            Npy.writeInts(dir.resolve(y), labels)
        }
        blobs(40, "x.npy", "y.npy")
        blobs(20, "xt.npy", "yt.npy")
    }

    private val data = """data = arrays(train = "x.npy", labels = "y.npy", test = "xt.npy", testLabels = "yt.npy")"""

    /** (epoch, metric) → value of the run-level rows of metrics.csv. */
    private fun metrics(file: Path): Map<Pair<Int, String>, Double> =
        Files.readAllLines(file).drop(1).map { it.split(',') }.filter { it[1].isEmpty() }.associate { (it[0].toInt() to it[2]) to it[3].toDouble() }

    @Test
    fun aSavedNetworkLoadsBackAndScoresTheSameAndEveryFileIsRecorded() = Scripts.tempScript("foreign") { s ->
        arrays(s.dir)
        s.write("""
            experiment("${s.name}") {
                $data
                model = mlp(hidden = listOf(16, 8), activation = tanh)
                train { optimizer = sgd(lr = 0.1, momentum = 0.9); batchSize = 20; maxEpochs = 6 }
                probe(every = 3) { neuralCollapse() }
                report { trainingCurves(); saveNetwork("net.safetensors", "net.onnx") }
            }
        """.trimIndent())
        val trained = s.run()
        assertEquals(Cli.OK, trained.code, trained.err)
        val first = metrics(s.report("metrics.csv"))
        val runJson = Files.readString(s.report("run.json"))
        for (f in listOf("x.npy", "y.npy", "xt.npy", "yt.npy"))
            assertTrue(runJson.contains(DataStore.sha256(s.dir.resolve(f))), "run.json records $f's SHA-256")
        assertTrue(Regex(""""saved_as": \[\s*"net.safetensors",\s*"net.onnx"\s*]""").containsMatchIn(runJson), runJson)

        val kept = listOf("net.safetensors", "net.onnx").associateWith { s.dir.resolve("saved-$it") }   // the next runs replace the report folder
        for ((file, saved) in kept) Files.copy(s.report(file), saved)
        for ((file, saved) in kept) {
            s.write("""
                experiment("${s.name}") {
                    $data
                    model = load("${saved.fileName}"${if (file.endsWith(".safetensors")) ", activation = tanh" else ""})
                    probe { neuralCollapse() }
                    report { trainingCurves() }
                }
            """.trimIndent())
            val loaded = s.run()
            assertEquals(Cli.OK, loaded.code, loaded.err)
            val again = metrics(s.report("metrics.csv"))
            for (metric in listOf("train_accuracy", "test_accuracy", "train_loss"))
                assertEquals(first.getValue(6 to metric), again.getValue(0 to metric), "$file: $metric of the saved network, loaded")
            assertTrue(Files.readString(s.report("run.json")).contains("\"sha256\": \"${DataStore.sha256(saved)}\""), "run.json names the loaded file")
            assertTrue(Files.readString(s.report("index.html")).contains("Loaded from ${saved.fileName}, the network scores"), file)
        }

        s.write("""
            experiment("${s.name}") {
                $data
                model = load("saved-net.onnx")
                train { optimizer = sgd(lr = 0.01); maxEpochs = 2 }
            }
        """.trimIndent())
        val further = s.run()
        assertEquals(Cli.OK, further.code, further.err)
        assertTrue(Files.readString(s.report("run.json")).contains("\"epochs_run\": 2"), "a loaded network trains further")
    }
}
