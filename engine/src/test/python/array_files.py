"""Writes the arrays ArraysFilesTest reads, with numpy's own writers (np.save, np.savez_compressed,
np.savetxt), so netlens's readers are checked against files numpy made.

Sample i has features x[i, j] = (i * dim + j) / 8 - 3 (exactly representable in every dtype used)
and label i % 3, the formula the test checks against.
"""
import sys

import numpy as np

out = sys.argv[1]
n, h, w = 12, 2, 3
dim = h * w
x = (np.arange(n * dim, dtype=np.float64) / 8 - 3).reshape(n, dim)
y = np.arange(n) % 3

np.save(f"{out}/x_f4_images.npy", x.astype(np.float32).reshape(n, h, w))
np.save(f"{out}/x_f8_big_endian.npy", x.astype(">f8"))
np.save(f"{out}/x_u1.npy", (np.arange(n * dim) % 256).astype(np.uint8).reshape(n, dim))
np.save(f"{out}/y_i8.npy", y.astype(np.int64))
np.save(f"{out}/y_u1_column.npy", y.astype(np.uint8).reshape(n, 1))
np.savez_compressed(f"{out}/data.npz", x_train=x.astype(np.float32), y_train=y.astype(np.int32),
                    x_test=x[:6].astype(np.float32), y_test=y[:6].astype(np.int16))
np.savez(f"{out}/only.npz", x.astype(np.float32))
table = np.column_stack([x, y])
np.savetxt(f"{out}/data.csv", table, delimiter=",", fmt="%.6g",
           header=",".join([f"f{j}" for j in range(dim)] + ["label"]), comments="")
