"""Suan 算 for Jupyter: a kernel on ipykernel's Kernel base class that keeps one `suan --machine`
process per notebook (docs/machine.md) and sends it each cell.

`suan kernel install` writes this file next to kernel.json; kernel.json's `env` names the suan
binary in SUAN_BIN. Results with tables display as HTML (text/plain beside it: the terminal's
drawing), values as plain text (`67.19%  [Ratio]`), each chart as image/svg+xml after the cell's
other results; every text comes from suan in the session's language. A failed cell is a Jupyter
error whose traceback is the caret text and a line saying the whole cell was undone. Interrupt
sends SIGINT to the suan process, which stops the cell and keeps the session; restart starts a new
process (a fresh session). The suan process dies with the kernel, however the kernel ends.
"""

import ctypes
import json
import os
import signal
import subprocess
import sys

from ipykernel.kernelapp import IPKernelApp
from ipykernel.kernelbase import Kernel


def chinese():
    """Whether messages are in Chinese: SUAN_LANG, else the locale, as suan decides."""
    suan_lang = os.environ.get("SUAN_LANG", "")
    if suan_lang:
        return suan_lang.lower().startswith("zh")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return os.environ[name].lower().startswith("zh")
    return False


def words(zh, en):
    """The kernel's own message (what suan cannot say because it is not running) in the locale's language."""
    return zh if chinese() else en


# The C library, loaded before any fork: the child between fork and exec should do no more than call it.
LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None
PR_SET_PDEATHSIG = 1


def die_with_parent():
    """Runs in the child before exec: Linux sends it SIGKILL when the kernel ends, even by SIGKILL.
    (`suan --machine` also watches its parent, on every system.)"""
    if LIBC is not None:
        LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


class SuanMissing(Exception):
    """The suan binary named in kernel.json cannot be started."""

    def __init__(self, binary, reason):
        super().__init__(binary)
        self.binary = binary
        self.reason = reason


