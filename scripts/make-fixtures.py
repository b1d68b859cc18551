#!/usr/bin/env python3
"""Write the .docx and .pdf fixtures of the demo corpus, once, with LibreOffice.

For every version in corpora/demo/{clean,review} this writes a Flat ODT (.fodt) the way a UN
text processing unit would lay the document out in Word:

* operative paragraphs and sub-paragraphs in a real ODF list style (level 1 `1.`, Arabic `1 - `;
  level 2 `(a)`, es/fr/ru `a)`, Arabic abjad `(أ)`), so that their numbers are automatic and not
  in the text; a number that does not follow from the previous one (a deliberate mismatch of the
  review set) is a restart (`text:start-value`), as Word keeps it; labels that no list format
  prints (the Cyrillic look-alike letters of ru paragraph 5) stay typed in the text;
* footnotes as real `text:note`s at the marker's position, the asterisk note with its custom mark
  (a marker whose body the review set deleted becomes a note with an empty body);
* the symbol in the page header and the job number in the page footer.

Each .fodt is converted by `soffice --headless --convert-to docx` into tests/fixtures/docx/ and by
`--convert-to pdf` into tests/fixtures/pdf/. Two more docx variants of the clean Chinese version:
deleted-paragraph/zh.docx (operative paragraph 4 deleted, Word renumbers the rest) and
deleted-footnote/zh.docx (footnote 4 deleted with its marker, Word renumbers note 5 to 4).

The structure of each version (blocks, labels, footnote positions) is read with
`versalign parse --json`, so the fixtures hold exactly the text the text versions hold.

Usage (LibreOffice is needed, it is not in CI; the outputs are committed):
    cargo build && python3 scripts/make-fixtures.py [path/to/versalign]
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "corpora" / "demo"
DOCX_OUT = ROOT / "tests" / "fixtures" / "docx"
PDF_OUT = ROOT / "tests" / "fixtures" / "pdf"
LANGS = ["ar", "en", "es", "fr", "ru", "zh"]

ABJAD = "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"
LATIN = "abcdefghijklmnopqrstuvwxyz"
# LibreOffice 7.4 has the Arabic alphabetical list format (`أ ب ت ث`, Word `arabicAlpha`) but no
# abjad one (`أ ب ج د`, Word `arabicAbjad`), which UN Arabic documents use: the .docx gets the
# alphabetical format patched to abjad in word/numbering.xml, and the PDF keeps the Arabic
# sub-paragraph letters typed.
ARABIC_ALPHA = "أ, ب, ت, ..."

# Label printed by each list level, per language: (prefix, num-format, suffix).
LEVELS = {
    "ar": [("", "1", " - "), ("(", ARABIC_ALPHA, ") ")],
    "en": [("", "1", ". "), ("(", "a", ") ")],
    "zh": [("", "1", ". "), ("(", "a", ") ")],
    "es": [("", "1", ". "), ("", "a", ") ")],
    "fr": [("", "1", ". "), ("", "a", ") ")],
    "ru": [("", "1", ". "), ("", "a", ") ")],
}
LABEL = re.compile(r"^(?:(\d+)(?:\.| -)|\(([a-z\u0621-\u064a])\)|([a-z])\)|(\S\)))\s")

FONTS = {
    "ar": ("Noto Naskh Arabic", "ar", "EG"),
    "zh": ("Noto Serif CJK SC", "zh", "CN"),
}


def parse(versalign, path):
    out = subprocess.run([versalign, "parse", "--json", str(path)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def first_page_top(path, doc):
    """The document's top (header fields, masthead and the blocks before the title) in input
    order: ("line", text) for a line no block holds, ("block", block) for a block."""
    end = next(b["line"] for b in doc["blocks"] if b["kind"] != "text")
    starts = {b["line"]: b for b in doc["blocks"] if b["line"] < end}
    raw = path.read_text(encoding="utf-8").split("\n")
    out, i = [], 1
    while i < end:
        block = starts.get(i)
        if block:
            joined, i = raw[i - 1], i + 1
            while len(joined.replace("*", "")) < len(block["text"]) and i < end:
                joined, i = f"{joined} {raw[i - 1]}", i + 1
            out.append(("block", block))
            continue
        if raw[i - 1].strip():
            out.append(("line", raw[i - 1]))
        i += 1
    return out


def number_of(label_match):
    """(level, value, typed) of a block's label, from the LABEL match."""
    digits, paren, bare, other = label_match.groups()
    if digits:
        return 1, int(digits), False
    letter = paren or bare
    if letter:
        alphabet = ABJAD if letter in ABJAD else LATIN
        return 2, alphabet.index(letter) + 1, False
    return 2, None, True


