import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SUAN_FILES = sorted([*ROOT.glob("Scripts/*.suan"), *ROOT.glob("Stdlib/*.suan")])
