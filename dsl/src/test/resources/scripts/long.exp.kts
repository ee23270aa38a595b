// Trains for a long time, to be interrupted.
experiment("long") {
    data = mnist(classes = listOf(0, 1), trainPerClass = 500, testPerClass = 50)
    model = mlp(hidden = listOf(32, 16))
    train {
        batchSize = 10
        maxEpochs = 100000
    }
    probe(every = 2)
}
