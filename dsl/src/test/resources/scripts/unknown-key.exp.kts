experiment("unknown") {
    data = mnist(classes = listOf(0, 1))
    model = mlp(hidden = listOf(8))
    learningRate = 0.1
}
