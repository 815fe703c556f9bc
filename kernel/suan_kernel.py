"""Suan 算 for Jupyter: a kernel on ipykernel's Kernel base class that keeps one `suan --machine`
process per notebook (docs/machine.md) and sends it each cell.

`suan kernel install` writes this file next to kernel.json; kernel.json's `env` names the suan
binary in SUAN_BIN. Results with tables display as HTML (text/plain beside it), values as plain
text (`67.19%  [Ratio]`), each chart as image/svg+xml after the cell's other results; a failed cell is a Jupyter error whose traceback is the caret
text, and the session is as it was before the cell. Interrupt sends SIGINT to the suan process,
which stops the cell and keeps the session; restart starts a new process (a fresh session).
"""

import json
import os
import signal
import subprocess

from ipykernel.kernelapp import IPKernelApp
from ipykernel.kernelbase import Kernel


class SuanProcess:
    """One `suan --machine` child: a request is one JSON line out, the reply one JSON line back."""

    def __init__(self, binary):
        # Its own session: only the kernel's explicit SIGINT reaches it, once per interrupt.
        self.process = subprocess.Popen(
            [binary, "--machine"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            encoding="utf-8",
            bufsize=1,
            start_new_session=True,
        )
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


def plain_text(results):
    """The results as the REPL prints them: a value with its type, a heading or text as is."""
    lines = []
    for r in results:
        kind = r.get("kind")
        if kind == "value":
            text = r.get("text", "")
            if r.get("label"):
                text = r["label"] + " = " + text
            lines.append(text + "  [" + r.get("type", "") + "]")
        elif kind == "loaded":
            lines.append("loaded " + r.get("name", "") + " from " + r.get("label", ""))
        elif kind in ("heading", "text"):
            lines.append(r.get("text", ""))
        elif kind in ("table", "chart"):
            if r.get("title"):
                lines.append(r["title"])
            lines.append("(" + kind + ")")
    return "\n".join(lines)


class SuanKernel(Kernel):
    implementation = "suan"
    implementation_version = "0.1.0"
    language = "suan"
    language_version = "0.1.0"
    language_info = {
        "name": "suan",
        "mimetype": "text/x-suan",
        "file_extension": ".suan",
        "pygments_lexer": "text",
    }
    banner = "Suan 算: exact budget arithmetic, year data and what-if planning"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.suan = None

    def suan_session(self):
        """The suan process, started on first use and again after it ended."""
        if self.suan is None or not self.suan.alive():
            self.suan = SuanProcess(os.environ.get("SUAN_BIN") or "suan")
        return self.suan

    def fail(self, name, value, traceback):
        content = {"ename": name, "evalue": value, "traceback": traceback}
        self.send_response(self.iopub_socket, "error", content)
        return dict(content, status="error", execution_count=self.execution_count)

    async def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False, **_):
        if not code.strip():
            return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}
        reply = self.suan_session().request({"code": code})
        if reply is None:
            self.suan = None
            return self.fail("SuanExited", "the suan process ended; the next cell starts a fresh session", [])
        results = reply.get("results", [])
        diagnostics = reply.get("diagnostics", [])
        # Charts come apart from the rest as SVG documents (`charts`, in order); `html` holds the rest.
        charts = [r for r in results if r.get("kind") == "chart"]
        rest = [r for r in results if r.get("kind") != "chart"]
        if not silent and rest:
            data = {"text/plain": plain_text(rest)}
            if any(r.get("kind") == "table" for r in rest):
                data["text/html"] = reply.get("html", "")
            self.send_response(self.iopub_socket, "execute_result",
                               {"execution_count": self.execution_count, "data": data, "metadata": {}})
        if not silent:
            for chart, svg in zip(charts, reply.get("charts", [])):
                self.send_response(self.iopub_socket, "display_data",
                                   {"data": {"image/svg+xml": svg, "text/plain": plain_text([chart])}, "metadata": {}})
        errors = [d for d in diagnostics if d.get("severity") == "error"]
        for d in diagnostics:
            if d.get("severity") != "error" and not silent:
                self.send_response(self.iopub_socket, "stream", {"name": "stderr", "text": d.get("rendered", "") + "\n"})
        status = reply.get("status")
        if status == "interrupted":
            return self.fail("KeyboardInterrupt", "interrupted; the session is as it was before this cell", [])
        if status == "incomplete":
            return self.fail("SuanIncomplete", "the cell ends inside a bracket or string", [d.get("rendered", "") for d in errors])
        if status == "error":
            error = reply.get("error", {})
            return self.fail(error.get("code", "SuanError"), error.get("message", ""), [])
        if status != "success":
            first = errors[0] if errors else {}
            return self.fail(first.get("id", "SuanError"), first.get("message", status or ""),
                             [d.get("rendered", "") for d in errors])
        return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}

    async def do_complete(self, code, cursor_pos):
        reply = self.suan_session().request({"complete": code[:cursor_pos]}) or {}
        replacing = reply.get("replacing", 0)
        return {
            "status": "ok",
            "matches": reply.get("matches", []),
            "cursor_start": cursor_pos - replacing,
            "cursor_end": cursor_pos,
            "metadata": {},
        }

    async def do_inspect(self, code, cursor_pos, detail_level=0, omit_sections=()):
        """Shift-Tab: the type and value of the name (or field path, y2022.基本支出) under the
        cursor, and the `:help` text when it names a topic."""
        start = end = cursor_pos
        def word(c):
            return c.isalnum() or c in "_."
        while start > 0 and word(code[start - 1]):
            start -= 1
        while end < len(code) and word(code[end]):
            end += 1
        name = code[start:end].strip(".")
        reply = self.suan_session().request({"inspect": name}) if name else None
        if not reply or not reply.get("found"):
            return {"status": "ok", "found": False, "data": {}, "metadata": {}}
        lines = []
        if reply.get("type"):
            lines.append(name + ": " + reply["type"] + (" = " + reply["text"] if reply.get("text") else ""))
        if reply.get("help"):
            lines.append(reply["help"])
        return {"status": "ok", "found": True, "data": {"text/plain": "\n".join(lines)}, "metadata": {}}

    async def do_shutdown(self, restart):
        if self.suan is not None:
            self.suan.close()
            self.suan = None
        return {"status": "ok", "restart": restart}


if __name__ == "__main__":
    IPKernelApp.launch_instance(kernel_class=SuanKernel)
