package netlens.plots

import java.awt.image.BufferedImage
import java.io.ByteArrayOutputStream
import java.util.Base64
import java.util.Locale
import javax.imageio.ImageIO
import javax.imageio.stream.MemoryCacheImageOutputStream
import kotlin.math.abs
import kotlin.math.roundToInt
import kotlin.math.sqrt
import netlens.observe.LayerInfo
import netlens.observe.ProbeRecord

/**
 * The explorer of a report: every probed epoch on a slider (and a play button), each layer's 2-D
 * embedding (a 2-unit layer's own activations, on axes fixed across epochs), the penultimate
 * layer's class means and simplex ETF, and the decision regions, redrawn per epoch by a small
 * inlined script (explorer.js) from compact data: the drawn samples' classes once, then per epoch
 * each panel's coordinates rounded to 1/[GRID] of the panel and the network's predictions.
 * Hovering a point shows its probe-sample index, class, predicted class and, for images, the image
 * (one sprite of thumbnails); clicking marks it in every panel; classes and panels can be hidden.
 * Without JavaScript it stays hidden and the static figures remain.
 */
internal object Explorer {
    /** Coordinates are stored as integers in 0..GRID across a panel: a fifth of a pixel at its size. */
    const val GRID = 1000

    /** Thumbnails per sprite row. */
    private const val SPRITE_COLUMNS = 40

    /**
     * The explorer of [runs]: on a run's own page ([whole]) every probed layer and the decision
     * regions; on a variants page, each run's 2-unit layer and decision regions side by side. Null
     * when there is nothing to explore. [images] gives a run's probe-sample pixels, row by row, when
     * its data are images.
     */
    fun block(runs: List<Run>, whole: Boolean, images: (Run) -> FloatArray?): Page.Explorer? {
        val frames = runs.flatMap { r -> r.probes.map { it.epoch() } }.distinct().sorted()
        if (frames.size < 2) return null
        val sets = mutableListOf<Map<String, Any?>>()
        val panels = mutableListOf<Map<String, Any?>>()
        for (run in runs) {
            val at = frames.map { e -> run.probes.lastOrNull { it.epoch() <= e } ?: run.probes.first() }
            val drawn = run.subsample(ReportSpec.pointsPerClass(null, run.classNames.size, 1000))
            val mine = mutableListOf<Map<String, Any?>>()
            val layers = if (whole) run.layers else listOfNotNull(run.bottleneck(run.probes.last()))
            val prefix = if (whole || runs.size == 1) "" else "${run.label} · "
            for (layer in layers) points(run, layer, at, drawn)?.let { mine += it + ("title" to prefix + layer.label()) }
            regions(run, at, drawn)?.let { mine += it + ("title" to prefix + "decision regions") }
            if (mine.isEmpty()) continue
            for (p in mine) panels += p + ("set" to sets.size)
            sets += set(run, at, drawn, images(run))
        }
        if (panels.isEmpty()) return null
        val data = Json.write(linkedMapOf("grid" to GRID, "frames" to frames, "sets" to sets, "panels" to panels)).replace("</", "<\\/")
        return Page.Explorer("explorer", "Every probed epoch", data,
            "Drag the slider or press play to step through all ${frames.size} probed epochs; hover a point for its sample " +
                "(its index in the probe samples, as in embeddings.npy and labels.npy), click it to follow it through every panel, " +
                "and untick classes or panels to hide them. Up to ${drawn(runs)} points per run are drawn.")
    }

    private fun drawn(runs: List<Run>) = runs.maxOf { it.subsample(ReportSpec.pointsPerClass(null, it.classNames.size, 1000)).size }

    /** The samples a run's panels draw: classes, indices, each frame's predictions and training numbers, thumbnails. */
    private fun set(run: Run, at: List<ProbeRecord>, drawn: IntArray, pixels: FloatArray?): Map<String, Any?> {
        val predictions = at.map { p -> p.measured().matrix("", "predictions")?.values() }
        val history = run.results.history().associateBy { it.epoch() }
        return linkedMapOf(
            "name" to run.label,
            "classes" to run.classNames,
            "colours" to Palette.colours(run.classNames.size),
            "labels" to drawn.map { run.labels[it] },
            "index" to drawn.toList(),
            "pred" to if (predictions.any { it == null }) null else predictions.map { v -> drawn.map { v!![it].toInt() } },
            "info" to at.map { p ->
                val m = history[p.epoch()]
                if (m == null) "epoch ${p.epoch()}"
                else String.format(Locale.ROOT, "epoch %d · train loss %.4g · train %.2f%%%s", m.epoch(), m.trainLoss(), 100 * m.trainAccuracy(),
                    if (m.testAccuracy().isNaN()) "" else String.format(Locale.ROOT, " · test %.2f%%", 100 * m.testAccuracy()))
            },
            "thumbs" to pixels?.let { thumbnails(it, run.results.network().inputs(), drawn) },
        )
    }

