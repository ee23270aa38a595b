experiment("marker") {
    data = mnist(classes = listOf(0, 1))
    model = mlp(hidden = listOf(8))
    probe(every = 2) {
        embeddings()
        train { maxEpochs = 3 }
    }
}
