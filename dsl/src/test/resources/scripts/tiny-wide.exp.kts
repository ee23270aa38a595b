// The tiny run with a wider first layer, to compare against tiny.exp.kts.
experiment("tiny-wide") {
    seed = 3
    data = mnist(classes = listOf(0, 1, 2), trainPerClass = 150, testPerClass = 50)
    model = mlp(hidden = listOf(64, 16, 8), activation = relu)
    train {
        optimizer = sgd(lr = 0.05, momentum = 0.9)
        batchSize = 32
        until { trainAccuracy >= 1.0 }
        extraEpochs = 3
        maxEpochs = 30
    }
    probe(every = 2, layers = listOf("h1", "penultimate", "logits"))
}
