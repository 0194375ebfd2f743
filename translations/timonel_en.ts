<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ClusterCatalog</name>
    <message>
        <source>Embedded cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no kubeconfig was loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No saved entry was found in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain refused the request (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>Pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replica Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stateful Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daemon Sets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cron Jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication Controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint Slices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingress Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service CIDRs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config Maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource Quotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit Ranges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Horizontal Pod Autoscalers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod Disruption Budgets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persistent Volume Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persistent Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSI Drivers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSI Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSI Storage Capacities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume Attributes Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role Bindings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster Role Bindings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate Signing Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom Resource Definitions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controller Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mutating Webhook Configurations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating Webhook Configurations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating Admission Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating Admission Policy Bindings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow Schemas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority Level Configurations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom resources</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectActions</name>
    <message>
        <source>not connected to a cluster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlainTextSecretFile</name>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolloutHistory</name>
    <message>
        <source>no rollout history found for deployment &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unable to find specified revision %1 in history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you cannot rollback a paused deployment; resume it first and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped rollback (current template already matches revision %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no last revision to roll back to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolloutProgress</name>
    <message numerus="yes">
        <source>%n pod(s) of the new ReplicaSet cannot start: %1</source>
        <translation>
            <numerusform>%n pod of the new ReplicaSet cannot start: %1</numerusform>
            <numerusform>%n pods of the new ReplicaSet cannot start: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) of the new ReplicaSet have not become ready for %1 s or more (failing readiness probes?)</source>
        <translation>
            <numerusform>%n pod of the new ReplicaSet has not become ready for %1 s or more (failing readiness probe?)</numerusform>
            <numerusform>%n pods of the new ReplicaSet have not become ready for %1 s or more (failing readiness probes?)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) at the new revision cannot start: %1</source>
        <translation>
            <numerusform>%n pod at the new revision cannot start: %1</numerusform>
            <numerusform>%n pods at the new revision cannot start: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) at the new revision have not become ready for %1 s or more (failing readiness probes?)</source>
        <translation>
            <numerusform>%n pod at the new revision has not become ready for %1 s or more (failing readiness probe?)</numerusform>
            <numerusform>%n pods at the new revision have not become ready for %1 s or more (failing readiness probes?)</numerusform>
        </translation>
    </message>
    <message>
        <source>rollout status is only available for RollingUpdate strategy type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for daemon set spec update to be observed...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for daemon set &quot;%1&quot; rollout to finish: %2 out of %3 new pods have been updated...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for daemon set &quot;%1&quot; rollout to finish: %2 of %3 updated pods are available...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon set &quot;%1&quot; successfully rolled out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for statefulset spec update to be observed...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1 pods to be ready...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for partitioned roll out to finish: %1 out of %2 new pods have been updated...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partitioned roll out complete: %1 new pods have been updated...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for statefulset rolling update to complete %1 pods at revision %2...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>statefulset rolling update complete %1 pods at revision %2...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolloutWorkflow</name>
    <message>
        <source>not connected to a cluster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>Read clusters from this kubeconfig file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this kubeconfig context instead of the embedded cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the embedded cluster keeps its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timonel-cluster: --ingress-port must be a number from 0 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timonel-cluster: --node-monitor-grace-period must be a duration of at least 1s, such as 40s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ingress controller&apos;s port on 127.0.0.1 (0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a node&apos;s kubelet may stay silent before the node is NotReady (a duration: 40s, 1m).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timonel-cluster: --speed must be a number from 1 to %1, such as 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timonel-cluster: --max-pods must be a number from 1 to 10000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the cluster&apos;s clock this many times faster than real time (1 to 100), for demos: image pulls, probes, back-offs and timeouts shrink; the node grace period stays at least 40 real seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many pods each simulated node takes (its pod capacity).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the embedded cluster&apos;s clock this many times faster than real time (1 to 100), for demos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many simulated nodes the embedded cluster has (1 to 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timonel: --speed must be a number from 1 to %1, such as 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timonel: --nodes must be a number from 1 to 100</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::BlueGreenPlan</name>
    <message>
        <source>A blue-green deployment starts from a Deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Service in front of Deployment %1 (same namespace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 does not select the pods of Deployment %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the image green runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment %1 has no container named %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 selects pods by their version alone; blue and green need a label they share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment %1 already has the name green would take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create %1 beside %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label the pods of Deployment %1 %2=%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 selects %2 only</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Create Deployment %1 with %n replica(s) of %2</source>
        <translation>
            <numerusform>Create Deployment %1 with %n replica of %2</numerusform>
            <numerusform>Create Deployment %1 with %n replicas of %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Service %1 selects %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch traffic to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch traffic back to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Deployment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandon %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::BlueGreenWizard</name>
    <message>
        <source>Blue-green for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment %1 (blue) behind Service %2 in namespace %3. Green runs beside it with as many replicas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry/name:tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontainer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green&apos;s &amp;image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;back to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clean up %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aban&amp;don %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What creating green changes and creates. The Service keeps sending traffic to blue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor and switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch when green is ready; blue stays for an instant switch back until you clean it up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch to green…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Service sends all traffic to green at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch &amp;back to blue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Service sends all traffic to blue again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clean up blue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the blue Deployment; green stays live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aban&amp;don green…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the green Deployment; blue stays live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::CanaryPlan</name>
    <message>
        <source>A canary starts from a Deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Service in front of Deployment %1 (same namespace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 does not select the pods of Deployment %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment %1 is itself a canary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the image the canary runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The total must be between 2 and 100 replicas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canary needs at least one replica and fewer than the total.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment %1 has no container named %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 selects pods by their version alone; the canary needs a label both versions share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Label the pods of Deployment %1 %2=%3 and keep %n replica(s)</source>
        <translation>
            <numerusform>Label the pods of Deployment %1 %2=%3 and keep %n replica</numerusform>
            <numerusform>Label the pods of Deployment %1 %2=%3 and keep %n replicas</numerusform>
        </translation>
    </message>
    <message>
        <source>Service %1 selects %2 (both versions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Create Deployment %1 with %n replica(s) of %2</source>
        <translation>
            <numerusform>Create Deployment %1 with %n replica of %2</numerusform>
            <numerusform>Create Deployment %1 with %n replicas of %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Promote the canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deployment %1 runs %2 with all %n replica(s)</source>
        <translation>
            <numerusform>Deployment %1 runs %2 with its %n replica</numerusform>
            <numerusform>Deployment %1 runs %2 with all %n replicas</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Deployment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 selects %2 again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abort the canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deployment %1 back to %n replica(s)</source>
        <translation>
            <numerusform>Deployment %1 back to %n replica</numerusform>
            <numerusform>Deployment %1 back to %n replicas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timonel::CanaryWizard</name>
    <message>
        <source>Canary for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment %1 behind Service %2 in namespace %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry/name:tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ontainer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Canary replicas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Total replicas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic to the canary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What starting the canary creates and changes. Apply to go ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness, restarts and the share of requests each version answers. Promote or abort when sure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promote…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stable Deployment takes the new image and all replicas; the canary is removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Abort…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canary is removed; the stable Deployment and the Service are put back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the canary needs fewer replicas than the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Abort canary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % (canary replicas: %2, stable replicas: %3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::ClusterSession</name>
    <message>
        <source>no exec plugin is waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to a kind, an object, a cluster or an action…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::ConsoleController</name>
    <message>
        <source>The approval could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timonel&apos;s own cluster, on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your kubeconfig could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the embedded cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Embedded cluster failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded cluster could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, Kubernetes %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a credential plugin that has not been approved yet: %2 %3 (from %4). Timonel runs it only after you allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow and connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not reachable: %2
Check that the cluster is running and that your credentials are valid, then press F5 to reconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not serve %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by label selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for a saved token for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the token you signed in with: %2
Sign in again with a valid bearer token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the credentials of this context: %2
Sign in with a bearer token to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to %1 with a token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the token for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in with a token is for kubeconfig contexts; the embedded cluster has its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your kubeconfig gives this context no credentials.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::ConsoleDetails</name>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordon %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncordon %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n selected objects</source>
        <translation>
            <numerusform>Delete the %n selected object</numerusform>
            <numerusform>Delete the %n selected objects</numerusform>
        </translation>
    </message>
    <message>
        <source>Create from a template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canary…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a new image on a share of the traffic, then promote or abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue-green…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the new version beside the old one and switch the Service when it is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Service in %1 selects the pods of %2. Expose the Deployment first (for traffic you can measure here, as a NodePort Service).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::CredentialsWorkflow</name>
    <message>
        <source>The token saved for %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 is saved in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 could not be saved (%2); it is kept only until Timonel quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 is saved in plain text in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 could not be saved: %2. It is kept only until Timonel quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 is kept only until Timonel quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 is forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 could not be removed from %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::DeleteDialog</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 in namespace %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n object(s)</source>
        <translation>
            <numerusform>Delete %n object</numerusform>
            <numerusform>Delete %n objects</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n object(s)?</source>
        <translation>
            <numerusform>Delete this object?</numerusform>
            <numerusform>Delete these %n objects?</numerusform>
        </translation>
    </message>
    <message>
        <source>Objects to delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting a namespace deletes every object in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dependent objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Background (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete now; the garbage collector then deletes the dependents (a deployment&apos;s replica sets and pods).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Foreground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the object, marked for deletion, until the dependents that block it are deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Orphan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete only this object; its dependents stay and lose their owner reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the &amp;grace period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grace period in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 deletes at once, without waiting for the containers to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::DeliveryMonitor</name>
    <message>
        <source>&amp;Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send requests through the Service&apos;s node port and count who answers (Alt+M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Requests:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No requests sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, none failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered, %2 failed (last: %3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::DeliveryWorkflow</name>
    <message>
        <source>(no version label)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another step is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking that every pod answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 still fails requests: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown pod)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::DescriptionView</name>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary, hex: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;not valid base64&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;gone&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::DetailsPane</name>
    <message>
        <source>Object actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double-click opens the object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Related</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels and annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels &amp;&amp; annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete this object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the number of replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the pods one by one (rollout restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the node unschedulable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let new pods be scheduled on the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordon the node and evict its pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add, change or remove labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+Y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the object&apos;s YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the pod&apos;s logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (via %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in the cache: it may not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Related (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No object selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;vents (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordon node %1 and evict every pod on it (daemon set pods stay)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::DiffView</name>
    <message>
        <source>Differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous change (Shift+F8 or P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next change (F8 or N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::Editor</name>
    <message>
        <source>Tabs are not allowed for indentation in YAML; use spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mapping value is not allowed here: check the indentation, or quote a value that contains &quot;: &quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad indentation: this line does not line up with the mapping it belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad indentation: this line does not line up with the list it belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing &quot;}&quot; at the end of a flow mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing &quot;]&quot; at the end of a flow list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A list item (&quot;- &quot;) is not allowed here: check the indentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown escape sequence in a double-quoted string (write \\ for a backslash)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown anchor referenced by an alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alias refers to the collection that contains it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has more than %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document is nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new document must start with a &quot;---&quot; line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quoted string is never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is %1 bytes, more than the limit of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 was removed in Kubernetes %3 and nothing replaces it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 was removed in Kubernetes %3; use %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a base64 string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer or a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quantity (such as 500m or 1Gi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a boolean (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an integer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string (&quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be base64-encoded (plain text belongs in stringData)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a quantity (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported value &quot;%1&quot; for %2: supported values are %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a string, not %2: write it in quotes (&quot;%3&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid key &quot;%1&quot; in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid label value &quot;%1&quot; for %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate key &quot;%1&quot;: each key may appear once in a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A manifest must be an object with apiVersion, kind and metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apiVersion is missing: every manifest needs one (such as &quot;v1&quot; or &quot;apps/v1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind is missing: every manifest needs one (such as &quot;Deployment&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not serve %2; use %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind &quot;%1&quot; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown apiVersion &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 is not known here: if a CustomResourceDefinition on the cluster defines it, its fields are not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata.name is required (or metadata.generateName)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid name &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CronJob&apos;s name must be no more than 52 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid generateName &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is cluster-scoped: metadata.namespace is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid namespace &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid spec.selector: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec.selector must not be empty: it decides which pods belong to this %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec.selector does not match spec.template.metadata.labels: the %1 would not own its pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec.rollbackTo removed: apps/v1 has no such field (use “kubectl rollout undo”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec.templateGeneration removed: apps/v1 has no such field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec.selector added from the template&apos;s labels: apps/v1 requires a selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>apps/v1 requires spec.selector, and the template has no labels to take it from: add labels to spec.template.metadata and the same ones to spec.selector.matchLabels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec.revisionHistoryLimit now defaults to 10 old ReplicaSets (%1 kept %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec.progressDeadlineSeconds now defaults to 600 (extensions/v1beta1 had no deadline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling updates now default to maxSurge 25% and maxUnavailable 25% (extensions/v1beta1: 1 and 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec.updateStrategy now defaults to RollingUpdate (%1 defaulted to OnDelete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec.backend renamed spec.defaultBackend</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backend(s): serviceName and servicePort became service.name and service.port.number or .name</source>
        <translation>
            <numerusform>%n backend: serviceName and servicePort became service.name and service.port.number or .name</numerusform>
            <numerusform>%n backends: serviceName and servicePort became service.name and service.port.number or .name</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pathType: ImplementationSpecific added to %n path(s), as networking.k8s.io/v1 requires one (Prefix or Exact is usually what you mean)</source>
        <translation>
            <numerusform>pathType: ImplementationSpecific added to %n path, as networking.k8s.io/v1 requires one (Prefix or Exact is usually what you mean)</numerusform>
            <numerusform>pathType: ImplementationSpecific added to %n paths, as networking.k8s.io/v1 requires one (Prefix or Exact is usually what you mean)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metric(s) rewritten in the autoscaling/v2 form (metric and target)</source>
        <translation>
            <numerusform>%n metric rewritten in the autoscaling/v2 form (metric and target)</numerusform>
            <numerusform>%n metrics rewritten in the autoscaling/v2 form (metric and target)</numerusform>
        </translation>
    </message>
    <message>
        <source>apiVersion %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In policy/v1 an empty spec.selector selects every pod of the namespace (in policy/v1beta1 it selected none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments inside the converted document were not kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document %1 (%2 %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a set of identical pods and replaces them on updates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stable name and address in front of the pods that match its selector.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ConfigMap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration as keys and values, for environment variables or files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords, tokens and keys, kept apart from the pods that use them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runs a pod to completion, retrying on failure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CronJob</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts a Job on a schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routes HTTP requests for a host and path to a Service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PersistentVolumeClaim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests storage that outlives the pods using it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One or more containers scheduled together (usually made by a workload).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spec.revisionHistoryLimit now defaults to 10 old ReplicaSets (%1 kept them all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind &quot;%1&quot; in %2 (did you mean &quot;%3&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind &quot;%1&quot; in %2 (%1 is served by %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; (did you mean &quot;%2&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in %2 (did you mean &quot;%3&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::LabelsDialog</name>
    <message>
        <source>Labels of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a label (Insert)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected labels (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a key is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1, key: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1, value: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::LogPanel</name>
    <message>
        <source>The container whose log is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fo&amp;llow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the stream open and show new lines as they are written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;revious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the log of the previous, terminated instance of the container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ti&amp;mestamps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for the time each line was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only lines written in this last period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with at most this many of the last lines (All: the whole log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze the display; lines keep arriving and are shown on resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-&amp;scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay at the newest line (End)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: next match, Shift+Enter: previous match, Esc: back to the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the log to a file (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the log view; the stream goes on (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines kept in memory; the oldest are dropped beyond this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request the log again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Container:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ince:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ma&amp;x lines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (init)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid pattern: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Counting… %n match(es)</source>
        <translation>
            <numerusform>Counting… %n match</numerusform>
            <numerusform>Counting… %n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message>
        <source>No pod selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Paused — %n new line(s) waiting</source>
        <translation>
            <numerusform>Paused — %n new line waiting</numerusform>
            <numerusform>Paused — %n new lines waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stream ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>oldest dropped beyond %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost — reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::LogView</name>
    <message>
        <source>Log lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::LogsWorkflow</name>
    <message>
        <source>not connected to the cluster</source>
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
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;vigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster (Alt+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kinds the cluster serves (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::NamespaceModel</name>
    <message>
        <source>All namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace %1 no longer exists; it stays selected until you clear it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace %1 is being deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::NamespacePicker</name>
    <message>
        <source>Namespaces shown in the tables (Alt+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n namespaces</source>
        <translation>
            <numerusform>%n namespace</numerusform>
            <numerusform>%n namespaces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timonel::NavigatorModel</name>
    <message>
        <source>%1 (%2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom resources of the API group %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::ObjectDescription</name>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Controlled by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalizers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminating, requested %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;none&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;invalid&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last transition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;set to the key &apos;%1&apos; in secret &apos;%2&apos;&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;set to the key &apos;%1&apos; of config map &apos;%2&apos;&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;set to the key &apos;%1&apos; in file &apos;%2&apos; of volume &apos;%3&apos;&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;set from a source this console does not know&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n variable(s)</source>
        <translation>
            <numerusform>%n variable</numerusform>
            <numerusform>%n variables</numerusform>
        </translation>
    </message>
    <message>
        <source>Environment from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Args</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Startup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host path type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downward API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token expiration seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FS type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tolerations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node affinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pod affinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pod anti-affinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Affinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topology spread constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nominated node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QoS class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termination grace period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Init containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ephemeral containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;unset&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completion mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backoff limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active deadline seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TTL after finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 desired | %2 updated | %3 total | %4 available | %5 unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolling update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 max unavailable, %2 max surge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max surge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min ready seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision history limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 current / %2 desired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replica set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replication controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 desired | %2 total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod management policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;default&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, storage class %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stateful set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desired nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up-to-date nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Misscheduled nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daemon set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active (%2 ready) / %3 succeeded / %4 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concurrency policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successful job history limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed job history limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last schedule time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cron job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP family policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP families</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster IPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External IPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load balancer IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load balancer ingress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session affinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>External traffic policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal traffic policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health check node port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingress class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>terminates %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n field</numerusform>
            <numerusform>%n fields</numerusform>
        </translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unschedulable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod CIDRs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allocatable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boot ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubelet version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kube-proxy version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalizers (spec)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image pull secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mountable secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automount token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reporting instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spec</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (binary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immutable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;not base64&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persistent volume claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reclaim policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node affinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persistent volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisioner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow volume expansion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume binding mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed topologies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (prefix %2, optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (prefix %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Terminating, requested %1 (grace period %2s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::ObjectEventsModel</name>
    <message>
        <source>First seen %1, last seen %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;unknown&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::PlanExecutor</name>
    <message>
        <source>Waiting for %1 to roll out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the pods of %1 to be ready and serving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1 and its pods to go</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting for Service %1 to send traffic to %n ready pod(s)</source>
        <translation>
            <numerusform>Waiting for Service %1 to send traffic to %n ready pod</numerusform>
            <numerusform>Waiting for Service %1 to send traffic to %n ready pods</numerusform>
        </translation>
    </message>
    <message>
        <source>not connected to a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out waiting for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed out waiting for the endpoints of Service %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::PlanPreview</name>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(does not exist yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live (resourceVersion %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: the cluster is already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 makes these changes:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::ProblemsList</name>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::ProblemsModel</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1, column %2 (document %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::RelatedObjects</name>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… %n more</source>
        <translation>
            <numerusform>… %n more</numerusform>
            <numerusform>… %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint slice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod on node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volume claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persistent volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounted by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::ResourceTableModel</name>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The namespace the object belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::ResourceTableView</name>
    <message>
        <source>Filter (Ctrl+F): words must all match, !word excludes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label selector (Ctrl+L): app=web,tier!=db</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln items</source>
        <translation>
            <numerusform>%1 of %Ln item</numerusform>
            <numerusform>%1 of %Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timonel::RolloutPanel</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — revision %2&lt;br&gt;%3 of %4 pods ready, %5 available&lt;br&gt;%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ReplicaSet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old ReplicaSets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReplicaSet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one revision to compare it with the current one, or two to compare them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo to revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll the Deployment back to the selected revision (kubectl rollout undo --to-revision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume the rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the pods one by one (rollout restart)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Alt+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a container&apos;s image, with a change cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout stuck: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking pods: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Deployment selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused: template changes are not rolled out until you resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the deployment spec update to be observed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for rollout to finish: %1 out of %2 new replicas have been updated…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting for rollout to finish: %n old replica(s) are pending termination…</source>
        <translation>
            <numerusform>Waiting for rollout to finish: %n old replica is pending termination…</numerusform>
            <numerusform>Waiting for rollout to finish: %n old replicas are pending termination…</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for rollout to finish: %1 of %2 updated replicas are available…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successfully rolled out (revision %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None with pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;none&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (×%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo to revision %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ControllerRevision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods at the current revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods at older revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll the DaemonSet back to the selected revision (kubectl rollout undo --to-revision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll the StatefulSet back to the selected revision (kubectl rollout undo --to-revision)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DaemonSets cannot be paused: kubectl rollout pause and resume support Deployments only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>StatefulSets cannot be paused: kubectl rollout pause and resume support Deployments only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::RolloutWorkflow</name>
    <message>
        <source>Undo %1 to revision %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set image of %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unable to find container named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; pausing is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; resuming is not supported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::ScaleDialog</name>
    <message>
        <source>Scale %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current replicas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desired replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Desired replicas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::SecretMasking</name>
    <message>
        <source>&lt;hidden&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;hidden: %n byte(s)&gt;</source>
        <translation>
            <numerusform>&lt;hidden: %n byte&gt;</numerusform>
            <numerusform>&lt;hidden: %n bytes&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timonel::SetImageDialog</name>
    <message>
        <source>Set image of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Container:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repository:tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as the kubernetes.io/change-cause annotation; `kubectl rollout history` shows it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hange cause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::SignInDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the context %1 (%2) with a bearer token. It replaces the credentials your kubeconfig gives this context, in Timonel only; the kubeconfig is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A token has no spaces or line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available, so the token is kept only until Timonel quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store in a &amp;file readable only by me (plain text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token will be written unencrypted to %1 (mode 0600). Anyone who can act as your user account, or read its backups, can read it and use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::TrafficGenerator</name>
    <message>
        <source>Measured traffic needs the embedded cluster: this cluster&apos;s node ports are not on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Service to send requests to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service %1 has no node port (type NodePort or LoadBalancer); requests cannot reach it from here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::YamlEditor</name>
    <message>
        <source>YAML editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle Comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timonel::YamlEditorPanel</name>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace your edits with the object as the server has it now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;apply on the New Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply your edits again on top of the object&apos;s new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The object changed on the server since you opened it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Convert to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Convert to Current Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Converted %n document(s); undo with Ctrl+Z. What changed:</source>
        <translation>
            <numerusform>Converted %n document; undo with Ctrl+Z. What changed:</numerusform>
            <numerusform>Converted %n documents; undo with Ctrl+Z. What changed:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timonel::YamlWorkflow</name>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the live object again, discarding edits (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the edited text with the live object (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the server to validate and admit the change without storing it (Ctrl+Shift+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create new objects; update edited ones if nobody changed them meanwhile (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server-side apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply as field manager &quot;timonel&quot;: the server merges the fields you set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Secret&apos;s values so they can be edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New from template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Secret&apos;s values are hidden. Reveal them to edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new manifest: edit it, then Apply to create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the live object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live (resourceVersion %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the Secret&apos;s values before applying it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The manifest cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry run passed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the cluster does not serve kind %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was changed on the server since you loaded it. Reload to take the server&apos;s version, or re-apply your edit on top of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-apply works on a single document.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
