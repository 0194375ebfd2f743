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
        <source>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;A native console for Kubernetes.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;Una consola nativa para Kubernetes.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Sin conexión</translation>
    </message>
</context>
</TS>