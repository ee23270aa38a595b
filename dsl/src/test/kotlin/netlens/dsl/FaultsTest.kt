package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

/** Bad input and faults at the command line: one clear message, a non-zero exit, nothing good lost. */
@Tag("slow")
class FaultsTest {
    private val data = Scripts.data().toString()

    private fun tmp(prefix: String): Path = Files.createTempDirectory(prefix)

    @Test
    fun aDivergingRunStopsAndWritesAPartialReport() {
        val out = tmp("netlens-diverge")
        val run = Scripts.cli(Scripts.path("diverge.exp.kts").toString(), "--out", out.toString(), "--data", data)
        assertEquals(Cli.DIVERGED, run.code, run.err)
        assertTrue(run.err.contains("training diverged") && run.err.contains("epoch"), run.err)
        val html = Files.readString(out.resolve("diverge/index.html"))
        assertTrue(html.contains("id=\"partial\""), "the report says it is partial")
        assertTrue(Files.readString(out.resolve("diverge/run.json")).contains("\"status\": \"diverged\""))
    }

    /** SIGTERM mid-training: a partial report, written beside the complete one an earlier run left, which stays as it was. */
    @Test
    fun aKilledRunWritesAPartialReportAndKeepsNothingHalfWritten() {
        val out = tmp("netlens-kill")
        val earlier = Files.createDirectories(out.resolve("long"))
        Files.writeString(earlier.resolve("run.json"), "{\n  \"complete\": true\n}\n")
        Files.writeString(earlier.resolve("index.html"), "the earlier complete report")
        val java = Path.of(System.getProperty("java.home"), "bin", "java").toString()
        val p = ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "netlens.dsl.MainKt",
            Scripts.path("long.exp.kts").toString(), "--out", out.toString(), "--data", data)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
        val rest = try {
            val stderr = p.errorStream.bufferedReader()
            // Once training has started, send SIGTERM, which runs the same shutdown hook as Ctrl-C's SIGINT.
            while (true) {
                val line = stderr.readLine() ?: break
                if (line.startsWith("epoch 0/")) break
            }
            Thread.sleep(1500)
            p.toHandle().destroy()   // unlike Process.destroy, keeps our end of the pipes open
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the process exits")
            stderr.readText()
        } finally {
            p.destroyForcibly()
        }
        assertTrue(rest.contains("interrupted; partial report: ${out.resolve("long.partial/index.html")}"), rest)
        assertEquals("the earlier complete report", Files.readString(earlier.resolve("index.html")))
        val json = Files.readString(out.resolve("long.partial/run.json"))
        assertTrue(json.contains("\"status\": \"interrupted\""), json.take(300))
        assertTrue(Files.list(out).use { s -> s.noneMatch { it.fileName.toString().contains("staging") } })
    }

    @Test
    fun aRunWritesOnlyToItsOutputFolderAndItsCache() {
        val sandbox = tmp("netlens-sandbox")
        val cwd = Files.createDirectories(sandbox.resolve("cwd"))
        val java = Path.of(System.getProperty("java.home"), "bin", "java").toString()
        val pb = ProcessBuilder(java, "-Duser.home=${sandbox.resolve("home")}", "-cp", System.getProperty("java.class.path"),
            "netlens.dsl.MainKt", Scripts.path("tiny.exp.kts").toString(), "--out", sandbox.resolve("out").toString(), "--data", data)
            .directory(cwd.toFile()).redirectErrorStream(true)
        pb.environment()["XDG_CACHE_HOME"] = sandbox.resolve("cache").toString()
        val p = pb.start()
        val log = p.inputStream.bufferedReader().readText()
        assertTrue(p.waitFor(300, TimeUnit.SECONDS))
        assertEquals(0, p.exitValue(), log)
        val written = Files.walk(sandbox).use { s -> s.filter { Files.isRegularFile(it) }.map { sandbox.relativize(it).toString() }.toList() }
        val stray = written.filter { !it.startsWith("out/") && !it.startsWith("cache/netlens/") }
        assertEquals(emptyList(), stray, "files outside the output folder and the cache")
        assertTrue(written.contains("out/tiny/index.html"))
    }

    @Test
    fun anUnwritableOutputFolderFailsBeforeTraining() {
        val file = Files.createTempFile("netlens-not-a-folder", ".txt")
        val run = Scripts.cli(Scripts.path("tiny.exp.kts").toString(), "--out", file.toString(), "--data", data)
        assertEquals(Cli.FAILED, run.code)
        assertTrue(run.err.contains("cannot write reports to $file"), run.err)
        assertTrue(!run.err.contains("epoch"), "no training started")
    }

    @Test
    fun aCorruptDatasetFileIsNamed() {
        val folder = tmp("netlens-corrupt")
        val mnist = Files.createDirectories(folder.resolve("mnist"))
        Files.list(Path.of(data, "mnist")).use { s -> s.forEach { Files.copy(it, mnist.resolve(it.fileName)) } }
        val labels = mnist.resolve("train-labels-idx1-ubyte.gz")
        val bytes = Files.readAllBytes(labels)
        bytes[bytes.size / 2] = (bytes[bytes.size / 2] + 1).toByte()
        Files.write(labels, bytes)
        val run = Scripts.cli(Scripts.path("tiny.exp.kts").toString(), "--out", tmp("netlens-out").toString(), "--data", folder.toString(), "--fresh")
        assertEquals(Cli.FAILED, run.code)
        assertTrue(run.err.contains("data error") && run.err.contains("train-labels-idx1-ubyte.gz") && run.err.contains("corrupt"), run.err)
    }

    @Test
    fun aMissingDataFolderIsNamed() {
        val run = Scripts.cli(Scripts.path("tiny.exp.kts").toString(), "--data", "/nonexistent/netlens-data")
        assertEquals(Cli.FAILED, run.code)
        assertTrue(run.err.contains("/nonexistent/netlens-data is not a folder"), run.err)
    }

    @Test
    fun aProbeOfALayerThatDoesNotExistIsALocatedError() {
        val m = kotlin.runCatching { ScriptHost(null).load(Scripts.path("bad-layer.exp.kts")) }.exceptionOrNull()!!.message!!
        assertTrue(m.startsWith("${Scripts.path("bad-layer.exp.kts")}:4:"), m)
        assertTrue(m.contains("no layer \"h9\"") && m.contains("h1, h2"), m)
    }
}
