#!/usr/bin/env python3
"""The figures of issue 19, measured side by side in one run (scripts/bench.sh).

Every figure is a median over at least five repetitions, taken in this run: the
benchmarks' own repetitions (Google Benchmark medians) and whole-process wall times of
sdlab-cli and sdlab. Prints one table: figure, measured, target, and whether it holds.
Usage: bench_table.py BUILD_DIR [--repetitions N]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def benchmark_medians(binary, repetitions, pattern=None):
    """Median real time (ns) per benchmark name from a Google Benchmark binary."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        # The JSON goes to a file: the binaries' own console reporters print their
        # ratio tables on stdout.
        command = [binary, f"--benchmark_out={out.name}", "--benchmark_out_format=json",
                   f"--benchmark_repetitions={repetitions}",
                   "--benchmark_report_aggregates_only=true",
                   # repetitions of all benchmarks in random order, so a noisy minute of
                   # this shared machine falls on both sides of a ratio alike
                   "--benchmark_enable_random_interleaving=true"]
        if pattern:
            command.append(f"--benchmark_filter={pattern}")
        subprocess.run(command, check=True, capture_output=True, text=True)
        results = json.load(open(out.name, encoding="utf-8"))
    scale = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}
    medians = {}
    for b in results["benchmarks"]:
        if b.get("aggregate_name") == "median":
            # a fixed iteration count appends "/iterations:N" to the name
            name = b["run_name"].split("/iterations:")[0]
            medians[name] = b["real_time"] * scale[b.get("time_unit", "ns")]
    return medians