class SuanProcess:
    """One `suan --machine` child: a request is one JSON line out, the reply one JSON line back."""

    def __init__(self, binary):
        # Its own session: only the kernel's explicit SIGINT reaches it, once per interrupt.
        try:
            self.process = subprocess.Popen(
                [binary, "--machine"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                encoding="utf-8",
                bufsize=1,
                start_new_session=True,
                preexec_fn=die_with_parent,
            )
        except OSError as error:
            raise SuanMissing(binary, error.strerror or str(error)) from None
        self.next_id = 0

    def alive(self):
        return self.process.poll() is None

    def interrupt(self):
        if self.alive():
            self.process.send_signal(signal.SIGINT)

    def request(self, fields):
        """Sends one request and waits for its reply; Ctrl-C (KeyboardInterrupt) is passed on
        to suan as SIGINT and the wait goes on for the `interrupted` reply. None when suan ended."""
        self.next_id += 1
        request = dict(fields, id=self.next_id)
        try:
            self.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            return None
        while True:
            try:
                line = self.process.stdout.readline()
            except KeyboardInterrupt:
                self.interrupt()
                continue
            if not line:
                return None
            reply = json.loads(line)
            if reply.get("id") == self.next_id:
                return reply

    def close(self):
        if self.alive():
            try:
                self.process.stdin.close()
                self.process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()


def plain_texts(reply, charts):
    """The texts suan gave (what the REPL prints) for the charts of a reply, or for the rest."""
    pairs = zip(reply.get("results", []), reply.get("texts", []))
    return [text for result, text in pairs if (result.get("kind") == "chart") == charts]


def inspected_words(code, cursor_pos):
    """The name or field path under the cursor (`y2022.基本支出`), and, when it holds a hyphen, the
    part around the cursor without it: `what-if` is a help topic, `a-b` two names."""
    def part(extra):
        def word(c):
            return c.isalnum() or c in "_." + extra
        start = end = cursor_pos
        while start > 0 and word(code[start - 1]):
            start -= 1
        while end < len(code) and word(code[end]):
            end += 1
        return code[start:end].strip(".-")
    found = [part("-"), part("")]
    return [w for i, w in enumerate(found) if w and w not in found[:i]]


class SuanKernel(Kernel):
    implementation = "suan"
    implementation_version = "0.1.0"
    language = "suan"
    language_version = "0.1.0"
    # The lexer of editors/pygments (`pip install editors/pygments`); nbconvert falls back to plain
    # text when it is not installed (docs/machine.md).
    language_info = {
        "name": "suan",
        "mimetype": "text/x-suan",
        "file_extension": ".suan",
        "pygments_lexer": "suan",
    }
    banner = "Suan 算: exact budget arithmetic, year data and what-if planning"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.suan = None

    def suan_session(self):
        """The suan process, started on first use and again after it ended; raises SuanMissing."""
        if self.suan is None or not self.suan.alive():
            self.suan = SuanProcess(os.environ.get("SUAN_BIN") or "suan")
        return self.suan

    def ask(self, fields):
        """The reply of suan to one request; None when it cannot be started or ended."""
        try:
            return self.suan_session().request(fields)
        except SuanMissing:
            return None

    def ok(self):
        return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}

    def fail(self, name, value, traceback):
        content = {"ename": name, "evalue": value, "traceback": traceback}
        self.send_response(self.iopub_socket, "error", content)
        return dict(content, status="error", execution_count=self.execution_count)

    async def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False, **_):
        if not code.strip():
            return self.ok()
        try:
            reply = self.suan_session().request({"code": code})
        except SuanMissing as missing:
            message = words(f"找不到 suan 程序“{missing.binary}”（{missing.reason}）：它被移动或删除了；请用现在的 suan 再运行一次 suan kernel install",
                            f"the suan binary '{missing.binary}' cannot be started ({missing.reason}): it was moved or removed; run `suan kernel install` again with the suan you use now")
            return self.fail("SuanMissing", message, [message])
        if reply is None:
            self.suan = None
            message = words("suan 进程已结束；下一个单元格将开始新的会话",
                            "the suan process ended; the next cell starts a fresh session")
            return self.fail("SuanExited", message, [message])
        # Charts come apart from the rest as SVG documents (`charts`, in order); `html` holds the rest.
        charts = [r for r in reply.get("results", []) if r.get("kind") == "chart"]
        if not silent and len(charts) < len(reply.get("results", [])):
            data = {"text/plain": "\n".join(plain_texts(reply, charts=False))}
            if any(r.get("kind") == "table" for r in reply.get("results", [])):
                data["text/html"] = reply.get("html", "")
            self.send_response(self.iopub_socket, "execute_result",
                               {"execution_count": self.execution_count, "data": data, "metadata": {}})
        if not silent:
            for svg, text in zip(reply.get("charts", []), plain_texts(reply, charts=True)):
                self.send_response(self.iopub_socket, "display_data",
                                   {"data": {"image/svg+xml": svg, "text/plain": text}, "metadata": {}})
        diagnostics = reply.get("diagnostics", [])
        errors = [d for d in diagnostics if d.get("severity") == "error"]
        for d in diagnostics:
            if d.get("severity") != "error" and not silent:
                self.send_response(self.iopub_socket, "stream", {"name": "stderr", "text": d.get("rendered", "") + "\n"})
        status = reply.get("status")
        undone = reply.get("undone", "")
        if status == "success":
            return self.ok()
        if status == "interrupted":
            return self.fail("KeyboardInterrupt", undone, [undone])
        if status == "error":
            error = reply.get("error", {})
            return self.fail(error.get("code", "SuanError"), error.get("message", ""), [])
        # failure, incomplete (a cell has no next line: its end is the error)
        first = errors[0] if errors else {}
        return self.fail(first.get("id", "SuanError"), first.get("message", status or ""),
                         [d.get("rendered", "") for d in errors] + [undone])

    async def do_complete(self, code, cursor_pos):
        reply = self.ask({"complete": code[:cursor_pos]}) or {}
        replacing = reply.get("replacing", 0)
        matches = reply.get("matches", [])
        # A project name comes with its `"]`; the one the editor put after the cursor when it
        # closed `项目["` itself is replaced, not doubled.
        after = code[cursor_pos:]
        closing = 0
        if matches and all(m.endswith('"]') for m in matches):
            closing = 2 if after.startswith('"]') else 1 if after.startswith('"') else 0
        return {
            "status": "ok",
            "matches": matches,
            "cursor_start": cursor_pos - replacing,
            "cursor_end": cursor_pos + closing,
            "metadata": {},
        }

    async def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        """Shift-Tab: the type and value of the name (or field path, y2022.基本支出) under the
        cursor, and the `:help` text when it names a topic (what-if)."""
        for name in inspected_words(code, cursor_pos):
            reply = self.ask({"inspect": name})
            if not reply or not reply.get("found"):
                continue
            lines = []
            if reply.get("type"):
                lines.append(name + ": " + reply["type"] + (" = " + reply["text"] if reply.get("text") else ""))
            if reply.get("help"):
                lines.append(reply["help"])
            return {"status": "ok", "found": True, "data": {"text/plain": "\n".join(lines)}, "metadata": {}}
        return {"status": "ok", "found": False, "data": {}, "metadata": {}}

    async def do_shutdown(self, restart):
        if self.suan is not None:
            self.suan.close()
            self.suan = None
        return {"status": "ok", "restart": restart}


if __name__ == "__main__":
    IPKernelApp.launch_instance(kernel_class=SuanKernel)
