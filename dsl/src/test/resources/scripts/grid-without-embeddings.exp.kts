experiment("grid") {
    data = mnist(classes = listOf(0, 1))
    model = mlp(hidden = listOf(8))
    probe(every = 2) { neuralCollapse() }
    report { layerGrid() }
}
