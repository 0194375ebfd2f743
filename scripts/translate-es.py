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
    "<h2>Timonel</h2><p>A native console for Kubernetes.</p><p>Starting the embedded cluster…</p>":
        "<h2>Timonel</h2><p>Una consola nativa para Kubernetes.</p><p>Iniciando el clúster integrado…</p>",
    "Embedded cluster · %1": "Clúster integrado · %1",
    "<h2>Timonel</h2><p>The embedded cluster is running at <b>%1</b>.</p>":
        "<h2>Timonel</h2><p>El clúster integrado está en marcha en <b>%1</b>.</p>",
    "<p>Use it from a terminal with the real kubectl and helm:</p><p><code>export KUBECONFIG=%1</code><br><code>kubectl get namespaces</code></p>":
        "<p>Úsalo desde una terminal con los kubectl y helm reales:</p><p><code>export KUBECONFIG=%1</code><br><code>kubectl get namespaces</code></p>",
    "Embedded cluster not running": "El clúster integrado no está en marcha",
    "<h2>Timonel</h2><p>The embedded cluster could not start:</p><p>%1</p>":
        "<h2>Timonel</h2><p>El clúster integrado no pudo iniciarse:</p><p>%1</p>",
    "Timonel's embedded Kubernetes cluster, without a window.":
        "El clúster de Kubernetes integrado de Timonel, sin ventana.",
    "timonel-cluster: --port must be a number from 0 to 65535":
        "timonel-cluster: --port debe ser un número entre 0 y 65535",
    "timonel-cluster: cannot start: %1": "timonel-cluster: no se puede iniciar: %1",
    "timonel-cluster: --nodes must be a number from 1 to 100":
        "timonel-cluster: --nodes debe ser un número entre 1 y 100",
    "Serve the API only: no controllers, scheduler or simulated kubelets (for API tests and benchmarks).":
        "Sirve solo la API: sin controladores, planificador ni kubelets simulados (para pruebas de la API y mediciones).",
    "How many simulated nodes the cluster has (1 to 100).":
        "Cuántos nodos simulados tiene el clúster (de 1 a 100).",
    "timonel-cluster: cannot write the kubeconfig: %1": "timonel-cluster: no se puede escribir el kubeconfig: %1",
    "serve: run the cluster until SIGTERM.": "serve: ejecuta el clúster hasta recibir SIGTERM.",
    "Where the cluster keeps its data.": "Dónde guarda el clúster sus datos.",
    "The API server's port on 127.0.0.1 (0: any free port).":
        "El puerto del servidor de API en 127.0.0.1 (0: cualquier puerto libre).",
    'Add a "timonel" context to this kubeconfig file and make it current.':
        'Añade un contexto «timonel» a este archivo kubeconfig y lo hace el actual.',
    'timonel-cluster: unknown command "%1"; try --help':
        'timonel-cluster: orden desconocida «%1»; prueba --help',
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
