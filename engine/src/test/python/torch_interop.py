"""The PyTorch side of netlens's round-trip tests (run by PyTorchRoundTripTest).

  export DIR ACTIVATION  trains a small nn.Sequential MLP for a few steps, saves it to DIR as
                         torch.safetensors and torch.onnx (torch.onnx.export), with DIR/x.npy and
                         the logits PyTorch computes on it, DIR/logits.npy
  import DIR             loads DIR/netlens.safetensors (written by netlens) into the documented
                         nn.Sequential with load_state_dict(strict=True), writes its logits on
                         DIR/x.npy to DIR/torch_logits.npy
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "scripts", "pytorch"))
import safetensors_io  # noqa: E402


def export(folder, activation):
    torch.manual_seed(0)
    act = safetensors_io.ACTIVATIONS[activation]
    model = torch.nn.Sequential(torch.nn.Linear(6, 16), act(), torch.nn.Linear(16, 8), act(), torch.nn.Linear(8, 3))
    x = torch.randn(64, 6)
    y = torch.randint(0, 3, (64,))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(50):
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        logits = model(x)
    safetensors_io.save(model.state_dict(), os.path.join(folder, "torch.safetensors"), {"format": "pt"})
    torch.onnx.export(model, x, os.path.join(folder, "torch.onnx"), input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
    np.save(os.path.join(folder, "x.npy"), x.numpy())
    np.save(os.path.join(folder, "logits.npy"), logits.numpy())


def load(folder):
    state, metadata = safetensors_io.load(os.path.join(folder, "netlens.safetensors"))
    model = safetensors_io.sequential(state, metadata["netlens.activation"])
    with torch.no_grad():
        logits = model(torch.from_numpy(np.load(os.path.join(folder, "x.npy"))))
    np.save(os.path.join(folder, "torch_logits.npy"), logits.numpy())


if __name__ == "__main__":
    if sys.argv[1] == "export":
        export(sys.argv[2], sys.argv[3])
    else:
        load(sys.argv[2])
