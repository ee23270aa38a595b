// Every representation-geometry probe on a small run, leading with the quotient NC1.
experiment("geometry") {
    seed = 5
    data = mnist(classes = listOf(3, 5, 8), trainPerClass = 120, testPerClass = 40)
    model = mlp(hidden = listOf(24, 12), activation = tanh)
    train {
        optimizer = adam(lr = 3e-3)
        batchSize = 40
        maxEpochs = 6
    }
    probe(every = 3) {
        representationGeometry()
        neuralCollapse(nc1 = quotient)
        intrinsicDimension(samples = 200)
        cka(samples = 150)
    }
}
