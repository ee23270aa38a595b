"""The PyTorch peer of `./run --bench`: the same MLP 784-512-256-128-64-10 (ReLU), batch 128,
SGD momentum 0.9, float32, one epoch over full MNIST, timed after a warm-up epoch.

    /usr/bin/python3 engine/src/bench/python/torch_mlp_epoch.py ../shared/data/mnist [threads] [epochs]
"""
import sys
import time

import numpy as np
import torch

from idx import idx


def main():
    folder = sys.argv[1]
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    epochs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x = torch.from_numpy(idx(f"{folder}/train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
    y = torch.from_numpy(idx(f"{folder}/train-labels-idx1-ubyte.gz").astype(np.int64))
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Linear(512, 256), torch.nn.ReLU(),
        torch.nn.Linear(256, 128), torch.nn.ReLU(), torch.nn.Linear(128, 64), torch.nn.ReLU(),
        torch.nn.Linear(64, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    loss_fn = torch.nn.CrossEntropyLoss()
    times = []
    for epoch in range(epochs + 1):
        t0 = time.perf_counter()
        perm = torch.randperm(x.shape[0])
        for i in range(0, x.shape[0], 128):
            idx_b = perm[i:i + 128]
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(x[idx_b]), y[idx_b])
            loss.backward()
            opt.step()
        t = time.perf_counter() - t0
        if epoch > 0:
            times.append(t)
            print(f"epoch {epoch}: {t:.2f} s (last batch loss {loss.item():.4f})")
    print(f"pytorch {torch.__version__}, {threads} threads: best {min(times):.2f} s/epoch")


if __name__ == "__main__":
    main()
