"""The peer of `signkit bench augment`: each signkit transform written as an OpenCV-Python user would,
with the same operations and parameter ranges. Usage: augment_opencv.py IMAGE ITERATIONS NAME...
Prints one JSON object {name: images_per_second}. Single thread (cv2.setNumThreads(1))."""
import json
import math
import random
import sys
import time

import cv2
import numpy as np

cv2.setNumThreads(1)
img = cv2.imread(sys.argv[1])
iterations = int(sys.argv[2])
h, w = img.shape[:2]
rows, cols = (h - 1) / 2.0, (w - 1) / 2.0
SWAP = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1]], dtype=np.float64)


def keras_centred(rc):
    offset = np.array([[1, 0, rows], [0, 1, cols], [0, 0, 1]], dtype=np.float64)
    reset = np.array([[1, 0, -rows], [0, 1, -cols], [0, 0, 1]], dtype=np.float64)
    return SWAP @ (offset @ rc @ reset) @ SWAP


def warp(m):
    return cv2.warpAffine(img, m[:2], (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                          borderMode=cv2.BORDER_REPLICATE)


def rotation():
    t = math.radians(random.uniform(-15, 15))
    return warp(keras_centred(np.array([[math.cos(t), -math.sin(t), 0], [math.sin(t), math.cos(t), 0], [0, 0, 1]])))


def zoom():
    return warp(keras_centred(np.diag([random.uniform(0.85, 1.15), random.uniform(0.85, 1.15), 1.0])))


def shear():
    s = math.radians(random.uniform(-10, 10))
    return warp(keras_centred(np.array([[1, -math.sin(s), 0], [0, math.cos(s), 0], [0, 0, 1]])))


def width_shift():
    return warp(np.array([[1, 0, random.uniform(-0.1, 0.1) * w], [0, 1, 0], [0, 0, 1]], dtype=np.float64))


def height_shift():
    return warp(np.array([[1, 0, 0], [0, 1, random.uniform(-0.1, 0.1) * h], [0, 0, 1]], dtype=np.float64))


def random_resized_crop():
    area = random.uniform(0.7, 1.0) * w * h
    r = math.exp(random.uniform(math.log(0.85), math.log(1.18)))
    cw, ch = min(w, math.sqrt(area * r)), min(h, math.sqrt(area / r))
    x0, y0 = (w - cw) * random.random(), (h - ch) * random.random()
    sx, sy = cw / w, ch / h
    return warp(np.array([[sx, 0, x0 + 0.5 * sx - 0.5], [0, sy, y0 + 0.5 * sy - 0.5], [0, 0, 1]]))


def perspective():
    d = [random.uniform(0, 0.06) for _ in range(8)]
    src = np.float32([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]])
    dst = np.float32([[d[0] * w, d[1] * h], [w - 1 - d[2] * w, d[3] * h], [w - 1 - d[4] * w, h - 1 - d[5] * h],
                      [d[6] * w, h - 1 - d[7] * h]])
    m = cv2.getPerspectiveTransform(src, dst)
    return cv2.warpPerspective(img, m, (w, h), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                               borderMode=cv2.BORDER_REPLICATE)


def horizontal_flip():
    return cv2.flip(img, 1)


def lut(f):
    table = np.clip(np.round(f(np.arange(256, dtype=np.float64))), 0, 255).astype(np.uint8)
    return cv2.LUT(img, table)


def brightness():
    f = random.uniform(0.6, 1.4)
    return lut(lambda v: v * f)


def contrast():
    f = random.uniform(0.7, 1.3)
    m = cv2.mean(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY))[0]
    return lut(lambda v: m + f * (v - m))


def gamma():
    g = random.uniform(0.7, 1.5)
    return lut(lambda v: 255 * (v / 255.0) ** g)


def saturation_hue():
    s, hue = random.uniform(0.7, 1.3), round(random.uniform(-10, 10) / 2)
    v = np.arange(256)
    table = np.stack([np.where(v < 180, (v + hue) % 180, v), np.clip(np.round(v * s), 0, 255), v], axis=1)
    hsv = cv2.cvtColor(img, cv2.COLOR_BGR2HSV)
    hsv = cv2.LUT(hsv, table.astype(np.uint8).reshape(1, 256, 3))
    return cv2.cvtColor(hsv, cv2.COLOR_HSV2BGR)


def channel_shift():
    shift = random.uniform(-30, 30)
    lo, hi = float(img.min()), float(img.max())
    return lut(lambda v: np.clip(v + shift, lo, hi))


def channel_inversion():
    bits = random.randint(1, 7)
    v = np.arange(256)
    table = np.stack([255 - v if (bits >> c) & 1 else v for c in range(3)], axis=1).astype(np.uint8)
    return cv2.LUT(img, table.reshape(1, 256, 3))


def gaussian_noise():
    noise = np.empty(img.shape, np.int16)
    cv2.randn(noise, 0, random.uniform(2, 10))
    return cv2.add(img, noise, dtype=cv2.CV_8U)


def gaussian_blur():
    s = random.uniform(0.5, 1.5)
    k = 2 * math.ceil(3 * s) + 1
    return cv2.GaussianBlur(img, (k, k), s)


def motion_blur():
    length, a = round(random.uniform(3, 9)), math.radians(180 * random.random())
    k = length if length % 2 == 1 else length + 1
    c, dx, dy = (k - 1) / 2.0, math.cos(a) * (length - 1) / 2.0, math.sin(a) * (length - 1) / 2.0
    kernel = np.zeros((k, k), np.float32)
    cv2.line(kernel, (round(c - dx), round(c - dy)), (round(c + dx), round(c + dy)), 1, 1)
    return cv2.filter2D(img, -1, kernel / kernel.sum())


def jpeg_quality():
    ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, round(random.uniform(40, 95))])
    return cv2.imdecode(buf, cv2.IMREAD_COLOR)


results = {}
for name in sys.argv[3:]:
    op = globals()[name]
    for _ in range(max(10, iterations // 5)):
        op()
    start = time.perf_counter()
    for _ in range(iterations):
        op()
    results[name] = iterations / (time.perf_counter() - start)
print(json.dumps(results))
