"""The TextMate grammar (editors/textmate/suan.tmLanguage.json) read by a small line-by-line matcher.

Python's `re` stands in for Oniguruma: the grammar keeps to the syntax both share (no \\p{…}, \\G, \\h,
possessive or atomic groups), so a pattern that compiles here compiles there.
"""
import json
import re

import pytest

from conftest import ROOT, SUAN_FILES

GRAMMAR_PATH = ROOT / "editors/textmate/suan.tmLanguage.json"
GRAMMAR = json.loads(GRAMMAR_PATH.read_text(encoding="utf-8"))


def all_rules(rule):
    yield rule
    for key in ("patterns",):
        for r in rule.get(key, []):
            yield from all_rules(r)


def every_rule():
    yield from all_rules(GRAMMAR)
    for r in GRAMMAR["repository"].values():
        yield from all_rules(r)


class Tokenizer:
    """Enough of TextMate's rule engine for this grammar: match, begin/end with captures, include
    (#name, $self), the end pattern winning ties, the earliest match winning across patterns."""

    def __init__(self, grammar):
        self.g = grammar
        self.cache = {}

    def rx(self, pattern):
        if pattern not in self.cache:
            self.cache[pattern] = re.compile(pattern)
        return self.cache[pattern]

    def expand(self, patterns):
        out = []
        for p in patterns:
            if "include" in p:
                inc = p["include"]
                target = self.g if inc == "$self" else self.g["repository"][inc[1:]]
                out.extend(self.expand(target["patterns"]) if "patterns" in target and "match" not in target and "begin" not in target else [target])
            else:
                out.append(p)
        return out

    def tokenize(self, lines):
        """Yields (line number, start, end, scopes) for every captured or named piece; a stack of
        open begin/end rules carries across lines."""
        stack = []  # open begin/end rules
        result = []
        for n, line in enumerate(lines, 1):
            pos = 0
            while pos <= len(line):
                rule = stack[-1] if stack else None
                candidates = self.expand(rule.get("patterns", []) if rule else self.g["patterns"])
                best = None
                if rule is not None:
                    m = self.rx(rule["end"]).search(line, pos)
                    if m:
                        best = (m.start(), 0, "end", rule, m)
                for i, p in enumerate(candidates):
                    m = self.rx(p.get("match") or p["begin"]).search(line, pos)
                    if m and (best is None or m.start() < best[0]):
                        best = (m.start(), i + 1, "match" if "match" in p else "begin", p, m)
                if best is None:
                    break
                _, _, kind, p, m = best
                scopes = [r.get("name") for r in stack if r.get("name")]
                if kind == "end":
                    result.append((n, m.start(), m.end(), scopes, "end", p, m))
                    stack.pop()
                elif kind == "begin":
                    stack.append(p)
                    result.append((n, m.start(), m.end(), scopes + [p.get("name")], "begin", p, m))
                else:
                    result.append((n, m.start(), m.end(), scopes + [p.get("name")], "match", p, m))
                if m.end() == m.start():
                    if kind == "end":
                        pos = m.end()
                        if pos >= len(line):
                            break
                        continue
                    pos = m.end() + 1  # a zero-width match never stalls the scan
                else:
                    pos = m.end()
            # the grammar's strings and interpolations end at the line end, as the language's do
        return result, stack


def test_grammar_is_valid_json_with_compiling_patterns():
    assert GRAMMAR["scopeName"] == "source.suan"
    assert "suan" in GRAMMAR["fileTypes"]
    count = 0
    for rule in every_rule():
        for key in ("match", "begin", "end"):
            if key in rule:
                re.compile(rule[key])
                for bad in ("\\p{", "\\G", "\\h", "(?>", "*+", "++", "?+", "\\x{"):
                    assert bad not in rule[key], f"{bad} in {rule[key]!r}"
                count += 1
        if "include" in rule and rule["include"] != "$self":
            assert rule["include"][1:] in GRAMMAR["repository"]
    assert count > 20


def test_keywords_match_the_lexer():
    """Every keyword of Sources/SuanCore/Syntax/Token.swift has a scope in the grammar."""
    source = (ROOT / "Sources/SuanCore/Syntax/Token.swift").read_text(encoding="utf-8")
    enum = source.split("public enum Keyword")[1].split("}")[0]
    words = set(re.findall(r"`?([a-z]+)`?", " ".join(l.split("case", 1)[1] for l in enum.splitlines() if "case" in l)))
    assert "scenario" in words and "indicator" in words
    text = GRAMMAR_PATH.read_text(encoding="utf-8")
    for w in sorted(words):
        assert re.search(rf"[(|:]{w}[|)]", text), f"keyword {w} has no rule"


