experiment("negative") {
    data = mnist(classes = listOf(0, 1))
    model = mlp(hidden = listOf(8))
    train {
        batchSize = -5
    }
}
