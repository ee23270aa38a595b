package netlens.plots

import org.jetbrains.letsPlot.geom.geomLine
import org.jetbrains.letsPlot.geom.geomPoint
import org.jetbrains.letsPlot.ggsize
import org.jetbrains.letsPlot.label.labs
import org.jetbrains.letsPlot.letsPlot
import org.jetbrains.letsPlot.scale.scaleColorManual
import org.jetbrains.letsPlot.themes.themeBW

/** ‖θ_l − θ_l(0)‖/‖θ_l(0)‖ per layer against epoch: small everywhere in the lazy regime. */
object WeightMovement : Figure {
    override val id = "weight-movement"
    override val call = "weightMovement()"
    override val needs = listOf(Need("weight_movement", Where.NETWORK, "probe { weightMovement() }"))

    override fun draw(d: Drawing): FigureOut? {
        val view = d.run
        val epoch = mutableListOf<Int>()
        val value = mutableListOf<Double>()
        val layer = mutableListOf<String>()
        val names = linkedSetOf<String>()
        for (p in view.probes) {
            for (lp in view.layers) {
                val v = view.scalar(p, lp.name(), "weight_movement") ?: continue
                val name = "${lp.label()} weights"
                names += name
                epoch += p.epoch(); value += v; layer += name
            }
            val all = view.scalar(p, "", "weight_movement") ?: continue
            names += "all parameters"; epoch += p.epoch(); value += all; layer += "all parameters"
        }
        if (value.isEmpty()) return null
        val order = names.filter { it != "all parameters" } + listOf("all parameters")
        val plot = letsPlot(mapOf("epoch" to epoch, "value" to value, "layer" to layer)) +
            geomLine(size = 1.0) { x = "epoch"; y = "value"; color = "layer" } +
            geomPoint(size = 1.5) { x = "epoch"; y = "value"; color = "layer" } +
            scaleColorManual(values = Palette.layers(order.size - 1) + listOf("#e15759"), limits = order, name = "") +
            labs(x = "epoch", y = "‖θ − θ₀‖ / ‖θ₀‖") + themeBW() + ggsize(820, 380)
        return FigureOut(
            id, "Weight movement",
            "How far each layer's parameters (weights and biases) have moved from initialisation, relative to their initial norm. " +
                "Networks in the lazy (kernel) regime barely move; feature learning moves the weights.",
            plot,
        )
    }
}
