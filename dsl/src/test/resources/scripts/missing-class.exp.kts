experiment("missing-class") {
    data = mnist(classes = listOf(0, 1, 12))
    model = mlp(hidden = listOf(8))
}
