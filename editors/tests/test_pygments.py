"""The Pygments lexer (editors/pygments/suan_lexer.py) over every script and Stdlib file."""
import importlib.util

import pytest
from pygments.token import Comment, Error, Keyword, Number, String

from conftest import ROOT, SUAN_FILES

spec = importlib.util.spec_from_file_location("suan_lexer", ROOT / "editors/pygments/suan_lexer.py")
suan_lexer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(suan_lexer)
SuanLexer = suan_lexer.SuanLexer


def lex(text):
    return [(t, v) for t, v in SuanLexer().get_tokens(text)]


def test_names():
    assert SuanLexer.aliases == ["suan"] and SuanLexer.filenames == ["*.suan"]


@pytest.mark.parametrize("path", SUAN_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_file_lexes_without_errors(path):
    text = path.read_text(encoding="utf-8")
    tokens = lex(text)
    errors = [(v, text[: text.find(v)].count("\n") + 1) for t, v in tokens if t in Error]
    assert not errors, f"{path.name}: {errors[:5]}"
    assert "".join(v for _, v in tokens).rstrip("\n") == text.rstrip("\n")


def test_known_tokens():
    tokens = lex('let 公用经费 = 3622.4万元 + 7730件 * 5%  # 注释 "x"\n'
                 'print "{名称}: \\{x\\}"\nscenario 压缩 from y2022 { 基本支出 -= 17.4个百分点 }\n'
                 'if true then 1.3‰ else 3 亿元\n')
    for pair in [(Keyword.Declaration, "let"), (Number, "3622.4"), (Keyword.Type, "万元"),
                 (Number, "7730"), (Keyword.Type, "件"), (Keyword.Type, "%"),
                 (Comment.Single, '# 注释 "x"'), (String.Double, '"'), (String.Interpol, "{"),
                 (String.Escape, "\\{"), (Keyword.Reserved, "scenario"), (Keyword, "from"),
                 (Keyword.Type, "个百分点"), (Keyword.Type, "‰"), (Keyword.Type, "亿元"),
                 (Keyword.Constant, "true"), (Keyword, "if")]:
        assert pair in tokens, (pair, tokens)
    assert not any(t in Error for t, _ in tokens)
    assert (Number, "2022") not in tokens


def test_an_unclosed_string_is_an_error():
    assert any(t in Error for t, _ in lex('let a = "abc\nprint a\n'))
