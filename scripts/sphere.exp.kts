// The sphere model, where feature learning hurts (Petrini, Geiger, Paccolat & Wyart): the label
// depends on ‖x‖ only, and in the feature regime the hidden neurons collapse onto a few
// attractors, which spoils generalisation when p is small; the lazy regime does better there.
// The sweep gives both learning curves and the number of attractors against p.
experiment("sphere") {
    data = sphere(d = 5, p = 256, pTest = 4000)
    model = oneHidden(h = 100, activation = relu)
    train { flowToMargins(maxSteps = 300_000) }
    probe(every = 1_000_000) { neurons() }
    baselines(svmInitNtk, svmFinalNtk)
    sweep {
        p(sizes(64, 1024, 5))
        seed(1..2)
        regime(feature = 0.01, lazy = 1000)
    }
}
