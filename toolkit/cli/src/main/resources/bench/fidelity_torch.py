"""signkit bench fidelity: the PyTorch twin of a DL4J graph, trained step for step on the same batches.

Usage: fidelity_torch.py DIR SIZE CLASSES BATCH POOL STEPS LR THREADS ADAM [INIT [SEED]]
DIR holds graph.json and params.bin (signkit's GraphExport, run by twin_torch.Twin) and data.bin (POOL batches:
features NCHW of the graph's input shape, then one-hot labels, float32). The twin trains in the graph's precision
(float32, or float64 for a double network), visiting the batches in order; ADAM is `dl4j` (DL4J's Adam: epsilon added
to sqrt(v) before the bias correction scales the step) or `torch` (torch.optim.Adam). INIT is `dl4j` (the exported
initial weights, the default) or `torch` (PyTorch's default initialisation, seeded by SEED).
Prints one JSON line {"losses": [...]}, the training loss per step.
"""
import json
import sys

import numpy as np
import torch
import torch.nn.functional as F

from twin_torch import Twin

folder, size, classes, batch, pool, steps, lr, threads, adam = sys.argv[1:10]
classes, batch, pool, steps, threads = int(classes), int(batch), int(pool), int(steps), int(threads)
lr = float(lr)
init = sys.argv[10] if len(sys.argv) > 10 else "dl4j"
init_seed = int(sys.argv[11]) if len(sys.argv) > 11 else 0
torch.set_num_threads(threads)

twin = Twin(folder)
if init == "torch":
    twin.init_torch(init_seed)

channels, height, width = twin.graph["inputShape"]
data = np.fromfile(folder + "/data.bin", dtype="<f4")
pixels = batch * channels * height * width
per = pixels + batch * classes
batches = []
for i in range(pool):
    chunk = data[i * per:(i + 1) * per]
    x = torch.tensor(chunk[:pixels].reshape(batch, channels, height, width), dtype=twin.dtype)
    y = torch.tensor(chunk[pixels:].reshape(batch, classes)).argmax(dim=1)
    batches.append((x, y))

if adam == "torch":
    optimiser = torch.optim.Adam(twin.trainable, lr=lr)
else:
    state = [(torch.zeros_like(t), torch.zeros_like(t)) for t in twin.trainable]
losses = []
for step in range(steps):
    x, y = batches[step % pool]
    loss = F.cross_entropy(twin.forward(x), y)
    losses.append(loss.item())
    if adam == "torch":
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        continue
    for t in twin.trainable:
        t.grad = None
    loss.backward()
    with torch.no_grad():
        b1, b2, eps = 0.9, 0.999, 1e-8
        alpha = lr * (1 - b2 ** (step + 1)) ** 0.5 / (1 - b1 ** (step + 1))
        for t, (m, v) in zip(twin.trainable, state):
            m.mul_(b1).add_(t.grad, alpha=1 - b1)
            v.mul_(b2).addcmul_(t.grad, t.grad, value=1 - b2)
            t.sub_(alpha * m / (v.sqrt() + eps))
print(json.dumps({"losses": losses}))
