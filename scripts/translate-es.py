#!/usr/bin/env python3
"""Fills Spanish translations into translations/timonel_es.ts from a small phrase table.

Usage: scripts/translate-es.py   (after `cmake --build build --target update_translations`)
Entries already translated are kept; sources missing from the table are listed so a human
adds them. The table is ours: keep it in step with new user-visible strings.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

PHRASES = {
    "Timonel: a native console for Kubernetes.": "Timonel: una consola nativa para Kubernetes.",
    "Timonel": "Timonel",
    "&File": "&Archivo",
    "&Quit": "&Salir",
    "<h2>Timonel</h2><p>A native console for Kubernetes.</p>":
        "<h2>Timonel</h2><p>Una consola nativa para Kubernetes.</p>",
    "Not connected": "Sin conexión",
    "Timonel's embedded Kubernetes cluster, without a window.":
        "El clúster de Kubernetes integrado de Timonel, sin ventana.",
}

def main() -> int:
    path = pathlib.Path(__file__).resolve().parent.parent / "translations" / "timonel_es.ts"
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None:
            continue
        if translation.get("type") not in ("unfinished", None) or (translation.text and translation.get("type") is None):
            continue
        if source in PHRASES:
            translation.text = PHRASES[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source!r}", file=sys.stderr)
    return 1 if missing else 0

if __name__ == "__main__":
    sys.exit(main())
