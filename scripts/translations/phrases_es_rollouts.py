"""Spanish: rollouts (history, undo, progress, the rollout panel, set image) and the canary and
blue-green plans. See phrases_es.py for the conventions; rollout → despliegue, undo/rollback →
revertir, canary → canario, abort → abortar; "blue" and "green" are the versions' label values and stay as is."""

PHRASES = {
    # Rollout history (as kubectl rollout undo says it)
    'no rollout history found for deployment "%1"': "no se encontró historial de despliegues del Deployment «%1»",
    "unable to find specified revision %1 in history": "no se encontró la revisión %1 en el historial",
    "you cannot rollback a paused deployment; resume it first and try again":
        "no se puede revertir un Deployment en pausa; reanúdalo primero y vuelve a intentarlo",
    "skipped rollback (current template already matches revision %1)":
        "reversión omitida (la plantilla actual ya coincide con la revisión %1)",

    # Rollout actions (status messages: "%1: hecho")
    "Undo %1 to revision %2": "Revertir %1 a la revisión %2",
    "Pause %1": "Pausar %1",
    "Resume %1": "Reanudar %1",
    "Set image of %1 to %2": "Cambiar la imagen de %1 a %2",
    'unable to find container named "%1"': "no se encontró ningún contenedor llamado «%1»",

    # Rollout progress (why a rollout is stuck)
    "%n pod(s) of the new ReplicaSet cannot start: %1": (
        "%n Pod del ReplicaSet nuevo no puede iniciarse: %1",
        "%n Pods del ReplicaSet nuevo no pueden iniciarse: %1"),
    "%n pod(s) of the new ReplicaSet have not become ready for %1 s or more (failing readiness probes?)": (
        "%n Pod del ReplicaSet nuevo lleva %1 s o más sin estar listo (¿fallan las sondas de readiness?)",
        "%n Pods del ReplicaSet nuevo llevan %1 s o más sin estar listos (¿fallan las sondas de readiness?)"),

    # Rollout panel
    "<b>%1</b> — revision %2<br>%3 of %4 pods ready, %5 available<br>%6":
        "<b>%1</b> — revisión %2<br>%3 de %4 Pods listos, %5 disponibles<br>%6",
    "Progress": "Progreso",
    "Updated replicas": "Réplicas actualizadas",
    "Ready replicas": "Réplicas listas",
    "Available replicas": "Réplicas disponibles",
    "Updated:": "Actualizadas:",
    "Ready:": "Listas:",
    "Available:": "Disponibles:",
    "New ReplicaSet": "ReplicaSet nuevo",
    "Old ReplicaSets": "ReplicaSets antiguos",
    "Revisions": "Revisiones",
    "Change cause": "Motivo del cambio",
    "Images": "Imágenes",
    "Age": "Antigüedad",
    "ReplicaSet": "ReplicaSet",
    "Select one revision to compare it with the current one, or two to compare them":
        "Selecciona una revisión para compararla con la actual, o dos para compararlas entre sí",
    "Template diff": "Diferencias de plantilla",
    "Timeline": "Cronología",
    "Time": "Hora",
    "Undo to revision": "Revertir a la revisión",
    "Undo to revision %1": "Revertir a la revisión %1",
    "Roll the Deployment back to the selected revision (kubectl rollout undo --to-revision)":
        "Revierte el Deployment a la revisión seleccionada (kubectl rollout undo --to-revision)",
    "Pause": "Pausar",
    "Resume": "Reanudar",
    "Pause or resume the rollout": "Pausa o reanuda el despliegue",
    "Set image…": "Cambiar imagen…",
    "Change a container's image, with a change cause": "Cambia la imagen de un contenedor, con un motivo del cambio",
    # Shortcuts: QKeySequence text, kept as is.
    "Ctrl+Alt+Z": "Ctrl+Alt+Z",
    "Ctrl+Alt+P": "Ctrl+Alt+P",
    "Ctrl+Alt+R": "Ctrl+Alt+R",
    "Ctrl+Alt+I": "Ctrl+Alt+I",
    "Rollout stuck: %1. %2": "Despliegue atascado: %1. %2",
    "Blocking pods: %1.": "Pods que lo bloquean: %1.",
    "No Deployment selected.": "Ningún Deployment seleccionado.",
    "Paused: template changes are not rolled out until you resume.":
        "En pausa: los cambios de la plantilla no se despliegan hasta que lo reanudes.",
    "Waiting for the deployment spec update to be observed…":
        "Esperando a que se observe la actualización de la especificación del Deployment…",
    "Waiting for rollout to finish: %1 out of %2 new replicas have been updated…":
        "Esperando a que termine el despliegue: %1 de %2 réplicas nuevas actualizadas…",
    "Waiting for rollout to finish: %n old replica(s) are pending termination…": (
        "Esperando a que termine el despliegue: %n réplica antigua pendiente de terminar…",
        "Esperando a que termine el despliegue: %n réplicas antiguas pendientes de terminar…"),
    "Waiting for rollout to finish: %1 of %2 updated replicas are available…":
        "Esperando a que termine el despliegue: %1 de %2 réplicas actualizadas disponibles…",
    "Successfully rolled out (revision %1).": "Desplegado correctamente (revisión %1).",
    "None yet": "Ninguno todavía",
    "None with pods": "Ninguno con Pods",
    "%1 (current)": "%1 (actual)",
    "%1/%2": "%1/%2",
    "Revision %1": "Revisión %1",
    "%1 (×%2)": "%1 (×%2)",

    # Set image dialog: &Contenedor, &Imagen, Moti&vo, Ca&mbiar
    "Set image of %1": "Cambiar la imagen de %1",
    "Container": "Contenedor",
    "New image": "Imagen nueva",
    "repository:tag": "repositorio:tag",
    "&Image:": "&Imagen:",
    "Recorded as the kubernetes.io/change-cause annotation; `kubectl rollout history` shows it":
        "Se guarda como la anotación kubernetes.io/change-cause; `kubectl rollout history` la muestra",
    "C&hange cause:": "Moti&vo del cambio:",
    "&Set image": "Ca&mbiar imagen",

    # Canary and blue-green plans: problems, step titles (infinitive) and change summaries
    "A canary starts from a Deployment.": "Un canario parte de un Deployment.",
    "A blue-green deployment starts from a Deployment.": "Un despliegue blue-green parte de un Deployment.",
    "Choose the Service in front of Deployment %1 (same namespace).":
        "Elige el Service que está delante del Deployment %1 (en el mismo espacio de nombres).",
    "Service %1 does not select the pods of Deployment %2.": "El Service %1 no selecciona los Pods del Deployment %2.",
    "Deployment %1 is itself a canary.": "El Deployment %1 ya es un canario.",
    "Enter the image the canary runs.": "Escribe la imagen que ejecutará el canario.",
    "Enter the image green runs.": "Escribe la imagen que ejecutará green.",
    "The total must be between 2 and 100 replicas.": "El total debe estar entre 2 y 100 réplicas.",
    "The canary needs at least one replica and fewer than the total.":
        "El canario necesita al menos una réplica y menos que el total.",
    "Deployment %1 has no container named %2.": "El Deployment %1 no tiene ningún contenedor llamado %2.",
    "Service %1 selects pods by their version alone; the canary needs a label both versions share.":
        "El Service %1 selecciona los Pods solo por su versión; el canario necesita una etiqueta común a ambas versiones.",
    "Service %1 selects pods by their version alone; blue and green need a label they share.":
        "El Service %1 selecciona los Pods solo por su versión; blue y green necesitan una etiqueta en común.",
    "Deployment %1 already has the name green would take.": "El Deployment %1 ya tiene el nombre que tomaría green.",
    "Start the canary": "Iniciar el canario",
    "Promote the canary": "Promover el canario",
    "Abort the canary": "Abortar el canario",
    "Create %1 beside %2": "Crear %1 junto a %2",
    "Switch traffic to %1": "Pasar el tráfico a %1",
    "Switch traffic back to %1": "Devolver el tráfico a %1",
    "Clean up %1": "Retirar %1",
    "Abandon %1": "Abandonar %1",
    "Label the pods of Deployment %1 %2=%3": "Etiquetar los Pods del Deployment %1 con %2=%3",
    "Label the pods of Deployment %1 %2=%3 and keep %n replica(s)": (
        "Etiquetar los Pods del Deployment %1 con %2=%3 y mantener %n réplica",
        "Etiquetar los Pods del Deployment %1 con %2=%3 y mantener %n réplicas"),
    "Create Deployment %1 with %n replica(s) of %2": (
        "Crear el Deployment %1 con %n réplica de %2",
        "Crear el Deployment %1 con %n réplicas de %2"),
    "Deployment %1 runs %2 with all %n replica(s)": (
        "El Deployment %1 ejecuta %2 en su %n réplica",
        "El Deployment %1 ejecuta %2 en sus %n réplicas"),
    "Deployment %1 back to %n replica(s)": (
        "El Deployment %1 vuelve a %n réplica",
        "El Deployment %1 vuelve a %n réplicas"),
    "Service %1 selects %2": "El Service %1 selecciona %2",
    "Service %1 selects %2 only": "El Service %1 selecciona solo %2",
    "Service %1 selects %2 (both versions)": "El Service %1 selecciona %2 (ambas versiones)",
    "Service %1 selects %2 again": "El Service %1 vuelve a seleccionar %2",
    "Delete Deployment %1": "Eliminar el Deployment %1",

    # Carrying out a plan: progress, waits, measured traffic
    "(unknown)": "(desconocido)",
    "(no version label)": "(sin etiqueta de versión)",
    "another step is still running": "otro paso sigue en curso",
    "Checking that every pod answers": "Comprobando que todos los Pods responden",
    "Service %1 still fails requests: %2": "Las peticiones al Service %1 siguen fallando: %2",
    "Waiting for %1 to roll out": "Esperando a que se despliegue %1",
    "Waiting for the pods of %1 to be ready and serving": "Esperando a que los Pods de %1 estén listos y sirviendo",
    "Waiting for %1 and its pods to go": "Esperando a que desaparezcan %1 y sus Pods",
    "Waiting for Service %1 to send traffic to %n ready pod(s)": (
        "Esperando a que el Service %1 envíe tráfico a %n Pod listo",
        "Esperando a que el Service %1 envíe tráfico a %n Pods listos"),
    # Fills "Timed out waiting for %1", as does a change's label ("Deployment web").
    "Service %1's endpoints": "los endpoints del Service %1",
    "Timed out waiting for %1": "Tiempo agotado esperando a %1",
    "Measured traffic needs the embedded cluster: this cluster's node ports are not on this machine.":
        "El tráfico medido necesita el clúster integrado: los puertos de nodo de este clúster no están en este equipo.",
    "No Service to send requests to.": "No hay ningún Service al que enviar peticiones.",
    "Service %1 has no node port (type NodePort or LoadBalancer); requests cannot reach it from here.":
        "El Service %1 no tiene puerto de nodo (tipo NodePort o LoadBalancer); las peticiones no pueden llegar a él desde aquí.",

    # Canary and blue-green wizards. Qt's own Spanish wizard buttons take A, S, F (Atrás,
    # Siguiente, Finalizar), so: C&ontenedor, &Imagen, &canario, &totales, A&plicar; on the
    # monitor pages &Promover, A&bortar, &Pasar, &Volver, &Retirar, Aba&ndonar, &Medir, &Detener,
    # Pe&ticiones.
    "Canary for %1": "Canario para %1",
    "Blue-green for %1": "Blue-green para %1",
    "&Apply": "A&plicar",
    "Choose the canary": "Elegir el canario",
    "Choose green": "Elegir green",
    "Deployment %1 behind Service %2 in namespace %3.":
        "Deployment %1 detrás del Service %2 en el espacio de nombres %3.",
    "Deployment %1 (blue) behind Service %2 in namespace %3. Green runs beside it with as many replicas.":
        "Deployment %1 (blue) detrás del Service %2 en el espacio de nombres %3. Green se ejecuta a su lado "
        "con las mismas réplicas.",
    "registry/name:tag": "registro/nombre:tag",
    "C&ontainer:": "C&ontenedor:",
    "New &image:": "&Imagen nueva:",
    "Green's &image:": "&Imagen de green:",
    "&Canary replicas:": "Réplicas del &canario:",
    "&Total replicas:": "Réplicas &totales:",
    "Traffic to the canary:": "Tráfico al canario:",
    "the canary needs fewer replicas than the total": "el canario necesita menos réplicas que el total",
    "%1 % (%2 canary and %3 stable replicas)": "%1 % (%2 réplicas del canario y %3 estables)",
    "Preview": "Vista previa",
    "What starting the canary creates and changes. Apply to go ahead.":
        "Lo que se crea y se cambia al iniciar el canario. Pulsa Aplicar para continuar.",
    "What creating green changes and creates. The Service keeps sending traffic to blue.":
        "Lo que se cambia y se crea al crear green. El Service sigue enviando el tráfico a blue.",
    "Monitor": "Seguimiento",
    "Monitor and switch": "Seguimiento y cambio",
    "Readiness, restarts and the share of requests each version answers. Promote or abort when sure.":
        "Disponibilidad, reinicios y la proporción de peticiones que responde cada versión. "
        "Promueve o aborta cuando lo tengas claro.",
    "Switch when green is ready; blue stays for an instant switch back until you clean it up.":
        "Cambia cuando green esté listo; blue se queda para volver a él al instante hasta que lo retires.",
    "&Promote…": "&Promover…",
    "&Promote": "&Promover",
    "The stable Deployment takes the new image and all replicas; the canary is removed":
        "El Deployment estable adopta la imagen nueva y todas las réplicas; el canario se elimina",
    "&Abort…": "A&bortar…",
    "&Abort canary": "A&bortar el canario",
    "The canary is removed; the stable Deployment and the Service are put back":
        "El canario se elimina; el Deployment estable y el Service vuelven a su estado anterior",
    "&Switch to %1…": "&Pasar a %1…",
    "Switch &back to %1…": "&Volver a %1…",
    "&Clean up %1…": "&Retirar %1…",
    "Aban&don %1…": "Aba&ndonar %1…",
    "&Switch to green…": "&Pasar a green…",
    "The Service sends all traffic to green at once": "El Service envía todo el tráfico a green de una vez",
    "Switch &back to blue…": "&Volver a blue…",
    "The Service sends all traffic to blue again": "El Service vuelve a enviar todo el tráfico a blue",
    "&Clean up blue…": "&Retirar blue…",
    "Delete the blue Deployment; green stays live": "Elimina el Deployment blue; green sigue activo",
    "Aban&don green…": "Aba&ndonar green…",
    "Delete the green Deployment; blue stays live": "Elimina el Deployment green; blue sigue activo",

    # Delivery monitor (per-version readiness and measured traffic)
    "&Measure": "&Medir",
    "&Stop": "&Detener",
    "Version": "Versión",
    ("timonel::DeliveryMonitor", "Ready"): "Listos",
    "Restarts": "Reinicios",
    "Answers": "Respuestas",
    "Share": "Proporción",
    "Versions": "Versiones",
    "Requests to send": "Peticiones que enviar",
    "Send requests through the Service's node port and count who answers (Alt+M)":
        "Envía peticiones por el puerto de nodo del Service y cuenta quién responde (Alt+M)",
    "Steps": "Pasos",
    "&Requests:": "Pe&ticiones:",
    "gone": "eliminado",
    "No requests sent yet.": "Aún no se ha enviado ninguna petición.",
    "%1 answered, none failed.": "%1 respondidas, ninguna fallida.",
    "%1 answered, %2 failed (last: %3).": "%1 respondidas, %2 fallidas (última: %3).",

    # Plan preview (a step's changes, confirmed before they run)
    "Create": "Crear",
    "Change": "Cambiar",
    "Delete": "Eliminar",
    "Changes": "Cambios",
    "%1 %2 — %3": "%1 %2 — %3",
    "(does not exist yet)": "(aún no existe)",
    "(deleted)": "(eliminado)",
    "After": "Después",
    "Nothing to change: the cluster is already there.": "Nada que cambiar: el clúster ya está así.",
    "%1 makes these changes:": "«%1» hace estos cambios:",

    # The Rollout tab's wizard buttons (ConsoleDetails)
    "Canary…": "Canario…",
    "Try a new image on a share of the traffic, then promote or abort":
        "Prueba una imagen nueva con una parte del tráfico; luego promuévela o cancélala",
    "Blue-green…": "Azul-verde…",
    "Start the new version beside the old one and switch the Service when it is ready":
        "Arranca la versión nueva junto a la antigua y cambia el Service cuando esté lista",
    "No Service": "Sin Service",
    "No Service in %1 selects the pods of %2. Expose the Deployment first (for traffic you can measure here, as a NodePort Service).":
        "Ningún Service de %1 selecciona los pods de %2. Expón antes el Deployment (para medir aquí el tráfico, como Service NodePort).",
    "(unknown pod)": "(pod desconocido)",
    "Timed out waiting for the endpoints of Service %1": "Tiempo agotado esperando a los endpoints del Service %1",
    "%1 % (canary replicas: %2, stable replicas: %3)": "%1 % (réplicas del canario: %2, réplicas estables: %3)",

    # Rollout progress and history for DaemonSets and StatefulSets (kubectl's sentences)
    "%n pod(s) at the new revision cannot start: %1": (
        "%n Pod de la revisión nueva no puede iniciarse: %1",
        "%n Pods de la revisión nueva no pueden iniciarse: %1"),
    "%n pod(s) at the new revision have not become ready for %1 s or more (failing readiness probes?)": (
        "%n Pod de la revisión nueva lleva %1 s o más sin estar listo (¿fallan las sondas de readiness?)",
        "%n Pods de la revisión nueva llevan %1 s o más sin estar listos (¿fallan las sondas de readiness?)"),
    "no last revision to roll back to": "no hay una revisión anterior a la que volver",
    "rollout status is only available for RollingUpdate strategy type":
        "el estado del despliegue solo está disponible con la estrategia RollingUpdate",
    "Waiting for daemon set spec update to be observed...":
        "Esperando a que se observe el cambio de la especificación del DaemonSet...",
    'Waiting for daemon set "%1" rollout to finish: %2 out of %3 new pods have been updated...':
        "Esperando a que termine el despliegue del DaemonSet «%1»: %2 de %3 Pods nuevos actualizados...",
    'Waiting for daemon set "%1" rollout to finish: %2 of %3 updated pods are available...':
        "Esperando a que termine el despliegue del DaemonSet «%1»: %2 de %3 Pods actualizados disponibles...",
    'daemon set "%1" successfully rolled out': "el DaemonSet «%1» se desplegó correctamente",
    "Waiting for statefulset spec update to be observed...":
        "Esperando a que se observe el cambio de la especificación del StatefulSet...",
    "Waiting for %1 pods to be ready...": "Esperando a que %1 Pods estén listos...",
    "Waiting for partitioned roll out to finish: %1 out of %2 new pods have been updated...":
        "Esperando a que termine el despliegue por particiones: %1 de %2 Pods nuevos actualizados...",
    "partitioned roll out complete: %1 new pods have been updated...":
        "despliegue por particiones completo: %1 Pods nuevos actualizados...",
    "waiting for statefulset rolling update to complete %1 pods at revision %2...":
        "esperando a que termine la actualización gradual del StatefulSet: %1 Pods en la revisión %2...",
    "statefulset rolling update complete %1 pods at revision %2...":
        "actualización gradual del StatefulSet completa: %1 Pods en la revisión %2...",
    "ControllerRevision": "ControllerRevision",
    "Pods at the current revision": "Pods de la revisión actual",
    "Pods at older revisions": "Pods de revisiones anteriores",
    "Roll the DaemonSet back to the selected revision (kubectl rollout undo --to-revision)":
        "Devuelve el DaemonSet a la revisión seleccionada (kubectl rollout undo --to-revision)",
    "Roll the StatefulSet back to the selected revision (kubectl rollout undo --to-revision)":
        "Devuelve el StatefulSet a la revisión seleccionada (kubectl rollout undo --to-revision)",
    "DaemonSets cannot be paused: kubectl rollout pause and resume support Deployments only":
        "Los DaemonSets no se pueden pausar: kubectl rollout pause y resume solo admiten Deployments",
    "StatefulSets cannot be paused: kubectl rollout pause and resume support Deployments only":
        "Los StatefulSets no se pueden pausar: kubectl rollout pause y resume solo admiten Deployments",
    '%1 "%2" pausing is not supported': "%1 «%2»: pausar no está admitido",
    '%1 "%2" resuming is not supported': "%1 «%2»: reanudar no está admitido",
}