    /** A layer's points per frame: a 2-unit layer's activations on fixed axes, else its embedding scaled per frame. */
    private fun points(run: Run, layer: LayerInfo, at: List<ProbeRecord>, drawn: IntArray): Map<String, Any?>? {
        val raw = layer.width() == 2 && at.all { run.matrix(it, layer.name(), "activations") != null }
        val name = if (raw) "activations" else "embeddings"
        val coords = at.map { run.matrix(it, layer.name(), name)?.values() ?: return null }
        if (raw) {
            val box = Box.around(coords.flatMap { c -> drawn.map { c[2 * it] to c[2 * it + 1] } })
            return linkedMapOf("kind" to "points", "frames" to coords.map { c -> box.place(c, drawn) })
        }
        val boxes = coords.map { c -> Box.centred(drawn.maxOf { maxOf(abs(c[2 * it]), abs(c[2 * it + 1])) }.toDouble()) }
        val out = linkedMapOf<String, Any?>("kind" to "points", "frames" to coords.indices.map { f -> boxes[f].place(coords[f], drawn) })
        if (layer.index() == run.penultimate) {
            val means = at.map { run.matrix(it, layer.name(), "class_means_2d")?.values() }
            val etf = at.map { run.matrix(it, layer.name(), "etf_2d")?.values() }
            if (means.none { it == null } && etf.none { it == null }) {
                val all = IntArray(run.classNames.size) { it }
                out["means"] = means.indices.map { f -> boxes[f].place(means[f]!!, all) }
                out["etf"] = etf.indices.map { f -> boxes[f].place(etf[f]!!, all) }
            }
        }
        return out
    }

    /** The predicted class over the input plane per frame, under the training points' own coordinates. */
    private fun regions(run: Run, at: List<ProbeRecord>, drawn: IntArray): Map<String, Any?>? {
        val maps = at.map { it.measured().matrix("", "decision_regions") ?: return null }
        val axis = at.last().measured().vector("", "decision_axis").values()
        val inputs = at.map { run.matrix(it, "input", "activations")?.values() ?: return null }
        val half = (axis.last() - axis.first()) / (axis.size - 1) / 2
        val box = Box(axis.first() - half, axis.first() - half, axis.last() - axis.first() + 2 * half)
        return linkedMapOf("kind" to "regions", "g" to axis.size, "frames" to maps.map { m -> m.values().map { it.toInt() } },
            "points" to inputs.map { box.place(it, drawn) })
    }

    /** A square window onto the plane, mapped to 0..GRID on both axes. */
    private class Box(val x0: Double, val y0: Double, val span: Double) {
        fun place(xy: FloatArray, rows: IntArray): IntArray {
            val out = IntArray(2 * rows.size)
            for ((j, i) in rows.withIndex()) {
                val x = xy[2 * i].toDouble()
                val y = xy[2 * i + 1].toDouble()
                if (x.isNaN() || y.isNaN()) { out[2 * j] = -1; out[2 * j + 1] = -1; continue }
                out[2 * j] = ((x - x0) / span * GRID).roundToInt().coerceIn(0, GRID)
                out[2 * j + 1] = ((y - y0) / span * GRID).roundToInt().coerceIn(0, GRID)
            }
            return out
        }

        companion object {
            /** [-s, s]² with a margin, as the static layer grid scales each panel. */
            fun centred(s: Double): Box {
                val half = (if (s > 0 && s.isFinite()) s else 1.0) * 1.08
                return Box(-half, -half, 2 * half)
            }

            /** The smallest square around every point, with a margin. */
            fun around(points: List<Pair<Float, Float>>): Box {
                val finite = points.filter { it.first.isFinite() && it.second.isFinite() }
                if (finite.isEmpty()) return centred(1.0)
                val xs = finite.map { it.first.toDouble() }
                val ys = finite.map { it.second.toDouble() }
                val span = maxOf(xs.max() - xs.min(), ys.max() - ys.min()).takeIf { it > 0 } ?: 1.0
                val cx = (xs.max() + xs.min()) / 2
                val cy = (ys.max() + ys.min()) / 2
                return Box(cx - span * 0.54, cy - span * 0.54, span * 1.08)
            }
        }
    }

    /** The drawn samples' images as one grey PNG sprite, [SPRITE_COLUMNS] to a row; null unless the inputs are square images. */
    private fun thumbnails(pixels: FloatArray, d: Int, drawn: IntArray): Map<String, Any?>? {
        val side = sqrt(d.toDouble()).roundToInt()
        if (drawn.isEmpty() || side * side != d || side < 8 || pixels.size < (drawn.max() + 1) * d) return null
        val rows = (drawn.size + SPRITE_COLUMNS - 1) / SPRITE_COLUMNS
        val image = BufferedImage(SPRITE_COLUMNS * side, rows * side, BufferedImage.TYPE_BYTE_GRAY)
        var lo = Float.MAX_VALUE
        var hi = -Float.MAX_VALUE
        for (i in drawn) for (k in 0 until d) { val v = pixels[i * d + k]; lo = minOf(lo, v); hi = maxOf(hi, v) }
        val range = if (hi > lo) hi - lo else 1f
        val raster = image.raster
        for ((j, i) in drawn.withIndex()) {
            val ox = (j % SPRITE_COLUMNS) * side
            val oy = (j / SPRITE_COLUMNS) * side
            for (r in 0 until side) for (c in 0 until side)
                raster.setSample(ox + c, oy + r, 0, ((pixels[i * d + r * side + c] - lo) / range * 255).roundToInt())
        }
        val png = ByteArrayOutputStream()
        // In memory: ImageIO's default file cache registers a shutdown hook, refused while a signal's partial report is written.
        MemoryCacheImageOutputStream(png).use { ImageIO.write(image, "png", it) }
        return linkedMapOf("uri" to "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()),
            "side" to side, "cols" to SPRITE_COLUMNS)
    }
}
