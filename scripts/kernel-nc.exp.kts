// How much the data alone decide neural collapse, seen through kernels (Kothapalli & Tirer 2024): NC1
// of the features implied by the infinite-width NNGP and NTK of ReLU and erf networks, by the
// adaptive kernel of a 500-unit erf network fitted to the labels, and by a trained network's last
// hidden layer and empirical NTK, on the paper's data: two Gaussians N(∓2·1, 0.25 I) in d = 1 … 128
// dimensions, balanced (N = 128, 256, 512) and imbalanced (N = 256 split 3:5, 1:3, 1:7). The
// report checks the paper's three claims under its metric, the trace ratio Tr Σ_W / Tr Σ_B.
// Runs in about a minute on 2 cores.
experiment("kernel-nc") {
    data = opposedGaussians(d = 8, mean = 2.0, std = 0.5, trainPerClass = listOf(64, 64), testPerClass = 100)
    model = mlp(hidden = listOf(128), activation = relu)
    train {
        optimizer = adam(lr = 1e-3)
        batchSize = 64
        until { trainAccuracy >= 1.0 }
        extraEpochs = 50
        maxEpochs = 200
    }
    // The paper's kernels: one hidden layer, σ_w² = 1, σ_b = 0; the adaptive kernel with its h = 500,
    // σ_a² = 1/128 and noise σ² = 10⁻⁶.
    kernelCollapse(nngpKernel(relu), ntkKernel(relu), nngpKernel(erf), ntkKernel(erf),
        adaptiveKernel(hidden = 500, sigmaW = 1.0, sigmaA = 0.0884, noise = 0.001))
    sweep {
        dimension(1, 2, 8, 32, 128)
        trainPerClass(listOf(64, 64), listOf(128, 128), listOf(256, 256), listOf(96, 160), listOf(64, 192), listOf(32, 224))
    }
}
