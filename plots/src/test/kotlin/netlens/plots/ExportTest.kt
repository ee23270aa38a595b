package netlens.plots

import java.awt.image.BufferedImage
import java.nio.file.Files
import java.nio.file.Path
import javax.imageio.ImageIO
import kotlin.math.abs
import kotlin.math.roundToInt
import kotlin.test.assertEquals
import kotlin.test.assertTrue
import org.apache.pdfbox.pdmodel.PDDocument
import org.apache.pdfbox.rendering.PDFRenderer
import org.apache.pdfbox.text.PDFTextStripper
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/** Figures for papers: the PNG decodes at the asked size, the PDF parses, is vector, and draws what the PNG shows. */
class ExportTest {
    @TempDir
    lateinit var root: Path

    private val dpi = 150
    private val inches = 3.5

    private fun report(at: Path): Path = ReportWriter(at).write("spirals", ReportWriter.Layout.RUN, listOf(Run("", Fixtures.results)),
        ReportSpec(Figures.builtIn, export = Export(png = true, pdf = true, dpi = dpi, widthInches = inches)), Fixtures.provenance, emptyMap())

    private fun svgAspect(svg: Path): Double {
        val head = Regex("""<svg\b[^>]*?\bwidth="([\d.]+)"[^>]*?\bheight="([\d.]+)"""").find(Files.readString(svg))!!.groupValues
        return head[2].toDouble() / head[1].toDouble()
    }

    /**
     * Mean absolute difference of grey levels (0..255) between [a] and [b] seen through 6-pixel
     * blocks, so that two renderers' anti-aliasing does not count, only what is drawn where.
     */
    private fun blockDifference(a: BufferedImage, b: BufferedImage): Double {
        val block = 6
        var sum = 0.0
        var blocks = 0
        for (by in 0 until a.height / block) for (bx in 0 until a.width / block) {
            var d = 0.0
            for (y in by * block until (by + 1) * block) for (x in bx * block until (bx + 1) * block) {
                d += grey(a.getRGB(x, y)) - grey(b.getRGB(x * b.width / a.width, y * b.height / a.height))
            }
            sum += abs(d) / (block * block)
            blocks++
        }
        return sum / blocks
    }

    private fun grey(argb: Int): Double {
        val alpha = (argb ushr 24) / 255.0 // transparent counts as the white page
        val mix = { c: Int -> alpha * c + (1 - alpha) * 255 }
        return (mix(argb shr 16 and 255) + mix(argb shr 8 and 255) + mix(argb and 255)) / 3
    }

    @Test
    fun everyFigureIsWrittenAsAPngAndAVectorPdfAColumnWide() {
        val figures = report(root).resolve("figures")
        val svgs = Files.list(figures).use { s -> s.filter { it.toString().endsWith(".svg") }.sorted().toList() }
        assertTrue(svgs.size >= 4, "figures: $svgs")
        for (svg in svgs) {
            val base = svg.fileName.toString().removeSuffix(".svg")
            val aspect = svgAspect(svg)

            val png = ImageIO.read(figures.resolve("$base.png").toFile())
            assertEquals((inches * dpi).roundToInt(), png.width, base)
            assertEquals(inches * dpi * aspect, png.height.toDouble(), 1.0, base)
            val inked = (0 until png.height step 3).sumOf { y -> (0 until png.width step 3).count { x -> grey(png.getRGB(x, y)) < 200 } }
            assertTrue(inked > 100, "$base.png has ink")

            PDDocument.load(figures.resolve("$base.pdf").toFile()).use { pdf ->
                assertEquals(1, pdf.numberOfPages)
                val page = pdf.getPage(0)
                assertEquals(inches * 72, page.mediaBox.width.toDouble(), 0.5, "$base.pdf is $inches in wide")
                assertEquals(inches * 72 * aspect, page.mediaBox.height.toDouble(), 0.5, base)
                // FOP lists an unused base-14 font in every page's resources; no text is drawn with it.
                assertTrue(PDFTextStripper().getText(pdf).isBlank(), "$base.pdf draws its text as outlines, needing no font")
                assertTrue(page.resources.xObjectNames.none(), "$base.pdf is vector, no embedded raster")
                // Rendered by an independent PDF engine, the page looks like Batik's PNG.
                val drawn = PDFRenderer(pdf).renderImageWithDPI(0, dpi.toFloat())
                val difference = blockDifference(drawn, png)
                val ink = blockDifference(BufferedImage(drawn.width, drawn.height, BufferedImage.TYPE_INT_ARGB), png)
                assertTrue(difference < 0.25 * ink, "$base: the PDF differs from the PNG by $difference grey levels per block; the figure's ink is $ink")
            }
        }
    }

    @Test
    fun theSameResultsGiveTheSameBytes() {
        val a = report(root.resolve("a")).resolve("figures")
        val b = report(root.resolve("b")).resolve("figures")
        for (name in listOf("layer-grid.pdf", "layer-grid.png", "training-curves.pdf")) {
            assertTrue(Files.readAllBytes(a.resolve(name)).contentEquals(Files.readAllBytes(b.resolve(name))), name)
        }
    }
}
