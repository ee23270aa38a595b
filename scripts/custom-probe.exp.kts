// A probe and a figure written in the script itself: how evenly the training samples clear the
// nearest-class-centre rule at every layer of a small MNIST network, drawn beside NC1 as the
// penultimate layer collapses. The probe sees each layer's features as a Multik array.
// Runs in about 10 seconds on 2 cores.
import kotlin.math.sqrt

/** Each class's mean feature vector (classes × width): a one-hot matrix times the features. */
fun classMeans(layer: ProbedLayer): D2Array<Double> {
    val y = layer.labels
    val onehot = mk.d2array(layer.classes, layer.samples) { if (y[it % layer.samples] == it / layer.samples) 1.0 else 0.0 }
    val sums = mk.linalg.dot(onehot, layer.features.asType<Double>())
    val counts = mk.math.sumD2(onehot, 1)
    return mk.d2array(layer.classes, layer.width) { sums[it / layer.width, it % layer.width] / counts[it / layer.width] }
}

experiment("custom-probe") {
    seed = 7
    data = mnist(classes = listOf(0, 1, 2), trainPerClass = 500, testPerClass = 200)
    model = mlp(hidden = listOf(64, 32, 16), activation = relu)
    train {
        optimizer = sgd(lr = 0.05, momentum = 0.9)
        batchSize = 64
        until { trainAccuracy >= 1.0 }
        extraEpochs = 30
        maxEpochs = 150
    }
    probe(every = 3) {
        neuralCollapse()
        // Each sample's margin (d_other − d_own)/(d_other + d_own), from its distances to its own class
        // mean and to the nearest other one; their spread (std/mean) falls to 0 as classes collapse.
        custom("margin_spread") { layer ->
            val h = layer.features
            val y = layer.labels
            val means = classMeans(layer)
            val margins = DoubleArray(layer.samples) { i ->
                val d = DoubleArray(layer.classes) { c -> sqrt((0 until layer.width).sumOf { j -> (h[i, j] - means[c, j]).let { v -> v * v } }) }
                val own = d[y[i]]
                val other = d.filterIndexed { c, _ -> c != y[i] }.min()
                (other - own) / (other + own)
            }
            val mean = margins.average()
            sqrt(margins.sumOf { (it - mean) * (it - mean) } / margins.size) / mean
        }
        // The distance of each class mean from their centre: a vector per layer, in class_mean_norms.csv.
        custom("class_mean_norms") { layer ->
            val means = classMeans(layer)
            DoubleArray(layer.classes) { c ->
                sqrt((0 until layer.width).sumOf { j ->
                    val centre = (0 until layer.classes).sumOf { means[it, j] } / layer.classes
                    (means[c, j] - centre) * (means[c, j] - centre)
                })
            }
        }
    }
    report {
        trainingCurves()
        collapseCurves()
        customCurves()
        depthProfiles()
        figure("Margin spread beside NC1") { metrics ->
            letsPlot(metrics.filter { it.metric in setOf("margin_spread", "nc1") && it.layer != "input" }) +
                geomLine { x = "epoch"; y = "value"; color = "layer" } +
                facetWrap(facets = "metric", scales = "free_y") + scaleYLog10() + ggsize(900, 360)
        }
    }
}
