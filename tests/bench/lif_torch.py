"""The network of sdlab_lif_bench written directly in PyTorch, as snnTorch's Leaky computes
it (spec §10): reset = H(U_{t-1} - theta) detached, U_t = beta*U_{t-1} + I_t - reset*theta,
S_t = H(U_t - theta) with the arctangent surrogate (alpha 2) in the backward pass;
784-1000-10, T = 25, direct input, minibatch 128, Adam 5e-4, loss sum_t CE(U_t, y).
One epoch of Fashion-MNIST; prints one JSON line (training-only samples per second, test
accuracy by spike count as snnTorch's tutorial reads it). Usage: lif_torch.py [minibatches]
"""
import gzip
import json
import math
import os
import struct
import sys
import time

import numpy as np
import torch

DATA = "/usr/share/datasets/fashion-mnist"


def idx(name):
    with gzip.open(f"{DATA}/{name}", "rb") as f:
        magic = struct.unpack(">i", f.read(4))[0]
        dims = [struct.unpack(">i", f.read(4))[0] for _ in range(magic & 0xFF)]
        return np.frombuffer(f.read(), dtype=np.uint8).reshape(dims)


class ATan(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return (x > 0).float()

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        alpha = 2.0
        return grad * (alpha / 2) / (1 + (math.pi / 2 * alpha * x) ** 2)


def leaky(current, mem, beta=0.95, theta=1.0):
    reset = (mem - theta > 0).float().detach()
    mem = beta * mem + current - reset * theta
    return ATan.apply(mem - theta), mem


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    torch.set_num_threads(int(os.environ.get("SDLAB_TORCH_THREADS", "2")))  # both cores
    torch.manual_seed(1)
    xs = torch.tensor(idx("train-images-idx3-ubyte.gz").reshape(-1, 784) / 255.0, dtype=torch.float32)
    ys = torch.tensor(idx("train-labels-idx1-ubyte.gz"), dtype=torch.long)
    xt = torch.tensor(idx("t10k-images-idx3-ubyte.gz").reshape(-1, 784) / 255.0, dtype=torch.float32)
    yt = torch.tensor(idx("t10k-labels-idx1-ubyte.gz"), dtype=torch.long)
    fc1, fc2 = torch.nn.Linear(784, 1000), torch.nn.Linear(1000, 10)
    opt = torch.optim.Adam(list(fc1.parameters()) + list(fc2.parameters()), lr=5e-4, betas=(0.9, 0.999))
    ce = torch.nn.CrossEntropyLoss()
    steps = 25

    def forward(x):
        mem1 = torch.zeros(x.shape[0], 1000)
        mem2 = torch.zeros(x.shape[0], 10)
        spikes, mems = [], []
        for _ in range(steps):
            spk1, mem1 = leaky(fc1(x), mem1)
            spk2, mem2 = leaky(fc2(spk1), mem2)
            spikes.append(spk2)
            mems.append(mem2)
        return torch.stack(spikes), torch.stack(mems)

    order = torch.randperm(xs.shape[0])
    seconds, samples = 0.0, 0
    for b, first in enumerate(range(0, xs.shape[0], 128)):
        if limit and b == limit:
            break
        batch = order[first:first + 128]
        start = time.perf_counter()
        _, mems = forward(xs[batch])
        loss = sum(ce(mems[t], ys[batch]) for t in range(steps))
        opt.zero_grad()
        loss.backward()
        opt.step()
        seconds += time.perf_counter() - start
        samples += batch.shape[0]
    with torch.no_grad():
        correct = 0
        for first in range(0, xt.shape[0], 256):
            spikes, _ = forward(xt[first:first + 256])
            correct += (spikes.sum(0).argmax(1) == yt[first:first + 256]).sum().item()
    print(json.dumps({"samples": samples, "train_seconds": round(seconds, 3),
                      "samples_per_second": round(samples / seconds, 1),
                      "test_acc": correct / xt.shape[0], "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