def inline(text, refs, notes):
    """Block text with each footnote marker replaced by a text:note."""
    out, last = [], 0
    for ref in sorted(refs, key=lambda r: r["offset"]):
        off = ref["offset"]
        out.append(escape(text[last:off]))
        body = escape(notes.get(ref["marker"], ""))
        if ref["marker"].isdigit():
            citation = f'<text:note-citation>{ref["marker"]}</text:note-citation>'
        else:
            citation = (f'<text:note-citation text:label="{escape(ref["marker"])}">'
                        f'{escape(ref["marker"])}</text:note-citation>')
        out.append(f'<text:note text:note-class="footnote">{citation}<text:note-body>'
                   f'<text:p text:style-name="Footnote">{body}</text:p></text:note-body>'
                   f'</text:note>')
        last = off
    out.append(escape(text[last:]))
    return "".join(out)


def body_xml(doc, top, typed_letters):
    """The office:text content: blocks, numbered ones in a list (sub-paragraph letters typed
    when `typed_letters`)."""
    notes = {f["marker"]: f["text"] for f in doc["footnotes"]}
    first_title = next(b["line"] for b in doc["blocks"] if b["kind"] != "text")
    parts = []
    for what, item in top:
        if what == "line" and item.strip() != doc["header"]["symbol"]:
            parts.append(f'<text:p text:style-name="Body">{escape(item)}</text:p>')
        elif what == "block":
            parts.append(f'<text:p text:style-name="Body">'
                         f'{inline(item["text"], item["footnote_refs"], notes)}</text:p>')
    in_list = False
    level2_open = False
    expected = {1: 1, 2: 1}
    started = False

    def close_list():
        nonlocal in_list, level2_open
        if level2_open:
            parts.append("</text:list></text:list-item>")
            level2_open = False
        elif in_list:
            parts.append("</text:list-item>")
        if in_list:
            parts.append("</text:list>")
        in_list = False

    # A list level whose labels no list format prints stays typed, all its items.
    typed_parents = {b["parent"] for b in doc["blocks"] if b["label"] and b["parent"] and
                     (typed_letters or not LABEL.match(b["text"])
                      or number_of(LABEL.match(b["text"]))[2])}
    pending_item = False
    for block in doc["blocks"]:
        if block["line"] < first_title:
            continue
        text, refs = block["text"], block["footnote_refs"]
        m = LABEL.match(text) if block["label"] else None
        typed = True
        if m:
            level, value, typed = number_of(m)
            typed = typed or (block["parent"] is not None and block["parent"] in typed_parents)
        if not m or typed:
            if in_list:
                close_list()
                pending_item = False
            parts.append(f'<text:p text:style-name="Body">{inline(text, refs, notes)}</text:p>')
            continue
        cut = m.end()
        shifted = [{"marker": r["marker"], "offset": r["offset"] - cut} for r in refs]
        content = inline(text[cut:], shifted, notes)
        start = "" if value == expected[level] else f' text:start-value="{value}"'
        expected[level] = value + 1
        if level == 1:
            expected[2] = 1
            if level2_open:
                parts.append("</text:list></text:list-item>")
                level2_open = False
            elif pending_item:
                parts.append("</text:list-item>")
            if not in_list:
                cont = ' text:continue-numbering="true"' if started else ""
                parts.append(f'<text:list text:style-name="L1"{cont}>')
                in_list = True
                started = True
            parts.append(f'<text:list-item{start}><text:p text:style-name="Body">{content}'
                         f'</text:p>')
            pending_item = True
        else:
            if not level2_open:
                parts.append("<text:list>")
                level2_open = True
            parts.append(f'<text:list-item{start}><text:p text:style-name="Body">{content}'
                         f'</text:p></text:list-item>')
    if in_list:
        close_list()
    return "".join(parts)


def list_style(lang):
    levels = []
    for i, (prefix, fmt, suffix) in enumerate(LEVELS[lang], start=1):
        indent = 0.6 * i
        levels.append(
            f'<text:list-level-style-number text:level="{i}" style:num-prefix="{escape(prefix)}" '
            f'style:num-suffix="{escape(suffix)}" style:num-format="{escape(fmt)}">'
            f'<style:list-level-properties text:list-level-position-and-space-mode='
            f'"label-alignment"><style:list-level-label-alignment text:label-followed-by='
            f'"nothing" fo:text-indent="0cm" fo:margin-left="{indent:.1f}cm"/>'
            f'</style:list-level-properties></text:list-level-style-number>')
    return f'<text:list-style style:name="L1">{"".join(levels)}</text:list-style>'


