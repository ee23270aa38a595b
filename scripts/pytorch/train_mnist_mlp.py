"""Trains the PyTorch network that scripts/probe-pytorch.exp.kts looks inside: a 784-128-64-10 ReLU
MLP on all of MNIST (pixels / 255, as netlens's mnist() reads them), two epochs of Adam. Saves its
state_dict as scripts/pytorch/mnist-mlp.safetensors (with the activation and the test accuracy it
measured in the file's metadata) and the same network as mnist-mlp.onnx.

    /usr/bin/python3 scripts/pytorch/train_mnist_mlp.py [--data FOLDER] [--epochs 2] [--seed 0]

MNIST is read from --data, else $NETLENS_DATA, else where ./run keeps it (../shared/data beside the
clone, or netlens's download cache: run any MNIST example once to fill it).
"""
import argparse
import gzip
import os
import sys
from pathlib import Path

import numpy as np
import torch

from safetensors_io import save

HERE = Path(__file__).resolve().parent


def mnist_folder(given):
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "netlens"
    roots = [given] if given else [os.environ.get("NETLENS_DATA"), HERE.parents[2] / "shared" / "data", cache]
    for root in filter(None, roots):
        for folder in (Path(root) / "mnist", Path(root)):
            if (folder / "train-images-idx3-ubyte.gz").is_file():
                return folder
    sys.exit("MNIST not found in " + ", ".join(str(r) for r in roots if r) + ": pass --data or run ./run scripts/mnist.exp.kts once")


def read_idx(path):
    """An IDX file: magic (2 zero bytes, dtype, rank), big-endian dimensions, then unsigned bytes."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    rank = raw[3]
    shape = np.frombuffer(raw, dtype=">u4", count=rank, offset=4)
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank).reshape(shape)


def split(folder, prefix):
    x = read_idx(folder / f"{prefix}-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255
    y = read_idx(folder / f"{prefix}-labels-idx1-ubyte.gz").astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--data")
    args.add_argument("--epochs", type=int, default=2)
    args.add_argument("--seed", type=int, default=0)
    args.add_argument("--out", default=str(HERE / "mnist-mlp"), help="file name without extension")
    a = args.parse_args()

    folder = mnist_folder(a.data)
    x, y = split(folder, "train")
    x_test, y_test = split(folder, "t10k")
    torch.manual_seed(a.seed)
    model = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 64), torch.nn.ReLU(),
                                torch.nn.Linear(64, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(a.epochs):
        for batch in torch.randperm(len(x)).split(128):
            optimizer.zero_grad()
            torch.nn.functional.cross_entropy(model(x[batch]), y[batch]).backward()
            optimizer.step()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(1) == y_test).double().mean().item()
    print(f"test accuracy {100 * accuracy:.2f}% ({a.epochs} epochs, MNIST from {folder})")

    save(model.state_dict(), a.out + ".safetensors", {
        "format": "pt",
        "netlens.activation": "relu",
        "test_accuracy": repr(accuracy),
        "trained_by": f"scripts/pytorch/train_mnist_mlp.py, seed {a.seed}, {a.epochs} epochs of Adam (lr 1e-3, batch 128)",
    })
    torch.onnx.export(model, x_test[:1], a.out + ".onnx", input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
    print(f"saved {a.out}.safetensors and {a.out}.onnx")


if __name__ == "__main__":
    main()
