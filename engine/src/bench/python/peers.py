"""The PyTorch peers of `./run --bench --peers`: the best a PyTorch user could write for each task
netlens benchmarks, on the same data, network shape and threads. Each task prints one line
`seconds <best of its repeats>` after a warm-up; `./run --bench --peers` runs them interleaved
with netlens's own and prints the ratios.

    /usr/bin/python3 engine/src/bench/python/peers.py TASK MNIST_FOLDER THREADS

TASK is one of
  ntk    the trace empirical NTK (10 logits) of the reference MLP on 2,000 training images, by the
         layerwise factorisation Σ_l (G_l G_lᵀ) ∘ (A_{l−1} A_{l−1}ᵀ + 1), G_l back-propagated by
         autograd (one backward per logit), float32 products as PyTorch computes by default
  eigh   torch.linalg.eigh of a 2,000 × 2,000 symmetric float64 matrix (eigenvalues and vectors),
         and torch.linalg.eigvalsh (eigenvalues only)
  probe  capture every layer of the reference MLP on 10,000 training and 10,000 test images, then
         per layer the PCA spectrum (eigenvalues of the covariance) and the collapse statistics:
         class means, within- and between-class covariances, NC1 = Tr(Σ_W Σ_B⁺)/K, NC2 from the
         centred means, NC4 (nearest class centre against the network's predictions) and the
         nearest-class-centre accuracy on the test images, as netlens's probe measures
Run with OPENBLAS_NUM_THREADS=1 (PyTorch's own threads do the parallel work; see README).
"""
import sys
import time

import numpy as np
import torch

from idx import idx


def mnist(folder, n, split="train"):
    prefix = "train" if split == "train" else "t10k"
    x = idx(f"{folder}/{prefix}-images-idx3-ubyte.gz").reshape(-1, 784)[:n].astype(np.float32) / 255
    y = idx(f"{folder}/{prefix}-labels-idx1-ubyte.gz")[:n].astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def reference_mlp():
    torch.manual_seed(1)
    widths = [784, 512, 256, 128, 64, 10]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def best(task, repeats):
    task()                                   # warm-up
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        task()
        times.append(time.perf_counter() - t0)
    return min(times)


def ntk(x, model):
    linears = [m for m in model if isinstance(m, torch.nn.Linear)]
    inputs, pre = [], []
    h = x
    for m in model:
        if isinstance(m, torch.nn.Linear):
            inputs.append(h.detach())
            h = m(h)
            pre.append(h)
        else:
            h = m(h)
    k = h.shape[1]
    grads = [[] for _ in linears]
    for out in range(k):
        g = torch.autograd.grad(h[:, out].sum(), pre, retain_graph=out < k - 1)
        for layer, d in enumerate(g):
            grads[layer].append(d)
    theta = torch.zeros(x.shape[0], x.shape[0])
    for layer in range(len(linears)):
        g = torch.cat(grads[layer], dim=1)
        a = inputs[layer]
        theta += (g @ g.T) * (a @ a.T + 1)
    return theta


def capture(x, model):
    """Every layer's activations: the input, each hidden layer after its ReLU, the logits."""
    feats = [x]
    h = x
    for m in model:
        h = m(h)
        if isinstance(m, torch.nn.Linear):
            feats.append(h)
        else:
            feats[-1] = h
    return feats


def probe(x, y, x_test, y_test, model, classes=10):
    with torch.no_grad():
        feats = capture(x, model)
        test_feats = capture(x_test, model)
        predictions = feats[-1].argmax(1)
        onehot = torch.nn.functional.one_hot(y, classes).double()
        counts = onehot.sum(0)
        for f, t in zip(feats, test_feats):
            f = f.double()
            means = (onehot.T @ f) / counts[:, None]
            centred = f - means[y]
            within = centred.T @ centred / f.shape[0]
            mu = f.mean(0)
            between_dev = means - mu
            between = (between_dev.T * (counts / f.shape[0])) @ between_dev
            spectrum = torch.linalg.eigvalsh(within + between)                    # PCA: the total covariance
            nc1 = torch.trace(within @ torch.linalg.pinv(between, hermitian=True)) / classes
            norms = between_dev.norm(dim=1)
            cos = (between_dev / norms[:, None]) @ (between_dev / norms[:, None]).T
            ncc = torch.cdist(f, means).argmin(1)
            nc4 = (ncc != predictions).double().mean()
            ncc_test = (torch.cdist(t.double(), means).argmin(1) == y_test).double().mean()
            _ = (spectrum[-2:].sum() / spectrum.sum(), nc1, norms.std() / norms.mean(), cos, nc4, ncc_test)


def main():
    task, folder, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    torch.set_num_threads(threads)
    model = reference_mlp()
    if task == "ntk":
        x, _ = mnist(folder, 2000)
        seconds = best(lambda: ntk(x, model), 3)
    elif task == "eigh":
        g = torch.Generator().manual_seed(1)
        a = torch.randn(2000, 2000, dtype=torch.float64, generator=g)
        a = (a + a.T) / 2
        full = best(lambda: torch.linalg.eigh(a), 3)
        values = best(lambda: torch.linalg.eigvalsh(a), 3)
        print(f"values {values:.4f}")
        seconds = full
    elif task == "probe":
        x, y = mnist(folder, 10000)
        x_test, y_test = mnist(folder, 10000, "test")
        seconds = best(lambda: probe(x, y, x_test, y_test, model), 3)
    else:
        raise SystemExit(f"unknown task {task}")
    print(f"seconds {seconds:.4f}")


if __name__ == "__main__":
    main()
