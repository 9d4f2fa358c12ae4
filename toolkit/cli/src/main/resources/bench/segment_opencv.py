"""Peer of `signkit bench segment`: the same segmentation pipelines in OpenCV-Python (Debian
python3-opencv + numpy), timed on the same frames. Prints one JSON line {method: frames per second}.
usage: segment_opencv.py FRAMES_DIR PLATE_PNG ROUNDS"""
import glob, json, sys, time
import cv2
import numpy as np

cv2.setNumThreads(1)
frames = [cv2.imread(f) for f in sorted(glob.glob(sys.argv[1] + "/frame-*.png"))]
plate = cv2.imread(sys.argv[2])
rounds = int(sys.argv[3])
K3 = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))
K5 = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5))
K9 = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9))


def clean(hard):
    hard = cv2.morphologyEx(hard, cv2.MORPH_OPEN, K3)
    hard = cv2.morphologyEx(hard, cv2.MORPH_CLOSE, K5)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(hard, connectivity=8)
    areas = stats[1:, cv2.CC_STAT_AREA]
    keep = np.zeros(n, bool)
    if len(areas):
        keep[1:] = areas >= 0.02 * areas.max()
    mask = np.where(keep[labels], 255, 0).astype(np.uint8)
    flood = np.zeros((mask.shape[0] + 2, mask.shape[1] + 2), np.uint8)
    flood[1:-1, 1:-1] = mask
    cv2.floodFill(flood, None, (0, 0), 128)
    mask[flood[1:-1, 1:-1] == 0] = 255
    return cv2.GaussianBlur(mask, (3, 3), 0)


def lab(bgr):
    return cv2.cvtColor(bgr.astype(np.float32) / 255, cv2.COLOR_BGR2Lab)


def plate_masks(take):
    e = lab(plate)
    out = []
    for f in take:
        d = lab(f) - e
        d[..., 0] *= 0.35
        out.append(clean(np.where((d * d).sum(axis=2) > 100, 255, 0).astype(np.uint8)))
    return out


def subtractor(kind):
    def run(take):
        b = cv2.createBackgroundSubtractorMOG2(len(take), 16, True) if kind == "mog2" \
            else cv2.createBackgroundSubtractorKNN(len(take), 400, True)
        for f in take:
            b.apply(f, learningRate=-1)
        out = []
        for f in take:
            _, raw = cv2.threshold(b.apply(f, learningRate=0), 200, 255, cv2.THRESH_BINARY)
            out.append(clean(raw))
        return out
    return run


def grabcut(take):
    out = []
    for f, coarse in zip(take, plate_masks(take)):
        _, hard = cv2.threshold(coarse, 127, 255, cv2.THRESH_BINARY)
        inner, outer = cv2.erode(hard, K9), cv2.dilate(hard, K9)
        tri = np.where(inner > 0, cv2.GC_FGD, np.where(hard > 0, cv2.GC_PR_FGD,
                       np.where(outer > 0, cv2.GC_PR_BGD, cv2.GC_BGD))).astype(np.uint8)
        bgd, fgd = np.zeros((1, 65)), np.zeros((1, 65))
        if (tri == cv2.GC_FGD).any():
            cv2.grabCut(f, tri, None, bgd, fgd, 2, cv2.GC_INIT_WITH_MASK)
        out.append(cv2.GaussianBlur(np.where((tri == 1) | (tri == 3), 255, 0).astype(np.uint8), (3, 3), 0))
    return out


result = {}
for name, fn in [("plate", plate_masks), ("mog2", subtractor("mog2")), ("knn", subtractor("knn")), ("grabcut", grabcut)]:
    best = 0
    for _ in range(rounds):
        t = time.perf_counter()
        fn(frames)
        best = max(best, len(frames) / (time.perf_counter() - t))
    result[name] = best
print(json.dumps(result))
