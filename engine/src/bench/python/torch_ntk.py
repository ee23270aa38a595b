"""The PyTorch peer of the empirical-NTK benchmark in `./run --bench`: the trace NTK
Θ(x, x') = Σ_k ∇_θ f_k(x)·∇_θ f_k(x') of the reference MLP 784-512-256-128-64-10 on p MNIST
training images, with functorch's jacrev + vmap (the approach of the functorch NTK tutorial),
computed in chunks of samples because the full Jacobian (p × 10 × 575k floats) does not fit.

    /usr/bin/python3 engine/src/bench/python/torch_ntk.py ../shared/data/mnist [p] [chunk] [threads]
"""
import sys
import time

import numpy as np
import torch

from functorch import jacrev, make_functional, vmap

from idx import idx


def main():
    folder = sys.argv[1]
    p = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    chunk = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x = torch.from_numpy(idx(f"{folder}/train-images-idx3-ubyte.gz")[:p].reshape(-1, 784).astype(np.float32) / 255)
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(), torch.nn.Linear(128, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 10))
    fnet, params = make_functional(model)

    def single(params, x):
        return fnet(params, x.unsqueeze(0)).squeeze(0)

    def jacobian(xs):
        jac = vmap(jacrev(single), (None, 0))(params, xs)
        return torch.cat([j.flatten(2) for j in jac], dim=2)          # chunk × 10 × parameters

    t0 = time.perf_counter()
    theta = torch.zeros(p, p)
    with torch.no_grad():
        for i in range(0, p, chunk):
            ji = jacobian(x[i:i + chunk])
            for j in range(i, p, chunk):
                jj = ji if j == i else jacobian(x[j:j + chunk])
                block = torch.einsum("akp,bkp->ab", ji, jj)
                theta[i:i + chunk, j:j + chunk] = block
                theta[j:j + chunk, i:i + chunk] = block.T
    seconds = time.perf_counter() - t0
    print(f"pytorch {torch.__version__} functorch jacrev+vmap, {threads} threads: trace NTK {p}x{p} in {seconds:.1f} s "
          f"(Θ[0,0] = {theta[0, 0].item():.4g})")


if __name__ == "__main__":
    main()
