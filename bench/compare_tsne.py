#!/usr/bin/env python3
"""t-SNE side by side: lantern-cli project --method tsne against scikit-learn's Barnes-Hut TSNE.

Issue 19's benchmark. For each data set it writes a projector folder (vectors.tsv and
projector_config.pbtxt), then, in the same run and each in a fresh process, times scikit-learn's
TSNE (2 threads, its defaults otherwise) and `lantern-cli project --method tsne` (the embedding
time alone for both: no loading, no writing), and measures both layouts the same way: the mean
share of each point's 10 nearest neighbours in 2-D with its label, and trustworthiness at k = 10
(computed here in chunks, so it fits in memory for 70,000 points; it agrees with
sklearn.manifold.trustworthiness).

Data: issue 19's clusters, make_blobs(n_samples=N, n_features=50, centers=10, cluster_std=6.0,
center_box=(-10, 10), shuffle=True, random_state=0), and the digits (1,797 x 64) shipped with
scikit-learn.

scikit-learn is needed for the benchmark only, not by Lantern:
    apt-get install python3-sklearn        (Debian 12: scikit-learn 1.2)
Run it through CMake (builds lantern-cli first):
    cmake --build --preset release --target bench-compare-tsne
or directly:
    python3 bench/compare_tsne.py --cli build/release/bin/lantern-cli [--sizes 10000 70000]
        [--repeat 3] [--iterations 1000] [--no-digits]
"""

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

try:
    from sklearn.datasets import load_digits, make_blobs
    from sklearn.neighbors import NearestNeighbors
except ImportError:
    sys.exit("compare_tsne.py needs scikit-learn: apt-get install python3-sklearn")

# Runs in a fresh process, as lantern-cli does: times TSNE.fit_transform alone.
SKLEARN_RUN = r"""
import sys, time, numpy as np
from sklearn.manifold import TSNE
values = np.load(sys.argv[1])
kwargs = dict(n_components=2, perplexity=30.0, angle=0.5, method="barnes_hut", n_jobs=2,
              random_state=int(sys.argv[4]))
try:
    tsne = TSNE(n_iter=int(sys.argv[3]), **kwargs)
except TypeError:  # scikit-learn 1.5 renamed n_iter
    tsne = TSNE(max_iter=int(sys.argv[3]), **kwargs)
start = time.perf_counter()
layout = tsne.fit_transform(values)
print("time: %.3f s" % (time.perf_counter() - start))
np.save(sys.argv[2], layout.astype(np.float32))
"""


def label_agreement(layout, labels, k=10):
    """Mean share of each point's k nearest neighbours in the layout that have its label."""
    neighbours = NearestNeighbors(n_neighbors=k + 1).fit(layout)
    _, indices = neighbours.kneighbors(layout)
    return float(np.mean(labels[indices[:, 1:]] == labels[:, None]))


def trustworthiness(values, layout, k=10, chunk=1000):
    """Venna & Kaski's trustworthiness, as sklearn.manifold.trustworthiness computes it, but
    with the input ranks of the layout's neighbours counted in chunks of rows (rank of j from i
    = 1 + the points nearer to i than j), so 70,000 points need no 70,000^2 matrix."""
    n = len(values)
    _, layout_nn = NearestNeighbors(n_neighbors=k + 1).fit(layout).kneighbors(layout)
    layout_nn = layout_nn[:, 1:]
    values = values.astype(np.float64)
    norms = np.einsum("ij,ij->i", values, values)
    penalty = 0.0
    for start in range(0, n, chunk):
        rows = np.arange(start, min(n, start + chunk))
        d = norms[rows, None] + norms[None, :] - 2 * values[rows] @ values.T
        d[np.arange(len(rows)), rows] = np.inf  # the point itself is not its neighbour
        to_neighbours = np.take_along_axis(d, layout_nn[rows], axis=1)
        ranks = np.empty(to_neighbours.shape, dtype=np.int64)
        for column in range(k):
            ranks[:, column] = 1 + (d < to_neighbours[:, column:column + 1]).sum(axis=1)
        penalty += np.maximum(ranks - k, 0).sum()
    return 1.0 - 2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)) * penalty


def write_projector_folder(folder, values):
    os.makedirs(folder, exist_ok=True)
    np.savetxt(os.path.join(folder, "vectors.tsv"), values, delimiter="\t", fmt="%.9g")
    with open(os.path.join(folder, "projector_config.pbtxt"), "w") as config:
        config.write('embeddings { tensor_name: "points" tensor_path: "vectors.tsv" }\n')
    # What lantern-cli reads back, as float32, so that both sides get the same numbers.
    return np.loadtxt(os.path.join(folder, "vectors.tsv"), delimiter="\t", dtype=np.float32)


