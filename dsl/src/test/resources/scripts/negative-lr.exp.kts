experiment("negative-lr") {
    data = mnist(classes = listOf(0, 1))
    model = mlp(hidden = listOf(8))
    train {
        optimizer = sgd(lr = -0.1, momentum = 0.9)
    }
}
