"""signkit bench fidelity: the PyTorch twin of a DL4J graph, trained step for step on the same batches.

Usage: fidelity_torch.py DIR SIZE CLASSES BATCH POOL STEPS LR THREADS ADAM [INIT [SEED]]
DIR holds graph.json and params.bin (signkit's GraphExport: vertices in topological order, every parameter
little-endian float32 in DL4J's layout) and data.bin (POOL batches: features NCHW then one-hot labels, float32).
The twin runs the vertices in order with torch.nn.functional, from DL4J's initial weights, in the graph's precision
(float32, or float64 for a double network), no dropout,
visiting the batches in order; ADAM is `dl4j` (DL4J's Adam: epsilon added to sqrt(v) before the bias correction
scales the step) or `torch` (torch.optim.Adam). INIT is `dl4j` (the exported initial weights, the default) or
`torch` (PyTorch's default initialisation of nn.Conv2d, nn.Linear and nn.BatchNorm2d, seeded by SEED).
Prints one JSON line {"losses": [...]}, the training loss per step.
"""
import json
import sys

import numpy as np
import torch
import torch.nn.functional as F

folder, size, classes, batch, pool, steps, lr, threads, adam = sys.argv[1:10]
init = sys.argv[10] if len(sys.argv) > 10 else "dl4j"
init_seed = int(sys.argv[11]) if len(sys.argv) > 11 else 0
size, classes, batch, pool, steps, threads = int(size), int(classes), int(batch), int(pool), int(steps), int(threads)
lr = float(lr)
torch.set_num_threads(threads)

graph = json.load(open(folder + "/graph.json"))
DTYPE = torch.float64 if graph["dtype"] == "float64" else torch.float32
flat = np.fromfile(folder + "/params.bin", dtype="<f8" if DTYPE == torch.float64 else "<f4")
params = {}
for p in graph["params"]:
    n = int(np.prod(p["shape"]))
    a = flat[p["offset"]:p["offset"] + n].reshape(p["shape"])
    params.setdefault(p["vertex"], {})[p["param"]] = a


def tensor(a, grad=True):
    return torch.tensor(np.ascontiguousarray(a), dtype=DTYPE, requires_grad=grad)


# DL4J layouts -> PyTorch layouts; batch-norm running statistics are not parameters (no gradient).
weights, stats = {}, {}
for v in graph["vertices"]:
    p = params.get(v["name"], {})
    if v["kind"] in ("conv", "depthwise_conv"):
        w = p["W"]
        if v["kind"] == "depthwise_conv":  # [kh, kw, in, mult] -> [in * mult, 1, kh, kw]
            kh, kw, cin, mult = w.shape
            w = w.transpose(2, 3, 0, 1).reshape(cin * mult, 1, kh, kw)
        weights[v["name"]] = {"W": tensor(w)}
        if v["bias"]:
            weights[v["name"]]["b"] = tensor(p["b"].reshape(-1))
    elif v["kind"] in ("dense", "softmax_output"):
        weights[v["name"]] = {"W": tensor(p["W"].T), "b": tensor(p["b"].reshape(-1))}
    elif v["kind"] == "batch_norm":
        weights[v["name"]] = {"gamma": tensor(p["gamma"].reshape(-1)), "beta": tensor(p["beta"].reshape(-1))}
        var = p["log10stdev"].reshape(-1) if v["logStd"] else p["var"].reshape(-1)
        if v["logStd"]:
            var = (10.0 ** var) ** 2
        stats[v["name"]] = (tensor(p["mean"].reshape(-1), False), tensor(var, False))

if init == "torch":
    # nn.Conv2d / nn.Linear: kaiming_uniform(a=sqrt(5)) weights and uniform biases, both +-1/sqrt(fan_in);
    # nn.BatchNorm2d: gamma 1, beta 0.
    torch.manual_seed(init_seed)
    with torch.no_grad():
        for v in graph["vertices"]:
            w = weights.get(v["name"])
            if w is None:
                continue
            if v["kind"] == "batch_norm":
                w["gamma"].fill_(1)
                w["beta"].zero_()
                continue
            fan_in = w["W"][0].numel()
            bound = 1 / fan_in ** 0.5
            w["W"].uniform_(-bound, bound)
            if "b" in w:
                w["b"].uniform_(-bound, bound)

ACTIVATIONS = {"identity": lambda x: x, "relu": F.relu, "swish": F.silu, "sigmoid": torch.sigmoid}


