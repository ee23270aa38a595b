// Intrinsic dimension across layers, trained on true and on shuffled labels. Ansuini, Laio, Macke &
// Zoccolan (2019): in a trained network it first rises, then falls over the last layers (a
// hunchback), unlike at initialisation or with shuffled labels. A 5-hidden-layer MLP on all ten
// MNIST digits, trained until it fits its labels.
// Runs in about 90 seconds on 2 cores.
experiment("intrinsic-dimension") {
    seed = 3
    data = mnist(trainPerClass = 200, testPerClass = 100)
    model = mlp(hidden = listOf(512, 256, 128, 64, 32), activation = relu)
    train {
        optimizer = adam(lr = 1e-3)
        batchSize = 64
        until { trainAccuracy >= 1.0 }
        extraEpochs = 10
        maxEpochs = 600
    }
    probe(every = 10) { intrinsicDimension(samples = 2000) }
    variants {
        along("labels", listOf("true", "shuffled")) {
            data = mnist(trainPerClass = 200, testPerClass = 100, randomLabels = it == "shuffled")
        }
    }
    report { idProfiles(); depthProfiles(); trainingCurves() }
}
