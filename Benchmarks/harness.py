#!/usr/bin/env python3
"""Suan against its peers, side by side in one run. Each workload runs in Suan and in a peer
(Python's decimal; qalc for start-up when installed), alternating, several times; the table shows
medians, the Suan/peer ratio, peak memory, and whether the answers match."""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(ROOT, "Benchmarks")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))

def run(cmd, cwd):
    """Wall time, peak RSS (KiB) and stdout of one run."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env={**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8"})
    out, err = p.communicate()
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err.decode()}")
    return elapsed, out.decode().strip()

def peak_kib(cmd, cwd):
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, capture_output=True,
                       env={**os.environ, "NO_COLOR": "1", "LANG": "C.UTF-8"})
    return int(r.stderr.decode().strip().splitlines()[-1])

def answer(text):
    """The last line, without thousands separators, for comparing answers."""
    return text.strip().splitlines()[-1].replace(",", "") if text.strip() else ""

def measure(name, cmds, cwd, runs=RUNS):
    """Runs each command `runs` times, alternating; returns medians and answers."""
    times = {label: [] for label, _ in cmds}
    answers = {}
    for _ in range(runs):
        for label, cmd in cmds:
            t, out = run(cmd, cwd)
            times[label].append(t)
            answers[label] = answer(out)
    return {label: statistics.median(ts) for label, ts in times.items()}, answers

def main():
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the start", file=sys.stderr)
    print("building release…", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release"], cwd=ROOT, check=True, capture_output=True)
    suan = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                                       check=True, capture_output=True, text=True).stdout.strip(), "suan")
    work = tempfile.mkdtemp(prefix="suan-bench-")
    py = sys.executable
    rows, scaling = [], []

    def row(workload, suan_cmd, peer_cmd, peer_name, cwd=work, runs=RUNS, memory=False):
        medians, answers = measure(workload, [("suan", suan_cmd), (peer_name, peer_cmd)], cwd, runs)
        match = answers["suan"] == answers[peer_name]
        mem = f"{peak_kib(suan_cmd, cwd) / 1024:.0f} MiB (peer {peak_kib(peer_cmd, cwd) / 1024:.0f} MiB)" if memory else ""
        rows.append((workload, medians["suan"], peer_name, medians[peer_name], match, answers["suan"], mem))

    sweep = "count a in 0%..9.99% step 0.01%, b in 0%..9.99% step 0.01% where (项目支出 + b) / (基本支出 - a + (项目支出 + b)) >= 35%"
    print("sweep…", file=sys.stderr)
    row("sweep 1000×1000", [suan, "-e", "load 2022", "-e", sweep], [py, os.path.join(HERE, "peer/sweep.py")], "python decimal")

    # The same grid as compiled Swift loops (peer/sweep.swift): over Foundation's Decimal, and over
    # integers with the division cross-multiplied away (the floor for any interpreter).
    swiftc = shutil.which("swiftc")
    if swiftc:
        compiled = os.path.join(work, "sweep-swift")
        subprocess.run([swiftc, "-O", os.path.join(HERE, "peer/sweep.swift"), "-o", compiled], check=True, capture_output=True)
        row("sweep 1000×1000", [suan, "-e", "load 2022", "-e", sweep], [compiled], "compiled Swift, Foundation Decimal")
        row("sweep 1000×1000", [suan, "-e", "load 2022", "-e", sweep], [compiled, "integers"], "compiled Swift, integers (no division)")

    print("start-up…", file=sys.stderr)
    row("start-up (-e)", [suan, "-e", "2433.84万元 + 1188.56万元"], [py, os.path.join(HERE, "peer/startup.py")], "python decimal", runs=max(RUNS, 11))
    if shutil.which("qalc"):
        medians, answers = measure("start-up", [("suan", [suan, "-e", "2433.84 + 1188.56"]), ("qalc", ["qalc", "-t", "2433.84 + 1188.56"])], work, max(RUNS, 11))
        rows.append(("start-up (-e)", medians["suan"], "qalc", medians["qalc"], answers["suan"] == answers["qalc"], answers["suan"], ""))

    print("load…", file=sys.stderr)
    subprocess.run([py, os.path.join(HERE, "generate.py"), work, "10000"], check=True)
    score = "sum(map(项目, score))"
    row("load+score 10k projects (year file)", [suan, "-e", 'load "bench-year.suan"', "-e", score],
        [py, os.path.join(HERE, "peer/load_score.py"), "bench-year.csv"], "python decimal", memory=True)
    row("load+score 10k projects (CSV)", [suan, "-e", 'load "bench-year.csv"', "-e", score],
        [py, os.path.join(HERE, "peer/load_score.py"), "bench-year.csv"], "python decimal", memory=True)

    print("province…", file=sys.stderr)
    # A province-sized batch: 1,000 departments × 50 projects, each scored and graded (优/良/中/差),
    # read as one year of 50,000 projects; the answer is how many are graded 优.
    province = os.path.join(work, "province")
    subprocess.run([py, os.path.join(HERE, "generate.py"), province, "50000"], check=True)
    row("province: 50k projects (1,000 depts × 50) scored + graded", [suan, "-e", 'load "bench-year.suan"', "-e", 'fn 优(p) = grade(p) == "优"', "-e", "len(filter(项目, 优))"],
        [py, os.path.join(HERE, "peer/load_score.py"), "bench-year.csv", "grade"], "python decimal", cwd=province, runs=min(RUNS, 3), memory=True)
    # The same batch on one thread (`--jobs 1`), to show what the split across cores brings.
    row("province, --jobs 1 (serial)", [suan, "--jobs", "1", "-e", 'load "bench-year.suan"', "-e", 'fn 优(p) = grade(p) == "优"', "-e", "len(filter(项目, 优))"],
        [py, os.path.join(HERE, "peer/load_score.py"), "bench-year.csv", "grade"], "python decimal", cwd=province, runs=min(RUNS, 3))

    # The scale target: 100,000 projects loaded and scored, with peak memory.
    print("100k…", file=sys.stderr)
    large = os.path.join(work, "large")
    subprocess.run([py, os.path.join(HERE, "generate.py"), large, "100000"], check=True)
    row("load+score 100k projects (year file)", [suan, "-e", 'load "bench-year.suan"', "-e", score],
        [py, os.path.join(HERE, "peer/load_score.py"), "bench-year.csv"], "python decimal", cwd=large, runs=min(RUNS, 3), memory=True)

    print("scenarios…", file=sys.stderr)
    scen = "count k in 1..10000 step 1 where (scenario from y2022 { 基本支出 -= k * 0.01万元; 项目支出 += k * 0.005万元 }).项目支出占比 > 33%"
    row("10k scenarios", [suan, "-e", "load 2022", "-e", scen], [py, os.path.join(HERE, "peer/scenarios.py")], "python decimal")
    row("10k scenarios, --jobs 1 (serial)", [suan, "--jobs", "1", "-e", "load 2022", "-e", scen], [py, os.path.join(HERE, "peer/scenarios.py")], "python decimal")

    print("scaling…", file=sys.stderr)
    for n, step in ((100, "0.1%"), (316, "0.0316%"), (1000, "0.01%")):
        high = {100: "9.9%", 316: "9.9856%", 1000: "9.99%"}[n]
        expr = f"count a in 0%..{high} step {step}, b in 0%..{high} step {step} where (项目支出 + b) / (基本支出 - a + (项目支出 + b)) >= 35%"
        medians, answers = measure("sweep", [("suan", [suan, "-e", "load 2022", "-e", expr])], work, 3)
        scaling.append((f"sweep {n * n:,} cells", medians["suan"]))
    for n in (1000, 10000, 100000):
        d = os.path.join(work, f"n{n}")
        subprocess.run([py, os.path.join(HERE, "generate.py"), d, str(n)], check=True)
        medians, _ = measure("load", [("suan", [suan, "-e", 'load "bench-year.suan"', "-e", score])], d, 3)
        scaling.append((f"load+score {n:,} projects", medians["suan"]))

    print(f"\n| workload | Suan | peer | peer time | Suan ÷ peer | verdict | same answer | peak memory |")
    print("|---|---|---|---|---|---|---|---|")
    for workload, s, peer, p, match, ans, mem in rows:
        verdict = f"Suan {p / s:.1f}× faster" if s < p else f"peer {s / p:.1f}× faster"
        print(f"| {workload} | {s * 1000:.0f} ms | {peer} | {p * 1000:.0f} ms | {s / p:.2f} | {verdict} | {'yes' if match else 'NO'} ({ans}) | {mem} |")
    print("\n| scaling | Suan |\n|---|---|")
    for label, t in scaling:
        print(f"| {label} | {t * 1000:.0f} ms |")
    shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
