"""safetensors files for PyTorch state_dicts, with or without the `safetensors` package.

Debian ships no python3-safetensors, and the format is small: an 8-byte little-endian header length,
a JSON header (name -> dtype, shape, [begin, end) byte offsets, plus "__metadata__"), then the raw
little-endian tensors. Where the package is installed, its own functions are used instead.
"""
import json
import struct

import numpy as np
import torch

try:
    from safetensors.torch import load_file as _load_file, save_file as _save_file
    from safetensors import safe_open as _safe_open
except ImportError:
    _save_file = None


def save(tensors, path, metadata):
    """tensors: name -> torch tensor (saved as float32); metadata: str -> str."""
    tensors = {k: v.detach().to(torch.float32).contiguous() for k, v in tensors.items()}
    if _save_file is not None:
        _save_file(tensors, path, metadata=metadata)
        return
    header, blobs, offset = {"__metadata__": metadata}, [], 0
    for name, t in tensors.items():
        blob = t.numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def load(path):
    """(name -> float32 tensor, metadata) of a safetensors file of float32 or float64 tensors."""
    if _save_file is not None:
        with _safe_open(path, framework="pt") as f:
            metadata = f.metadata() or {}
        return {k: v.to(torch.float32) for k, v in _load_file(path).items()}, metadata
    with open(path, "rb") as f:
        data = f.read()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    metadata = header.pop("__metadata__", {})
    dtypes = {"F32": "<f4", "F64": "<f8"}
    tensors = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        values = np.frombuffer(data[8 + n + begin:8 + n + end], dtype=dtypes[entry["dtype"]])
        tensors[name] = torch.from_numpy(values.astype(np.float32).reshape(entry["shape"]))
    return tensors, metadata


ACTIVATIONS = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh}


def sequential(state, activation):
    """The nn.Sequential(Linear, σ, …, Linear) a state_dict of "0.weight", "0.bias", "2.weight", … belongs to."""
    indices = sorted({int(k.split(".")[0]) for k in state})
    layers = []
    for i, index in enumerate(indices):
        w = state[f"{index}.weight"]
        layers.append(torch.nn.Linear(w.shape[1], w.shape[0], bias=f"{index}.bias" in state))
        if i < len(indices) - 1:
            layers.append(ACTIVATIONS[activation]())
    model = torch.nn.Sequential(*layers)
    model.load_state_dict(state, strict=True)
    return model
