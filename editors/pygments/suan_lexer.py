"""A Pygments lexer for Suan (`.suan`), with the token classes of the TextMate grammar
(editors/textmate/suan.tmLanguage.json). Use it with `pygmentize -l editors/pygments/suan_lexer.py:SuanLexer -x`
or import SuanLexer; see editors/README.md."""
from pygments.lexer import RegexLexer, bygroups, include, words
from pygments.token import (Comment, Error, Keyword, Name, Number, Operator, Punctuation, String,
                            Whitespace)

__all__ = ["SuanLexer"]

# Letters and CJK ideographs start a name; digits (ASCII and full-width) may follow.
_START = r"[^\W\d０-９]"
_CONT = r"[\w０-９]"
_BUILTIN_UNITS = r"(?:万元|亿元|元|个百分点|yuan|wan|yi|pp)"
_DIGIT = r"[0-9０-９]"
_NUMBER = rf"(?<!{_CONT}){_DIGIT}(?:{_DIGIT}|_(?={_DIGIT}))*(?:[.．]{_DIGIT}+)?"


def _words(ws):
    return words(ws, prefix=rf"(?<!{_CONT})", suffix=rf"(?!{_CONT})")


class SuanLexer(RegexLexer):
    name = "Suan"
    aliases = ["suan"]
    filenames = ["*.suan"]
    mimetypes = ["text/x-suan"]
    url = "docs/language.md"

    tokens = {
        "root": [
            (r"[ \t\r\u3000\ufeff]+", Whitespace),
            (r"\n", Whitespace),
            (r"\\(?=\r?\n)", Punctuation),  # line continuation
            (r"#.*?$", Comment.Single),
            include("strings"),
            (rf"(scenario)([ \t]+)(?!from(?!{_CONT}))({_START}{_CONT}*)",
             bygroups(Keyword.Reserved, Whitespace, Name.Class)),
            (_words(("year", "project", "indicator", "scenario")), Keyword.Reserved),
            (rf"(fn)(?!{_CONT})([ \t]+)({_START}{_CONT}*)", bygroups(Keyword.Declaration, Whitespace, Name.Function)),
            (_words(("let", "fn", "unit")), Keyword.Declaration),
            include("keywords"),
            include("numbers"),
            (rf"(->|→)([ \t]*)({_BUILTIN_UNITS}(?!{_CONT})|[%％‰])", bygroups(Operator, Whitespace, Keyword.Type)),
            (rf"{_START}{_CONT}*(?=[ \t]*[(（])", Name.Function),
            (rf"{_START}{_CONT}*", Name),
            include("operators"),
        ],
        "keywords": [
            (_words(("if", "then", "else", "solve", "count", "in", "where", "table", "step",
                     "assert", "print", "load", "use", "as", "from", "compare", "only", "show", "explain",
                     "chart", "export", "to", "force")), Keyword),
            (_words(("and", "or", "not", "of")), Operator.Word),
            (_words(("true", "false")), Keyword.Constant),
        ],
        "numbers": [
            # 3622.4万元, 5%, 7730件, 17.4个百分点, 1.3‰, 3 亿元
            (rf"({_NUMBER})([ \t]*)([%％‰])", bygroups(Number, Whitespace, Keyword.Type)),
            (rf"({_NUMBER})({_START}{_CONT}*)", bygroups(Number, Keyword.Type)),
            (rf"({_NUMBER})([ \t]+)({_BUILTIN_UNITS})(?!{_CONT})", bygroups(Number, Whitespace, Keyword.Type)),
            (_NUMBER, Number),
        ],
        "operators": [
            (r"[+\-*/＋－−][=＝]|->|→|[=＝!！][=＝]|[<>＜＞][=＝]?|[≤≥≠]|\.\.|[=＝]|[+\-*/^×÷＋－−%％‰]", Operator),
            (r"[,，、;；:：.．()（）\[\]［］{}｛｝]", Punctuation),
        ],
        "strings": [
            (r'"', String.Double, "string-double"),
            (r"“", String.Double, "string-curly"),
            (r"「", String.Double, "string-corner"),
        ],
        "string-common": [
            (r"\n", Error, "#pop"),  # a string ends on its line
            (r'\\[nt\\"{}]', String.Escape),
            (r"\{", String.Interpol, "interpolation"),
        ],
        "string-double": [
            (r'"', String.Double, "#pop"),
            include("string-common"),
            (r'[^"\\{\n]+', String.Double),
        ],
        "string-curly": [
            (r"”", String.Double, "#pop"),
            include("string-common"),
            (r"[^”\\{\n]+", String.Double),
        ],
        "string-corner": [
            (r"」", String.Double, "#pop"),
            include("string-common"),
            (r"[^」\\{\n]+", String.Double),
        ],
        "interpolation": [
            (r"\}", String.Interpol, "#pop"),
            (r"\{", Punctuation, "braces"),
            (r"[ \t]+", Whitespace),
            include("keywords"),
            include("numbers"),
            (rf"{_START}{_CONT}*(?=[ \t]*[(（])", Name.Function),
            (rf"{_START}{_CONT}*", Name),
            include("operators"),
        ],
        "braces": [
            (r"\}", Punctuation, "#pop"),
            (r"\{", Punctuation, "#push"),
            include("interpolation"),
        ],
    }
