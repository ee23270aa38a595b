// A small but real run for the end-to-end tests: three MNIST digits, a narrow MLP, a few epochs.
experiment("tiny") {
    seed = 3
    data = mnist(classes = listOf(0, 1, 2), trainPerClass = 150, testPerClass = 50)
    model = mlp(hidden = listOf(32, 16, 8), activation = relu)
    train {
        optimizer = sgd(lr = 0.05, momentum = 0.9)
        batchSize = 32
        until { trainAccuracy >= 1.0 }
        extraEpochs = 3
        maxEpochs = 30
    }
    probe(every = 2) { embeddings(projection = pca(2)); neuralCollapse() }
    report { layerGrid(); penultimate(withEtf = true); collapseCurves(); trainingCurves() }
}
