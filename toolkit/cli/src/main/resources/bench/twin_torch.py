"""The PyTorch twin of a DL4J graph that signkit's GraphExport wrote (graph.json + params.bin).

Twin(folder) loads the vertices (topological order) and DL4J's parameters, converted to PyTorch's layouts, in the
graph's precision; forward(x, training) runs them with torch.nn.functional: DL4J's "same" padding (the odd pixel
after), batch norm with batch statistics in training and running ones in inference (momentum 1 - decay), dropout on
a layer's input in training, and the softmax output's logits. Used by fidelity_torch.py and train_torch.py.
"""
import json

import numpy as np
import torch
import torch.nn.functional as F

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


class Twin:
    def __init__(self, folder):
        self.graph = json.load(open(folder + "/graph.json"))
        self.dtype = torch.float64 if self.graph["dtype"] == "float64" else torch.float32
        flat = np.fromfile(folder + "/params.bin", dtype="<f8" if self.dtype == torch.float64 else "<f4")
        params = {}
        for p in self.graph["params"]:
            n = int(np.prod(p["shape"]))
            params.setdefault(p["vertex"], {})[p["param"]] = flat[p["offset"]:p["offset"] + n].reshape(p["shape"])
        # DL4J layouts -> PyTorch layouts; batch-norm running statistics are not parameters (no gradient).
        self.weights, self.stats = {}, {}
        for v in self.graph["vertices"]:
            p = params.get(v["name"], {})
            if v["kind"] in ("conv", "depthwise_conv"):
                w = p["W"]
                if v["kind"] == "depthwise_conv":  # [kh, kw, in, mult] -> [in * mult, 1, kh, kw]
                    kh, kw, cin, mult = w.shape
                    w = w.transpose(2, 3, 0, 1).reshape(cin * mult, 1, kh, kw)
                self.weights[v["name"]] = {"W": self.tensor(w)}
                if v["bias"]:
                    self.weights[v["name"]]["b"] = self.tensor(p["b"].reshape(-1))
            elif v["kind"] in ("dense", "softmax_output"):
                self.weights[v["name"]] = {"W": self.tensor(p["W"].T), "b": self.tensor(p["b"].reshape(-1))}
            elif v["kind"] == "batch_norm":
                self.weights[v["name"]] = {"gamma": self.tensor(p["gamma"].reshape(-1)),
                                           "beta": self.tensor(p["beta"].reshape(-1))}
                var = p["log10stdev"].reshape(-1) if v["logStd"] else p["var"].reshape(-1)
                if v["logStd"]:
                    var = (10.0 ** var) ** 2
                self.stats[v["name"]] = (self.tensor(p["mean"].reshape(-1), False), self.tensor(var, False))
        self.trainable = [t for w in self.weights.values() for t in w.values()]

    def tensor(self, a, grad=True):
        return torch.tensor(np.ascontiguousarray(a), dtype=self.dtype, requires_grad=grad)

    def init_torch(self, seed):
        """PyTorch's defaults: nn.Conv2d / nn.Linear kaiming_uniform(a=sqrt(5)) weights and uniform biases, both
        +-1/sqrt(fan_in); nn.BatchNorm2d gamma 1, beta 0."""
        torch.manual_seed(seed)
        with torch.no_grad():
            for v in self.graph["vertices"]:
                w = self.weights.get(v["name"])
                if w is None:
                    continue
                if v["kind"] == "batch_norm":
                    w["gamma"].fill_(1)
                    w["beta"].zero_()
                    continue
                bound = 1 / w["W"][0].numel() ** 0.5
                w["W"].uniform_(-bound, bound)
                if "b" in w:
                    w["b"].uniform_(-bound, bound)

    def forward(self, x, training=True):
        """The output layer's logits (its softmax is left to the loss)."""
        acts = {self.graph["input"]: x}
        logits = None
        for v in self.graph["vertices"]:
            ins = [acts[i] for i in v["inputs"]]
            k, name = v["kind"], v["name"]
            h = ins[0]
            if v.get("flatten"):
                h = h.reshape(h.shape[0], -1)
            if v.get("dropout"):
                h = F.dropout(h, v["dropout"], training)
            if k in ("conv", "depthwise_conv"):
                w = self.weights[name]
                groups = h.shape[1] if k == "depthwise_conv" else 1
                pad = v["padding"]
                if v["same"]:
                    h, pad = same_pad(h, v["kernel"], v["stride"], v["dilation"]), (0, 0)
                h = F.conv2d(h, w["W"], w.get("b"), stride=v["stride"], padding=pad, dilation=v["dilation"],
                             groups=groups)
                h = ACTIVATIONS[v["activation"]](h)
            elif k == "batch_norm":
                mean, var = self.stats[name]
                h = F.batch_norm(h, mean, var, self.weights[name]["gamma"], self.weights[name]["beta"],
                                 training=training, momentum=1 - v["decay"], eps=v["eps"])
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
            elif k == "crop":
                top, bottom, left, right = v["cropping"]
                h = h[:, :, top:h.shape[2] - bottom, left:h.shape[3] - right]
            elif k == "dense":
                h = ACTIVATIONS[v["activation"]](F.linear(h, self.weights[name]["W"], self.weights[name]["b"]))
            elif k == "softmax_output":
                logits = F.linear(h, self.weights[name]["W"], self.weights[name]["b"])
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
