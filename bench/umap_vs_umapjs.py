#!/usr/bin/python3
"""UMAP: `lantern-cli project --method umap` against umap-js (TensorBoard's UMAP library, under
node) on issue 19's data, in the same run: 10 Gaussian clusters of 10,000 × 50 (sklearn's
make_blobs as the issue gives it) and the digits (1,797 × 64). Each side runs in a fresh
process and reports its own layout time (kNN, graph and epochs; not file reading); both get the
same epochs, umap-js's own default for the size (digits 500, clusters 200), and they take
turns run by run. Prints median times, the ratio, and the quality of each layout: the mean
share of each point's 10 nearest neighbours in 2-D with its label, and trustworthiness at
k = 10.

Needs Debian's python3-sklearn (for the data and nothing else) and node; installs umap-js from
npm into a folder outside the repository (default /tmp/lantern-umap-js) when it is not there.

    bench/umap_vs_umapjs.py [--cli build/release/bin/lantern-cli] [--repeat 3] [--umap-js DIR]
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.datasets import load_digits, make_blobs

HERE = os.path.dirname(os.path.abspath(__file__))


def write_embedding(folder, values):
    """A log directory holding one projector embedding, 'points', as a TSV."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "vectors.tsv")
    np.savetxt(path, values.astype(np.float32), fmt="%.9g", delimiter="\t")
    with open(os.path.join(folder, "projector_config.pbtxt"), "w") as config:
        config.write('embeddings { tensor_name: "points" tensor_path: "vectors.tsv" }\n')
    return path


def seconds_from(output):
    match = re.search(r"time: ([0-9.]+) s", output)
    if not match:
        sys.exit("no time in:\n" + output)
    return float(match.group(1))


def run(command, env=None):
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(" ".join(command) + " failed:\n" + done.stdout + done.stderr)
    return seconds_from(done.stdout)


def ranks_by_distance(points, rows):
    """For each of `rows`, every point ordered by squared distance (the row itself first)."""
    squared = (points**2).sum(1)
    d = squared[rows, None] + squared[None, :] - 2 * points[rows] @ points.T
    d[np.arange(len(rows)), rows] = -np.inf
    return np.argsort(d, axis=1, kind="stable")


def quality(original, layout, labels, k=10, chunk=500):
    """(10-NN label agreement, trustworthiness@10), in chunks of rows to bound memory."""
    n = len(original)
    original = original.astype(np.float64)
    layout = layout.astype(np.float64)
    agreement = 0.0
    penalty = 0.0
    for start in range(0, n, chunk):
        rows = np.arange(start, min(n, start + chunk))
        near_layout = ranks_by_distance(layout, rows)[:, 1 : k + 1]
        agreement += (labels[near_layout] == labels[rows, None]).sum() / k
        order = ranks_by_distance(original, rows)
        rank = np.empty_like(order)
        rank[np.arange(len(rows))[:, None], order] = np.arange(n)[None, :]
        ranked = rank[np.arange(len(rows))[:, None], near_layout]
        penalty += np.maximum(ranked - k, 0).sum()
    trust = 1 - 2 / (n * k * (2 * n - 3 * k - 1)) * penalty
    return agreement / n, trust


def read_layout(path):
    return np.loadtxt(path, delimiter="\t", ndmin=2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default="build/release/bin/lantern-cli")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--umap-js", default="/tmp/lantern-umap-js")
    arguments = parser.parse_args()

    modules = os.path.join(arguments.umap_js, "node_modules")
    if not os.path.isdir(os.path.join(modules, "umap-js")):
        subprocess.run(["npm", "install", "--prefix", arguments.umap_js, "umap-js@1.4.0"],
                       check=True, capture_output=True)
    node_env = dict(os.environ, NODE_PATH=modules)

    blobs, blob_labels = make_blobs(n_samples=10000, n_features=50, centers=10,
                                    cluster_std=6.0, center_box=(-10, 10), shuffle=True,
                                    random_state=0)
    digits = load_digits()
    cases = [("digits 1,797 × 64", digits.data, digits.target, 500),
             ("10 clusters 10,000 × 50", blobs, blob_labels, 200)]

    print(f"UMAP, {arguments.repeat} runs each (medians of time, means of quality), "
          "the same epochs for both")
    print(f"{'data':<26}{'method':<22}{'epochs':>7}{'seconds':>9}{'ratio':>7}"
          f"{'10-NN label':>13}{'trust@10':>10}")
    with tempfile.TemporaryDirectory() as temp:
        for name, values, labels, epochs in cases:
            folder = os.path.join(temp, str(len(values)))
            tsv = write_embedding(folder, values)
            values = np.loadtxt(tsv, delimiter="\t")  # what both sides read
            out = os.path.join(temp, "layout.tsv")
            # The two sides take turns, so that a change in the machine's load touches both.
            runs = {method: ([], [], []) for method in ("umap-js (node)", "lantern-cli umap")}
            for seed in range(1, arguments.repeat + 1):
                for method, (times, agreements, trusts) in runs.items():
                    if method.startswith("umap-js"):
                        command = ["node", os.path.join(HERE, "umap_js_run.js"), tsv, out,
                                   str(epochs), str(seed)]
                        times.append(run(command, node_env))
                    else:
                        command = [arguments.cli, "project", folder, "--embedding", "points",
                                   "--method", "umap", "--iterations", str(epochs),
                                   "--seed", str(seed), "--out", out]
                        times.append(run(command))
                    agreement, trust = quality(values, read_layout(out), labels)
                    agreements.append(agreement)
                    trusts.append(trust)
            results = {method: (statistics.median(times), statistics.mean(agreements),
                                statistics.mean(trusts))
                       for method, (times, agreements, trusts) in runs.items()}
            baseline = results["umap-js (node)"][0]
            for method, (seconds, agreement, trust) in results.items():
                print(f"{name:<26}{method:<22}{epochs:>7}{seconds:>9.2f}"
                      f"{seconds / baseline:>7.2f}{agreement:>13.3f}{trust:>10.3f}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