def child_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def seconds_of(output):
    match = re.search(r"time: ([0-9.]+) s", output)
    if not match:
        raise RuntimeError("no time in output:\n" + output)
    return float(match.group(1))


def run_sklearn(work, values, iterations, seed):
    source = os.path.join(work, "values.npy")
    target = os.path.join(work, "sklearn_layout.npy")
    np.save(source, values)
    cpu = child_cpu_seconds()
    result = subprocess.run([sys.executable, "-c", SKLEARN_RUN, source, target, str(iterations),
                             str(seed)], capture_output=True, text=True, check=True)
    return seconds_of(result.stdout), child_cpu_seconds() - cpu, np.load(target)


def run_lantern(cli, folder, iterations, seed):
    out = os.path.join(folder, "lantern_layout.tsv")
    cpu = child_cpu_seconds()
    result = subprocess.run([cli, "project", folder, "--embedding", "points", "--method", "tsne",
                             "--iterations", str(iterations), "--seed", str(seed), "--out", out],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("lantern-cli failed:\n" + result.stderr)
    return (seconds_of(result.stdout), child_cpu_seconds() - cpu,
            np.loadtxt(out, delimiter="\t", dtype=np.float32))


def compare(name, values, labels, args, work):
    folder = os.path.join(work, name)
    values = write_projector_folder(folder, values)
    rows = {"sklearn": [], "lantern": []}
    for repeat in range(args.repeat):
        # Alternate which goes first, so neither always meets a warmer machine.
        order = ["sklearn", "lantern"] if repeat % 2 == 0 else ["lantern", "sklearn"]
        for who in order:
            if who == "sklearn":
                seconds, cpu, layout = run_sklearn(folder, values, args.iterations, repeat)
            else:
                seconds, cpu, layout = run_lantern(args.cli, folder, args.iterations, repeat + 1)
            rows[who].append((seconds, cpu, layout))
            print(f"  {name}: {who} run {repeat + 1}: {seconds:.2f} s ({cpu:.2f} s of processor "
                  "time for the whole process)", flush=True)
    results = {}
    for who, runs in rows.items():
        # The quality of the median-time run's layout.
        median_run = sorted(runs, key=lambda run: run[0])[len(runs) // 2]
        results[who] = (statistics.median(run[0] for run in runs),
                        statistics.median(run[1] for run in runs),
                        label_agreement(median_run[2], labels),
                        trustworthiness(values, median_run[2]))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cli", default="build/release/bin/lantern-cli")
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000])
    parser.add_argument("--iterations", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1, help="runs each; medians are shown")
    parser.add_argument("--no-digits", action="store_true")
    parser.add_argument("--work", help="folder for the data (default: a temporary one)")
    args = parser.parse_args()

    sets = []
    if not args.no_digits:
        digits = load_digits()
        sets.append(("digits 1797x64", digits.data.astype(np.float32), digits.target))
    for size in args.sizes:
        values, labels = make_blobs(n_samples=size, n_features=50, centers=10, cluster_std=6.0,
                                    center_box=(-10, 10), shuffle=True, random_state=0)
        sets.append((f"clusters {size}x50", values.astype(np.float32), labels))

    with tempfile.TemporaryDirectory(dir=args.work) as work:
        table = []
        for name, values, labels in sets:
            print(f"{name}: {args.iterations} iterations, {args.repeat} run(s) each", flush=True)
            table.append((name, compare(name.split()[0] + str(len(values)), values, labels, args,
                                        work)))
    print()
    print(f"{'data':<20} {'method':<8} {'seconds':>8} {'ratio':>6} {'cpu s':>8} {'ratio':>6} "
          f"{'10-NN labels':>12} {'trust@10':>9}")
    for name, results in table:
        baseline, cpu_baseline = results["sklearn"][0], results["sklearn"][1]
        for who in ("sklearn", "lantern"):
            seconds, cpu, agreement, trust = results[who]
            print(f"{name:<20} {who:<8} {seconds:>8.2f} {seconds / baseline:>6.2f} {cpu:>8.2f} "
                  f"{cpu / cpu_baseline:>6.2f} {agreement:>12.3f} {trust:>9.3f}")
    print("\nseconds: the embedding alone, wall clock (the issue's measure); ratio: against "
          "sklearn's in this run (target <= 0.5).\ncpu s: processor time of the whole process "
          "(loading included), which a busy machine disturbs less.\nQuality target: both "
          "measures >= sklearn's - 0.01.")


if __name__ == "__main__":
    main()
