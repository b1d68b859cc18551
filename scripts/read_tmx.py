#!/usr/bin/env python3
"""Read a TMX file with translate-toolkit (an independent TMX reader) and print, as JSON, its
header's srclang and segtype and every translation unit: tuid, props and segment per language.

Used by tests/cli/tmx.rs to check versalign's TMX against its CSV.
Usage: python3 scripts/read_tmx.py FILE.tmx
"""
import json
import sys

from translate.storage.tmx import tmxfile

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def main(path):
    store = tmxfile.parsefile(path)
    header = store.document.getroot().find("header")
    units = []
    for unit in store.units:
        props = {p.get("type"): p.text or "" for p in unit.xmlelement.findall("prop")}
        segs = {
            node.get(XML_LANG): unit.getNodeText(node)
            for node in unit.getlanguageNodes()
        }
        units.append({"tuid": unit.getid(), "props": props, "segs": segs})
    json.dump(
        {
            "srclang": header.get("srclang"),
            "segtype": header.get("segtype"),
            "units": units,
        },
        sys.stdout,
        ensure_ascii=False,
    )


if __name__ == "__main__":
    main(sys.argv[1])
