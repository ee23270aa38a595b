// The sphere model, where feature learning is expected to hurt (Petrini, Geiger, Paccolat & Wyart):
// the label depends on ‖x‖ only, and in the feature regime the hidden neurons gather on a few
// attractors. The sweep compares the two regimes' learning curves with an SVM on the initial NTK
// and counts the attractors against p (at d = 5 and h = 100, lazy learning wins only at small p).
// Runs in about 4 minutes on 2 cores.
experiment("sphere") {
    data = sphere(d = 5, p = 256, pTest = 4000)
    model = oneHidden(h = 100, activation = relu)
    train { flowToMargins(maxSteps = 300_000, linearisedFrom = 100) }
    probe(every = 1_000_000) { neurons() }
    baselines(svmInitNtk, svmFinalNtk)
    sweep {
        p(sizes(64, 1024, 5))
        seed(1..2)
        regime(feature = 0.01, lazy = 1000)
    }
}
