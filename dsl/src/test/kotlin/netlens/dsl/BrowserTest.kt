package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import javax.imageio.ImageIO
import netlens.dsl.Scripts.figuresWithSvg
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.test.fail
import org.junit.jupiter.api.Assumptions
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test

/**
 * Opens a generated report in headless Chromium with networking disabled and checks that the
 * figures are drawn. CI sets NETLENS_REQUIRE_BROWSER=1, so a missing browser fails there; on a
 * developer machine without Chromium the check is skipped with a note.
 */
@Tag("slow")
class BrowserTest {
    private fun chromium(): String? =
        listOf("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome").firstOrNull { Files.isExecutable(Path.of(it)) }

    private fun browse(browser: String, profile: Path, vararg args: String): String {
        val cmd = listOf(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=$profile", "--proxy-server=127.0.0.1:9", *args)
        val p = ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start()
        val out = p.inputStream.bufferedReader().readText()
        check(p.waitFor(120, TimeUnit.SECONDS)) { "chromium did not finish" }
        return out
    }

    @Test
    fun theReportRendersItsFiguresOffline() {
        val browser = chromium()
        if (browser == null) {
            if (System.getenv("NETLENS_REQUIRE_BROWSER") == "1") fail("Chromium is required (apt-get install -y chromium)")
            Assumptions.abort<Unit>("Chromium not installed; skipping the browser check")
        }
        val out = Files.createTempDirectory("netlens-browser")
        val run = Scripts.cli(Scripts.path("tiny.exp.kts").toString(), "--out", out.toString(), "--data", Scripts.data().toString())
        assertEquals(Cli.OK, run.code, run.err)
        val page = out.resolve("tiny/index.html").toUri().toString()
        val profile = Files.createTempDirectory("netlens-chromium")

        val dom = browse(browser!!, profile, "--dump-dom", page)
        assertEquals(4, figuresWithSvg(dom), "four figures in the DOM")
        assertTrue(Regex("<circle").findAll(dom).count() > 500, "scatter points are in the DOM")

        val png = out.resolve("shot.png")
        browse(browser, profile, "--window-size=1200,2400", "--screenshot=$png", page)
        val image = ImageIO.read(png.toFile())
        val colours = HashSet<Int>()
        for (y in 0 until image.height step 3) for (x in 0 until image.width step 3) colours += image.getRGB(x, y)
        assertTrue(colours.size > 50, "the screenshot is not blank (${colours.size} colours)")
        assertTrue(colours.contains(0xff4e79a7.toInt()) || colours.any { near(it, 0x4e79a7) }, "the first class colour is drawn")
    }

    private fun near(argb: Int, rgb: Int): Boolean {
        fun c(v: Int, s: Int) = (v shr s) and 0xff
        return (0..2).all { i -> kotlin.math.abs(c(argb, 8 * i) - c(rgb, 8 * i)) < 12 }
    }
}
