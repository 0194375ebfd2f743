"""Spanish: the YAML editor and its workflow: syntax and schema problems, API migrations,
templates, diff view, apply/dry run. See phrases_es.py for the conventions; quotes that are YAML
syntax or values to type stay straight ("%1")."""

PHRASES = {
    # YAML syntax (timonel::Editor)
    "Tabs are not allowed for indentation in YAML; use spaces":
        "YAML no admite tabuladores en la sangría; usa espacios",
    'A mapping value is not allowed here: check the indentation, or quote a value that contains ": "':
        'Aquí no se admite un valor de mapa: revisa la sangría o pon entre comillas un valor que contenga ": "',
    "Bad indentation: this line does not line up with the mapping it belongs to":
        "Sangría incorrecta: esta línea no está alineada con el mapa al que pertenece",
    "Bad indentation: this line does not line up with the list it belongs to":
        "Sangría incorrecta: esta línea no está alineada con la lista a la que pertenece",
    'Missing "}" at the end of a flow mapping': 'Falta "}" al final de un mapa en línea',
    'Missing "]" at the end of a flow list': 'Falta "]" al final de una lista en línea',
    'A list item ("- ") is not allowed here: check the indentation':
        'Aquí no se admite un elemento de lista ("- "): revisa la sangría',
    r"Unknown escape sequence in a double-quoted string (write \\ for a backslash)":
        r"Secuencia de escape desconocida en una cadena entre comillas dobles (escribe \\ para una barra invertida)",
    "YAML syntax error: %1": "Error de sintaxis YAML: %1",
    "Unknown anchor referenced by an alias": "Un alias hace referencia a un ancla desconocida",
    "An alias refers to the collection that contains it": "Un alias hace referencia a la colección que lo contiene",
    "The document has more than %1 nodes": "El documento tiene más de %1 nodos",
    "The document is nested more than %1 levels deep": "El documento tiene más de %1 niveles de anidamiento",
    'A new document must start with a "---" line': 'Un documento nuevo debe empezar con una línea "---"',
    "This quoted string is never closed": "Esta cadena entre comillas no se cierra nunca",
    "The text is %1 bytes, more than the limit of %2": "El texto ocupa %1 bytes, más que el límite de %2",

    # Removed APIs
    "%1 %2 was removed in Kubernetes %3 and nothing replaces it.":
        "%1 %2 se eliminó en Kubernetes %3 y nada lo sustituye.",
    "%1 %2 was removed in Kubernetes %3; use %4.": "%1 %2 se eliminó en Kubernetes %3; usa %4.",

    # Schema: what a value is (fills "%1 must be %2, not %3")
    "an object": "un objeto",
    "a list": "una lista",
    "true or false": "true o false",
    "an integer": "un entero",
    "a number": "un número",
    "a base64 string": "una cadena base64",
    "an integer or a string": "un entero o una cadena",
    "a quantity (such as 500m or 1Gi)": "una cantidad (como 500m o 1Gi)",
    "a string": "una cadena",
    "a boolean (%1)": "un booleano (%1)",
    "an integer (%1)": "un entero (%1)",
    "a number (%1)": "un número (%1)",
    "null": "null",
    'a string ("%1")': 'una cadena ("%1")',

    # Schema problems
    "%1 must be base64-encoded (plain text belongs in stringData)":
        "%1 debe estar codificado en base64 (el texto sin codificar va en stringData)",
    '%1: "%2" is not a quantity (%3)': '%1: "%2" no es una cantidad (%3)',
    'Unsupported value "%1" for %2: supported values are %3':
        'Valor no admitido "%1" para %2: los valores admitidos son %3',
    "%1 must be %2, not %3": "%1 debe ser %2, no %3",
    '%1 must be a string, not %2: write it in quotes ("%3")':
        '%1 debe ser una cadena, no %2: escríbelo entre comillas ("%3")',
    'Unknown field "%1"': "Campo desconocido «%1»",
    'Unknown field "%1" in %2': "Campo desconocido «%1» en %2",
    ' (did you mean "%1"?)': " (¿quisiste decir «%1»?)",
    "%1 is required": "%1 es obligatorio",
    'Invalid key "%1" in %2: %3': "Clave no válida «%1» en %2: %3",
    'Invalid label value "%1" for %2: %3': "Valor de etiqueta no válido «%1» para %2: %3",
    'Duplicate key "%1": each key may appear once in a mapping':
        "Clave duplicada «%1»: cada clave solo puede aparecer una vez en un mapa",

    # Manifest problems
    "A manifest must be an object with apiVersion, kind and metadata":
        "Un manifiesto debe ser un objeto con apiVersion, kind y metadata",
    'apiVersion is missing: every manifest needs one (such as "v1" or "apps/v1")':
        'Falta apiVersion: todo manifiesto necesita uno (como "v1" o "apps/v1")',
    'kind is missing: every manifest needs one (such as "Deployment")':
        'Falta kind: todo manifiesto necesita uno (como "Deployment")',
    "%1 does not serve %2; use %3": "%1 no ofrece %2; usa %3",
    'Unknown kind "%1" in %2': "Tipo desconocido «%1» en %2",
    " (%1 is served by %2)": " (%1 lo ofrece %2)",
    'Unknown apiVersion "%1"': "apiVersion desconocida «%1»",
    "%1 %2 is not known here: if a CustomResourceDefinition on the cluster defines it, its fields are not checked":
        "%1 %2 no se conoce aquí: si lo define una CustomResourceDefinition del clúster, sus campos no se comprueban",
    "metadata.name is required (or metadata.generateName)": "metadata.name es obligatorio (o metadata.generateName)",
    'Invalid name "%1": %2': "Nombre no válido «%1»: %2",
    "A CronJob's name must be no more than 52 characters":
        "El nombre de un CronJob no puede tener más de 52 caracteres",
    'Invalid generateName "%1": %2': "generateName no válido «%1»: %2",
    "%1 is cluster-scoped: metadata.namespace is ignored":
        "%1 tiene ámbito de clúster: se ignora metadata.namespace",
    'Invalid namespace "%1": %2': "Espacio de nombres no válido «%1»: %2",
    "Invalid spec.selector: %1": "spec.selector no válido: %1",
    "spec.selector must not be empty: it decides which pods belong to this %1":
        "spec.selector no puede estar vacío: decide qué Pods pertenecen a este %1",
    "spec.selector does not match spec.template.metadata.labels: the %1 would not own its pods":
        "spec.selector no coincide con spec.template.metadata.labels: el %1 no sería propietario de sus Pods",

    # API version migration notes
    "spec.rollbackTo removed: apps/v1 has no such field (use “kubectl rollout undo”)":
        "spec.rollbackTo eliminado: apps/v1 no tiene ese campo (usa “kubectl rollout undo”)",
    "spec.templateGeneration removed: apps/v1 has no such field":
        "spec.templateGeneration eliminado: apps/v1 no tiene ese campo",
    "spec.selector added from the template's labels: apps/v1 requires a selector":
        "spec.selector añadido a partir de las etiquetas de la plantilla: apps/v1 exige un selector",
    "apps/v1 requires spec.selector, and the template has no labels to take it from: add labels to spec.template.metadata and the same ones to spec.selector.matchLabels":
        "apps/v1 exige spec.selector y la plantilla no tiene etiquetas de las que tomarlo: añade etiquetas "
        "a spec.template.metadata y las mismas a spec.selector.matchLabels",
    "spec.revisionHistoryLimit now defaults to 10 old ReplicaSets (%1 kept %2)":
        "spec.revisionHistoryLimit conserva ahora por defecto 10 ReplicaSets antiguos (%1 conservaba %2)",
    "all": "todos",
    "spec.progressDeadlineSeconds now defaults to 600 (extensions/v1beta1 had no deadline)":
        "spec.progressDeadlineSeconds vale ahora 600 por defecto (extensions/v1beta1 no tenía plazo)",
    "Rolling updates now default to maxSurge 25% and maxUnavailable 25% (extensions/v1beta1: 1 and 1)":
        "Las actualizaciones progresivas usan ahora por defecto maxSurge 25% y maxUnavailable 25% "
        "(extensions/v1beta1: 1 y 1)",
    "spec.updateStrategy now defaults to RollingUpdate (%1 defaulted to OnDelete)":
        "spec.updateStrategy es ahora RollingUpdate por defecto (%1 usaba OnDelete)",
    "spec.backend renamed spec.defaultBackend": "spec.backend pasa a llamarse spec.defaultBackend",
    "%n backend(s): serviceName and servicePort became service.name and service.port.number or .name": (
        "%n backend: serviceName y servicePort pasan a ser service.name y service.port.number o .name",
        "%n backends: serviceName y servicePort pasan a ser service.name y service.port.number o .name"),
    "pathType: ImplementationSpecific added to %n path(s), as networking.k8s.io/v1 requires one (Prefix or Exact is usually what you mean)": (
        "pathType: ImplementationSpecific añadido a %n ruta, porque networking.k8s.io/v1 lo exige "
        "(normalmente lo que buscas es Prefix o Exact)",
        "pathType: ImplementationSpecific añadido a %n rutas, porque networking.k8s.io/v1 lo exige "
        "(normalmente lo que buscas es Prefix o Exact)"),
    "%n metric(s) rewritten in the autoscaling/v2 form (metric and target)": (
        "%n métrica reescrita en la forma de autoscaling/v2 (metric y target)",
        "%n métricas reescritas en la forma de autoscaling/v2 (metric y target)"),
    "apiVersion %1 → %2": "apiVersion %1 → %2",
    "In policy/v1 an empty spec.selector selects every pod of the namespace (in policy/v1beta1 it selected none)":
        "En policy/v1, un spec.selector vacío selecciona todos los Pods del espacio de nombres "
        "(en policy/v1beta1 no seleccionaba ninguno)",
    "Comments inside the converted document were not kept":
        "No se conservaron los comentarios dentro del documento convertido",
    "Document %1 (%2 %3): %4": "Documento %1 (%2 %3): %4",

    # Templates: kinds keep their names
    "Deployment": "Deployment",
    "Runs a set of identical pods and replaces them on updates.":
        "Ejecuta un conjunto de Pods idénticos y los sustituye al actualizarse.",
    "Service": "Service",
    "A stable name and address in front of the pods that match its selector.":
        "Un nombre y una dirección estables delante de los Pods que coinciden con su selector.",
    "ConfigMap": "ConfigMap",
    "Configuration as keys and values, for environment variables or files.":
        "Configuración en forma de claves y valores, para variables de entorno o archivos.",
    "Secret": "Secret",
    "Passwords, tokens and keys, kept apart from the pods that use them.":
        "Contraseñas, tokens y claves, guardados aparte de los Pods que los usan.",
    "Job": "Job",
    "Runs a pod to completion, retrying on failure.": "Ejecuta un Pod hasta que termina y lo reintenta si falla.",
    "CronJob": "CronJob",
    "Starts a Job on a schedule.": "Inicia un Job según una programación.",
    "Ingress": "Ingress",
    "Routes HTTP requests for a host and path to a Service.":
        "Dirige las peticiones HTTP de un host y una ruta a un Service.",
    "PersistentVolumeClaim": "PersistentVolumeClaim",
    "Requests storage that outlives the pods using it.": "Solicita almacenamiento que sobrevive a los Pods que lo usan.",
    "Pod": "Pod",
    "One or more containers scheduled together (usually made by a workload).":
        "Uno o más contenedores planificados juntos (normalmente los crea una carga de trabajo).",

    # Problems list
    "Problems": "Problemas",
    "Error": "Error",
    "Warning": "Advertencia",
    "%1:%2": "%1:%2",
    "Line %1, column %2 (document %3)": "Línea %1, columna %2 (documento %3)",
    "Severity": "Gravedad",
    "Line": "Línea",
    "Problem": "Problema",

    # Diff view
    "Differences": "Diferencias",
    "Previous Change": "Cambio anterior",
    "Previous change (Shift+F8 or P)": "Cambio anterior (Mayús+F8 o P)",
    "Next Change": "Cambio siguiente",
    "Next change (F8 or N)": "Cambio siguiente (F8 o N)",
    "No differences": "Sin diferencias",
    "%n change(s)": ("%n cambio", "%n cambios"),
    "Change %1 of %2": "Cambio %1 de %2",

    # Editor panel and its banners (conflict: Recar&gar, a&plicar; removed API: &Convertir, &Ocultar)
    "YAML editor": "Editor YAML",
    "Toggle Comment": "Alternar comentario",
    "&Dismiss": "&Ocultar",
    "&Reload": "Recar&gar",
    "Replace your edits with the object as the server has it now":
        "Sustituye tus cambios por el objeto tal como está ahora en el servidor",
    "Re-&apply on the New Version": "Volver a a&plicar sobre la nueva versión",
    "Apply your edits again on top of the object's new version":
        "Vuelve a aplicar tus cambios sobre la nueva versión del objeto",
    "The object changed on the server since you opened it.": "El objeto cambió en el servidor desde que lo abriste.",
    "&Convert to %1": "&Convertir a %1",
    "&Convert to Current Versions": "&Convertir a las versiones actuales",
    "Converted %n document(s); undo with Ctrl+Z. What changed:": (
        "%n documento convertido; deshaz con Ctrl+Z. Qué cambió:",
        "%n documentos convertidos; deshaz con Ctrl+Z. Qué cambió:"),

    # YAML workflow (toolbar and messages)
    "Reload": "Recargar",
    "Load the live object again, discarding edits (Ctrl+R)":
        "Vuelve a cargar el objeto del clúster y descarta los cambios (Ctrl+R)",
    "Diff": "Diferencias",
    "Compare the edited text with the live object (Ctrl+D)":
        "Compara el texto editado con el objeto del clúster (Ctrl+D)",
    "Dry run": "Simular",
    "Ask the server to validate and admit the change without storing it (Ctrl+Shift+Return)":
        "Pide al servidor que valide y admita el cambio sin guardarlo (Ctrl+Mayús+Intro)",
    "Apply": "Aplicar",
    "Create new objects; update edited ones if nobody changed them meanwhile (Ctrl+Return)":
        "Crea los objetos nuevos; actualiza los editados si nadie los cambió mientras tanto (Ctrl+Intro)",
    "Server-side apply": "Aplicar en el servidor",
    'Apply as field manager "timonel": the server merges the fields you set':
        "Aplica como gestor de campos «timonel»: el servidor combina los campos que estableces",
    "Reveal values": "Mostrar valores",
    "Show the Secret's values so they can be edited": "Muestra los valores del Secret para poder editarlos",
    "New from template": "Nuevo desde plantilla",
    "The Secret's values are hidden. Reveal them to edit.":
        "Los valores del Secret están ocultos. Muéstralos para editarlos.",
    "A new manifest: edit it, then Apply to create it.": "Un manifiesto nuevo: edítalo y pulsa Aplicar para crearlo.",
    "Could not load the live object: %1": "No se pudo cargar el objeto del clúster: %1",
    "Live (resourceVersion %1)": "En el clúster (resourceVersion %1)",
    "Edited": "Editado",
    "Reveal the Secret's values before applying it.": "Muestra los valores del Secret antes de aplicarlo.",
    "The manifest cannot be read: %1": "No se puede leer el manifiesto: %1",
    "There is nothing to apply.": "No hay nada que aplicar.",
    "Dry run…": "Simulando…",
    "Applying…": "Aplicando…",
    "Dry run passed: %1": "Simulación correcta: %1",
    "Applied: %1": "Aplicado: %1",
    "%1: the cluster does not serve kind %2 in %3": "%1: el clúster no ofrece el tipo %2 en %3",
    "%1 was changed on the server since you loaded it. Reload to take the server's version, or re-apply your edit on top of it.":
        "%1 cambió en el servidor desde que lo cargaste. Recarga para tomar la versión del servidor "
        "o vuelve a aplicar tus cambios sobre ella.",
    "Re-apply works on a single document.": "Volver a aplicar solo funciona con un único documento.",
    # Whole sentences (no appended fragments)
    'Unknown kind "%1" in %2 (did you mean "%3"?)': "Tipo desconocido «%1» en %2 (¿quisiste decir «%3»?)",
    'Unknown kind "%1" in %2 (%1 is served by %3)': "Tipo desconocido «%1» en %2 (%1 lo ofrece %3)",
    'Unknown field "%1" (did you mean "%2"?)': "Campo desconocido «%1» (¿quisiste decir «%2»?)",
    'Unknown field "%1" in %2 (did you mean "%3"?)': "Campo desconocido «%1» en %2 (¿quisiste decir «%3»?)",
    "spec.revisionHistoryLimit now defaults to 10 old ReplicaSets (%1 kept them all)":
        "spec.revisionHistoryLimit conserva ahora por defecto 10 ReplicaSets antiguos (%1 los conservaba todos)",
}
