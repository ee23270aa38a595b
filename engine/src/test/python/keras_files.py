"""Keras model files written with h5py in the layouts Keras itself writes (no Keras on Debian), for
KerasFilesTest, with the logits numpy computes from the same arrays:

  keras2.h5          model.save("keras2.h5") of Keras 2: root attribute model_config (JSON), group
                     model_weights with layer_names, each layer group naming its weight_names
  keras2-weights.h5  model.save_weights(...) of Keras 2: the layer groups at the root, no config
  model.keras        Keras 3: a zip of config.json and model.weights.h5 (layers/<name>/vars/0, 1)
  x.npy, logits.npy  inputs and the logits before the final softmax

usage: keras_files.py DIR
"""
import io
import json
import os
import sys
import zipfile

import h5py
import numpy as np


def main(folder):
    rng = np.random.default_rng(0)
    sizes = [5, 7, 4, 3]
    kernels = [rng.standard_normal((a, b)).astype(np.float32) for a, b in zip(sizes, sizes[1:])]
    biases = [rng.standard_normal(b).astype(np.float32) for b in sizes[1:]]
    names = ["dense", "dense_1", "dense_2"]
    # Dense(relu), Dropout, Dense(linear) + Activation(relu), Dense(softmax): three ways Keras users write it.
    layers = [("InputLayer", "input_layer", None), ("Dense", "dense", "relu"), ("Dropout", "dropout", None),
              ("Dense", "dense_1", "linear"), ("Activation", "activation", "relu"), ("Dense", "dense_2", "softmax")]
    config = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
        {"class_name": kind, "config": dict({"name": name}, **({"activation": act} if act else {}))} for kind, name, act in layers]}}

    x = rng.standard_normal((32, sizes[0])).astype(np.float32)
    h = x
    for i, (k, b) in enumerate(zip(kernels, biases)):
        h = h @ k + b
        if i < 2:
            h = np.maximum(h, 0)
    np.save(os.path.join(folder, "x.npy"), x)
    np.save(os.path.join(folder, "logits.npy"), h.astype(np.float32))

    def keras2(f, root):
        root.attrs["layer_names"] = [n.encode() for kind, n, _ in layers if kind != "InputLayer"]
        for kind, name, _ in layers:
            if kind == "InputLayer":
                continue
            g = root.create_group(name)
            if kind == "Dense":
                i = names.index(name)
                g.attrs["weight_names"] = [f"{name}/kernel:0".encode(), f"{name}/bias:0".encode()]
                g.create_dataset(f"{name}/kernel:0", data=kernels[i])
                g.create_dataset(f"{name}/bias:0", data=biases[i])
            else:
                g.attrs["weight_names"] = np.array([], dtype="S1")

    with h5py.File(os.path.join(folder, "keras2.h5"), "w") as f:
        f.attrs["keras_version"] = b"2.15.0"
        f.attrs["model_config"] = json.dumps(config).encode()
        keras2(f, f.create_group("model_weights"))
    with h5py.File(os.path.join(folder, "keras2-weights.h5"), "w") as f:
        keras2(f, f)

    weights = io.BytesIO()
    with h5py.File(weights, "w") as f:
        for kind, name, _ in layers:
            if kind == "Dense":
                i = names.index(name)
                f.create_dataset(f"layers/{name}/vars/0", data=kernels[i])
                f.create_dataset(f"layers/{name}/vars/1", data=biases[i])
    with zipfile.ZipFile(os.path.join(folder, "model.keras"), "w") as z:
        z.writestr("metadata.json", json.dumps({"keras_version": "3.6.0"}))
        z.writestr("config.json", json.dumps(config))
        z.writestr("model.weights.h5", weights.getvalue())


if __name__ == "__main__":
    main(sys.argv[1])
