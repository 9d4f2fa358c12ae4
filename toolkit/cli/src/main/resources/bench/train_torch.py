"""signkit bench train: PyTorch's torchvision efficientnet_b0, the same measurement as TrainBenchWorker.

Usage: train_torch.py RES BATCH ITERATIONS THREADS; prints one JSON line {train, infer, rssMb}.
"""
import json
import resource
import sys
import time

import torch
import torchvision

res, batch, iterations, threads = (int(a) for a in sys.argv[1:5])
torch.set_num_threads(threads)  # Debian's build defaults to 1 thread
torch.manual_seed(1)
net = torchvision.models.efficientnet_b0(num_classes=14)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
loss = torch.nn.CrossEntropyLoss()
x = torch.rand(batch, 3, res, res)
y = torch.arange(batch) % 14


def step():
    opt.zero_grad()
    loss(net(x), y).backward()
    opt.step()


net.train()
for _ in range(2):
    step()
t = time.perf_counter()
for _ in range(iterations):
    step()
train = iterations * batch / (time.perf_counter() - t)
net.eval()
with torch.no_grad():
    net(x)
    t = time.perf_counter()
    for _ in range(iterations):
        net(x)
    infer = iterations * batch / (time.perf_counter() - t)
print(json.dumps({"train": train, "infer": infer,
                  "rssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
