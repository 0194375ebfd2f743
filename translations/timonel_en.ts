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
    <message>
        <source>timonel-cluster: --port must be a number from 0 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timonel-cluster: cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timonel-cluster: cannot write the kubeconfig: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serve: run the cluster until SIGTERM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the cluster keeps its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server&apos;s port on 127.0.0.1 (0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a &quot;timonel&quot; context to this kubeconfig file and make it current.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timonel-cluster: unknown command &quot;%1&quot;; try --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timonel-cluster: --nodes must be a number from 1 to 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many simulated nodes the cluster has (1 to 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve the API only: no controllers, scheduler or simulated kubelets (for API tests and benchmarks).</source>
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
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;A native console for Kubernetes.&lt;/p&gt;&lt;p&gt;Starting the embedded cluster…&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded cluster · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;The embedded cluster is running at &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Use it from a terminal with the real kubectl and helm:&lt;/p&gt;&lt;p&gt;&lt;code&gt;export KUBECONFIG=%1&lt;/code&gt;&lt;br&gt;&lt;code&gt;kubectl get namespaces&lt;/code&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded cluster not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Timonel&lt;/h2&gt;&lt;p&gt;The embedded cluster could not start:&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
