experiment("no-data") {
    model = mlp(hidden = listOf(8))
}
