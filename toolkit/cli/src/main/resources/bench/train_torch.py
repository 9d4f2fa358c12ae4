"""signkit bench train: the PyTorch peer, the same measurement as TrainBenchWorker.

Usage: train_torch.py RES BATCH ITERATIONS THREADS [TWIN_DIR]; prints one JSON line {train, infer, rssMb}.
Without TWIN_DIR the network is torchvision's efficientnet_b0; with it, the twin of the DL4J graph exported there
(twin_torch.Twin: the multi-stream network, which has no torchvision counterpart).
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
if len(sys.argv) > 5:
    from twin_torch import Twin
    twin = Twin(sys.argv[5])
    channels, height, width = twin.graph["inputShape"]
    parameters = twin.trainable
    classes = twin.weights["output"]["b"].shape[0]

    def run(x, training):
        return twin.forward(x, training)
else:
    net = torchvision.models.efficientnet_b0(num_classes=14)
    channels, height, width, parameters, classes = 3, res, res, net.parameters(), 14

    def run(x, training):
        net.train(training)
        return net(x)
opt = torch.optim.Adam(parameters, lr=1e-3)
loss = torch.nn.CrossEntropyLoss()
x = torch.rand(batch, channels, height, width)
y = torch.arange(batch) % classes


def step():
    opt.zero_grad()
    loss(run(x, True), y).backward()
    opt.step()


for _ in range(2):
    step()
t = time.perf_counter()
for _ in range(iterations):
    step()
train = iterations * batch / (time.perf_counter() - t)
with torch.no_grad():
    run(x, False)
    t = time.perf_counter()
    for _ in range(iterations):
        run(x, False)
    infer = iterations * batch / (time.perf_counter() - t)
print(json.dumps({"train": train, "infer": infer,
                  "rssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
