package netlens.plots

import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomVLine
import org.jetbrains.letsPlot.gggrid
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.intern.Plot
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleLinetypeManual
import org.jetbrains.letsPlot.scale.scaleYLog10
import org.jetbrains.letsPlot.themes.themeBW

/**
 * Loss (log scale) and accuracy against epoch. One run: train and test in two colours, a dashed
 * line where the target was met. Several runs: a colour per run, solid train, dashed test.
 */
object TrainingCurves : Figure {
    override val id = "training-curves"
    override val call = "trainingCurves()"
    override val needs = emptyList<Need>()
    override val sideBySide = true

    override fun draw(d: Drawing): FigureOut {
        val runs = d.runs
        val rows = Columns("epoch", "split", "loss", "accuracy", "run")
        for (r in runs) for (m in r.results.history()) {
            rows.add(m.epoch(), "train", m.trainLoss(), m.trainAccuracy(), r.panel)
            if (!m.testLoss().isNaN()) rows.add(m.epoch(), "test", m.testLoss(), m.testAccuracy(), r.panel)
        }
        val single = runs.size == 1
        val target = if (single) runs[0].results.outcome().targetEpoch() else -1
        val labels = runs.map { it.panel }
        fun panel(y: String, title: String, log: Boolean): Plot {
            var p = letsPlot(rows.map) + labs(title = title, x = "epoch", y = y) + themeBW()
            p += if (single) {
                geomLine(size = 1.0) { x = "epoch"; this.y = y; color = "split" } +
                    scaleColorManual(values = listOf("#4e79a7", "#e15759"), limits = listOf("train", "test"), name = "")
            } else {
                geomLine(size = 0.9) { x = "epoch"; this.y = y; color = "run"; linetype = "split" } +
                    scaleColorManual(values = Palette.colours(labels.size), limits = labels, name = "") +
                    scaleLinetypeManual(values = listOf(1, 2), limits = listOf("train", "test"), name = "")
            }
            if (log) p += scaleYLog10()
            if (target > 0) p += geomVLine(xintercept = target, linetype = "dashed", color = "#777777")
            return p
        }
        val history = runs[0].results.history()
        val caption = when {
            !single -> "Each colour is a variant; solid lines are the training set, dashed the test set."
            target >= 0 -> "The dashed line marks epoch $target, where the until { } target was first met; training went on for " +
                "${history.last().epoch() - target} more epochs (the terminal phase)."
            else -> "Loss and accuracy after each epoch; epoch 0 is the initial network."
        }
        return FigureOut(
            id, "Training curves", caption,
            gggrid(listOf(panel("loss", "loss (log scale)", true), panel("accuracy", "accuracy", false)), ncol = 2) +
                ggsize(if (single) 900 else 1050, 340),
        )
    }
}
