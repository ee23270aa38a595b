experiment("bad-layer") {
    data = mnist(classes = listOf(0, 1))
    model = mlp(hidden = listOf(8, 8))
    probe(every = 2, layers = listOf("h1", "h9")) { neuralCollapse() }
}
