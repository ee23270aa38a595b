// Feature against lazy learning on the stripe model (Petrini, Geiger, Paccolat & Wyart): a sweep of
// learning curves, test error against p, for a one-hidden-layer ReLU network in the mean-field
// scaling trained by gradient flow on the soft hinge (beta = 20, as in their code) until every
// margin reaches 1, with the alpha-trick putting it in the feature (small alpha) or lazy (large
// alpha) regime, beside SVMs on its NTK at initialisation and after training. The lazy networks
// (alpha >= linearisedFrom) train their linearisation, the alpha -> infinity limit, which reaches every
// margin 1 where explicit steps would take millions of steps (docs/definitions.md §2). Feature learning
// beats lazy learning here (it compresses the uninformative x⊥), and the NTK after training beats
// the NTK at initialisation. Points are cached: extend p or the seeds and only the new points run.
// Runs in about 2 minutes on 2 cores.
experiment("stripe") {
    data = stripe(d = 5, p = 256, pTest = 4000)
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
