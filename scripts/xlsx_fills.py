#!/usr/bin/env python3
"""Read an XLSX workbook written by `versalign align --format xlsx` with openpyxl (an
independent reader) and print, as JSON, per sheet: its name, its frozen cell, and for every row
the fill colour of its first cell (RGB, or null when unfilled) and, for each column whose header
is a language code, the cell's reading order (2 = right to left).

Used by tests/cli/xlsx.rs. Usage: python3 scripts/xlsx_fills.py FILE.xlsx
"""
import json
import sys

import openpyxl

LANGUAGES = {"ar", "zh", "en", "fr", "ru", "es"}


def fill_of(cell):
    if cell.fill is None or cell.fill.fill_type != "solid":
        return None
    return (cell.fill.fgColor.rgb or "")[-6:].upper()


def main(path):
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        header = [c.value for c in sheet[1]]
        rows = []
        for row in sheet.iter_rows(min_row=2):
            reading = {
                header[i]: int(c.alignment.readingOrder or 0)
                for i, c in enumerate(row)
                if header[i] in LANGUAGES
            }
            rows.append({"fill": fill_of(row[0]), "reading": reading})
        sheets.append({"name": sheet.title, "freeze": sheet.freeze_panes, "rows": rows})
    json.dump(sheets, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
