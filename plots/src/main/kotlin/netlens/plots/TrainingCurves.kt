package netlens.plots

import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomVLine
import org.jetbrains.letsPlot.gggrid
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.intern.Plot
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.scale.scaleYLog10
import org.jetbrains.letsPlot.themes.themeBW

/** Loss (log scale) and accuracy against epoch, train and test; a dashed line where the target was met. */
internal fun trainingCurves(view: ResultView): FigureOut {
    val history = view.results.history()
    val rows = history.flatMap { m ->
        listOfNotNull(
            Triple(m.epoch(), "train", m.trainLoss() to m.trainAccuracy()),
            if (m.testLoss().isNaN()) null else Triple(m.epoch(), "test", m.testLoss() to m.testAccuracy()),
        )
    }
    val data = mapOf(
        "epoch" to rows.map { it.first },
        "split" to rows.map { it.second },
        "loss" to rows.map { it.third.first },
        "accuracy" to rows.map { it.third.second },
    )
    val target = view.results.outcome().targetEpoch()
    fun panel(y: String, title: String, log: Boolean): Plot {
        var p = letsPlot(data) + geomLine(size = 1.0) { x = "epoch"; this.y = y; color = "split" } +
            scaleColorManual(values = listOf("#4e79a7", "#e15759"), limits = listOf("train", "test"), name = "") +
            labs(title = title, x = "epoch", y = y) + themeBW()
        if (log) p += scaleYLog10()
        if (target > 0) p += geomVLine(xintercept = target, linetype = "dashed", color = "#777777")
        return p
    }
    val caption = if (target >= 0) {
        "The dashed line marks epoch $target, where the until { } target was first met; training went on for " +
            "${history.last().epoch() - target} more epochs (the terminal phase)."
    } else "Loss and accuracy after each epoch; epoch 0 is the initial network."
    return FigureOut(
        "training-curves", "Training curves", caption,
        gggrid(listOf(panel("loss", "loss (log scale)", true), panel("accuracy", "accuracy", false)), ncol = 2) + ggsize(900, 320),
    )
}