def fodt(doc, header, lang, typed_letters=False):
    symbol = doc["header"]["symbol"]
    job_line = next((r["text"] for r in doc["removed"] if r["reason"] == "job-number"),
                    doc["header"]["job_number"])
    font, language, country = FONTS.get(lang, ("Liberation Serif", lang, ""))
    rtl = ' style:writing-mode="rl-tb"' if lang == "ar" else ""
    align = "end" if lang == "ar" else "justify"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="{font}" svg:font-family="'{font}'"/>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:text-align="{align}"{rtl}/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt"
   fo:language="{language if lang not in FONTS else 'en'}" fo:country="{country or 'none'}"
   style:font-name-asian="{FONTS['zh'][0]}" style:language-asian="zh" style:country-asian="CN"
   style:font-name-complex="{FONTS['ar'][0]}" style:language-complex="ar"
   style:country-complex="EG"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:text-properties fo:font-size="9pt"/>
 </style:style>
 {list_style(lang)}
 <text:notes-configuration text:note-class="footnote" style:num-format="1"
  text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PL">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="PL">
  <style:header><text:p text:style-name="Body">{escape(symbol)}</text:p></style:header>
  <style:footer><text:p text:style-name="Body">{escape(job_line)}</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>{body_xml(doc, header, typed_letters)}</office:text></office:body>
</office:document>
"""


def patch_abjad(docx):
    """Turn the Arabic alphabetical list format of a .docx into abjad (see ARABIC_ALPHA)."""
    tmp = docx.with_suffix(".tmp")
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/numbering.xml":
                data = data.replace(b'w:val="arabicAlpha"', b'w:val="arabicAbjad"')
            dst.writestr(item, data)
    tmp.replace(docx)


def convert(fodt_path, fmt, outdir):
    outdir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.gettempdir()) / "versalign-fixtures-lo"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", fmt, "--outdir", str(outdir), str(fodt_path)],
                   check=True, capture_output=True)


def drop_paragraph(doc, label):
    """The document with operative paragraph `label` (and its footnotes) deleted."""
    doc = json.loads(json.dumps(doc))
    doc["blocks"] = [b for b in doc["blocks"]
                     if not (b["kind"] == "paragraph" and b["label"] == label)]
    for b in doc["blocks"]:
        if b["kind"] == "paragraph" and b["label"] and int(b["label"]) > int(label):
            old = b["label"]
            b["label"] = str(int(old) - 1)
            b["text"] = re.sub(rf"^{old}", b["label"], b["text"])
            shift = len(old) - len(b["label"])
            for r in b["footnote_refs"]:
                r["offset"] -= shift
    return doc


def drop_footnote(doc, marker):
    """The document with numbered footnote `marker` deleted, later notes renumbered."""
    doc = json.loads(json.dumps(doc))
    n = int(marker)
    renumber = {str(k): str(k - 1) for k in range(n + 1, 100)}
    for b in doc["blocks"]:
        b["footnote_refs"] = [{"marker": renumber.get(r["marker"], r["marker"]),
                               "offset": r["offset"]}
                              for r in b["footnote_refs"] if r["marker"] != marker]
    doc["footnotes"] = [dict(f, marker=renumber.get(f["marker"], f["marker"]))
                        for f in doc["footnotes"] if f["marker"] != marker]
    return doc


def main():
    versalign = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
        "VERSALIGN", str(Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
                         / "debug" / "versalign"))
    if not shutil.which("soffice"):
        sys.exit("soffice (LibreOffice) is needed to write the fixtures")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        jobs = []
        for kind in ("clean", "review"):
            for lang in LANGS:
                src = DEMO / kind / f"{lang}.txt"
                doc = parse(versalign, src)
                header = first_page_top(src, doc)
                jobs.append((kind, lang, doc, header, True))
                if kind == "clean" and lang == "zh":
                    jobs.append(("deleted-paragraph", lang, drop_paragraph(doc, "4"), header,
                                 False))
                    jobs.append(("deleted-footnote", lang, drop_footnote(doc, "4"), header,
                                 False))
        for kind, lang, doc, header, with_pdf in jobs:
            path = tmp / kind / f"{lang}.fodt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(fodt(doc, header, lang), encoding="utf-8")
            convert(path, "docx", DOCX_OUT / kind)
            if lang == "ar":
                patch_abjad(DOCX_OUT / kind / f"{lang}.docx")
            if with_pdf:
                path.write_text(fodt(doc, header, lang, typed_letters=lang == "ar"),
                                encoding="utf-8")
                convert(path, "pdf", PDF_OUT / kind)
            print(f"{kind}/{lang}")


if __name__ == "__main__":
    main()
