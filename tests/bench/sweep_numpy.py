#!/usr/bin/env python3
"""The kp/kd sweep of `sdlab-cli sweep`, written in vectorised NumPy as a baseline:
all grid points at once, a Python loop over time. Same metrics (spec section 2),
same rounding (half away from zero). Usage: sweep_numpy.py INPUT.csv N OUT.csv"""
import sys

import numpy as np


def main():
    path, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    data = np.genfromtxt(path, delimiter=",", names=True)
    x, w = data["x"], data["w"]
    values = np.geomspace(0.01, 10.0, n)
    kp, kd = np.meshgrid(values, values, indexing="ij")
    kp, kd = kp.ravel(), kd.ravel()
    k_alpha, k_beta = kd / (kp + kd), 1.0 / (kp + kd)
    shape = kp.shape
    phi, y1, y2, y3 = (np.zeros(shape) for _ in range(4))
    dot1, dot2, dot3, nn1, nn2, nn3, spikes = (np.zeros(shape) for _ in range(7))
    target_norm = 0.0
    prev = 0.0
    for xt, wt in zip(x, w):
        a = kp * xt + kd * (xt - prev)
        prev = xt
        v = phi + a
        s = np.sign(v) * np.floor(np.abs(v) + 0.5)
        phi = v - s
        y1 = k_beta * (a * wt) + k_alpha * y1
        y2 = k_beta * s + k_alpha * y2
        y3 = k_beta * (s * wt) + k_alpha * y3
        target = xt * wt
        target_norm += target * target
        q = y2 * wt
        dot1 += target * y1
        nn1 += y1 * y1
        dot2 += target * q
        nn2 += q * q
        dot3 += target * y3
        nn3 += y3 * y3
        spikes += np.abs(s)

    def cosine(dot, norm):
        denom = np.sqrt(norm * target_norm)
        return np.where(denom > 0, dot / np.where(denom > 0, denom, 1.0), 0.0)

    table = np.column_stack([kp, kd, cosine(dot1, nn1), cosine(dot2, nn2), cosine(dot3, nn3), spikes])
    np.savetxt(out, table, delimiter=",", header="kp,kd,cos_nonstationary,cos_quantization,cos_full,spikes",
               comments="", fmt="%.17g")


if __name__ == "__main__":
    main()
