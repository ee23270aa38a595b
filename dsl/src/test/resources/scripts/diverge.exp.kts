// Diverges on purpose: an absurd learning rate on a squared loss.
experiment("diverge") {
    data = mnist(classes = listOf(0, 1), trainPerClass = 100, testPerClass = 20)
    model = mlp(hidden = listOf(16))
    train {
        loss = mse
        optimizer = sgd(lr = 1e5, momentum = 0.9)
        batchSize = 20
        maxEpochs = 20
    }
    probe(every = 1)
}
