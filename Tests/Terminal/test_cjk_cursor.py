"""Issue 12: the REPL's cursor on a line of Chinese, as a terminal shows it.

The REPL runs on a pseudo-terminal and its output goes through pyte, a VT100 terminal emulator,
so the test reads the screen and the cursor where a person would see them: after moving into
the middle of a CJK line and inserting, deleting and moving, the cursor must stay right after the
edit (each Chinese character is two columns wide).
"""
import os
import pathlib
import pty
import select
import time

import pyte

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("SUAN_BIN") or str(ROOT / ".build/debug/suan")


def test_cursor_stays_right_after_editing_the_middle_of_a_cjk_line(tmp_path):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"LANG": "C.UTF-8", "TERM": "xterm", "HOME": str(tmp_path), "NO_COLOR": "1"})
        os.execv(BINARY, [BINARY])
    screen = pyte.Screen(80, 24)
    stream = pyte.ByteStream(screen)

    def pump(seconds=0.4):
        end = time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    stream.feed(os.read(fd, 4096))
                except OSError:
                    return

    def line():
        return screen.display[screen.cursor.y].rstrip(), screen.cursor.x

    try:
        pump(1.5)
        os.write(fd, "基本支出".encode())
        pump()
        assert line() == ("算> 基本支出", 12)       # the prompt takes 4 columns, each character 2
        os.write(fd, b"\x1b[D\x1b[D")                # two characters left
        pump()
        assert line() == ("算> 基本支出", 8)
        os.write(fd, "预算".encode())                # insert in the middle
        pump()
        assert line() == ("算> 基本预算支出", 12)
        os.write(fd, b"\x7f")                         # Backspace removes one whole character
        pump()
        assert line() == ("算> 基本预支出", 10)
        os.write(fd, b"\x1b[C")                       # right
        pump()
        assert line() == ("算> 基本预支出", 12)
        os.write(fd, b"\x05")                         # Ctrl-E: end of line
        pump()
        assert line() == ("算> 基本预支出", 14)
    finally:
        os.write(fd, b"\x03")
        pump(0.2)
        os.write(fd, b"\x04")
        pump(0.5)
        os.waitpid(pid, 0)
