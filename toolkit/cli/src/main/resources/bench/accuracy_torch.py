"""signkit bench accuracy: the PyTorch peer of one `signkit train` run on the same frames and split.

Usage: accuracy_torch.py SPLIT_CSV MODEL SIZE EPOCHS BATCH LR DROPOUT SEED THREADS
SPLIT_CSV has the columns path,sign,split (split = train or test), written by signkit from its own
split. MODEL is baseline-cnn (signkit's BaselineCnn, layer for layer) or efficientnet-b0 (torchvision).
Input as signkit's FrameBatches: OpenCV decode, area resize to SIZE x SIZE, RGB, /255, ImageNet mean/std.
Prints one line per epoch and, last, one JSON line {"epochs": [{epoch, trainAccuracy, testAccuracy}]}.
"""
import csv
import json
import sys

import cv2
import numpy as np
import torch
import torch.nn as nn
import torchvision

path, model, size, epochs, batch, lr, dropout, seed, threads = sys.argv[1:10]
size, epochs, batch, seed, threads = int(size), int(epochs), int(batch), int(seed), int(threads)
lr, dropout = float(lr), float(dropout)
torch.set_num_threads(threads)
torch.manual_seed(seed)
cv2.setNumThreads(1)

rows = list(csv.DictReader(open(path)))
signs = sorted({r["sign"] for r in rows})
MEAN = np.array([0.485, 0.456, 0.406], np.float32)
STD = np.array([0.229, 0.224, 0.225], np.float32)


def tensor(part):
    sel = [r for r in rows if r["split"] == part]
    x = np.stack([(cv2.resize(cv2.imread(r["path"]), (size, size), interpolation=cv2.INTER_AREA)[:, :, ::-1]
                   .astype(np.float32) / 255 - MEAN) / STD for r in sel])
    return torch.from_numpy(x).permute(0, 3, 1, 2).contiguous(), torch.tensor([signs.index(r["sign"]) for r in sel])


def baseline():
    layers, c = [], 3
    for out in (16, 32, 64):
        layers += [nn.Conv2d(c, out, 3, padding=1, bias=False), nn.BatchNorm2d(out), nn.ReLU(),
                   nn.MaxPool2d(2, ceil_mode=True)]  # DL4J's "same" pooling rounds up
        c = out
    features = nn.Sequential(*layers, nn.Flatten())
    n = features(torch.zeros(1, 3, size, size)).shape[1]
    return nn.Sequential(features, nn.Linear(n, 128), nn.ReLU(), nn.Dropout(dropout), nn.Linear(128, len(signs)))


def efficientnet():
    net = torchvision.models.efficientnet_b0(num_classes=len(signs))
    net.classifier[0].p = dropout
    return net


xtr, ytr = tensor("train")
xte, yte = tensor("test")
net = baseline() if model == "baseline-cnn" else efficientnet()
opt = torch.optim.Adam(net.parameters(), lr=lr)
order = torch.Generator().manual_seed(seed)
history = []
for epoch in range(1, epochs + 1):
    net.train()
    perm = torch.randperm(len(ytr), generator=order)
    correct = 0
    for i in range(0, len(perm), batch):
        b = perm[i:i + batch]
        out = net(xtr[b])
        loss = nn.functional.cross_entropy(out, ytr[b])
        opt.zero_grad()
        loss.backward()
        opt.step()
        correct += (out.argmax(1) == ytr[b]).sum().item()
    net.eval()
    with torch.no_grad():
        pred = torch.cat([net(xte[i:i + 256]).argmax(1) for i in range(0, len(yte), 256)])
    rec = {"epoch": epoch, "trainAccuracy": correct / len(ytr), "testAccuracy": (pred == yte).float().mean().item()}
    history.append(rec)
    print("torch epoch %d: train %.3f test %.3f" % (epoch, rec["trainAccuracy"], rec["testAccuracy"]),
          file=sys.stderr, flush=True)
print(json.dumps({"epochs": history}))
