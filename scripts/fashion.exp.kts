// Representation geometry layer by layer on all ten Fashion-MNIST classes: do successive layers build
// better clusters, and does the penultimate layer collapse? Every probe netlens has: collapse,
// He–Su separation, intrinsic dimension, linear probes, CKA, spectra and weight movement.
// Runs in about 45 seconds on 2 cores.
experiment("fashion-geometry") {
    seed = 11
    data = fashionMnist(trainPerClass = 1000, testPerClass = 300)
    model = mlp(hidden = listOf(256, 128, 64, 32), activation = relu)
    train {
        optimizer = adam(lr = 1e-3)
        batchSize = 128
        until { trainAccuracy >= 0.99 }   // a few Fashion-MNIST images are near-duplicates with different labels
        extraEpochs = 30
        maxEpochs = 150
    }
    probe(every = 10) { representationGeometry() }
}
