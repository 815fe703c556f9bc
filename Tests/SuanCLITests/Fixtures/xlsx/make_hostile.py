"""Writes hostile workbooks into a folder, for the tests of `load "x.xlsx"` on bad input:

    python3 Tests/SuanCLITests/Fixtures/xlsx/make_hostile.py OUTDIR

They are written at test time (the Python standard library only, no openpyxl: no spreadsheet
program would write them) rather than committed: the 10⁶-row sheet and the zip bomb are large.

- not-a-zip.xlsx        CSV text saved with an .xlsx name
- encrypted.xlsx        an OLE compound file, as Excel saves a password-protected .xlsx (or an .xls)
- missing-sheet.xlsx    a workbook whose sheet points at a part the archive does not hold
- million-rows.xlsx     a sheet of 1,000,000 rows of two cells: more cells than Suan reads
- long-cell.xlsx        a number cell of 100,000 digits in B2
- row-million.xlsx      a sheet whose second row is row 1,000,000, with 'abc' as its budget in B1000000
- zip-bomb.xlsx         a sheet part that inflates to 300 MiB of spaces
- lying-bomb.xlsx       the same, its central directory declaring 1,000 bytes: stopped while inflating
"""
import os
import struct
import sys
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKSHEET = DOC_RELS + "/worksheet"
HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>项目名称</t></is></c>'
          '<c r="B1" t="inlineStr"><is><t>全年预算数</t></is></c></row>')


def skeleton(archive, target="worksheets/sheet1.xml"):
    """The parts every workbook has: content types, the workbook and its one sheet's relationship."""
    archive.writestr("[Content_Types].xml",
                     '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="xml" ContentType="application/xml"/></Types>')
    archive.writestr("xl/workbook.xml",
                     f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets>'
                     '<sheet name="自评表" sheetId="1" r:id="rId1"/></sheets></workbook>')
    archive.writestr("xl/_rels/workbook.xml.rels",
                     f'<?xml version="1.0"?><Relationships xmlns="{RELS}">'
                     f'<Relationship Id="rId1" Type="{WORKSHEET}" Target="{target}"/></Relationships>')


def sheet(rows):
    return f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>'


def write(out):
    with open(os.path.join(out, "not-a-zip.xlsx"), "w", encoding="utf-8") as f:
        f.write("项目名称,全年预算数\n甲,1\n")

    # The compound file's header (signature, minor/major version, byte order), then empty sectors.
    with open(os.path.join(out, "encrypted.xlsx"), "wb") as f:
        f.write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + bytes.fromhex("3E000300FEFF") + bytes(4096 - 30))

    with zipfile.ZipFile(os.path.join(out, "missing-sheet.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        skeleton(z)

    with zipfile.ZipFile(os.path.join(out, "long-cell.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        skeleton(z)
        z.writestr("xl/worksheets/sheet1.xml", sheet(HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c>'
                                                      f'<c r="B2"><v>{"9" * 100_000}</v></c></row>'))

    with zipfile.ZipFile(os.path.join(out, "row-million.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        skeleton(z)
        z.writestr("xl/worksheets/sheet1.xml", sheet(HEADER + '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>甲</t></is></c>'
                                                      '<c r="B1000000" t="inlineStr"><is><t>abc</t></is></c></row>'))

    with zipfile.ZipFile(os.path.join(out, "million-rows.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        skeleton(z)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>{HEADER}'.encode())
            for start in range(2, 1_000_002, 10_000):
                part.write("".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c><c r="B{r}"><v>1</v></c></row>'
                                   for r in range(start, start + 10_000)).encode())
            part.write(b"</sheetData></worksheet>")

    bomb(os.path.join(out, "zip-bomb.xlsx"))
    bomb(os.path.join(out, "lying-bomb.xlsx"), declared=1000)


def bomb(path, declared=None):
    """A sheet part of 300 MiB of spaces (about 300 KB deflated); with `declared`, the central
    directory claims that size instead, so that only the inflating can tell."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        skeleton(z)
        chunk = b" " * (1 << 20)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=declared is None) as part:
            for _ in range(300):
                part.write(chunk)
    if declared is None:
        return
    data = bytearray(open(path, "rb").read())
    name = b"xl/worksheets/sheet1.xml"
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + length] == name:
            struct.pack_into("<I", data, at + 24, declared)  # the uncompressed size
        at = data.find(b"PK\x01\x02", at + 4)
    open(path, "wb").write(data)


if __name__ == "__main__":
    write(sys.argv[1])
