// Looks inside a network trained elsewhere: a 784-128-64-10 ReLU MLP that PyTorch trained on MNIST,
// read from its safetensors file and probed as it is (no train { } block: nothing is trained here).
// The summary sets the test accuracy netlens measures beside the one PyTorch recorded in the file.
// First train it (a few seconds): /usr/bin/python3 scripts/pytorch/train_mnist_mlp.py
// Runs in about 20 seconds on 2 cores.
experiment("probe-pytorch") {
    data = mnist()
    model = load("pytorch/mnist-mlp.safetensors")
    probe(samples = 5000) { embeddings(projection = pca(2)); neuralCollapse(); intrinsicDimension(); linearProbe() }
    report { layerGrid(); penultimate(withEtf = true); idProfiles(); saveNetwork("network.onnx") }
}
