"""Issue 17: the Jupyter kernel, end to end. `suan kernel install --prefix DIR` writes the kernelspec,
then nbclient runs the notebooks of notebooks/ through it as Jupyter would (docs/machine.md).

The suan binary is SUAN_BIN, else .build/debug/suan; the Python is this one (the test's venv, which
has ipykernel).
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parents[2]
SUAN = os.environ.get("SUAN_BIN") or str(ROOT / ".build" / "debug" / "suan")


@pytest.fixture(scope="module")
def kernel_prefix(tmp_path_factory):
    prefix = tmp_path_factory.mktemp("jupyter")
    done = subprocess.run([SUAN, "kernel", "install", "--prefix", str(prefix), "--python", sys.executable],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    spec = json.loads((prefix / "share/jupyter/kernels/suan/kernel.json").read_text())
    assert spec["display_name"] == "Suan 算"
    assert spec["interrupt_mode"] == "signal"
    old = os.environ.get("JUPYTER_PATH")
    os.environ["JUPYTER_PATH"] = str(prefix / "share/jupyter")
    yield prefix
    if old is None:
        os.environ.pop("JUPYTER_PATH", None)
    else:
        os.environ["JUPYTER_PATH"] = old


def plain(output):
    return output.get("data", {}).get("text/plain", "")


def test_the_2022_notebook_runs_with_an_error_cell_and_the_session_goes_on(kernel_prefix, tmp_path):
    nb = nbformat.read(ROOT / "notebooks" / "2022-shares.ipynb", as_version=4)
    client = NotebookClient(nb, kernel_name="suan", timeout=60, allow_errors=True,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    by_source = {c.source: c.outputs for c in code}
    assert "loaded y2022" in plain(by_source["load 2022"][0])
    assert plain(by_source["基本支出 / 总支出"][0]) == "67.19%  [Ratio]"
    assert plain(by_source["项目支出 / 总支出"][0]) == "32.81%  [Ratio]"
    error = by_source["1万元 + 3件"]
    assert error[0]["output_type"] == "error"
    assert error[0]["ename"] == "dimension-mismatch"
    assert any("^~~~" in line for line in error[0]["traceback"])
    shown = by_source["show y2022"][0]
    assert "<table class=\"suan-table\">" in shown["data"]["text/html"]
    last = code[-1].outputs
    assert plain(last[0]) == "100%  [Ratio]"


def test_a_notebook_without_allowed_errors_stops_at_the_bad_cell(kernel_prefix, tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "suan", "display_name": "Suan 算", "language": "suan"}
    nb.cells = [nbformat.v4.new_code_cell("1万元 + 3件")]
    with pytest.raises(CellExecutionError) as raised:
        NotebookClient(nb, kernel_name="suan", timeout=60, resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert raised.value.ename == "dimension-mismatch"
    assert "^~~~" in str(raised.value)


def test_complete_interrupt_and_restart(kernel_prefix, tmp_path):
    manager, client = start_new_kernel(kernel_name="suan", cwd=str(tmp_path))
    try:
        client.execute_interactive("load 2022", timeout=30)
        reply = client.complete("基本", 2, reply=True, timeout=30)
        assert "基本支出" in reply["content"]["matches"]
        assert reply["content"]["cursor_start"] == 0
        reply = client.inspect("基本支出 / 总支出", 2, reply=True, timeout=30)
        assert reply["content"]["found"]
        assert reply["content"]["data"]["text/plain"] == "基本支出: Money = 2,433.84万元"
        # A field path has its value too; a year's record is cut; what-if is a help topic.
        reply = client.inspect("y2022.基本支出", 8, reply=True, timeout=30)
        assert reply["content"]["data"]["text/plain"] == "y2022.基本支出: Money = 2,433.84万元"
        reply = client.inspect("y2022", 2, reply=True, timeout=30)
        assert len(reply["content"]["data"]["text/plain"]) < 400
        reply = client.inspect("what-if", 6, reply=True, timeout=30)
        assert reply["content"]["found"] and "scenario" in reply["content"]["data"]["text/plain"]
        # The editor closed `项目["` itself: the completion replaces its `"]`.
        code = '项目[""]'
        reply = client.complete(code, 4, reply=True, timeout=30)
        assert reply["content"]["matches"][0].endswith('"]')
        assert (reply["content"]["cursor_start"], reply["content"]["cursor_end"]) == (4, 6)
        # A long run, interrupted: the cell fails as interrupted and the session keeps its year.
        outputs = []
        msg_id = client.execute("fn f(n) = if n == 0 then 0 else f(n - 1) + 1\ntable r in 1..9000000 step 1 { f(300) }")
        time.sleep(1.5)
        manager.interrupt_kernel()
        reply = client.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = client.get_shell_msg(timeout=30)
        assert reply["content"]["status"] == "error"
        assert reply["content"]["ename"] == "KeyboardInterrupt"
        client.execute_interactive("基本支出 / 总支出", timeout=30, output_hook=outputs.append)
        assert any("67.19%" in plain(m["content"]) for m in outputs if m["msg_type"] == "execute_result")
        # Restart: a fresh session, without the year.
        manager.restart_kernel(now=True)
        client.wait_for_ready(timeout=30)
        outputs.clear()
        reply = client.execute_interactive("基本支出", timeout=30, output_hook=outputs.append)
        assert reply["content"]["status"] == "error"
        assert reply["content"]["ename"] == "unknown-name"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_paths_in_a_notebook_are_relative_to_its_folder(kernel_prefix, tmp_path):
    (tmp_path / "mine.suan").write_text((ROOT / "Stdlib" / "years" / "示例-2022.suan").read_text(encoding="utf-8"), encoding="utf-8")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "suan", "display_name": "Suan 算", "language": "suan"}
    nb.cells = [nbformat.v4.new_code_cell('load "mine.suan"')]
    NotebookClient(nb, kernel_name="suan", timeout=60, resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert "mine.suan" in plain(nb.cells[0].outputs[0])


def run_notebook(name, folder):
    """Runs notebooks/NAME through the kernel with nbclient; returns its code cells by source."""
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    NotebookClient(nb, kernel_name="suan", timeout=60, resources={"metadata": {"path": str(folder)}}).execute()
    return {c.source: c.outputs for c in nb.cells if c.cell_type == "code"}


def svgs(outputs):
    return [o["data"]["image/svg+xml"] for o in outputs
            if o["output_type"] == "display_data" and "image/svg+xml" in o.get("data", {})]


def test_the_estimate_notebook_shows_its_basis_figures_and_chart(kernel_prefix, tmp_path):
    cells = run_notebook("estimate-from-history.ipynb", tmp_path)
    loaded = plain(cells["load 示例 2020\nload 示例 2021\nload 示例 2022"][0])
    assert all("loaded 示例" + year in loaded for year in ("2020", "2021", "2022"))
    explained = cells['explain estimate(三年, "社区法律顾问服务", "提供法律服务", 6500件)'][0]["data"]["text/html"]
    # The basis (three years) and the methods, as HTML tables.
    assert explained.count("<table class=\"suan-table\">") == 2
    assert "219.23" in explained and "unit cost" in explained and "<h3>methods</h3>" in explained
    estimate = cells['let 估 = estimate(三年, "社区法律顾问服务", "提供法律服务", 6500件)\n估.单位成本法']
    assert plain(estimate[0]) == "144.38万元  [Money]"
    assert plain(cells["估.趋势法 - 估.平均法"][0]) == "20.00万元  [Money]"
    chart = cells["chart {平均法: 估.平均法, 趋势法: 估.趋势法, 单位成本法: 估.单位成本法}"]
    [svg] = svgs(chart)
    assert svg.startswith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
    assert "趋势法" in svg and "150.00万元" in svg
    # The chart comes as an image only, not again inside HTML.
    assert not any("text/html" in o.get("data", {}) for o in chart)


def test_the_scenario_notebook_compares_and_charts(kernel_prefix, tmp_path):
    cells = run_notebook("scenario-comparison.ipynb", tmp_path)
    warning = cells["scenario 压缩 from y2022 { 基本支出 -= 5% }"]
    assert any(o["output_type"] == "stream" and o["name"] == "stderr" and "自评覆盖率" in o["text"] for o in warning)
    assert plain(cells["压缩.总支出"][0]) == "3,500.71万元  [Money]"
    assert plain(cells["压缩.基本支出占比 - y2022.基本支出占比"][0]) == "-1.14个百分点  [Ratio]"
    compared = cells["compare y2022, 压缩"][0]["data"]["text/html"]
    assert "<table class=\"suan-table\">" in compared and "压缩" in compared and "2,312.15" in compared
    [svg] = svgs(cells["chart y2022, 压缩"])
    assert "压缩" in svg and "y2022" in svg and "<rect" in svg


def new_notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "suan", "display_name": "Suan 算", "language": "suan"}
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    return nb


def run_cells(folder, *cells):
    """Runs the cells in a new notebook, errors allowed; returns each cell's outputs."""
    nb = new_notebook(*cells)
    NotebookClient(nb, kernel_name="suan", timeout=60, allow_errors=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    return [c.outputs for c in nb.cells]


def install_into(prefix, binary, environment=None):
    done = subprocess.run([binary, "kernel", "install", "--prefix", str(prefix), "--python", sys.executable],
                          capture_output=True, text=True, timeout=60, env=environment)
    assert done.returncode == 0, done.stderr
    return done


def test_a_moved_binary_is_a_jupyter_error_that_says_to_install_again(tmp_path, monkeypatch):
    # A copy of suan installs the kernel, then goes away: the cell must fail at once, not hang.
    copy = tmp_path / "bin" / "suan"
    copy.parent.mkdir()
    copy.write_bytes(Path(SUAN).read_bytes())
    copy.chmod(0o755)
    prefix = tmp_path / "jupyter"
    install_into(prefix, str(copy))
    copy.unlink()
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share/jupyter"))
    [outputs] = run_cells(tmp_path, "1 + 1")
    [error] = outputs
    assert error["output_type"] == "error" and error["ename"] == "SuanMissing"
    assert str(copy) in error["evalue"] and "suan kernel install" in error["evalue"]


def test_a_failed_cell_says_the_whole_cell_was_undone(kernel_prefix, tmp_path):
    failed, after = run_cells(tmp_path, "load 2022\n基本支出\nchart y2022\n1/0", "y2022")
    error = [o for o in failed if o["output_type"] == "error"][0]
    assert error["ename"] == "division-by-zero"
    assert "the whole cell was undone" in error["traceback"][-1]
    assert after[0]["ename"] == "unknown-name"


def test_a_cell_that_ends_too_soon_names_its_error(kernel_prefix, tmp_path):
    [outputs] = run_cells(tmp_path, "load 2022\ny2022.")
    error = outputs[-1]
    assert error["ename"] == "incomplete"
    assert "expected a field name" in "\n".join(error["traceback"])


def test_a_huge_table_is_cut_with_a_note(kernel_prefix, tmp_path):
    # A million rows: the notebook gets the first thousand and a note, not hundreds of megabytes.
    [outputs] = run_cells(tmp_path, "load 2022\ntable r in 0%..100% step 0.0001% { 总支出 + r }")
    data = outputs[0]["data"]
    assert data["text/html"].count("<tr>") < 1_100
    assert "999,001 more rows not shown" in data["text/html"]
    assert "999,001 more rows not shown" in data["text/plain"]
    assert len(data["text/html"]) < 1_000_000


def test_tables_have_the_terminal_drawing_as_plain_text(kernel_prefix, tmp_path):
    [outputs] = run_cells(tmp_path, "load 2022\nshow y2022")
    text = plain(outputs[0])
    assert "loaded y2022" in text and "2,433.84" in text and "(table)" not in text and "基本支出" in text


def test_help_and_type_cells_answer_as_in_the_repl(kernel_prefix, tmp_path):
    help, typed, wrong = run_cells(tmp_path, ":help what-if", ":type 1万元 / 2", ":type 不存在")
    assert plain(help[0]).startswith("what-if\nscenario")
    assert plain(typed[0]) == "Money"
    assert wrong[0]["ename"] == "unknown-name"


def test_the_chinese_locale_reaches_the_kernel(tmp_path, monkeypatch):
    prefix = tmp_path / "jupyter"
    install_into(prefix, SUAN)
    monkeypatch.setenv("JUPYTER_PATH", str(prefix / "share/jupyter"))
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("SUAN_LANG", raising=False)
    loaded, failed = run_cells(tmp_path, "load 2022\n基本支出 / 总支出", "1/0")
    assert plain(loaded[0]) == "已载入 y2022（来自 Stdlib/years/seed-2022.suan）\n67.19%  [比率]"
    assert "整个单元格已撤销" in failed[0]["traceback"][-1]


def suan_children(kernel_pid):
    """The pids of the suan processes a kernel started (they are in their own session, but the kernel is their parent)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if int(fields[1]) == kernel_pid and b"--machine" in command:
                found.append(int(entry.name))
    return found


def cpu_ticks(pid):
    """User and system CPU time a process has used, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def gone(pid, within=30.0):
    """Whether the process ended within the time given (polled; a zombie counts as ended)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("how", ["kernel killed", "parent watched"])
def test_the_suan_process_dies_with_a_killed_kernel(kernel_prefix, tmp_path, how):
    if how == "parent watched":
        # Without the kernel's PR_SET_PDEATHSIG, suan itself notices that its parent is gone.
        process = subprocess.Popen([sys.executable, "-c", (
            "import subprocess, sys, time\n"
            f"p = subprocess.Popen([{SUAN!r}, '--machine'], stdin=subprocess.PIPE, start_new_session=True)\n"
            "p.stdin.write('{\"code\":\"fn f(n) = if n == 0 then 0 else f(n - 1) + 1\\\\ntable r in 1..9000000 step 1 { f(300) }\"}\\n'.encode())\n"
            "p.stdin.flush()\n"
            "print(p.pid, flush=True)\n"
            "time.sleep(600)\n")], stdout=subprocess.PIPE, text=True)
        child = int(process.stdout.readline())
        time.sleep(1)
        process.kill()
        process.wait()
        assert gone(child)
        return
    manager, client = start_new_kernel(kernel_name="suan", cwd=str(tmp_path))
    try:
        client.execute("fn f(n) = if n == 0 then 0 else f(n - 1) + 1\ntable r in 1..9000000 step 1 { f(300) }")
        kernel_pid = manager.provisioner.process.pid
        deadline = time.monotonic() + 30
        while not suan_children(kernel_pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        [child] = suan_children(kernel_pid)
        # Kill only once the cell is running in suan (it has used CPU time), not while suan still
        # waits for its first line: then the end of its input alone would end it.
        while cpu_ticks(child) < 50 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert cpu_ticks(child) >= 50
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert gone(child)
