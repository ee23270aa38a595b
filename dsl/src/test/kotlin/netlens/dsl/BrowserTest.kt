package netlens.dsl

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.logging.Level
import javax.imageio.ImageIO
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import kotlin.test.fail
import org.junit.jupiter.api.AfterAll
import org.junit.jupiter.api.Assumptions
import org.junit.jupiter.api.BeforeAll
import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestInstance
import org.openqa.selenium.By
import org.openqa.selenium.JavascriptExecutor
import org.openqa.selenium.Keys
import org.openqa.selenium.OutputType
import org.openqa.selenium.WebElement
import org.openqa.selenium.chrome.ChromeDriver
import org.openqa.selenium.chrome.ChromeDriverService
import org.openqa.selenium.chrome.ChromeOptions
import org.openqa.selenium.interactions.Actions
import org.openqa.selenium.logging.LogType
import org.openqa.selenium.logging.LoggingPreferences

/**
 * Opens generated reports in Debian's headless Chromium, driven through chromedriver, with the
 * network closed: the figures are drawn, the explorer's slider, play button, hover, pick and
 * toggles work, and the page asks for nothing from elsewhere. CI sets NETLENS_REQUIRE_BROWSER=1, so
 * a missing browser fails there; on a developer machine without one the check is skipped.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {
    private lateinit var driver: ChromeDriver
    private lateinit var out: Path

    @BeforeAll
    fun start() {
        val browser = listOf("/usr/bin/chromium", "/usr/bin/chromium-browser").firstOrNull { Files.isExecutable(Path.of(it)) }
        val chromedriver = Path.of("/usr/bin/chromedriver")
        if (browser == null || !Files.isExecutable(chromedriver)) {
            if (System.getenv("NETLENS_REQUIRE_BROWSER") == "1") fail("Chromium and its driver are required (apt-get install -y chromium chromium-driver)")
            Assumptions.abort<Unit>("Chromium or chromedriver not installed; skipping the browser checks")
        }
        val options = ChromeOptions().setBinary(browser!!)
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1200,1600",
                "--proxy-server=127.0.0.1:9", "--user-data-dir=" + Files.createTempDirectory("netlens-chromium"))
        options.setCapability("goog:loggingPrefs", LoggingPreferences().apply { enable(LogType.PERFORMANCE, Level.ALL) })
        val service = ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).build()
        driver = ChromeDriver(service, options)
        out = Files.createTempDirectory("netlens-browser")
    }

    @AfterAll
    fun stop() {
        if (::driver.isInitialized) driver.quit()
    }

    private fun report(script: String, folder: String): String = report(Scripts.path(script), folder)

    private fun report(script: Path, folder: String): String {
        val run = Scripts.cli(script.toString(), "--out", out.toString(), "--data", Scripts.data().toString(), "--threads", "2")
        assertEquals(Cli.OK, run.code, run.err)
        driver.get(out.resolve("$folder/index.html").toUri().toString())
        return driver.pageSource
    }

    private fun js(code: String, vararg args: Any): Any? = (driver as JavascriptExecutor).executeScript(code, *args)

    private fun epochLabel(): String = driver.findElement(By.cssSelector(".explorer-epoch")).text

    /** Every request for something on a network (the browser's own chrome:// pages aside). */
    private fun requests(): List<String> = driver.manage().logs().get(LogType.PERFORMANCE).all.map { it.message }
        .filter { it.contains("\"Network.requestWillBeSent\"") }
        .mapNotNull { Regex(""""url":"([^"]*)"""").find(it)?.groupValues?.get(1) }
        .filter { Regex("^(https?|wss?|ftp):").containsMatchIn(it) }

    @Test
    fun theRunReportDrawsItsFiguresAndTheExplorerWorksOffline() {
        val html = report("tiny.exp.kts", "tiny")
        assertEquals(4, Scripts.figuresWithSvg(html), "four static figures")
        val slider = driver.findElement(By.cssSelector(".explorer-slider"))
        val frames = slider.getAttribute("max")!!.toInt() + 1
        val probed = Files.readAllLines(out.resolve("tiny/metrics.csv")).filter { it.contains(",h1,nc1,") }.map { it.substringBefore(',') }.distinct()
        assertEquals(probed.size, frames, "a frame for every probed epoch")
        assertTrue(epochLabel().endsWith("($frames of $frames)"), epochLabel())

        slider.sendKeys(Keys.HOME)
        assertTrue(epochLabel().startsWith("epoch 0 (1 of $frames)"), "the slider moves to the first epoch: ${epochLabel()}")
        assertTrue(driver.findElement(By.cssSelector(".explorer-info")).text.contains("train loss"))

        val dot = driver.findElements(By.cssSelector(".explorer-panel circle[data-i]")).first { it.isDisplayed }
        Actions(driver).moveToElement(dot).perform()
        val tip = driver.findElement(By.cssSelector(".explorer-tip"))
        assertTrue(tip.isDisplayed && tip.text.contains("sample #") && tip.text.contains("predicted"), "hover shows the sample: ${tip.text}")
        assertEquals(1, driver.findElements(By.cssSelector(".explorer-thumb")).size, "and its image")

        dot.click()
        val i = dot.getAttribute("data-i")
        val marked = driver.findElements(By.cssSelector(".explorer-panel circle[data-i='$i']")).filter { it.getAttribute("r") == "5" }
        val panels = driver.findElements(By.cssSelector(".explorer-panel")).size
        assertEquals(panels, marked.size, "a picked sample is marked in every panel")

        val first = driver.findElement(By.cssSelector(".explorer-toggles input[data-class='0']"))
        first.click()
        val hidden = js("return [...document.querySelectorAll('.explorer-panel circle[data-i]')].filter(c => c.getAttribute('display') === 'none').length") as Long
        assertTrue(hidden > 0, "unticking a class hides its points")
        driver.findElement(By.cssSelector(".explorer-toggles input[data-panel='0']")).click()
        assertTrue(!driver.findElement(By.cssSelector(".explorer-panel[data-panel='0']")).isDisplayed, "and a panel can be hidden")

        assertEquals(emptyList(), requests(), "the page fetched nothing")
        assertTrue(html.contains("Content-Security-Policy"), "and says so to the browser")
        val png = ImageIO.read(driver.getScreenshotAs(OutputType.FILE))
        val colours = HashSet<Int>()
        for (y in 0 until png.height step 3) for (x in 0 until png.width step 3) colours += png.getRGB(x, y)
        assertTrue(colours.size > 50, "the screenshot is not blank (${colours.size} colours)")
    }

    /**
     * The MNIST example: a frame for each of its probed epochs, an image in the hover, the whole
     * report folder under 10 MB and the page loaded (scripts run) in under 2 s.
     */
    @Test
    fun theMnistExampleReportIsSmallAndOpensQuickly() {
        report(Path.of("../scripts/mnist.exp.kts"), "mnist-collapse")
        val folder = out.resolve("mnist-collapse")
        val probed = Files.readAllLines(folder.resolve("metrics.csv")).filter { it.contains(",h5,nc1,") }.map { it.substringBefore(',') }.distinct()
        val frames = driver.findElement(By.cssSelector(".explorer-slider")).getAttribute("max")!!.toInt() + 1
        assertEquals(probed.size, frames, "a frame for every probed epoch")
        assertTrue(frames >= 14, "the example probes its whole run every 5 epochs: $frames frames")

        val bytes = Files.walk(folder).use { s -> s.filter(Files::isRegularFile).mapToLong(Files::size).sum() }
        assertTrue(bytes < 10_000_000, "the report folder holds $bytes bytes")
        val loads = (1..3).map {
            driver.navigate().refresh()
            (js("return performance.getEntriesByType('navigation')[0].loadEventEnd") as Number).toDouble()
        }
        assertTrue(loads.min() < 2000, "the page loads in ${loads.min()} ms (best of $loads)")

        val dot = driver.findElements(By.cssSelector(".explorer-panel circle[data-i]")).first { it.isDisplayed }
        Actions(driver).moveToElement(dot).perform()
        assertEquals(1, driver.findElements(By.cssSelector(".explorer-tip .explorer-thumb")).size, "hovering a digit shows its image")
        println("mnist report: $bytes bytes, index.html ${Files.size(folder.resolve("index.html"))} bytes, $frames frames, loaded in $loads ms")
    }

    /** On a variants page the 2-unit layers play side by side through every probed epoch. */
    @Test
    fun theVariantsBottleneckPlaysThroughEveryEpoch() {
        report("variants.exp.kts", "variants")
        val frames = driver.findElement(By.cssSelector(".explorer-slider")).getAttribute("max")!!.toInt() + 1
        val titles = driver.findElements(By.cssSelector(".explorer-panel figcaption")).map(WebElement::getText)
        assertTrue(titles.count { it.endsWith("h2 (2)") } == 4 && titles.count { it.endsWith("decision regions") } == 4, titles.toString())
        driver.findElement(By.cssSelector(".explorer-play")).click()
        val seen = LinkedHashSet<String>()
        val deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos()
        while (System.nanoTime() < deadline) {
            seen += epochLabel()
            if (seen.size == frames && epochLabel().endsWith("($frames of $frames)")) break
            Thread.sleep(50)
        }
        assertEquals(frames, seen.size, "every frame is shown once while playing: $seen")
    }
}
