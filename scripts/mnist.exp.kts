// Neural collapse in a depth-5 MLP on three MNIST digits: train to 100 % train accuracy, keep going
// for a terminal phase, and watch every layer's embedding and the penultimate layer's geometry.
// Runs in about 15 seconds on 2 cores.
experiment("mnist-collapse") {
    seed = 7
    data = mnist(classes = listOf(0, 1, 2), trainPerClass = 2000, testPerClass = 500)
    model = mlp(hidden = listOf(128, 128, 64, 32, 16), activation = relu)
    train {
        optimizer = sgd(lr = 0.05, momentum = 0.9)
        batchSize = 128
        until { trainAccuracy >= 1.0 }
        extraEpochs = 50
        maxEpochs = 400
    }
    probe(every = 5) { embeddings(projection = pca(2)); neuralCollapse() }
    report { layerGrid(); penultimate(withEtf = true); collapseCurves(); trainingCurves() }
}
