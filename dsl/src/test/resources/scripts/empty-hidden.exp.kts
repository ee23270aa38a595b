experiment("empty-hidden") {
    data = mnist(classes = listOf(0, 1))
    model = mlp(hidden = listOf())
}
