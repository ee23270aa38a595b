package netlens.plots

import java.awt.image.BufferedImage
import java.io.ByteArrayOutputStream
import java.io.StringReader
import javax.imageio.ImageIO
import kotlin.math.abs
import kotlin.random.Random
import kotlin.test.assertTrue
import org.apache.batik.transcoder.TranscoderInput
import org.apache.batik.transcoder.TranscoderOutput
import org.apache.batik.transcoder.image.PNGTranscoder
import org.jetbrains.letsPlot.commons.encoding.UnsupportedRGBEncoder
import org.jetbrains.letsPlot.core.util.PlotSvgExportCommon
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.intern.toSpec
import org.jetbrains.letsPlot.letsPlot
import org.junit.jupiter.api.Test

/** The compacted SVG draws what Lets-Plot drew, in far fewer bytes. */
class SvgTest {
    private fun raster(svg: String): BufferedImage {
        val png = ByteArrayOutputStream()
        PNGTranscoder().transcode(TranscoderInput(StringReader(svg)), TranscoderOutput(png))
        return ImageIO.read(png.toByteArray().inputStream())
    }

    @Test
    fun aCompactedScatterPlotDrawsTheSamePixels() {
        val random = Random(3)
        val n = 3000
        val data = mapOf("x" to List(n) { random.nextDouble() }, "y" to List(n) { random.nextDouble() }, "c" to List(n) { "class ${it % 3}" })
        val raw = PlotSvgExportCommon.buildSvgImageFromRawSpecs(
            (letsPlot(data) + geomPoint(alpha = 0.6, size = 1.2) { x = "x"; y = "y"; color = "c" }).toSpec(), null, UnsupportedRGBEncoder(), false)
        val small = Svg.compact(raw)
        assertTrue(small.length < 0.6 * raw.length, "compacted ${small.length} of ${raw.length} characters")

        val a = raster(raw)
        val b = raster(small)
        var worst = 0
        for (y in 0 until a.height) for (x in 0 until a.width) {
            val p = a.getRGB(x, y)
            val q = b.getRGB(x, y)
            val d = (0..24 step 8).maxOf { abs((p shr it and 255) - (q shr it and 255)) }
            worst = maxOf(worst, d)
        }
        // Rounding to 1/100 pixel shades anti-aliased edges by a few levels of 255; a lost or moved point would change far more.
        assertTrue(worst <= 8, "a channel changed by $worst levels")
    }
}
