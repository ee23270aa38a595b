// The spiralNet study: K interleaved spirals through a 2-neuron bottleneck, tanh against ReLU.
// Training bends the data so that the classes pack as far apart as the activation allows: towards
// the corners of the square for tanh, within one quadrant for ReLU.
// Runs in about a minute on 2 cores.
experiment("spirals") {
    seed = 1
    data = spirals(classes = 3, trainPerClass = 300, testPerClass = 100)
    model = mlp(hidden = listOf(120, 80, 40, 2), activation = tanh)
    train {
        optimizer = adam(lr = 1e-3)
        batchSize = 64
        maxEpochs = 1000
    }
    probe(at = logSpaced(12)) { embeddings(); decisionRegions() }
    variants {
        along("activation", listOf(tanh, relu)) { model = model.with(activation = it) }
        along("K", listOf(3, 5)) { data = spirals(classes = it, trainPerClass = 300, testPerClass = 100) }
    }
    report { trainingCurves(); decisionRegions(); bottleneck(); bottleneckEvolution(); vectorField(); angles() }
}