def wall_median(command, repetitions, env=None):
    """Median wall time (s) of a whole process, after one warm-up run."""
    subprocess.run(command, check=True, capture_output=True, env=env)
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def break_even(densities, ratios):
    """The density where the ratio falls through 1, interpolated; None if it never does."""
    for (d0, r0), (d1, r1) in zip(zip(densities, ratios), zip(densities[1:], ratios[1:])):
        if r0 >= 1.0 > r1:
            return d0 + (d1 - d0) * (r0 - 1.0) / (r0 - r1)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("build")
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()
    n = max(5, args.repetitions)
    build = os.path.abspath(args.build)
    cli = os.path.join(build, "app/cli/sdlab-cli")
    gui = os.path.join(build, "app/gui/sdlab")
    bench = os.path.join(build, "tests/bench")
    rows = []  # (figure, measured, target, holds or None)

    def row(figure, value, fmt, target, holds):
        rows.append((figure, fmt.format(value) if value is not None else "n/a", target, holds))

    work = tempfile.mkdtemp()
    try:
        t = wall_median([cli, "--version"], n)
        row("sdlab-cli --version, whole process", t * 1e3, "{:.1f} ms", "<= 10 ms", t <= 0.010)
        t = wall_median([cli, "pd", "--signal", "sine", "--steps", "400", "--out",
                         os.path.join(work, "pd")], n)
        row("sdlab-cli pd --signal sine --steps 400", t * 1e3, "{:.1f} ms", "<= 15 ms",
            t <= 0.015)

        sweep = subprocess.run(["bash", os.path.join(HERE, "sweep_vs_numpy.sh"), cli, str(n)],
                               capture_output=True, text=True)
        ratio = None
        for line in sweep.stdout.splitlines():
            if "ratio:" in line:
                ratio = float(line.split("ratio:")[1].split("x")[0])
        if ratio is None:
            reason = (sweep.stdout + sweep.stderr).strip().splitlines()
            rows.append(("sweep 32x32 log, 5000 steps, vs NumPy", "skipped", ">= 20x",
                         None))
            print("sweep vs NumPy skipped: " + (reason[-1] if reason else "no output"),
                  file=sys.stderr)
        else:
            row("sweep 32x32 log, 5000 steps, vs NumPy", ratio, "{:.1f}x faster", ">= 20x",
                ratio >= 20.0)

        layer = benchmark_medians(os.path.join(bench, "sdlab_layer_bench"), n,
                                  "BM_Update|BM_TouchFloor")
        densities = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5]
        ratios = [layer[f"BM_UpdateRecon/{k}"] / layer[f"BM_UpdatePast/{k}"]
                  for k in range(len(densities))]
        row("past update 1000x1000 at 2 %: recon time / past time", ratios[2], "{:.1f}x",
            ">= 10x", ratios[2] >= 10.0)
        floor = layer["BM_UpdateRecon/2"] / layer["BM_TouchFloor/2"]
        rows.append(("  ... recon / one add per touched synapse (the floor)", f"{floor:.1f}x",
                     "reported", None))
        even = break_even(densities, ratios)
        rows.append(("past update break-even density",
                     f"{100 * even:.1f} %" if even else "none in 0.5-50 %", "reported", None))

        training = benchmark_medians(os.path.join(bench, "sdlab_training_bench"), n,
                                     "BM_Pdnn.*/temporal")
        speed = training["BM_PdnnRecon/temporal"] / training["BM_PdnnPast/temporal"]
        row("PDNN [200] temporal: past / recon samples/s", speed, "{:.2f}x", ">= 1.2x",
            speed >= 1.2)

        video = benchmark_medians(os.path.join(bench, "sdlab_video_bench"), n)
        ours, naive, bound = (video["BM_PdPixelEncoder"], video["BM_NaivePerPixel"],
                              video["BM_BandwidthBound"])
        row("640x480 PD encode + reconstruction", ours / 1e6, "{:.2f} ms", "<= 1.5 ms",
            ours <= 1.5e6)
        row("  ... against the bandwidth bound", ours / bound, "{:.2f}x the bound", "<= 1.5x",
            ours / bound <= 1.5)
        row("  ... against the naive per-pixel loop", naive / ours, "{:.1f}x faster", ">= 3x",
            naive / ours >= 3.0)

        # Issue 20: the tutorial-5 LIF network, 20 minibatches, against the same network in
        # PyTorch (Debian's python3-torch; skipped without it). Training samples/s.
        def lif_speed(command):
            runs = [json.loads(subprocess.run(command, check=True, capture_output=True,
                                              text=True).stdout.strip().splitlines()[-1])
                    for _ in range(n)]
            if "skipped" in runs[0]:
                return None
            return statistics.median(r["samples_per_second"] for r in runs)
        ours = lif_speed([os.path.join(bench, "sdlab_lif_bench"), "20"])
        python = os.environ.get("PYTHON", "/usr/bin/python3")
        has_torch = subprocess.run([python, "-c", "import torch"], capture_output=True).returncode == 0
        theirs = lif_speed([python, os.path.join(HERE, "lif_torch.py"), "20"]) \
            if ours and has_torch else None
        if ours is None or theirs is None:
            rows.append(("LIF BPTT 784-1000-10, T 25: samples/s vs PyTorch", "skipped",
                         ">= 1x", None))
            print("LIF vs PyTorch skipped: needs dataset-fashion-mnist and python3-torch",
                  file=sys.stderr)
        else:
            row("LIF BPTT 784-1000-10, T 25: samples/s vs PyTorch", ours / theirs,
                "{:.1f}x faster", ">= 1x", ours >= theirs)

        if os.path.exists(gui):
            env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
            t = wall_median([gui, "--lab", "signal", "--screenshot",
                             os.path.join(work, "signal.png"), "--seconds", "0"], n, env)
            row("sdlab: Signal lab painted and saved (offscreen)", t, "{:.2f} s", "<= 0.8 s",
                t <= 0.8)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    width = max(len(r[0]) for r in rows)
    print(f"\n{'figure':<{width}}  {'measured':>18}  {'target':>10}  holds")
    for figure, measured, target, holds in rows:
        mark = "-" if holds is None else ("yes" if holds else "NO")
        print(f"{figure:<{width}}  {measured:>18}  {target:>10}  {mark}")
    print(f"(medians of {n} repetitions, one run, {time.strftime('%Y-%m-%d')}, "
          f"{os.cpu_count()} cores)")
    return 0 if all(r[3] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
