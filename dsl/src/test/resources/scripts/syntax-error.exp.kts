experiment("broken") {
    seed = 1
    data = mnist(classes = listOf(0, 1)
    model = mlp(hidden = listOf(8))
}
