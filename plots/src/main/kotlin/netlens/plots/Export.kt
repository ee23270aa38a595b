package netlens.plots

import java.nio.file.Files
import java.nio.file.Path
import org.apache.batik.transcoder.SVGAbstractTranscoder
import org.apache.batik.transcoder.TranscoderInput
import org.apache.batik.transcoder.TranscoderOutput
import org.apache.batik.transcoder.image.ImageTranscoder
import org.apache.batik.transcoder.image.PNGTranscoder
import org.apache.fop.svg.AbstractFOPTranscoder
import org.apache.fop.svg.PDFTranscoder

/**
 * Figures for papers: each figure's SVG also written as PNG at [dpi] and as vector PDF, [widthInches]
 * wide (7 in, a two-column page's full width, by default; 3.5 in for one column), the height
 * following the figure's own aspect. The PDF draws its text as glyph outlines, so it needs no fonts
 * and looks the same in every viewer.
 */
data class Export(val png: Boolean, val pdf: Boolean, val dpi: Int = 300, val widthInches: Double = 7.0) {
    init {
        require(dpi in 50..1200) { "png(dpi = $dpi): between 50 and 1200" }
        require(widthInches > 0.5 && widthInches <= 20) { "export(width = $widthInches): inches, between 0.5 and 20" }
    }

    /** Writes figures/<id>.png and .pdf from [svgText], beside the figure's [svg] file. */
    fun write(svgText: String, svg: Path) {
        val text = svgText.replace(Regex("""font-family:[^;"}]*"""), "font-family: $outlineFamily")
        val width = Regex("""<svg\b[^>]*?\bwidth="([\d.]+)"""").find(text)?.groupValues?.get(1)?.toFloat() ?: return
        val base = svg.fileName.toString().removeSuffix(".svg")
        if (png) transcode(PNGTranscoder(), text, svg.resolveSibling("$base.png")) {
            it.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, (widthInches * dpi).toFloat())
            it.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE)
            it.addTranscodingHint(SVGAbstractTranscoder.KEY_PIXEL_UNIT_TO_MILLIMETER, (25.4 / dpi).toFloat())
        }
        if (pdf) transcode(PDFTranscoder(), text, svg.resolveSibling("$base.pdf"), ::withoutClock) {
            // The page is the figure's own size in SVG pixels, each pixel this many millimetres.
            it.addTranscodingHint(SVGAbstractTranscoder.KEY_PIXEL_UNIT_TO_MILLIMETER, (widthInches * 25.4 / width).toFloat())
            it.addTranscodingHint(PDFTranscoder.KEY_STROKE_TEXT, true)
            it.addTranscodingHint(AbstractFOPTranscoder.KEY_AUTO_FONTS, false)
        }
    }

    private companion object {
        /**
         * One installed font family for all text. FOP resolves a family list such as Lets-Plot's
         * "Lucida Grande, sans-serif" to its built-in Helvetica, which has no outlines, and then
         * silently draws no text; a single installed family has outlines in PDF and PNG alike.
         */
        val outlineFamily: String by lazy {
            val installed = java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().availableFontFamilyNames.toSet()
            listOf("Lucida Grande", "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans").firstOrNull { it in installed }
                ?: installed.firstOrNull { !it.startsWith("Dialog") && it !in setOf("Monospaced", "Serif", "SansSerif") }
                ?: throw IllegalStateException("export(…) draws text with an installed font and found none; install one (Debian: fonts-dejavu-core)")
        }
    }

    private fun <T : SVGAbstractTranscoder> transcode(t: T, svg: String, to: Path, fix: (ByteArray) -> ByteArray = { it }, hints: (T) -> Unit) {
        hints(t)
        val out = java.io.ByteArrayOutputStream()
        t.transcode(TranscoderInput(java.io.StringReader(svg)), TranscoderOutput(out))
        Files.write(to, fix(out.toByteArray()))
    }

    /**
     * FOP stamps each PDF with the wall clock and a file ID drawn from it; for the same bytes from the
     * same run both are replaced in place (same lengths, so the cross-reference offsets hold): the
     * date by the Unix epoch, the ID by a digest of the rest of the file.
     */
    private fun withoutClock(pdf: ByteArray): ByteArray {
        val latin = String(pdf, Charsets.ISO_8859_1).replace(Regex("""/CreationDate \(D:\d{14}Z\)"""), "/CreationDate (D:19700101000000Z)")
        val id = Regex("""/ID \[<([0-9A-F]{32})> <\1>]""")
        val digest = java.security.MessageDigest.getInstance("SHA-256").digest(latin.replace(id, "").toByteArray(Charsets.ISO_8859_1))
        val hex = digest.take(16).joinToString("") { "%02X".format(it) }
        return latin.replace(id, "/ID [<$hex> <$hex>]").toByteArray(Charsets.ISO_8859_1)
    }
}