def scopes_of(source):
    tokens, _ = Tokenizer(GRAMMAR).tokenize(source.split("\n"))
    out = []
    for n, s, e, scopes, kind, p, m in tokens:
        for g, c in (p.get("captures") or p.get("beginCaptures") or p.get("endCaptures") or {}).items():
            if m.group(int(g)) is not None and (kind != "end" or "endCaptures" in p):
                if kind == "end":
                    c = p["endCaptures"].get(g, c)
                out.append((m.group(int(g)), c["name"]))
        if p.get("name") and kind != "end":
            out.append((m.group(0), p["name"]))
    return out


@pytest.mark.parametrize("text, scope", [
    ("3622.4万元", "keyword.other.unit.suan"),
    ("5%", "keyword.other.unit.suan"),
    ("7730件", "keyword.other.unit.suan"),
    ("17.4个百分点", "keyword.other.unit.suan"),
    ("1.3‰", "keyword.other.unit.suan"),
    ("3 亿元", "keyword.other.unit.suan"),
])
def test_numbers_carry_their_units(text, scope):
    found = scopes_of(f"let x = {text} + 1")
    number = re.match(r"[\d.]+", text).group(0)
    unit = text[len(number):].strip()
    assert (number, "constant.numeric.suan") in found
    assert any(t.strip() == unit and s == scope for t, s in found), found


def test_known_tokens():
    found = scopes_of('scenario 压缩 from y2022 { 基本支出 -= 5% }  # 注释 "not a string"\n'
                      'print "{名称}: \\{x\\}"\nif a >= 3件 then true else x -> 亿元\nyear 2022 {\n}')
    for pair in [("scenario", "storage.type.block.suan"), ("压缩", "entity.name.type.scenario.suan"),
                 ("from", "keyword.other.command.suan"), ("y2022", "variable.other.suan"),
                 ("-=", "keyword.operator.assignment.compound.suan"),
                 ('# 注释 "not a string"', "comment.line.number-sign.suan"),
                 ("print", "keyword.other.command.suan"), ("{", "punctuation.section.interpolation.begin.suan"),
                 ("\\{", "constant.character.escape.suan"), ("if", "keyword.control.conditional.suan"),
                 (">=", "keyword.operator.comparison.suan"), ("true", "constant.language.boolean.suan"), ("else", "keyword.control.conditional.suan"),
                 ("year", "storage.type.block.suan"), ("2022", "constant.numeric.suan"),
                 ("亿元", "keyword.other.unit.suan")]:
        assert pair in found, (pair, found)
    assert ("y2022", "constant.numeric.suan") not in found and ("2022", "variable.other.suan") not in found


@pytest.mark.parametrize("path", SUAN_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_file_tokenises(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    tokens, stack = Tokenizer(GRAMMAR).tokenize(lines)
    assert not stack, f"{path.name}: rules still open at the end: {[r.get('name') for r in stack]}"
    comments = {}
    for n, s, e, scopes, kind, p, m in tokens:
        if kind == "begin" and (p.get("name") or "").startswith("string."):
            opened = (n, s)
        if kind == "end" and (p.get("name") or "").startswith("string."):
            assert m.group(1) is not None, f"{path.name}:{n}: the string opened at column {opened[1]} is not closed"
        if p.get("name") == "comment.line.number-sign.suan" and kind == "match":
            comments[n] = s
    # Every '#' that is not inside a string starts a comment the grammar marked.
    for n, line in enumerate(lines, 1):
        if "#" in line:
            col = comment_column(line)
            if col is not None:
                assert comments.get(n) == col, f"{path.name}:{n}: the comment at column {col} is not marked"


def comment_column(line):
    """Where a line's comment starts, by the language's own rule: '#' outside a string."""
    i, closing = 0, None
    while i < len(line):
        c = line[i]
        if closing:
            if c == "\\":
                i += 1
            elif c == closing:
                closing = None
        elif c in '"“「':
            closing = {'"': '"', "“": "”", "「": "」"}[c]
        elif c == "#":
            return i
        i += 1
    return None