def same_pad(x, kernel, stride, dilation=(1, 1), value=0.0):
    """DL4J's "same" mode: output ceil(in / stride), the odd pixel of padding after (bottom / right)."""
    pads = []
    for dim, k, s, d in ((3, kernel[1], stride[1], dilation[1]), (2, kernel[0], stride[0], dilation[0])):
        n = x.shape[dim]
        out = -(-n // s)
        total = max(0, (out - 1) * s + (k - 1) * d + 1 - n)
        pads += [total // 2, total - total // 2]
    return F.pad(x, pads, value=value) if any(pads) else x


def forward(x):
    acts = {graph["input"]: x}
    logits = None
    for v in graph["vertices"]:
        ins = [acts[i] for i in v["inputs"]]
        k, name = v["kind"], v["name"]
        h = ins[0]
        if v.get("flatten"):
            h = h.reshape(h.shape[0], -1)
        if k in ("conv", "depthwise_conv"):
            w = weights[name]
            groups = h.shape[1] if k == "depthwise_conv" else 1
            pad = v["padding"]
            if v["same"]:
                h, pad = same_pad(h, v["kernel"], v["stride"], v["dilation"]), (0, 0)
            h = F.conv2d(h, w["W"], w.get("b"), stride=v["stride"], padding=pad, dilation=v["dilation"], groups=groups)
            h = ACTIVATIONS[v["activation"]](h)
        elif k == "batch_norm":
            mean, var = stats[name]
            # Training mode: batch statistics (the running ones move with momentum 1 - decay).
            h = F.batch_norm(h, mean, var, weights[name]["gamma"], weights[name]["beta"], training=True,
                             momentum=1 - v["decay"], eps=v["eps"])
        elif k == "activation":
            h = ACTIVATIONS[v["activation"]](h)
        elif k in ("max_pool", "avg_pool"):
            if v["same"]:
                h = same_pad(h, v["kernel"], v["stride"], value=float("-inf") if k == "max_pool" else 0.0)
            h = (F.max_pool2d if k == "max_pool" else F.avg_pool2d)(h, v["kernel"], v["stride"])
        elif k == "global_avg_pool":
            h = h.mean(dim=(2, 3), keepdim=not v["collapse"])
        elif k == "global_max_pool":
            h = h.amax(dim=(2, 3), keepdim=not v["collapse"])
        elif k == "dense":
            h = ACTIVATIONS[v["activation"]](F.linear(h, weights[name]["W"], weights[name]["b"]))
        elif k == "softmax_output":
            logits = F.linear(h, weights[name]["W"], weights[name]["b"])
            h = torch.softmax(logits, dim=1)
        elif k == "add":
            h = ins[0] + ins[1]
        elif k == "concat":
            h = torch.cat(ins, dim=1)
        elif k == "broadcast_mul":
            h = ins[0] * ins[1]
        else:
            raise SystemExit("no twin for vertex kind " + k)
        acts[name] = h
    return logits


data = np.fromfile(folder + "/data.bin", dtype="<f4")
per = batch * 3 * size * size + batch * classes
batches = []
for i in range(pool):
    chunk = data[i * per:(i + 1) * per]
    x = torch.tensor(chunk[:batch * 3 * size * size].reshape(batch, 3, size, size), dtype=DTYPE)
    y = torch.tensor(chunk[batch * 3 * size * size:].reshape(batch, classes)).argmax(dim=1)
    batches.append((x, y))

trainable = [t for w in weights.values() for t in w.values()]
if adam == "torch":
    optimiser = torch.optim.Adam(trainable, lr=lr)
else:
    state = [(torch.zeros_like(t), torch.zeros_like(t)) for t in trainable]
losses = []
for step in range(steps):
    x, y = batches[step % pool]
    loss = F.cross_entropy(forward(x), y)
    losses.append(loss.item())
    if adam == "torch":
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        continue
    for t in trainable:
        t.grad = None
    loss.backward()
    with torch.no_grad():
        b1, b2, eps = 0.9, 0.999, 1e-8
        alpha = lr * (1 - b2 ** (step + 1)) ** 0.5 / (1 - b1 ** (step + 1))
        for t, (m, v) in zip(trainable, state):
            m.mul_(b1).add_(t.grad, alpha=1 - b1)
            v.mul_(b2).addcmul_(t.grad, t.grad, value=1 - b2)
            t.sub_(alpha * m / (v.sqrt() + eps))
print(json.dumps({"losses": losses}))
