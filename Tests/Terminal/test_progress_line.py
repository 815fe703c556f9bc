"""Issue 14: long work shows a progress line on standard error, only when that is a terminal.

A `count` grid that runs for seconds is started on a pseudo-terminal: a line such as
`suan: count 45% (90/200 rows)` appears, is redrawn in place, and is erased before the answer.
The same run with standard error on a pipe prints no such line. Loading a large year file shows
`suan: loading 40%` the same way.
"""
import os
import pathlib
import pty
import select
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("SUAN_BIN") or str(ROOT / ".build/debug/suan")
# Seconds of work on any machine: 40,000 cells, each 40 nested calls.
LONG = ["-e", "fn f(n) = if n <= 0 then 0 else f(n - 1) + 1",
        "-e", "count a in 1..200 step 1, b in 1..200 step 1 where f(40) + a > b"]
ANSWER = "27,120"
ENV = {"LANG": "C.UTF-8", "TERM": "xterm", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}


def on_a_terminal(arguments, home, cwd=None, extra=None):
    """Runs the binary on a pseudo-terminal; returns its exit status and everything it wrote."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.clear()
        os.environ.update({**ENV, "HOME": str(home), **(extra or {})})
        if cwd:
            os.chdir(cwd)
        os.execv(BINARY, [BINARY] + arguments)
    output = b""
    deadline = time.time() + 120
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
    _, status = os.waitpid(pid, 0)
    return os.WEXITSTATUS(status), output.decode()


def test_a_long_count_shows_a_progress_line_on_a_terminal(tmp_path):
    status, text = on_a_terminal(["--jobs", "2"] + LONG, tmp_path)
    assert status == 0, text
    assert "\rsuan: count " in text and "rows)" in text, text
    assert "/200 rows)" in text
    # The line is erased before the answer, which then starts its own clean line.
    assert "\r\x1b[K" + ANSWER in text, repr(text[-200:])


def test_the_progress_line_speaks_the_session_language(tmp_path):
    status, text = on_a_terminal(["--jobs", "2"] + LONG, tmp_path, extra={"SUAN_LANG": "zh"})
    assert status == 0, text
    assert "\rsuan：count " in text and "/200 行）" in text, repr(text[-300:])


def test_no_progress_line_when_standard_error_is_a_pipe(tmp_path):
    run = subprocess.run([BINARY, "--jobs", "2"] + LONG, capture_output=True, text=True,
                         env={**ENV, "HOME": str(tmp_path)}, timeout=120)
    assert run.returncode == 0
    assert run.stdout == ANSWER + "\n"
    assert run.stderr == ""


def test_loading_a_large_year_file_shows_a_progress_line(tmp_path):
    # 30,000 generated projects (Benchmarks/generate.py): seconds to read in a debug build.
    subprocess.run(["python3", str(ROOT / "Benchmarks/generate.py"), str(tmp_path), "30000"], check=True)
    status, text = on_a_terminal(["-e", 'load "bench-year.suan"', "-e", "len(项目)"], tmp_path, cwd=tmp_path)
    assert status == 0, text[-500:]
    assert "\rsuan: loading " in text and "%" in text, repr(text[-300:])
    assert "\r\x1b[K30,000" in text, repr(text[-300:])


def test_loading_a_large_csv_table_shows_a_progress_line(tmp_path):
    # The same 30,000 projects as a 项目支出绩效自评表 CSV: read row by row, counted in bytes; on a
    # pipe the same load prints its answer alone.
    subprocess.run(["python3", str(ROOT / "Benchmarks/generate.py"), str(tmp_path), "30000"], check=True)
    arguments = ["-e", 'load "bench-year.csv"', "-e", "len(项目)"]
    status, text = on_a_terminal(arguments, tmp_path, cwd=tmp_path)
    assert status == 0, text[-500:]
    assert "\rsuan: loading " in text and "%" in text, repr(text[-300:])
    assert "\r\x1b[K30,000" in text, repr(text[-300:])
    run = subprocess.run([BINARY] + arguments, capture_output=True, text=True,
                         env={**ENV, "HOME": str(tmp_path)}, cwd=tmp_path, timeout=120)
    assert (run.returncode, run.stdout, run.stderr) == (0, "30,000\n", "")
