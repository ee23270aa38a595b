// How the data decide the extent of neural collapse, seen through kernels (Kothapalli & Tirer
// 2024): NC1 of the features implied by the infinite-width NNGP and NTK of ReLU and erf networks,
// by the adaptive kernel of a narrow erf network fitted to the labels, and by a trained network's
// last hidden layer and empirical NTK, on two imbalanced Gaussian classes, across the input
// dimension and the distance between the class means.
experiment("kernel-nc") {
    data = gaussianClasses(d = 8, separation = 2.0, noise = 1.0, trainPerClass = listOf(60, 140), testPerClass = 100)
    model = mlp(hidden = listOf(256), activation = relu)
    train {
        optimizer = adam(lr = 1e-3)
        batchSize = 50
        until { trainAccuracy >= 1.0 }
        extraEpochs = 100
        maxEpochs = 400
    }
    kernelCollapse(nngpKernel(relu), ntkKernel(relu), nngpKernel(erf), ntkKernel(erf), adaptiveKernel(hidden = 20))
    sweep {
        dimension(2, 8, 32)
        separation(1.0, 2.0, 4.0)
    }
}
