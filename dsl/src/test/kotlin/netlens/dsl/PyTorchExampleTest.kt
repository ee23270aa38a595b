package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Assumptions.assumeTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

/**
 * scripts/probe-pytorch.exp.kts as a user runs it: Debian's PyTorch trains the network with the
 * shipped Python script, netlens loads it and measures the test accuracy PyTorch printed. Skipped
 * where /usr/bin/python3 lacks torch, unless NETLENS_REQUIRE_PYTHON is set (CI), where it fails.
 */
@Tag("slow")
class PyTorchExampleTest {
    private fun python(vararg args: String, dir: Path): Pair<Int, String> {
        val p = ProcessBuilder(listOf("/usr/bin/python3") + args).directory(dir.toFile()).redirectErrorStream(true)
        p.environment()["OMP_NUM_THREADS"] = "2"
        val process = try { p.start() } catch (e: java.io.IOException) { return -1 to "no /usr/bin/python3" }
        val out = process.inputStream.bufferedReader().readText()
        process.waitFor(5, TimeUnit.MINUTES)
        return process.exitValue() to out
    }

    @Test
    fun theExampleMeasuresTheTestAccuracyPyTorchReported() {
        val dir = Files.createTempDirectory("netlens-pytorch-example")
        try {
            val torch = python("-c", "import torch", dir = dir).first == 0
            if (System.getenv("NETLENS_REQUIRE_PYTHON") != null) assertTrue(torch, "NETLENS_REQUIRE_PYTHON is set but /usr/bin/python3 cannot import torch")
            assumeTrue(torch, "skipped: /usr/bin/python3 cannot import torch (apt-get install python3-torch)")

            val examples = Path.of("../scripts").toAbsolutePath().normalize()
            Files.copy(examples.resolve("probe-pytorch.exp.kts"), dir.resolve("probe-pytorch.exp.kts"))
            Files.createDirectories(dir.resolve("pytorch"))
            val (code, printed) = python(examples.resolve("pytorch/train_mnist_mlp.py").toString(), "--data", Scripts.data().resolve("mnist").toString(),
                "--out", dir.resolve("pytorch/mnist-mlp").toString(), dir = dir)
            assertEquals(0, code, printed)
            val accuracy = Regex("""test accuracy (\d+\.\d\d)%""").find(printed)?.groupValues?.get(1) ?: error("no accuracy in: $printed")

            val run = Scripts.cli(dir.resolve("probe-pytorch.exp.kts").toString(), "--out", dir.toString(), "--threads", "2", "--data", Scripts.data().toString())
            assertEquals(Cli.OK, run.code, run.err)
            val html = Files.readString(dir.resolve("probe-pytorch/index.html"))
            assertTrue(html.contains("the network scores $accuracy% on this test set before any training here; its trainer reported $accuracy% — the same network"),
                "the summary sets PyTorch's $accuracy% beside netlens's")
            val layers = Files.readAllLines(dir.resolve("probe-pytorch/metrics.csv")).map { it.split(',') }.filter { it[2] == "nc1" }.map { it[1] }
            assertEquals(listOf("input", "h1", "h2", "logits"), layers, "every layer of the loaded 784-128-64-10 network is probed")
            assertTrue(Files.isRegularFile(dir.resolve("probe-pytorch/network.onnx")))
        } finally {
            netlens.util.Caches.root().resolve("points/probe-pytorch").toFile().deleteRecursively()
            dir.toFile().deleteRecursively()
        }
    }
}
