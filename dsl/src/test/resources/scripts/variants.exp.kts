// Two activations × two class counts on small spirals through a 2-unit bottleneck.
experiment("variants") {
    seed = 2
    data = spirals(classes = 3, trainPerClass = 60, testPerClass = 20)
    model = mlp(hidden = listOf(24, 2), activation = tanh)
    train {
        optimizer = adam(lr = 3e-3)
        batchSize = 30
        maxEpochs = 20
    }
    probe(at = logSpaced(4)) { embeddings(); decisionRegions(resolution = 40) }
    variants {
        along("activation", listOf(tanh, relu)) { model = model.with(activation = it) }
        along("K", listOf(3, 4)) { data = spirals(classes = it, trainPerClass = 60, testPerClass = 20) }
    }
}
