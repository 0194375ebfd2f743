<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>main</name>
    <message>
        <source>Timonel: a native console for Kubernetes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timonel&apos;s embedded Kubernetes cluster, without a window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::MainWindow</name>
    <message>
        <source>Timonel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;A native console for Kubernetes.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
