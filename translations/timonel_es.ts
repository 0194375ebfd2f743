<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es">
<context>
    <name>main</name>
    <message>
        <source>Timonel: a native console for Kubernetes.</source>
        <translation>Timonel: una consola nativa para Kubernetes.</translation>
    </message>
    <message>
        <source>Timonel's embedded Kubernetes cluster, without a window.</source>
        <translation>El clúster de Kubernetes integrado de Timonel, sin ventana.</translation>
    </message>
    <message>
        <source>timonel-cluster: --port must be a number from 0 to 65535</source>
        <translation>timonel-cluster: --port debe ser un número entre 0 y 65535</translation>
    </message>
    <message>
        <source>timonel-cluster: cannot start: %1</source>
        <translation>timonel-cluster: no se puede iniciar: %1</translation>
    </message>
    <message>
        <source>timonel-cluster: cannot write the kubeconfig: %1</source>
        <translation>timonel-cluster: no se puede escribir el kubeconfig: %1</translation>
    </message>
    <message>
        <source>serve: run the cluster until SIGTERM.</source>
        <translation>serve: ejecuta el clúster hasta recibir SIGTERM.</translation>
    </message>
    <message>
        <source>Where the cluster keeps its data.</source>
        <translation>Dónde guarda el clúster sus datos.</translation>
    </message>
    <message>
        <source>The API server's port on 127.0.0.1 (0: any free port).</source>
        <translation>El puerto del servidor de API en 127.0.0.1 (0: cualquier puerto libre).</translation>
    </message>
    <message>
        <source>Add a "timonel" context to this kubeconfig file and make it current.</source>
        <translation>Añade un contexto «timonel» a este archivo kubeconfig y lo hace el actual.</translation>
    </message>
    <message>
        <source>timonel-cluster: unknown command "%1"; try --help</source>
        <translation>timonel-cluster: orden desconocida «%1»; prueba --help</translation>
    </message>
    <message>
        <source>timonel-cluster: --nodes must be a number from 1 to 100</source>
        <translation>timonel-cluster: --nodes debe ser un número entre 1 y 100</translation>
    </message>
    <message>
        <source>How many simulated nodes the cluster has (1 to 100).</source>
        <translation>Cuántos nodos simulados tiene el clúster (de 1 a 100).</translation>
    </message>
    <message>
        <source>Serve the API only: no controllers, scheduler or simulated kubelets (for API tests and benchmarks).</source>
        <translation>Sirve solo la API: sin controladores, planificador ni kubelets simulados (para pruebas de la API y mediciones).</translation>
    </message>
</context>
<context>
    <name>timonel::MainWindow</name>
    <message>
        <source>Timonel</source>
        <translation>Timonel</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;A native console for Kubernetes.&lt;/p&gt;&lt;p&gt;Starting the embedded cluster…&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;Una consola nativa para Kubernetes.&lt;/p&gt;&lt;p&gt;Iniciando el clúster integrado…&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Embedded cluster · %1</source>
        <translation>Clúster integrado · %1</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;The embedded cluster is running at &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;El clúster integrado está en marcha en &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Use it from a terminal with the real kubectl and helm:&lt;/p&gt;&lt;p&gt;&lt;code&gt;export KUBECONFIG=%1&lt;/code&gt;&lt;br&gt;&lt;code&gt;kubectl get namespaces&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;Úsalo desde una terminal con los kubectl y helm reales:&lt;/p&gt;&lt;p&gt;&lt;code&gt;export KUBECONFIG=%1&lt;/code&gt;&lt;br&gt;&lt;code&gt;kubectl get namespaces&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Embedded cluster not running</source>
        <translation>El clúster integrado no está en marcha</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;The embedded cluster could not start:&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;El clúster integrado no pudo iniciarse:&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
</context>
</TS>