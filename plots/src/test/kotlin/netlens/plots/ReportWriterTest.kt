package netlens.plots

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import org.junit.jupiter.api.io.TempDir

class ReportWriterTest {
    @TempDir
    lateinit var root: Path

    private fun write(extra: Map<String, Any?> = emptyMap(), at: Path = root) =
        ReportWriter(at).write("spirals", ReportWriter.Layout.RUN, listOf(Run("", Fixtures.results)), ReportSpec(Figures.builtIn),
            Fixtures.provenance, extra)

    private fun visible(): List<String> = Files.list(root).use { s -> s.map { it.fileName.toString() }.filter { !it.startsWith(".") }.toList() }

    private fun leftovers(): List<String> = Files.list(root).use { s -> s.map { it.fileName.toString() }.filter { it.contains("staging") || it.contains("previous") }.toList() }

    @Test
    fun aFailedWriteLeavesTheEarlierReportUntouched() {
        val dir = write()
        val before = Files.readString(dir.resolve("index.html"))
        val exploding = object {
            override fun toString(): String = throw IllegalStateException("disk full, say")
        }
        assertThrows<IllegalStateException> { write(mapOf("boom" to exploding)) }
        assertEquals(before, Files.readString(dir.resolve("index.html")))
        assertEquals(listOf("spirals"), visible())
        assertEquals(emptyList(), leftovers())
    }

    @Test
    fun anInterruptedSwapIsRepairedByTheNextWrite() {
        val dir = write()
        Files.move(dir, root.resolve(".spirals.previous"))      // as if killed between the two renames
        write()
        assertTrue(Files.isRegularFile(dir.resolve("index.html")))
        assertEquals(emptyList(), leftovers())
    }

    @Test
    fun concurrentWritersLeaveOneCompleteReport() {
        val pool = Executors.newFixedThreadPool(4)
        val start = CountDownLatch(1)
        val jobs = (1..4).map { i -> pool.submit<Path> { start.await(); write(mapOf("writer" to i)) } }
        start.countDown()
        jobs.forEach { it.get(120, TimeUnit.SECONDS) }
        pool.shutdown()
        val dir = root.resolve("spirals")
        val json = Files.readString(dir.resolve("run.json"))
        val writer = Regex(""""writer": (\d)""").find(json)!!.groupValues[1]
        assertTrue(writer in setOf("1", "2", "3", "4"))
        for (f in listOf("index.html", "metrics.csv", "embeddings.npy", "labels.npy", "figures/layer-grid.svg")) assertTrue(Files.isRegularFile(dir.resolve(f)), f)
        assertEquals(emptyList(), leftovers())
    }

    @Test
    fun userTextIsEscapedInTheHtml() {
        val html = Files.readString(write().resolve("index.html"))
        assertTrue(html.contains("&lt;b&gt;not bold&lt;/b&gt; &amp; &#39;quoted&#39;"))
        assertTrue(!html.contains("<b>not bold</b>"))
        assertTrue(html.contains("scripts/&lt;test&gt;.exp.kts"))
    }

    private fun interrupted(): Run = with(Fixtures.results) {
        Run("", netlens.run.Results(experiment(), network(), weights(), data(), history(), layers(), probeLabels(), probes(), acrossProbes(),
            afterTraining(), netlens.train.Trainer.Outcome(netlens.train.Trainer.Status.INTERRUPTED, history(), -1, "interrupted at epoch 3"),
            warnings(), timings(), machine()))
    }

    private fun writeRun(run: Run) = ReportWriter(root).write("spirals", ReportWriter.Layout.RUN, listOf(run), ReportSpec(Figures.builtIn), Fixtures.provenance, emptyMap())

    @Test
    fun aPartialReportGoesBesideACompleteOneWhichANewCompleteOneClearsAway() {
        val complete = writeRun(Run("", Fixtures.results))
        val before = Files.readString(complete.resolve("index.html"))
        val partial = writeRun(interrupted())
        assertEquals(root.resolve("spirals.partial"), partial)
        assertEquals(before, Files.readString(complete.resolve("index.html")), "the complete report is kept")
        assertTrue(Files.readString(partial.resolve("index.html")).contains("id=\"partial\""))
        assertTrue(!ReportWriter.isComplete(partial) && ReportWriter.isComplete(complete))
        writeRun(Run("", Fixtures.results))
        assertTrue(!Files.exists(partial), "a new complete report removes the partial one")
    }

    @Test
    fun aPartialReportWithNoCompleteOneTakesTheName() {
        assertEquals(root.resolve("spirals"), writeRun(interrupted()))
        assertEquals(root.resolve("spirals"), writeRun(Run("", Fixtures.results)), "and a complete one replaces it")
    }

    @Test
    fun stagingFoldersOfEndedProcessesAreRemovedAndReportsFollowTheUmask() {
        val dead = ProcessBuilder("true").start().also { it.waitFor() }.pid()
        val abandoned = Files.createDirectory(root.resolve(".spirals.staging-$dead-1"))
        val live = Files.createDirectory(root.resolve(".other.staging-${ProcessHandle.current().pid()}-2"))
        val dir = write()
        assertTrue(!Files.exists(abandoned), "a killed run's staging folder is removed")
        assertTrue(Files.exists(live), "a running writer's is not")
        val plain = Files.createDirectory(root.resolve("plain"))
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(dir), "the umask decides, as for any folder")
        val hidden = Files.list(root).use { s -> s.map { it.fileName.toString() }.filter { it.endsWith(".lock") }.toList() }
        assertEquals(listOf(AtomicFolder.LOCK), hidden, "one lock file per output folder")
    }

    /** The fixture's tanh network has a 2-unit layer and probes collapse: both claims get a column, each variant its verdicts. */
    @Test
    fun aVariantsTableHasAColumnPerClaimWithEachVariantsVerdict() {
        val runs = listOf(Run("first", Fixtures.results), Run("second", Fixtures.results))
        val dir = ReportWriter(root).write("spirals", ReportWriter.Layout.VARIANTS, runs, ReportSpec(Figures.builtIn), Fixtures.provenance, emptyMap())
        val html = Files.readString(dir.resolve("index.html"))
        val claims = Verdict.claims(runs.first())
        assertEquals(listOf("neural collapse (Papyan et al. 2020)", "spiralNet: tanh packs classes at the corners"), claims.map { it.name })
        for (c in claims) {
            assertTrue(html.contains("<td>${escapeHtml(c.name)}</td>"), c.name)
            assertEquals(2, html.split("<td>${escapeHtml(c.verdict)}</td>").size - 1, c.verdict)
        }
    }

    @Test
    fun theSameResultsGiveByteIdenticalFigures() {
        val a = Files.readString(write().resolve("figures/layer-grid.svg"))
        val b = Files.readString(write(at = root.resolve("again")).resolve("figures/layer-grid.svg"))
        assertEquals(a, b)
        assertTrue(a.contains("viewBox=\"0 0 "), "figures scale instead of clipping")
    }
}
