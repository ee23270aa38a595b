package netlens.dsl

import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/** Bad scripts end in one located message, before any training. */
@Tag("slow")
class ScriptErrorsTest {
    private val host = ScriptHost(null)

    private fun failure(name: String): String = assertThrows<ScriptFailure> { host.load(Scripts.path(name)) }.message!!

    private fun assertLocated(message: String, name: String, line: Int, vararg fragments: String) {
        assertTrue(message.startsWith("${Scripts.path(name)}:$line:"), "located at line $line: $message")
        assertTrue(message.contains(": error: "), message)
        for (f in fragments) assertTrue(message.contains(f), "'$f' in: $message")
        assertTrue(message.lines().any { it.trim() == "^" || it.trimEnd().endsWith("^") }, "a caret line: $message")
    }

    @Test
    fun aSyntaxErrorIsReportedWithLineColumnAndCaret() {
        val m = failure("syntax-error.exp.kts")
        assertTrue(Regex(""":\d+:\d+: error: """).containsMatchIn(m), m)
        assertTrue(m.lines().first().startsWith(Scripts.path("syntax-error.exp.kts").toString() + ":"), m)
    }

    @Test
    fun anUnknownKeyIsACompileErrorAtItsLine() =
        assertLocated(failure("unknown-key.exp.kts"), "unknown-key.exp.kts", 4, "learningRate")

    @Test
    fun aNegativeBatchSizeNamesTheKeyAndItsLine() =
        assertLocated(failure("negative-batch.exp.kts"), "negative-batch.exp.kts", 5, "batchSize must be >= 1")

    @Test
    fun aNegativeLearningRateNamesTheKey() =
        assertLocated(failure("negative-lr.exp.kts"), "negative-lr.exp.kts", 5, "lr must be > 0")

    @Test
    fun aClassNotInTheDatasetIsNamed() =
        assertLocated(failure("missing-class.exp.kts"), "missing-class.exp.kts", 2, "classes: 12", "0..9")

    @Test
    fun anEmptyHiddenListIsRejected() =
        assertLocated(failure("empty-hidden.exp.kts"), "empty-hidden.exp.kts", 3, "hidden")

    @Test
    fun aMissingDatasetIsNamed() =
        assertLocated(failure("no-data.exp.kts"), "no-data.exp.kts", 1, "data is not set")

    @Test
    fun builderScopesDoNotLeakIntoInnerBlocks() {
        val m = failure("dsl-marker.exp.kts")
        assertTrue(m.startsWith("${Scripts.path("dsl-marker.exp.kts")}:6:"), m)
    }

    @Test
    fun anExperimentNameThatCouldEscapeTheReportFolderIsRejected() =
        assertLocated(failure("bad-name.exp.kts"), "bad-name.exp.kts", 1, "path separators")

    @Test
    fun aFigureWithoutItsProbeIsRejected() =
        assertLocated(failure("grid-without-embeddings.exp.kts"), "grid-without-embeddings.exp.kts", 5, "layerGrid() draws \"embeddings\"", "probe { embeddings() }")

    @Test
    fun theCliExitsNonZeroWithTheSameMessageAndNoReport() {
        val out = java.nio.file.Files.createTempDirectory("netlens-errors")
        val run = Scripts.cli(Scripts.path("negative-batch.exp.kts").toString(), "--out", out.toString(), "--data", Scripts.data().toString())
        assertEquals(Cli.FAILED, run.code)
        assertTrue(run.err.contains("batchSize must be >= 1"), run.err)
        assertTrue(!run.err.contains("\tat "), "no stack trace: ${run.err}")
        assertEquals(0, java.nio.file.Files.list(out).use { it.filter { p -> !p.fileName.toString().startsWith(".") }.count() })
    }
}
