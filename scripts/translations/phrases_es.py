"""Spanish phrase table for translations/timonel_es.ts, used by scripts/translate-es.py.

PHRASES maps an English source text (exactly as in tr()) to its Spanish translation. A plural
(numerus) source maps to a (singular, plural) tuple. A key may also be a (context, source) tuple,
e.g. ("timonel::LogPanel", "All"), for a source that needs another translation in one context;
it wins over the plain key.

The table is split by area; this module holds the programs' command lines and shared words and
merges the rest. A source may appear in several area files only with the same translation.

Conventions: Kubernetes kinds keep their name (Pod, Deployment, ReplicaSet, ConfigMap, Secret…;
the navigator lists them as `kubectl api-resources` spells them), except node → nodo,
namespace → espacio de nombres, event → evento. label → etiqueta, annotation → anotación,
container → contenedor, cluster → clúster, log → registro. Buttons and menu items use the
infinitive ("Eliminar"); tooltips describe in the third person ("Elimina este objeto"); messages
address the user as tú. Key names as on Spanish keyboards: Mayús, Intro, Supr, Fin; shortcuts
passed to QKeySequence ("Ctrl+Shift+S") stay as they are. Names and values the user sees quoted
in prose use «»; quotes that are YAML syntax stay straight.
"""
from . import (phrases_es_console, phrases_es_credentials, phrases_es_details, phrases_es_editor,
               phrases_es_logs, phrases_es_rollouts)

GENERAL = {
    # timonel and timonel-cluster command lines (context "main")
    "Timonel: a native console for Kubernetes.": "Timonel: una consola nativa para Kubernetes.",
    "Timonel": "Timonel",
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
    "Read clusters from this kubeconfig file.": "Lee los clústeres de este archivo kubeconfig.",
    "Open this kubeconfig context instead of the embedded cluster.":
        "Abre este contexto del kubeconfig en lugar del clúster integrado.",
    "Where the embedded cluster keeps its data.": "Dónde guarda sus datos el clúster integrado.",

    # Words shared by several areas
    "Kind": "Tipo",
    "Type": "Tipo",
    "Name": "Nombre",
    "Namespace": "Espacio de nombres",
    "Status": "Estado",
    "Key": "Clave",
    "Value": "Valor",
    "Labels": "Etiquetas",
    "Annotations": "Anotaciones",
    "Action": "Acción",
    "Cluster": "Clúster",
    "Events": "Eventos",
    "Logs": "Registros",
    "YAML": "YAML",
    "Field": "Campo",
    "Reason": "Motivo",
    "Message": "Mensaje",
    "Last seen": "Última vez",
    "Count": "Veces",
    "%1 (%2)": "%1 (%2)",
    "%1 %2": "%1 %2",
    "%1 in %2": "%1 en %2",
    "%1: %2": "%1: %2",
    "timonel-cluster: --ingress-port must be a number from 0 to 65535":
        "timonel-cluster: --ingress-port debe ser un número de 0 a 65535",
    "timonel-cluster: --node-monitor-grace-period must be a duration of at least 1s, such as 40s":
        "timonel-cluster: --node-monitor-grace-period debe ser una duración de al menos 1s, como 40s",
    "The ingress controller's port on 127.0.0.1 (0: any free port).":
        "El puerto del controlador de Ingress en 127.0.0.1 (0: cualquier puerto libre).",
    "How long a node's kubelet may stay silent before the node is NotReady (a duration: 40s, 1m).":
        "Cuánto tiempo puede estar callado el kubelet de un nodo antes de que el nodo pase a NotReady (una duración: 40s, 1m).",
}


def _merge(*tables):
    merged = {}
    for module_name, table in tables:
        for key, value in table.items():
            if key in merged and merged[key] != value:
                raise ValueError(f"{module_name}: {key!r} is already translated as {merged[key]!r}, not {value!r}")
            merged[key] = value
    return merged


PHRASES = _merge(("phrases_es", GENERAL),
                 ("phrases_es_console", phrases_es_console.PHRASES),
                 ("phrases_es_editor", phrases_es_editor.PHRASES),
                 ("phrases_es_details", phrases_es_details.PHRASES),
                 ("phrases_es_logs", phrases_es_logs.PHRASES),
                 ("phrases_es_rollouts", phrases_es_rollouts.PHRASES),
                 ("phrases_es_credentials", phrases_es_credentials.PHRASES))
