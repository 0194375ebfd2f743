"""Spanish: credentials the console keeps — sign-in with a token, the system keychain, the
plain-text opt-in — and timonel-cluster's time options. See phrases_es.py for the conventions.
In the sign-in dialog the accelerators are &Token, &Recordar, &archivo and &Iniciar (no clash
with the buttons' &Cancelar)."""

PHRASES = {
    # ConsoleController: the banner, the picker's context menu, the palette.
    "Looking for a saved token for %1…": "Buscando un token guardado para %1…",
    "%1 refused the token you signed in with: %2\nSign in again with a valid bearer token.":
        "%1 rechazó el token con el que iniciaste sesión: %2\nVuelve a iniciar sesión con un token de portador válido.",
    "%1 refused the credentials of this context: %2\nSign in with a bearer token to use it.":
        "%1 rechazó las credenciales de este contexto: %2\nInicia sesión con un token de portador para usarlo.",
    "Sign in with a token…": "Iniciar sesión con un token…",
    "Sign in to %1 with a token…": "Iniciar sesión en %1 con un token…",
    "Forget the token for %1": "Olvidar el token de %1",
    "Signing in with a token is for kubeconfig contexts; the embedded cluster has its own.":
        "Iniciar sesión con un token es para contextos de kubeconfig; el clúster integrado tiene el suyo.",
    "The server answered: %1": "El servidor respondió: %1",
    "Your kubeconfig gives this context no credentials.": "Tu kubeconfig no da credenciales a este contexto.",

    # CredentialsWorkflow: status-bar messages.
    "The token saved for %1 could not be read: %2": "No se pudo leer el token guardado para %1: %2",
    "The token for %1 is saved in %2.": "El token de %1 está guardado en %2.",
    "The token for %1 could not be saved (%2); it is kept only until Timonel quits.":
        "No se pudo guardar el token de %1 (%2); se conserva solo hasta que Timonel se cierre.",
    "The token for %1 is saved in plain text in %2.": "El token de %1 está guardado sin cifrar en %2.",
    "The token for %1 could not be saved: %2. It is kept only until Timonel quits.":
        "No se pudo guardar el token de %1: %2. Se conserva solo hasta que Timonel se cierre.",
    "The token for %1 is kept only until Timonel quits.": "El token de %1 se conserva solo hasta que Timonel se cierre.",
    "The token for %1 is forgotten.": "El token de %1 se ha olvidado.",
    "The token for %1 could not be removed from %2: %3": "No se pudo quitar el token de %1 de %2: %3",

    # KeychainSecretStore and the plain-text file.
    "No saved entry was found in the system keychain.": "No hay ninguna entrada guardada en el llavero del sistema.",
    "No system keychain is available (%1).": "No hay ningún llavero del sistema disponible (%1).",
    "The system keychain refused the request (%1).": "El llavero del sistema rechazó la petición (%1).",
    "The system keychain did not answer within %1 seconds.": "El llavero del sistema no respondió en %1 segundos.",
    "the system keychain": "el llavero del sistema",
    "%1 could not be written: %2": "No se pudo escribir %1: %2",

    # SignInDialog.
    "Sign in to %1": "Iniciar sesión en %1",
    "Sign in to the context %1 (%2) with a bearer token. It replaces the credentials your kubeconfig gives this context, in Timonel only; the kubeconfig is not changed.":
        "Inicia sesión en el contexto %1 (%2) con un token de portador. Sustituye las credenciales que tu kubeconfig da a este contexto, solo en Timonel; el kubeconfig no cambia.",
    "Paste the token": "Pega el token",
    "Bearer token": "Token de portador",
    "&Token:": "&Token:",
    "A token has no spaces or line breaks.": "Un token no tiene espacios ni saltos de línea.",
    "&Remember in the system keychain": "&Recordar en el llavero del sistema",
    "No system keychain is available, so the token is kept only until Timonel quits.":
        "No hay ningún llavero del sistema disponible, así que el token se conserva solo hasta que Timonel se cierre.",
    "Store in a &file readable only by me (plain text)": "Guardar en un &archivo que solo yo pueda leer (sin cifrar)",
    "The token will be written unencrypted to %1 (mode 0600). Anyone who can act as your user account, or read its backups, can read it and use it.":
        "El token se escribirá sin cifrar en %1 (modo 0600). Cualquiera que pueda actuar como tu cuenta de usuario, o leer sus copias de seguridad, podrá leerlo y usarlo.",
    "&Sign in": "&Iniciar sesión",

    # timonel-cluster: the time scale and pod capacity options.
    "timonel-cluster: --speed must be a number from 1 to %1, such as 20":
        "timonel-cluster: --speed debe ser un número de 1 a %1, como 20",
    "timonel-cluster: --max-pods must be a number from 1 to 10000":
        "timonel-cluster: --max-pods debe ser un número de 1 a 10000",
    "Run the cluster's clock this many times faster than real time (1 to 100), for demos: image pulls, probes, back-offs and timeouts shrink; the node grace period stays at least 40 real seconds.":
        "Hace correr el reloj del clúster tantas veces más rápido que el tiempo real (de 1 a 100), para demostraciones: descargas de imágenes, sondas, esperas y plazos se acortan; el periodo de gracia de los nodos sigue siendo de al menos 40 segundos reales.",
    "How many pods each simulated node takes (its pod capacity).":
        "Cuántos pods admite cada nodo simulado (su capacidad de pods).",

    # timonel (the desktop app): the embedded cluster's time scale and nodes.
    "Run the embedded cluster's clock this many times faster than real time (1 to 100), for demos.":
        "Hace correr el reloj del clúster integrado tantas veces más rápido que el tiempo real (de 1 a 100), para demostraciones.",
    "How many simulated nodes the embedded cluster has (1 to 100).":
        "Cuántos nodos simulados tiene el clúster integrado (de 1 a 100).",
    "timonel: --speed must be a number from 1 to %1, such as 20":
        "timonel: --speed debe ser un número de 1 a %1, como 20",
    "timonel: --nodes must be a number from 1 to 100":
        "timonel: --nodes debe ser un número de 1 a 100",
}
