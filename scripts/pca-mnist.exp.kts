// Feature against lazy learning on real data: MNIST projected on its top 10 principal components,
// labelled by the parity of the digit. Learning curves of a one-hidden-layer network in both
// regimes, beside SVMs on its NTK at initialisation and after training, and 5 nearest neighbours.
// Runs in about 6 minutes on 2 cores.
experiment("pca-mnist") {
    data = pcaMnist(d = 10, p = 256, pTest = 4000)
    model = oneHidden(h = 100, activation = relu)
    train { flowToMargins(maxSteps = 300_000, linearisedFrom = 100) }
    baselines(svmInitNtk, svmFinalNtk, knn)
    sweep {
        p(sizes(128, 1024, 4))
        seed(1..2)
        regime(feature = 0.01, lazy = 1000)
    }
}
