#!/usr/bin/env python3
"""Runs two builds of lantern-bench-graphs-view alternately in one run (a baseline, such as
main's build, and the build under test) and reports, for every step on the expanded view, the
GUI thread's CPU time within the longest gap between two timer ticks (the stall the user
feels), as the median over the rounds, with the ratio new / baseline.

    python3 bench/compare_graphs_view.py BASELINE_BINARY NEW_BINARY [--rounds N]

Both binaries are run under Xvfb by the caller (xvfb-run -a) or with QT_QPA_PLATFORM=offscreen.
"""
import argparse
import re
import statistics
import subprocess
import sys

# A step line: the name, then wall ms, stall max ms, GUI CPU ms, CPU/gap max (and a ratio).
ROW = re.compile(r"^(?P<name>\S.*?|\s+\S.*?)\s+(?P<wall>[\d.]+)\s+(?P<stall>[\d.]+)"
                 r"\s+(?P<cpu>[\d.]+)\s+(?P<gap>[\d.]+)(\s+[\d.]+x)?$")
REPAINT = re.compile(r"^(?P<name>one repaint.*?)\s+(?P<ms>[\d.]+) ms$")  # a single figure


def measure(binary):
    """{step: CPU/gap max ms} of one run; tool steps are named after their heading."""
    out = subprocess.run([binary], check=True, capture_output=True, text=True).stdout
    figures, heading = {}, None
    for line in out.splitlines():
        repaint = REPAINT.match(line)
        if repaint:
            figures[repaint["name"]] = float(repaint["ms"])
            continue
        row = ROW.match(line)
        if not row:
            heading = line.strip()
            continue
        name = row["name"].strip()
        if name.startswith("baseline"):
            continue
        key = heading if name == "on the expanded view" else name
        figures.setdefault(key, []).append(float(row["gap"]))
    # A step measured in several rounds of one run keeps its worst.
    return {k: (max(v) if isinstance(v, list) else v) for k, v in figures.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("baseline")
    parser.add_argument("new")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    runs = {"baseline": [], "new": []}
    for _ in range(args.rounds):
        runs["baseline"].append(measure(args.baseline))
        runs["new"].append(measure(args.new))
    steps = [s for s in runs["baseline"][0] if all(s in r for r in runs["new"])]
    print(f"{'step (GUI CPU ms in the longest gap, median)':56} {'baseline':>9} {'new':>9} {'ratio':>7}")
    for step in steps:
        base = statistics.median(r[step] for r in runs["baseline"])
        new = statistics.median(r[step] for r in runs["new"])
        ratio = f"{new / base:6.2f}x" if base > 0 else "      -"
        print(f"{step[:56]:56} {base:9.1f} {new:9.1f} {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
