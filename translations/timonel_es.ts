<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>ClusterCatalog</name>
    <message>
        <source>Embedded cluster</source>
        <translation>Clúster integrado</translation>
    </message>
    <message>
        <source>no kubeconfig was loaded</source>
        <translation>no se cargó ningún kubeconfig</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No saved entry was found in the system keychain.</source>
        <translation>No hay ninguna entrada guardada en el llavero del sistema.</translation>
    </message>
    <message>
        <source>No system keychain is available (%1).</source>
        <translation>No hay ningún llavero del sistema disponible (%1).</translation>
    </message>
    <message>
        <source>The system keychain refused the request (%1).</source>
        <translation>El llavero del sistema rechazó la petición (%1).</translation>
    </message>
    <message>
        <source>The system keychain did not answer within %1 seconds.</source>
        <translation>El llavero del sistema no respondió en %1 segundos.</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>el llavero del sistema</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Deployments</source>
        <translation>Deployments</translation>
    </message>
    <message>
        <source>Replica Sets</source>
        <translation>ReplicaSets</translation>
    </message>
    <message>
        <source>Stateful Sets</source>
        <translation>StatefulSets</translation>
    </message>
    <message>
        <source>Daemon Sets</source>
        <translation>DaemonSets</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Jobs</translation>
    </message>
    <message>
        <source>Cron Jobs</source>
        <translation>CronJobs</translation>
    </message>
    <message>
        <source>Replication Controllers</source>
        <translation>ReplicationControllers</translation>
    </message>
    <message>
        <source>Pod Templates</source>
        <translation>PodTemplates</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Endpoint Slices</source>
        <translation>EndpointSlices</translation>
    </message>
    <message>
        <source>Ingresses</source>
        <translation>Ingresses</translation>
    </message>
    <message>
        <source>Ingress Classes</source>
        <translation>IngressClasses</translation>
    </message>
    <message>
        <source>Network Policies</source>
        <translation>NetworkPolicies</translation>
    </message>
    <message>
        <source>IP Addresses</source>
        <translation>IPAddresses</translation>
    </message>
    <message>
        <source>Service CIDRs</source>
        <translation>ServiceCIDRs</translation>
    </message>
    <message>
        <source>Config Maps</source>
        <translation>ConfigMaps</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>Resource Quotas</source>
        <translation>ResourceQuotas</translation>
    </message>
    <message>
        <source>Limit Ranges</source>
        <translation>LimitRanges</translation>
    </message>
    <message>
        <source>Horizontal Pod Autoscalers</source>
        <translation>HorizontalPodAutoscalers</translation>
    </message>
    <message>
        <source>Pod Disruption Budgets</source>
        <translation>PodDisruptionBudgets</translation>
    </message>
    <message>
        <source>Priority Classes</source>
        <translation>PriorityClasses</translation>
    </message>
    <message>
        <source>Runtime Classes</source>
        <translation>RuntimeClasses</translation>
    </message>
    <message>
        <source>Leases</source>
        <translation>Leases</translation>
    </message>
    <message>
        <source>Persistent Volume Claims</source>
        <translation>PersistentVolumeClaims</translation>
    </message>
    <message>
        <source>Persistent Volumes</source>
        <translation>PersistentVolumes</translation>
    </message>
    <message>
        <source>Storage Classes</source>
        <translation>StorageClasses</translation>
    </message>
    <message>
        <source>Volume Attachments</source>
        <translation>VolumeAttachments</translation>
    </message>
    <message>
        <source>CSI Drivers</source>
        <translation>CSIDrivers</translation>
    </message>
    <message>
        <source>CSI Nodes</source>
        <translation>CSINodes</translation>
    </message>
    <message>
        <source>CSI Storage Capacities</source>
        <translation>CSIStorageCapacities</translation>
    </message>
    <message>
        <source>Volume Attributes Classes</source>
        <translation>VolumeAttributesClasses</translation>
    </message>
    <message>
        <source>Service Accounts</source>
        <translation>ServiceAccounts</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Role Bindings</source>
        <translation>RoleBindings</translation>
    </message>
    <message>
        <source>Cluster Roles</source>
        <translation>ClusterRoles</translation>
    </message>
    <message>
        <source>Cluster Role Bindings</source>
        <translation>ClusterRoleBindings</translation>
    </message>
    <message>
        <source>Certificate Signing Requests</source>
        <translation>CertificateSigningRequests</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodos</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Espacios de nombres</translation>
    </message>
    <message>
        <source>Custom Resource Definitions</source>
        <translation>CustomResourceDefinitions</translation>
    </message>
    <message>
        <source>API Services</source>
        <translation>APIServices</translation>
    </message>
    <message>
        <source>Controller Revisions</source>
        <translation>ControllerRevisions</translation>
    </message>
    <message>
        <source>Mutating Webhook Configurations</source>
        <translation>MutatingWebhookConfigurations</translation>
    </message>
    <message>
        <source>Validating Webhook Configurations</source>
        <translation>ValidatingWebhookConfigurations</translation>
    </message>
    <message>
        <source>Validating Admission Policies</source>
        <translation>ValidatingAdmissionPolicies</translation>
    </message>
    <message>
        <source>Validating Admission Policy Bindings</source>
        <translation>ValidatingAdmissionPolicyBindings</translation>
    </message>
    <message>
        <source>Flow Schemas</source>
        <translation>FlowSchemas</translation>
    </message>
    <message>
        <source>Priority Level Configurations</source>
        <translation>PriorityLevelConfigurations</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Workloads</source>
        <translation>Cargas de trabajo</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Almacenamiento</translation>
    </message>
    <message>
        <source>Access control</source>
        <translation>Control de acceso</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Clúster</translation>
    </message>
    <message>
        <source>Custom resources</source>
        <translation>Recursos personalizados</translation>
    </message>
</context>
<context>
    <name>ObjectActions</name>
    <message>
        <source>not connected to a cluster</source>
        <translation>no hay conexión con ningún clúster</translation>
    </message>
</context>
<context>
    <name>PlainTextSecretFile</name>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>RolloutHistory</name>
    <message>
        <source>no rollout history found for deployment &quot;%1&quot;</source>
        <translation>no se encontró historial de despliegues del Deployment «%1»</translation>
    </message>
    <message>
        <source>unable to find specified revision %1 in history</source>
        <translation>no se encontró la revisión %1 en el historial</translation>
    </message>
    <message>
        <source>you cannot rollback a paused deployment; resume it first and try again</source>
        <translation>no se puede revertir un Deployment en pausa; reanúdalo primero y vuelve a intentarlo</translation>
    </message>
    <message>
        <source>skipped rollback (current template already matches revision %1)</source>
        <translation>reversión omitida (la plantilla actual ya coincide con la revisión %1)</translation>
    </message>
    <message>
        <source>no last revision to roll back to</source>
        <translation>no hay una revisión anterior a la que volver</translation>
    </message>
</context>
<context>
    <name>RolloutProgress</name>
    <message numerus="yes">
        <source>%n pod(s) of the new ReplicaSet cannot start: %1</source>
        <translation>
            <numerusform>%n Pod del ReplicaSet nuevo no puede iniciarse: %1</numerusform>
            <numerusform>%n Pods del ReplicaSet nuevo no pueden iniciarse: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) of the new ReplicaSet have not become ready for %1 s or more (failing readiness probes?)</source>
        <translation>
            <numerusform>%n Pod del ReplicaSet nuevo lleva %1 s o más sin estar listo (¿fallan las sondas de readiness?)</numerusform>
            <numerusform>%n Pods del ReplicaSet nuevo llevan %1 s o más sin estar listos (¿fallan las sondas de readiness?)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) at the new revision cannot start: %1</source>
        <translation>
            <numerusform>%n Pod de la revisión nueva no puede iniciarse: %1</numerusform>
            <numerusform>%n Pods de la revisión nueva no pueden iniciarse: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) at the new revision have not become ready for %1 s or more (failing readiness probes?)</source>
        <translation>
            <numerusform>%n Pod de la revisión nueva lleva %1 s o más sin estar listo (¿fallan las sondas de readiness?)</numerusform>
            <numerusform>%n Pods de la revisión nueva llevan %1 s o más sin estar listos (¿fallan las sondas de readiness?)</numerusform>
        </translation>
    </message>
    <message>
        <source>rollout status is only available for RollingUpdate strategy type</source>
        <translation>el estado del despliegue solo está disponible con la estrategia RollingUpdate</translation>
    </message>
    <message>
        <source>Waiting for daemon set spec update to be observed...</source>
        <translation>Esperando a que se observe el cambio de la especificación del DaemonSet...</translation>
    </message>
    <message>
        <source>Waiting for daemon set &quot;%1&quot; rollout to finish: %2 out of %3 new pods have been updated...</source>
        <translation>Esperando a que termine el despliegue del DaemonSet «%1»: %2 de %3 Pods nuevos actualizados...</translation>
    </message>
    <message>
        <source>Waiting for daemon set &quot;%1&quot; rollout to finish: %2 of %3 updated pods are available...</source>
        <translation>Esperando a que termine el despliegue del DaemonSet «%1»: %2 de %3 Pods actualizados disponibles...</translation>
    </message>
    <message>
        <source>daemon set &quot;%1&quot; successfully rolled out</source>
        <translation>el DaemonSet «%1» se desplegó correctamente</translation>
    </message>
    <message>
        <source>Waiting for statefulset spec update to be observed...</source>
        <translation>Esperando a que se observe el cambio de la especificación del StatefulSet...</translation>
    </message>
    <message>
        <source>Waiting for %1 pods to be ready...</source>
        <translation>Esperando a que %1 Pods estén listos...</translation>
    </message>
    <message>
        <source>Waiting for partitioned roll out to finish: %1 out of %2 new pods have been updated...</source>
        <translation>Esperando a que termine el despliegue por particiones: %1 de %2 Pods nuevos actualizados...</translation>
    </message>
    <message>
        <source>partitioned roll out complete: %1 new pods have been updated...</source>
        <translation>despliegue por particiones completo: %1 Pods nuevos actualizados...</translation>
    </message>
    <message>
        <source>waiting for statefulset rolling update to complete %1 pods at revision %2...</source>
        <translation>esperando a que termine la actualización gradual del StatefulSet: %1 Pods en la revisión %2...</translation>
    </message>
    <message>
        <source>statefulset rolling update complete %1 pods at revision %2...</source>
        <translation>actualización gradual del StatefulSet completa: %1 Pods en la revisión %2...</translation>
    </message>
</context>
<context>
    <name>RolloutWorkflow</name>
    <message>
        <source>not connected to a cluster</source>
        <translation>no hay conexión con ningún clúster</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Timonel: a native console for Kubernetes.</source>
        <translation>Timonel: una consola nativa para Kubernetes.</translation>
    </message>
    <message>
        <source>Timonel&apos;s embedded Kubernetes cluster, without a window.</source>
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
        <source>The API server&apos;s port on 127.0.0.1 (0: any free port).</source>
        <translation>El puerto del servidor de API en 127.0.0.1 (0: cualquier puerto libre).</translation>
    </message>
    <message>
        <source>Add a &quot;timonel&quot; context to this kubeconfig file and make it current.</source>
        <translation>Añade un contexto «timonel» a este archivo kubeconfig y lo hace el actual.</translation>
    </message>
    <message>
        <source>timonel-cluster: unknown command &quot;%1&quot;; try --help</source>
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
    <message>
        <source>Read clusters from this kubeconfig file.</source>
        <translation>Lee los clústeres de este archivo kubeconfig.</translation>
    </message>
    <message>
        <source>Open this kubeconfig context instead of the embedded cluster.</source>
        <translation>Abre este contexto del kubeconfig en lugar del clúster integrado.</translation>
    </message>
    <message>
        <source>Where the embedded cluster keeps its data.</source>
        <translation>Dónde guarda sus datos el clúster integrado.</translation>
    </message>
    <message>
        <source>timonel-cluster: --ingress-port must be a number from 0 to 65535</source>
        <translation>timonel-cluster: --ingress-port debe ser un número de 0 a 65535</translation>
    </message>
    <message>
        <source>timonel-cluster: --node-monitor-grace-period must be a duration of at least 1s, such as 40s</source>
        <translation>timonel-cluster: --node-monitor-grace-period debe ser una duración de al menos 1s, como 40s</translation>
    </message>
    <message>
        <source>The ingress controller&apos;s port on 127.0.0.1 (0: any free port).</source>
        <translation>El puerto del controlador de Ingress en 127.0.0.1 (0: cualquier puerto libre).</translation>
    </message>
    <message>
        <source>How long a node&apos;s kubelet may stay silent before the node is NotReady (a duration: 40s, 1m).</source>
        <translation>Cuánto tiempo puede estar callado el kubelet de un nodo antes de que el nodo pase a NotReady (una duración: 40s, 1m).</translation>
    </message>
    <message>
        <source>timonel-cluster: --speed must be a number from 1 to %1, such as 20</source>
        <translation>timonel-cluster: --speed debe ser un número de 1 a %1, como 20</translation>
    </message>
    <message>
        <source>timonel-cluster: --max-pods must be a number from 1 to 10000</source>
        <translation>timonel-cluster: --max-pods debe ser un número de 1 a 10000</translation>
    </message>
    <message>
        <source>Run the cluster&apos;s clock this many times faster than real time (1 to 100), for demos: image pulls, probes, back-offs and timeouts shrink; the node grace period stays at least 40 real seconds.</source>
        <translation>Hace correr el reloj del clúster tantas veces más rápido que el tiempo real (de 1 a 100), para demostraciones: descargas de imágenes, sondas, esperas y plazos se acortan; el periodo de gracia de los nodos sigue siendo de al menos 40 segundos reales.</translation>
    </message>
    <message>
        <source>How many pods each simulated node takes (its pod capacity).</source>
        <translation>Cuántos pods admite cada nodo simulado (su capacidad de pods).</translation>
    </message>
    <message>
        <source>Run the embedded cluster&apos;s clock this many times faster than real time (1 to 100), for demos.</source>
        <translation>Hace correr el reloj del clúster integrado tantas veces más rápido que el tiempo real (de 1 a 100), para demostraciones.</translation>
    </message>
    <message>
        <source>How many simulated nodes the embedded cluster has (1 to 100).</source>
        <translation>Cuántos nodos simulados tiene el clúster integrado (de 1 a 100).</translation>
    </message>
    <message>
        <source>timonel: --speed must be a number from 1 to %1, such as 20</source>
        <translation>timonel: --speed debe ser un número de 1 a %1, como 20</translation>
    </message>
    <message>
        <source>timonel: --nodes must be a number from 1 to 100</source>
        <translation>timonel: --nodes debe ser un número de 1 a 100</translation>
    </message>
</context>
<context>
    <name>timonel::BlueGreenPlan</name>
    <message>
        <source>A blue-green deployment starts from a Deployment.</source>
        <translation>Un despliegue blue-green parte de un Deployment.</translation>
    </message>
    <message>
        <source>Choose the Service in front of Deployment %1 (same namespace).</source>
        <translation>Elige el Service que está delante del Deployment %1 (en el mismo espacio de nombres).</translation>
    </message>
    <message>
        <source>Service %1 does not select the pods of Deployment %2.</source>
        <translation>El Service %1 no selecciona los Pods del Deployment %2.</translation>
    </message>
    <message>
        <source>Enter the image green runs.</source>
        <translation>Escribe la imagen que ejecutará green.</translation>
    </message>
    <message>
        <source>Deployment %1 has no container named %2.</source>
        <translation>El Deployment %1 no tiene ningún contenedor llamado %2.</translation>
    </message>
    <message>
        <source>Service %1 selects pods by their version alone; blue and green need a label they share.</source>
        <translation>El Service %1 selecciona los Pods solo por su versión; blue y green necesitan una etiqueta en común.</translation>
    </message>
    <message>
        <source>Deployment %1 already has the name green would take.</source>
        <translation>El Deployment %1 ya tiene el nombre que tomaría green.</translation>
    </message>
    <message>
        <source>Create %1 beside %2</source>
        <translation>Crear %1 junto a %2</translation>
    </message>
    <message>
        <source>Label the pods of Deployment %1 %2=%3</source>
        <translation>Etiquetar los Pods del Deployment %1 con %2=%3</translation>
    </message>
    <message>
        <source>Service %1 selects %2 only</source>
        <translation>El Service %1 selecciona solo %2</translation>
    </message>
    <message numerus="yes">
        <source>Create Deployment %1 with %n replica(s) of %2</source>
        <translation>
            <numerusform>Crear el Deployment %1 con %n réplica de %2</numerusform>
            <numerusform>Crear el Deployment %1 con %n réplicas de %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Service %1 selects %2</source>
        <translation>El Service %1 selecciona %2</translation>
    </message>
    <message>
        <source>Switch traffic to %1</source>
        <translation>Pasar el tráfico a %1</translation>
    </message>
    <message>
        <source>Switch traffic back to %1</source>
        <translation>Devolver el tráfico a %1</translation>
    </message>
    <message>
        <source>Clean up %1</source>
        <translation>Retirar %1</translation>
    </message>
    <message>
        <source>Delete Deployment %1</source>
        <translation>Eliminar el Deployment %1</translation>
    </message>
    <message>
        <source>Abandon %1</source>
        <translation>Abandonar %1</translation>
    </message>
</context>
<context>
    <name>timonel::BlueGreenWizard</name>
    <message>
        <source>Blue-green for %1</source>
        <translation>Blue-green para %1</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>A&amp;plicar</translation>
    </message>
    <message>
        <source>Choose green</source>
        <translation>Elegir green</translation>
    </message>
    <message>
        <source>Deployment %1 (blue) behind Service %2 in namespace %3. Green runs beside it with as many replicas.</source>
        <translation>Deployment %1 (blue) detrás del Service %2 en el espacio de nombres %3. Green se ejecuta a su lado con las mismas réplicas.</translation>
    </message>
    <message>
        <source>registry/name:tag</source>
        <translation>registro/nombre:tag</translation>
    </message>
    <message>
        <source>C&amp;ontainer:</source>
        <translation>C&amp;ontenedor:</translation>
    </message>
    <message>
        <source>Green&apos;s &amp;image:</source>
        <translation>&amp;Imagen de green:</translation>
    </message>
    <message>
        <source>&amp;Switch to %1…</source>
        <translation>&amp;Pasar a %1…</translation>
    </message>
    <message>
        <source>Switch &amp;back to %1…</source>
        <translation>&amp;Volver a %1…</translation>
    </message>
    <message>
        <source>&amp;Clean up %1…</source>
        <translation>&amp;Retirar %1…</translation>
    </message>
    <message>
        <source>Aban&amp;don %1…</source>
        <translation>Aba&amp;ndonar %1…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>What creating green changes and creates. The Service keeps sending traffic to blue.</source>
        <translation>Lo que se cambia y se crea al crear green. El Service sigue enviando el tráfico a blue.</translation>
    </message>
    <message>
        <source>Monitor and switch</source>
        <translation>Seguimiento y cambio</translation>
    </message>
    <message>
        <source>Switch when green is ready; blue stays for an instant switch back until you clean it up.</source>
        <translation>Cambia cuando green esté listo; blue se queda para volver a él al instante hasta que lo retires.</translation>
    </message>
    <message>
        <source>&amp;Switch to green…</source>
        <translation>&amp;Pasar a green…</translation>
    </message>
    <message>
        <source>The Service sends all traffic to green at once</source>
        <translation>El Service envía todo el tráfico a green de una vez</translation>
    </message>
    <message>
        <source>Switch &amp;back to blue…</source>
        <translation>&amp;Volver a blue…</translation>
    </message>
    <message>
        <source>The Service sends all traffic to blue again</source>
        <translation>El Service vuelve a enviar todo el tráfico a blue</translation>
    </message>
    <message>
        <source>&amp;Clean up blue…</source>
        <translation>&amp;Retirar blue…</translation>
    </message>
    <message>
        <source>Delete the blue Deployment; green stays live</source>
        <translation>Elimina el Deployment blue; green sigue activo</translation>
    </message>
    <message>
        <source>Aban&amp;don green…</source>
        <translation>Aba&amp;ndonar green…</translation>
    </message>
    <message>
        <source>Delete the green Deployment; blue stays live</source>
        <translation>Elimina el Deployment green; blue sigue activo</translation>
    </message>
</context>
<context>
    <name>timonel::CanaryPlan</name>
    <message>
        <source>A canary starts from a Deployment.</source>
        <translation>Un canario parte de un Deployment.</translation>
    </message>
    <message>
        <source>Choose the Service in front of Deployment %1 (same namespace).</source>
        <translation>Elige el Service que está delante del Deployment %1 (en el mismo espacio de nombres).</translation>
    </message>
    <message>
        <source>Service %1 does not select the pods of Deployment %2.</source>
        <translation>El Service %1 no selecciona los Pods del Deployment %2.</translation>
    </message>
    <message>
        <source>Deployment %1 is itself a canary.</source>
        <translation>El Deployment %1 ya es un canario.</translation>
    </message>
    <message>
        <source>Enter the image the canary runs.</source>
        <translation>Escribe la imagen que ejecutará el canario.</translation>
    </message>
    <message>
        <source>The total must be between 2 and 100 replicas.</source>
        <translation>El total debe estar entre 2 y 100 réplicas.</translation>
    </message>
    <message>
        <source>The canary needs at least one replica and fewer than the total.</source>
        <translation>El canario necesita al menos una réplica y menos que el total.</translation>
    </message>
    <message>
        <source>Deployment %1 has no container named %2.</source>
        <translation>El Deployment %1 no tiene ningún contenedor llamado %2.</translation>
    </message>
    <message>
        <source>Service %1 selects pods by their version alone; the canary needs a label both versions share.</source>
        <translation>El Service %1 selecciona los Pods solo por su versión; el canario necesita una etiqueta común a ambas versiones.</translation>
    </message>
    <message>
        <source>Start the canary</source>
        <translation>Iniciar el canario</translation>
    </message>
    <message numerus="yes">
        <source>Label the pods of Deployment %1 %2=%3 and keep %n replica(s)</source>
        <translation>
            <numerusform>Etiquetar los Pods del Deployment %1 con %2=%3 y mantener %n réplica</numerusform>
            <numerusform>Etiquetar los Pods del Deployment %1 con %2=%3 y mantener %n réplicas</numerusform>
        </translation>
    </message>
    <message>
        <source>Service %1 selects %2 (both versions)</source>
        <translation>El Service %1 selecciona %2 (ambas versiones)</translation>
    </message>
    <message numerus="yes">
        <source>Create Deployment %1 with %n replica(s) of %2</source>
        <translation>
            <numerusform>Crear el Deployment %1 con %n réplica de %2</numerusform>
            <numerusform>Crear el Deployment %1 con %n réplicas de %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Promote the canary</source>
        <translation>Promover el canario</translation>
    </message>
    <message numerus="yes">
        <source>Deployment %1 runs %2 with all %n replica(s)</source>
        <translation>
            <numerusform>El Deployment %1 ejecuta %2 en su %n réplica</numerusform>
            <numerusform>El Deployment %1 ejecuta %2 en sus %n réplicas</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Deployment %1</source>
        <translation>Eliminar el Deployment %1</translation>
    </message>
    <message>
        <source>Service %1 selects %2 again</source>
        <translation>El Service %1 vuelve a seleccionar %2</translation>
    </message>
    <message>
        <source>Abort the canary</source>
        <translation>Abortar el canario</translation>
    </message>
    <message numerus="yes">
        <source>Deployment %1 back to %n replica(s)</source>
        <translation>
            <numerusform>El Deployment %1 vuelve a %n réplica</numerusform>
            <numerusform>El Deployment %1 vuelve a %n réplicas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timonel::CanaryWizard</name>
    <message>
        <source>Canary for %1</source>
        <translation>Canario para %1</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>A&amp;plicar</translation>
    </message>
    <message>
        <source>Choose the canary</source>
        <translation>Elegir el canario</translation>
    </message>
    <message>
        <source>Deployment %1 behind Service %2 in namespace %3.</source>
        <translation>Deployment %1 detrás del Service %2 en el espacio de nombres %3.</translation>
    </message>
    <message>
        <source>registry/name:tag</source>
        <translation>registro/nombre:tag</translation>
    </message>
    <message>
        <source>C&amp;ontainer:</source>
        <translation>C&amp;ontenedor:</translation>
    </message>
    <message>
        <source>New &amp;image:</source>
        <translation>&amp;Imagen nueva:</translation>
    </message>
    <message>
        <source>&amp;Canary replicas:</source>
        <translation>Réplicas del &amp;canario:</translation>
    </message>
    <message>
        <source>&amp;Total replicas:</source>
        <translation>Réplicas &amp;totales:</translation>
    </message>
    <message>
        <source>Traffic to the canary:</source>
        <translation>Tráfico al canario:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>What starting the canary creates and changes. Apply to go ahead.</source>
        <translation>Lo que se crea y se cambia al iniciar el canario. Pulsa Aplicar para continuar.</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Seguimiento</translation>
    </message>
    <message>
        <source>Readiness, restarts and the share of requests each version answers. Promote or abort when sure.</source>
        <translation>Disponibilidad, reinicios y la proporción de peticiones que responde cada versión. Promueve o aborta cuando lo tengas claro.</translation>
    </message>
    <message>
        <source>&amp;Promote…</source>
        <translation>&amp;Promover…</translation>
    </message>
    <message>
        <source>The stable Deployment takes the new image and all replicas; the canary is removed</source>
        <translation>El Deployment estable adopta la imagen nueva y todas las réplicas; el canario se elimina</translation>
    </message>
    <message>
        <source>&amp;Abort…</source>
        <translation>A&amp;bortar…</translation>
    </message>
    <message>
        <source>The canary is removed; the stable Deployment and the Service are put back</source>
        <translation>El canario se elimina; el Deployment estable y el Service vuelven a su estado anterior</translation>
    </message>
    <message>
        <source>the canary needs fewer replicas than the total</source>
        <translation>el canario necesita menos réplicas que el total</translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation>&amp;Promover</translation>
    </message>
    <message>
        <source>&amp;Abort canary</source>
        <translation>A&amp;bortar el canario</translation>
    </message>
    <message>
        <source>%1 % (canary replicas: %2, stable replicas: %3)</source>
        <translation>%1 % (réplicas del canario: %2, réplicas estables: %3)</translation>
    </message>
</context>
<context>
    <name>timonel::ClusterSession</name>
    <message>
        <source>no exec plugin is waiting for approval</source>
        <translation>ningún complemento exec está esperando aprobación</translation>
    </message>
</context>
<context>
    <name>timonel::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Paleta de comandos</translation>
    </message>
    <message>
        <source>Go to a kind, an object, a cluster or an action…</source>
        <translation>Ir a un tipo, un objeto, un clúster o una acción…</translation>
    </message>
</context>
<context>
    <name>timonel::ConsoleController</name>
    <message>
        <source>The approval could not be saved: %1</source>
        <translation>No se pudo guardar la aprobación: %1</translation>
    </message>
    <message>
        <source>Timonel&apos;s own cluster, on this computer</source>
        <translation>El clúster propio de Timonel, en este equipo</translation>
    </message>
    <message>
        <source>Your kubeconfig could not be read: %1</source>
        <translation>No se pudo leer tu kubeconfig: %1</translation>
    </message>
    <message>
        <source>Starting the embedded cluster…</source>
        <translation>Iniciando el clúster integrado…</translation>
    </message>
    <message>
        <source>Embedded cluster failed</source>
        <translation>Falló el clúster integrado</translation>
    </message>
    <message>
        <source>The embedded cluster could not start: %1</source>
        <translation>El clúster integrado no pudo iniciarse: %1</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>No se puede conectar</translation>
    </message>
    <message>
        <source>%1 cannot be used: %2</source>
        <translation>No se puede usar %1: %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Conectando con %1…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Conectado a %1</translation>
    </message>
    <message>
        <source>%1, Kubernetes %2</source>
        <translation>%1, Kubernetes %2</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>%1 needs a credential plugin that has not been approved yet: %2 %3 (from %4). Timonel runs it only after you allow it.</source>
        <translation>%1 necesita un complemento de credenciales que aún no se ha aprobado: %2 %3 (de %4). Timonel solo lo ejecuta cuando lo permites.</translation>
    </message>
    <message>
        <source>Allow and connect</source>
        <translation>Permitir y conectar</translation>
    </message>
    <message>
        <source>%1 is not reachable: %2
Check that the cluster is running and that your credentials are valid, then press F5 to reconnect.</source>
        <translation>No se puede acceder a %1: %2
Comprueba que el clúster está en marcha y que tus credenciales son válidas; después pulsa F5 para volver a conectar.</translation>
    </message>
    <message>
        <source>%1 does not serve %2</source>
        <translation>%1 no ofrece %2</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Switch to %1</source>
        <translation>Cambiar a %1</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Clúster</translation>
    </message>
    <message>
        <source>Filter the table</source>
        <translation>Filtrar la tabla</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Filter by label selector</source>
        <translation>Filtrar por selector de etiquetas</translation>
    </message>
    <message>
        <source>Choose namespaces</source>
        <translation>Elegir espacios de nombres</translation>
    </message>
    <message>
        <source>Looking for a saved token for %1…</source>
        <translation>Buscando un token guardado para %1…</translation>
    </message>
    <message>
        <source>%1 refused the token you signed in with: %2
Sign in again with a valid bearer token.</source>
        <translation>%1 rechazó el token con el que iniciaste sesión: %2
Vuelve a iniciar sesión con un token de portador válido.</translation>
    </message>
    <message>
        <source>%1 refused the credentials of this context: %2
Sign in with a bearer token to use it.</source>
        <translation>%1 rechazó las credenciales de este contexto: %2
Inicia sesión con un token de portador para usarlo.</translation>
    </message>
    <message>
        <source>Sign in with a token…</source>
        <translation>Iniciar sesión con un token…</translation>
    </message>
    <message>
        <source>Sign in to %1 with a token…</source>
        <translation>Iniciar sesión en %1 con un token…</translation>
    </message>
    <message>
        <source>Forget the token for %1</source>
        <translation>Olvidar el token de %1</translation>
    </message>
    <message>
        <source>Signing in with a token is for kubeconfig contexts; the embedded cluster has its own.</source>
        <translation>Iniciar sesión con un token es para contextos de kubeconfig; el clúster integrado tiene el suyo.</translation>
    </message>
    <message>
        <source>The server answered: %1</source>
        <translation>El servidor respondió: %1</translation>
    </message>
    <message>
        <source>Your kubeconfig gives this context no credentials.</source>
        <translation>Tu kubeconfig no da credenciales a este contexto.</translation>
    </message>
</context>
<context>
    <name>timonel::ConsoleDetails</name>
    <message>
        <source>Logs</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
    <message>
        <source>Scale %1 to %2</source>
        <translation>Escalar %1 a %2</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>Reiniciar %1</translation>
    </message>
    <message>
        <source>Cordon %1</source>
        <translation>Acordonar %1</translation>
    </message>
    <message>
        <source>Uncordon %1</source>
        <translation>Desacordonar %1</translation>
    </message>
    <message>
        <source>Drain %1</source>
        <translation>Drenar %1</translation>
    </message>
    <message>
        <source>Labels of %1</source>
        <translation>Etiquetas de %1</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: hecho</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1: falló: %2</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n selected objects</source>
        <translation>
            <numerusform>Eliminar el %n objeto seleccionado</numerusform>
            <numerusform>Eliminar los %n objetos seleccionados</numerusform>
        </translation>
    </message>
    <message>
        <source>Create from a template</source>
        <translation>Crear desde una plantilla</translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation>Despliegue</translation>
    </message>
    <message>
        <source>Canary…</source>
        <translation>Canario…</translation>
    </message>
    <message>
        <source>Try a new image on a share of the traffic, then promote or abort</source>
        <translation>Prueba una imagen nueva con una parte del tráfico; luego promuévela o cancélala</translation>
    </message>
    <message>
        <source>Blue-green…</source>
        <translation>Azul-verde…</translation>
    </message>
    <message>
        <source>Start the new version beside the old one and switch the Service when it is ready</source>
        <translation>Arranca la versión nueva junto a la antigua y cambia el Service cuando esté lista</translation>
    </message>
    <message>
        <source>No Service</source>
        <translation>Sin Service</translation>
    </message>
    <message>
        <source>No Service in %1 selects the pods of %2. Expose the Deployment first (for traffic you can measure here, as a NodePort Service).</source>
        <translation>Ningún Service de %1 selecciona los pods de %2. Expón antes el Deployment (para medir aquí el tráfico, como Service NodePort).</translation>
    </message>
</context>
<context>
    <name>timonel::CredentialsWorkflow</name>
    <message>
        <source>The token saved for %1 could not be read: %2</source>
        <translation>No se pudo leer el token guardado para %1: %2</translation>
    </message>
    <message>
        <source>The token for %1 is saved in %2.</source>
        <translation>El token de %1 está guardado en %2.</translation>
    </message>
    <message>
        <source>The token for %1 could not be saved (%2); it is kept only until Timonel quits.</source>
        <translation>No se pudo guardar el token de %1 (%2); se conserva solo hasta que Timonel se cierre.</translation>
    </message>
    <message>
        <source>The token for %1 is saved in plain text in %2.</source>
        <translation>El token de %1 está guardado sin cifrar en %2.</translation>
    </message>
    <message>
        <source>The token for %1 could not be saved: %2. It is kept only until Timonel quits.</source>
        <translation>No se pudo guardar el token de %1: %2. Se conserva solo hasta que Timonel se cierre.</translation>
    </message>
    <message>
        <source>The token for %1 is kept only until Timonel quits.</source>
        <translation>El token de %1 se conserva solo hasta que Timonel se cierre.</translation>
    </message>
    <message>
        <source>The token for %1 is forgotten.</source>
        <translation>El token de %1 se ha olvidado.</translation>
    </message>
    <message>
        <source>The token for %1 could not be removed from %2: %3</source>
        <translation>No se pudo quitar el token de %1 de %2: %3</translation>
    </message>
</context>
<context>
    <name>timonel::DeleteDialog</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 in namespace %3</source>
        <translation>%1 %2 en el espacio de nombres %3</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n object(s)</source>
        <translation>
            <numerusform>Eliminar %n objeto</numerusform>
            <numerusform>Eliminar %n objetos</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation>¿Eliminar %1?</translation>
    </message>
    <message numerus="yes">
        <source>Delete these %n object(s)?</source>
        <translation>
            <numerusform>¿Eliminar %n objeto?</numerusform>
            <numerusform>¿Eliminar estos %n objetos?</numerusform>
        </translation>
    </message>
    <message>
        <source>Objects to delete</source>
        <translation>Objetos que se eliminarán</translation>
    </message>
    <message>
        <source>Deleting a namespace deletes every object in it.</source>
        <translation>Al eliminar un espacio de nombres se eliminan todos los objetos que contiene.</translation>
    </message>
    <message>
        <source>Dependent objects</source>
        <translation>Objetos dependientes</translation>
    </message>
    <message>
        <source>&amp;Background (default)</source>
        <translation>&amp;Segundo plano (predeterminado)</translation>
    </message>
    <message>
        <source>Delete now; the garbage collector then deletes the dependents (a deployment&apos;s replica sets and pods).</source>
        <translation>Elimina ahora; después, el recolector de basura elimina los dependientes (los ReplicaSets y Pods de un Deployment).</translation>
    </message>
    <message>
        <source>&amp;Foreground</source>
        <translation>&amp;Primer plano</translation>
    </message>
    <message>
        <source>Keep the object, marked for deletion, until the dependents that block it are deleted.</source>
        <translation>Conserva el objeto, marcado para eliminarse, hasta que se eliminen los dependientes que lo bloquean.</translation>
    </message>
    <message>
        <source>&amp;Orphan</source>
        <translation>&amp;Dejar huérfanos</translation>
    </message>
    <message>
        <source>Delete only this object; its dependents stay and lose their owner reference.</source>
        <translation>Elimina solo este objeto; sus dependientes se quedan y pierden la referencia a su propietario.</translation>
    </message>
    <message>
        <source>Override the &amp;grace period:</source>
        <translation>Cambiar el periodo de &amp;gracia:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Grace period in seconds</source>
        <translation>Periodo de gracia en segundos</translation>
    </message>
    <message>
        <source>0 deletes at once, without waiting for the containers to stop.</source>
        <translation>0 elimina de inmediato, sin esperar a que se detengan los contenedores.</translation>
    </message>
    <message>
        <source>Type &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>Escribe &lt;b&gt;%1&lt;/b&gt; para confirmar:</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Confirmación</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Eliminar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>timonel::DeliveryMonitor</name>
    <message>
        <source>&amp;Measure</source>
        <translation>&amp;Medir</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listos</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>Reinicios</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versiones</translation>
    </message>
    <message>
        <source>Requests to send</source>
        <translation>Peticiones que enviar</translation>
    </message>
    <message>
        <source>Send requests through the Service&apos;s node port and count who answers (Alt+M)</source>
        <translation>Envía peticiones por el puerto de nodo del Service y cuenta quién responde (Alt+M)</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <source>&amp;Requests:</source>
        <translation>Pe&amp;ticiones:</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>eliminado</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>No requests sent yet.</source>
        <translation>Aún no se ha enviado ninguna petición.</translation>
    </message>
    <message>
        <source>%1 answered, none failed.</source>
        <translation>%1 respondidas, ninguna fallida.</translation>
    </message>
    <message>
        <source>%1 answered, %2 failed (last: %3).</source>
        <translation>%1 respondidas, %2 fallidas (última: %3).</translation>
    </message>
</context>
<context>
    <name>timonel::DeliveryWorkflow</name>
    <message>
        <source>(no version label)</source>
        <translation>(sin etiqueta de versión)</translation>
    </message>
    <message>
        <source>another step is still running</source>
        <translation>otro paso sigue en curso</translation>
    </message>
    <message>
        <source>Checking that every pod answers</source>
        <translation>Comprobando que todos los Pods responden</translation>
    </message>
    <message>
        <source>Service %1 still fails requests: %2</source>
        <translation>Las peticiones al Service %1 siguen fallando: %2</translation>
    </message>
    <message>
        <source>%1: done</source>
        <translation>%1: hecho</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1: falló: %2</translation>
    </message>
    <message>
        <source>(unknown pod)</source>
        <translation>(pod desconocido)</translation>
    </message>
</context>
<context>
    <name>timonel::DescriptionView</name>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>binary, hex: %1</source>
        <translation>binario, hex: %1</translation>
    </message>
    <message>
        <source>&lt;not valid base64&gt;</source>
        <translation>&lt;base64 no válido&gt;</translation>
    </message>
    <message>
        <source>&lt;gone&gt;</source>
        <translation>&lt;ya no existe&gt;</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Show less</source>
        <translation>Mostrar menos</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Mostrar todo</translation>
    </message>
</context>
<context>
    <name>timonel::DetailsPane</name>
    <message>
        <source>Object actions</source>
        <translation>Acciones del objeto</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation>&amp;Eventos</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relación</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espacio de nombres</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Related objects</source>
        <translation>Objetos relacionados</translation>
    </message>
    <message>
        <source>Enter or double-click opens the object</source>
        <translation>Intro o doble clic abre el objeto</translation>
    </message>
    <message>
        <source>&amp;Related</source>
        <translation>Re&amp;lacionados</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Labels and annotations</source>
        <translation>Etiquetas y anotaciones</translation>
    </message>
    <message>
        <source>&amp;Labels &amp;&amp; annotations</source>
        <translation>E&amp;tiquetas y anotaciones</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete this object</source>
        <translation>Elimina este objeto</translation>
    </message>
    <message>
        <source>Scale…</source>
        <translation>Escalar…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>Change the number of replicas</source>
        <translation>Cambia el número de réplicas</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>Replace the pods one by one (rollout restart)</source>
        <translation>Sustituye los Pods uno a uno (rollout restart)</translation>
    </message>
    <message>
        <source>Cordon</source>
        <translation>Acordonar</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Mark the node unschedulable</source>
        <translation>Marca el nodo como no planificable</translation>
    </message>
    <message>
        <source>Uncordon</source>
        <translation>Desacordonar</translation>
    </message>
    <message>
        <source>Ctrl+Shift+U</source>
        <translation>Ctrl+Shift+U</translation>
    </message>
    <message>
        <source>Let new pods be scheduled on the node</source>
        <translation>Permite planificar Pods nuevos en el nodo</translation>
    </message>
    <message>
        <source>Drain…</source>
        <translation>Drenar…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>Cordon the node and evict its pods</source>
        <translation>Acordona el nodo y desaloja sus Pods</translation>
    </message>
    <message>
        <source>Edit labels…</source>
        <translation>Editar etiquetas…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Add, change or remove labels</source>
        <translation>Añade, cambia o quita etiquetas</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Y</source>
        <translation>Ctrl+Shift+Y</translation>
    </message>
    <message>
        <source>Open the object&apos;s YAML</source>
        <translation>Abre el YAML del objeto</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Ctrl+Shift+L</source>
        <translation>Ctrl+Shift+L</translation>
    </message>
    <message>
        <source>Follow the pod&apos;s logs</source>
        <translation>Sigue los registros del Pod</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (via %2)</source>
        <translation>%1 (vía %2)</translation>
    </message>
    <message>
        <source>Not in the cache: it may not exist.</source>
        <translation>No está en la caché: puede que no exista.</translation>
    </message>
    <message>
        <source>&amp;Related (%1)</source>
        <translation>Re&amp;lacionados (%1)</translation>
    </message>
    <message>
        <source>No object selected</source>
        <translation>Ningún objeto seleccionado</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>E&amp;vents (%1)</source>
        <translation>&amp;Eventos (%1)</translation>
    </message>
    <message>
        <source>Labels (%1)</source>
        <translation>Etiquetas (%1)</translation>
    </message>
    <message>
        <source>Annotations (%1)</source>
        <translation>Anotaciones (%1)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Drain %1</source>
        <translation>Drenar %1</translation>
    </message>
    <message>
        <source>Cordon node %1 and evict every pod on it (daemon set pods stay)?</source>
        <translation>¿Acordonar el nodo %1 y desalojar todos sus Pods (los de DaemonSets se quedan)?</translation>
    </message>
    <message>
        <source>&amp;Drain</source>
        <translation>&amp;Drenar</translation>
    </message>
</context>
<context>
    <name>timonel::DiffView</name>
    <message>
        <source>Differences</source>
        <translation>Diferencias</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>Cambio anterior</translation>
    </message>
    <message>
        <source>Previous change (Shift+F8 or P)</source>
        <translation>Cambio anterior (Mayús+F8 o P)</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>Cambio siguiente</translation>
    </message>
    <message>
        <source>Next change (F8 or N)</source>
        <translation>Cambio siguiente (F8 o N)</translation>
    </message>
    <message>
        <source>No differences</source>
        <translation>Sin diferencias</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n cambio</numerusform>
            <numerusform>%n cambios</numerusform>
        </translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Cambio %1 de %2</translation>
    </message>
</context>
<context>
    <name>timonel::Editor</name>
    <message>
        <source>Tabs are not allowed for indentation in YAML; use spaces</source>
        <translation>YAML no admite tabuladores en la sangría; usa espacios</translation>
    </message>
    <message>
        <source>A mapping value is not allowed here: check the indentation, or quote a value that contains &quot;: &quot;</source>
        <translation>Aquí no se admite un valor de mapa: revisa la sangría o pon entre comillas un valor que contenga &quot;: &quot;</translation>
    </message>
    <message>
        <source>Bad indentation: this line does not line up with the mapping it belongs to</source>
        <translation>Sangría incorrecta: esta línea no está alineada con el mapa al que pertenece</translation>
    </message>
    <message>
        <source>Bad indentation: this line does not line up with the list it belongs to</source>
        <translation>Sangría incorrecta: esta línea no está alineada con la lista a la que pertenece</translation>
    </message>
    <message>
        <source>Missing &quot;}&quot; at the end of a flow mapping</source>
        <translation>Falta &quot;}&quot; al final de un mapa en línea</translation>
    </message>
    <message>
        <source>Missing &quot;]&quot; at the end of a flow list</source>
        <translation>Falta &quot;]&quot; al final de una lista en línea</translation>
    </message>
    <message>
        <source>A list item (&quot;- &quot;) is not allowed here: check the indentation</source>
        <translation>Aquí no se admite un elemento de lista (&quot;- &quot;): revisa la sangría</translation>
    </message>
    <message>
        <source>Unknown escape sequence in a double-quoted string (write \\ for a backslash)</source>
        <translation>Secuencia de escape desconocida en una cadena entre comillas dobles (escribe \\ para una barra invertida)</translation>
    </message>
    <message>
        <source>YAML syntax error: %1</source>
        <translation>Error de sintaxis YAML: %1</translation>
    </message>
    <message>
        <source>Unknown anchor referenced by an alias</source>
        <translation>Un alias hace referencia a un ancla desconocida</translation>
    </message>
    <message>
        <source>An alias refers to the collection that contains it</source>
        <translation>Un alias hace referencia a la colección que lo contiene</translation>
    </message>
    <message>
        <source>The document has more than %1 nodes</source>
        <translation>El documento tiene más de %1 nodos</translation>
    </message>
    <message>
        <source>The document is nested more than %1 levels deep</source>
        <translation>El documento tiene más de %1 niveles de anidamiento</translation>
    </message>
    <message>
        <source>A new document must start with a &quot;---&quot; line</source>
        <translation>Un documento nuevo debe empezar con una línea &quot;---&quot;</translation>
    </message>
    <message>
        <source>This quoted string is never closed</source>
        <translation>Esta cadena entre comillas no se cierra nunca</translation>
    </message>
    <message>
        <source>The text is %1 bytes, more than the limit of %2</source>
        <translation>El texto ocupa %1 bytes, más que el límite de %2</translation>
    </message>
    <message>
        <source>%1 %2 was removed in Kubernetes %3 and nothing replaces it.</source>
        <translation>%1 %2 se eliminó en Kubernetes %3 y nada lo sustituye.</translation>
    </message>
    <message>
        <source>%1 %2 was removed in Kubernetes %3; use %4.</source>
        <translation>%1 %2 se eliminó en Kubernetes %3; usa %4.</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true o false</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>un entero</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>a base64 string</source>
        <translation>una cadena base64</translation>
    </message>
    <message>
        <source>an integer or a string</source>
        <translation>un entero o una cadena</translation>
    </message>
    <message>
        <source>a quantity (such as 500m or 1Gi)</source>
        <translation>una cantidad (como 500m o 1Gi)</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <source>a boolean (%1)</source>
        <translation>un booleano (%1)</translation>
    </message>
    <message>
        <source>an integer (%1)</source>
        <translation>un entero (%1)</translation>
    </message>
    <message>
        <source>a number (%1)</source>
        <translation>un número (%1)</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a string (&quot;%1&quot;)</source>
        <translation>una cadena (&quot;%1&quot;)</translation>
    </message>
    <message>
        <source>%1 must be base64-encoded (plain text belongs in stringData)</source>
        <translation>%1 debe estar codificado en base64 (el texto sin codificar va en stringData)</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a quantity (%3)</source>
        <translation>%1: &quot;%2&quot; no es una cantidad (%3)</translation>
    </message>
    <message>
        <source>Unsupported value &quot;%1&quot; for %2: supported values are %3</source>
        <translation>Valor no admitido &quot;%1&quot; para %2: los valores admitidos son %3</translation>
    </message>
    <message>
        <source>%1 must be %2, not %3</source>
        <translation>%1 debe ser %2, no %3</translation>
    </message>
    <message>
        <source>%1 must be a string, not %2: write it in quotes (&quot;%3&quot;)</source>
        <translation>%1 debe ser una cadena, no %2: escríbelo entre comillas (&quot;%3&quot;)</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot;</source>
        <translation>Campo desconocido «%1»</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in %2</source>
        <translation>Campo desconocido «%1» en %2</translation>
    </message>
    <message>
        <source>%1 is required</source>
        <translation>%1 es obligatorio</translation>
    </message>
    <message>
        <source>Invalid key &quot;%1&quot; in %2: %3</source>
        <translation>Clave no válida «%1» en %2: %3</translation>
    </message>
    <message>
        <source>Invalid label value &quot;%1&quot; for %2: %3</source>
        <translation>Valor de etiqueta no válido «%1» para %2: %3</translation>
    </message>
    <message>
        <source>Duplicate key &quot;%1&quot;: each key may appear once in a mapping</source>
        <translation>Clave duplicada «%1»: cada clave solo puede aparecer una vez en un mapa</translation>
    </message>
    <message>
        <source>A manifest must be an object with apiVersion, kind and metadata</source>
        <translation>Un manifiesto debe ser un objeto con apiVersion, kind y metadata</translation>
    </message>
    <message>
        <source>apiVersion is missing: every manifest needs one (such as &quot;v1&quot; or &quot;apps/v1&quot;)</source>
        <translation>Falta apiVersion: todo manifiesto necesita uno (como &quot;v1&quot; o &quot;apps/v1&quot;)</translation>
    </message>
    <message>
        <source>kind is missing: every manifest needs one (such as &quot;Deployment&quot;)</source>
        <translation>Falta kind: todo manifiesto necesita uno (como &quot;Deployment&quot;)</translation>
    </message>
    <message>
        <source>%1 does not serve %2; use %3</source>
        <translation>%1 no ofrece %2; usa %3</translation>
    </message>
    <message>
        <source>Unknown kind &quot;%1&quot; in %2</source>
        <translation>Tipo desconocido «%1» en %2</translation>
    </message>
    <message>
        <source>Unknown apiVersion &quot;%1&quot;</source>
        <translation>apiVersion desconocida «%1»</translation>
    </message>
    <message>
        <source>%1 %2 is not known here: if a CustomResourceDefinition on the cluster defines it, its fields are not checked</source>
        <translation>%1 %2 no se conoce aquí: si lo define una CustomResourceDefinition del clúster, sus campos no se comprueban</translation>
    </message>
    <message>
        <source>metadata.name is required (or metadata.generateName)</source>
        <translation>metadata.name es obligatorio (o metadata.generateName)</translation>
    </message>
    <message>
        <source>Invalid name &quot;%1&quot;: %2</source>
        <translation>Nombre no válido «%1»: %2</translation>
    </message>
    <message>
        <source>A CronJob&apos;s name must be no more than 52 characters</source>
        <translation>El nombre de un CronJob no puede tener más de 52 caracteres</translation>
    </message>
    <message>
        <source>Invalid generateName &quot;%1&quot;: %2</source>
        <translation>generateName no válido «%1»: %2</translation>
    </message>
    <message>
        <source>%1 is cluster-scoped: metadata.namespace is ignored</source>
        <translation>%1 tiene ámbito de clúster: se ignora metadata.namespace</translation>
    </message>
    <message>
        <source>Invalid namespace &quot;%1&quot;: %2</source>
        <translation>Espacio de nombres no válido «%1»: %2</translation>
    </message>
    <message>
        <source>Invalid spec.selector: %1</source>
        <translation>spec.selector no válido: %1</translation>
    </message>
    <message>
        <source>spec.selector must not be empty: it decides which pods belong to this %1</source>
        <translation>spec.selector no puede estar vacío: decide qué Pods pertenecen a este %1</translation>
    </message>
    <message>
        <source>spec.selector does not match spec.template.metadata.labels: the %1 would not own its pods</source>
        <translation>spec.selector no coincide con spec.template.metadata.labels: el %1 no sería propietario de sus Pods</translation>
    </message>
    <message>
        <source>spec.rollbackTo removed: apps/v1 has no such field (use “kubectl rollout undo”)</source>
        <translation>spec.rollbackTo eliminado: apps/v1 no tiene ese campo (usa “kubectl rollout undo”)</translation>
    </message>
    <message>
        <source>spec.templateGeneration removed: apps/v1 has no such field</source>
        <translation>spec.templateGeneration eliminado: apps/v1 no tiene ese campo</translation>
    </message>
    <message>
        <source>spec.selector added from the template&apos;s labels: apps/v1 requires a selector</source>
        <translation>spec.selector añadido a partir de las etiquetas de la plantilla: apps/v1 exige un selector</translation>
    </message>
    <message>
        <source>apps/v1 requires spec.selector, and the template has no labels to take it from: add labels to spec.template.metadata and the same ones to spec.selector.matchLabels</source>
        <translation>apps/v1 exige spec.selector y la plantilla no tiene etiquetas de las que tomarlo: añade etiquetas a spec.template.metadata y las mismas a spec.selector.matchLabels</translation>
    </message>
    <message>
        <source>spec.revisionHistoryLimit now defaults to 10 old ReplicaSets (%1 kept %2)</source>
        <translation>spec.revisionHistoryLimit conserva ahora por defecto 10 ReplicaSets antiguos (%1 conservaba %2)</translation>
    </message>
    <message>
        <source>spec.progressDeadlineSeconds now defaults to 600 (extensions/v1beta1 had no deadline)</source>
        <translation>spec.progressDeadlineSeconds vale ahora 600 por defecto (extensions/v1beta1 no tenía plazo)</translation>
    </message>
    <message>
        <source>Rolling updates now default to maxSurge 25% and maxUnavailable 25% (extensions/v1beta1: 1 and 1)</source>
        <translation>Las actualizaciones progresivas usan ahora por defecto maxSurge 25% y maxUnavailable 25% (extensions/v1beta1: 1 y 1)</translation>
    </message>
    <message>
        <source>spec.updateStrategy now defaults to RollingUpdate (%1 defaulted to OnDelete)</source>
        <translation>spec.updateStrategy es ahora RollingUpdate por defecto (%1 usaba OnDelete)</translation>
    </message>
    <message>
        <source>spec.backend renamed spec.defaultBackend</source>
        <translation>spec.backend pasa a llamarse spec.defaultBackend</translation>
    </message>
    <message numerus="yes">
        <source>%n backend(s): serviceName and servicePort became service.name and service.port.number or .name</source>
        <translation>
            <numerusform>%n backend: serviceName y servicePort pasan a ser service.name y service.port.number o .name</numerusform>
            <numerusform>%n backends: serviceName y servicePort pasan a ser service.name y service.port.number o .name</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>pathType: ImplementationSpecific added to %n path(s), as networking.k8s.io/v1 requires one (Prefix or Exact is usually what you mean)</source>
        <translation>
            <numerusform>pathType: ImplementationSpecific añadido a %n ruta, porque networking.k8s.io/v1 lo exige (normalmente lo que buscas es Prefix o Exact)</numerusform>
            <numerusform>pathType: ImplementationSpecific añadido a %n rutas, porque networking.k8s.io/v1 lo exige (normalmente lo que buscas es Prefix o Exact)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n metric(s) rewritten in the autoscaling/v2 form (metric and target)</source>
        <translation>
            <numerusform>%n métrica reescrita en la forma de autoscaling/v2 (metric y target)</numerusform>
            <numerusform>%n métricas reescritas en la forma de autoscaling/v2 (metric y target)</numerusform>
        </translation>
    </message>
    <message>
        <source>apiVersion %1 → %2</source>
        <translation>apiVersion %1 → %2</translation>
    </message>
    <message>
        <source>In policy/v1 an empty spec.selector selects every pod of the namespace (in policy/v1beta1 it selected none)</source>
        <translation>En policy/v1, un spec.selector vacío selecciona todos los Pods del espacio de nombres (en policy/v1beta1 no seleccionaba ninguno)</translation>
    </message>
    <message>
        <source>Comments inside the converted document were not kept</source>
        <translation>No se conservaron los comentarios dentro del documento convertido</translation>
    </message>
    <message>
        <source>Document %1 (%2 %3): %4</source>
        <translation>Documento %1 (%2 %3): %4</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>Runs a set of identical pods and replaces them on updates.</source>
        <translation>Ejecuta un conjunto de Pods idénticos y los sustituye al actualizarse.</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>A stable name and address in front of the pods that match its selector.</source>
        <translation>Un nombre y una dirección estables delante de los Pods que coinciden con su selector.</translation>
    </message>
    <message>
        <source>ConfigMap</source>
        <translation>ConfigMap</translation>
    </message>
    <message>
        <source>Configuration as keys and values, for environment variables or files.</source>
        <translation>Configuración en forma de claves y valores, para variables de entorno o archivos.</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Passwords, tokens and keys, kept apart from the pods that use them.</source>
        <translation>Contraseñas, tokens y claves, guardados aparte de los Pods que los usan.</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Runs a pod to completion, retrying on failure.</source>
        <translation>Ejecuta un Pod hasta que termina y lo reintenta si falla.</translation>
    </message>
    <message>
        <source>CronJob</source>
        <translation>CronJob</translation>
    </message>
    <message>
        <source>Starts a Job on a schedule.</source>
        <translation>Inicia un Job según una programación.</translation>
    </message>
    <message>
        <source>Ingress</source>
        <translation>Ingress</translation>
    </message>
    <message>
        <source>Routes HTTP requests for a host and path to a Service.</source>
        <translation>Dirige las peticiones HTTP de un host y una ruta a un Service.</translation>
    </message>
    <message>
        <source>PersistentVolumeClaim</source>
        <translation>PersistentVolumeClaim</translation>
    </message>
    <message>
        <source>Requests storage that outlives the pods using it.</source>
        <translation>Solicita almacenamiento que sobrevive a los Pods que lo usan.</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>One or more containers scheduled together (usually made by a workload).</source>
        <translation>Uno o más contenedores planificados juntos (normalmente los crea una carga de trabajo).</translation>
    </message>
    <message>
        <source>spec.revisionHistoryLimit now defaults to 10 old ReplicaSets (%1 kept them all)</source>
        <translation>spec.revisionHistoryLimit conserva ahora por defecto 10 ReplicaSets antiguos (%1 los conservaba todos)</translation>
    </message>
    <message>
        <source>Unknown kind &quot;%1&quot; in %2 (did you mean &quot;%3&quot;?)</source>
        <translation>Tipo desconocido «%1» en %2 (¿quisiste decir «%3»?)</translation>
    </message>
    <message>
        <source>Unknown kind &quot;%1&quot; in %2 (%1 is served by %3)</source>
        <translation>Tipo desconocido «%1» en %2 (%1 lo ofrece %3)</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; (did you mean &quot;%2&quot;?)</source>
        <translation>Campo desconocido «%1» (¿quisiste decir «%2»?)</translation>
    </message>
    <message>
        <source>Unknown field &quot;%1&quot; in %2 (did you mean &quot;%3&quot;?)</source>
        <translation>Campo desconocido «%1» en %2 (¿quisiste decir «%3»?)</translation>
    </message>
</context>
<context>
    <name>timonel::LabelsDialog</name>
    <message>
        <source>Labels of %1</source>
        <translation>Etiquetas de %1</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clave</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Label errors</source>
        <translation>Errores de etiquetas</translation>
    </message>
    <message>
        <source>&amp;Add label</source>
        <translation>&amp;Añadir etiqueta</translation>
    </message>
    <message>
        <source>Add a label (Insert)</source>
        <translation>Añade una etiqueta (Insert)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected labels (Delete)</source>
        <translation>Quita las etiquetas seleccionadas (Supr)</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>Añadir etiqueta</translation>
    </message>
    <message>
        <source>Remove labels</source>
        <translation>Quitar etiquetas</translation>
    </message>
    <message>
        <source>a key is required</source>
        <translation>la clave es obligatoria</translation>
    </message>
    <message>
        <source>duplicate key</source>
        <translation>clave duplicada</translation>
    </message>
    <message>
        <source>Row %1, key: %2</source>
        <translation>Fila %1, clave: %2</translation>
    </message>
    <message>
        <source>Row %1, value: %2</source>
        <translation>Fila %1, valor: %2</translation>
    </message>
</context>
<context>
    <name>timonel::LogPanel</name>
    <message>
        <source>The container whose log is shown</source>
        <translation>El contenedor cuyo registro se muestra</translation>
    </message>
    <message>
        <source>Fo&amp;llow</source>
        <translation>Se&amp;guir</translation>
    </message>
    <message>
        <source>Keep the stream open and show new lines as they are written</source>
        <translation>Mantiene abierto el flujo y muestra las líneas nuevas a medida que se escriben</translation>
    </message>
    <message>
        <source>P&amp;revious</source>
        <translation>Instancia &amp;previa</translation>
    </message>
    <message>
        <source>Show the log of the previous, terminated instance of the container</source>
        <translation>Muestra el registro de la instancia anterior, ya terminada, del contenedor</translation>
    </message>
    <message>
        <source>Ti&amp;mestamps</source>
        <translation>&amp;Marcas de tiempo</translation>
    </message>
    <message>
        <source>Ask for the time each line was written</source>
        <translation>Pide la hora a la que se escribió cada línea</translation>
    </message>
    <message>
        <source>Only lines written in this last period</source>
        <translation>Solo las líneas escritas en este último periodo</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>5 minutes</source>
        <translation>5 minutos</translation>
    </message>
    <message>
        <source>15 minutes</source>
        <translation>15 minutos</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>6 hours</source>
        <translation>6 horas</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 horas</translation>
    </message>
    <message>
        <source>Start with at most this many of the last lines (All: the whole log)</source>
        <translation>Empieza como mucho con este número de últimas líneas (Todo: el registro completo)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>Pa&amp;usar</translation>
    </message>
    <message>
        <source>Freeze the display; lines keep arriving and are shown on resume</source>
        <translation>Congela la vista; las líneas siguen llegando y se muestran al reanudar</translation>
    </message>
    <message>
        <source>Auto-&amp;scroll</source>
        <translation>Auto&amp;desplazamiento</translation>
    </message>
    <message>
        <source>Stay at the newest line (End)</source>
        <translation>Se mantiene en la línea más reciente (Fin)</translation>
    </message>
    <message>
        <source>&amp;Wrap</source>
        <translation>A&amp;justar líneas</translation>
    </message>
    <message>
        <source>Wrap long lines</source>
        <translation>Ajusta las líneas largas</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Buscar (Ctrl+F)</translation>
    </message>
    <message>
        <source>Enter: next match, Shift+Enter: previous match, Esc: back to the log</source>
        <translation>Intro: coincidencia siguiente, Mayús+Intro: coincidencia anterior, Esc: volver al registro</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Distinguir mayúsculas y minúsculas</translation>
    </message>
    <message>
        <source>.*</source>
        <translation>.*</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Expresión regular</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <source>Previous match (Shift+F3)</source>
        <translation>Coincidencia anterior (Mayús+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Next match (F3)</source>
        <translation>Coincidencia siguiente (F3)</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Save the log to a file (Ctrl+S)</source>
        <translation>Guarda el registro en un archivo (Ctrl+S)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Limpiar</translation>
    </message>
    <message>
        <source>Clear the log view; the stream goes on (Ctrl+L)</source>
        <translation>Limpia la vista del registro; el flujo continúa (Ctrl+L)</translation>
    </message>
    <message>
        <source>Lines kept in memory; the oldest are dropped beyond this</source>
        <translation>Líneas que se guardan en memoria; por encima de esta cifra se descartan las más antiguas</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Request the log again</source>
        <translation>Vuelve a pedir el registro</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Oculta este mensaje</translation>
    </message>
    <message>
        <source>&amp;Container:</source>
        <translation>&amp;Contenedor:</translation>
    </message>
    <message>
        <source>S&amp;ince:</source>
        <translation>De&amp;sde:</translation>
    </message>
    <message>
        <source>T&amp;ail:</source>
        <translation>Últimas lí&amp;neas:</translation>
    </message>
    <message>
        <source>Ma&amp;x lines:</source>
        <translation>Má&amp;x. líneas:</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>%1 (init)</source>
        <translation>%1 (init)</translation>
    </message>
    <message>
        <source>All containers</source>
        <translation>Todos los contenedores</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Invalid pattern: %1</source>
        <translation>Patrón no válido: %1</translation>
    </message>
    <message numerus="yes">
        <source>Counting… %n match(es)</source>
        <translation>
            <numerusform>Contando… %n coincidencia</numerusform>
            <numerusform>Contando… %n coincidencias</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n coincidencia</numerusform>
            <numerusform>%n coincidencias</numerusform>
        </translation>
    </message>
    <message>
        <source>No pod selected</source>
        <translation>Ningún Pod seleccionado</translation>
    </message>
    <message numerus="yes">
        <source>Paused — %n new line(s) waiting</source>
        <translation>
            <numerusform>En pausa — %n línea nueva en espera</numerusform>
            <numerusform>En pausa — %n líneas nuevas en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>Recibiendo</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>Cargando</translation>
    </message>
    <message>
        <source>Stream ended</source>
        <translation>Flujo terminado</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n línea</numerusform>
            <numerusform>%n líneas</numerusform>
        </translation>
    </message>
    <message>
        <source>oldest dropped beyond %1</source>
        <translation>se descartan las más antiguas por encima de %1</translation>
    </message>
    <message>
        <source>Save Log</source>
        <translation>Guardar registro</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Archivos de registro (*.log *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Could not save the log to %1: %2</source>
        <translation>No se pudo guardar el registro en %1: %2</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting</source>
        <translation>Conexión perdida — reconectando</translation>
    </message>
</context>
<context>
    <name>timonel::LogView</name>
    <message>
        <source>Log lines</source>
        <translation>Líneas del registro</translation>
    </message>
</context>
<context>
    <name>timonel::LogsWorkflow</name>
    <message>
        <source>not connected to the cluster</source>
        <translation>sin conexión con el clúster</translation>
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
        <source>&amp;Reconnect</source>
        <translation>&amp;Reconectar</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Paleta de comandos…</translation>
    </message>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Clúster</translation>
    </message>
    <message>
        <source>&amp;Namespaces</source>
        <translation>&amp;Espacios de nombres</translation>
    </message>
    <message>
        <source>Na&amp;vigator</source>
        <translation>&amp;Navegador</translation>
    </message>
    <message>
        <source>&amp;Table</source>
        <translation>&amp;Tabla</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Detalles</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Cluster (Alt+C)</source>
        <translation>Clúster (Alt+C)</translation>
    </message>
    <message>
        <source>Kinds the cluster serves (Ctrl+1)</source>
        <translation>Tipos que ofrece el clúster (Ctrl+1)</translation>
    </message>
    <message>
        <source>API %1 ms</source>
        <translation>API %1 ms</translation>
    </message>
</context>
<context>
    <name>timonel::NamespaceModel</name>
    <message>
        <source>All namespaces</source>
        <translation>Todos los espacios de nombres</translation>
    </message>
    <message>
        <source>Namespace %1 no longer exists; it stays selected until you clear it.</source>
        <translation>El espacio de nombres %1 ya no existe; sigue seleccionado hasta que lo quites.</translation>
    </message>
    <message>
        <source>Namespace %1 is being deleted.</source>
        <translation>El espacio de nombres %1 se está eliminando.</translation>
    </message>
</context>
<context>
    <name>timonel::NamespacePicker</name>
    <message>
        <source>Namespaces shown in the tables (Alt+N)</source>
        <translation>Espacios de nombres mostrados en las tablas (Alt+N)</translation>
    </message>
    <message>
        <source>Find a namespace</source>
        <translation>Buscar un espacio de nombres</translation>
    </message>
    <message>
        <source>All namespaces</source>
        <translation>Todos los espacios de nombres</translation>
    </message>
    <message>
        <source>Namespace: %1</source>
        <translation>Espacio de nombres: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n namespaces</source>
        <translation>
            <numerusform>%n espacio de nombres</numerusform>
            <numerusform>%n espacios de nombres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timonel::NavigatorModel</name>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>Custom resources of the API group %1</source>
        <translation>Recursos personalizados del grupo de API %1</translation>
    </message>
</context>
<context>
    <name>timonel::ObjectDescription</name>
    <message>
        <source>Annotations</source>
        <translation>Anotaciones</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espacio de nombres</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Controlled by</source>
        <translation>Controlado por</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Propietarios</translation>
    </message>
    <message>
        <source>Finalizers</source>
        <translation>Finalizadores</translation>
    </message>
    <message>
        <source>Terminating, requested %1</source>
        <translation>Terminando, solicitado %1</translation>
    </message>
    <message>
        <source>Deletion</source>
        <translation>Eliminación</translation>
    </message>
    <message>
        <source>Resource version</source>
        <translation>Versión del recurso</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>Generación</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadatos</translation>
    </message>
    <message>
        <source>&lt;none&gt;</source>
        <translation>&lt;ninguno&gt;</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1 (hace %2)</translation>
    </message>
    <message>
        <source>&lt;invalid&gt;</source>
        <translation>&lt;no válido&gt;</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Last transition</source>
        <translation>Última transición</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Iniciado</translation>
    </message>
    <message>
        <source>Exit code</source>
        <translation>Código de salida</translation>
    </message>
    <message>
        <source>Signal</source>
        <translation>Señal</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>&lt;set to the key &apos;%1&apos; in secret &apos;%2&apos;&gt;</source>
        <translation>&lt;de la clave &apos;%1&apos; del Secret &apos;%2&apos;&gt;</translation>
    </message>
    <message>
        <source>&lt;set to the key &apos;%1&apos; of config map &apos;%2&apos;&gt;</source>
        <translation>&lt;de la clave &apos;%1&apos; del ConfigMap &apos;%2&apos;&gt;</translation>
    </message>
    <message>
        <source>&lt;set to the key &apos;%1&apos; in file &apos;%2&apos; of volume &apos;%3&apos;&gt;</source>
        <translation>&lt;de la clave &apos;%1&apos; del archivo &apos;%2&apos; del volumen &apos;%3&apos;&gt;</translation>
    </message>
    <message>
        <source>&lt;set from a source this console does not know&gt;</source>
        <translation>&lt;de un origen que esta consola no conoce&gt;</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Entorno</translation>
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
        <translation>Entorno desde</translation>
    </message>
    <message>
        <source>Mounts</source>
        <translation>Montajes</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>ID de imagen</translation>
    </message>
    <message>
        <source>Container ID</source>
        <translation>ID de contenedor</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Puertos</translation>
    </message>
    <message>
        <source>Host ports</source>
        <translation>Puertos del host</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Args</source>
        <translation>Argumentos</translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation>Directorio de trabajo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last state</source>
        <translation>Último estado</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Restart count</source>
        <translation>Reinicios</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <source>Liveness</source>
        <translation>Liveness</translation>
    </message>
    <message>
        <source>Readiness</source>
        <translation>Readiness</translation>
    </message>
    <message>
        <source>Startup</source>
        <translation>Startup</translation>
    </message>
    <message>
        <source>Claim name</source>
        <translation>Nombre del PVC</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Opcional</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Nombre del Secret</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Size limit</source>
        <translation>Límite de tamaño</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>Host path type</source>
        <translation>Tipo de ruta del host</translation>
    </message>
    <message>
        <source>Config map</source>
        <translation>ConfigMap</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Downward API</source>
        <translation>Downward API</translation>
    </message>
    <message>
        <source>Token expiration seconds</source>
        <translation>Caducidad del token (segundos)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Controlador</translation>
    </message>
    <message>
        <source>FS type</source>
        <translation>Tipo de sistema de archivos</translation>
    </message>
    <message>
        <source>Storage class</source>
        <translation>StorageClass</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volúmenes</translation>
    </message>
    <message>
        <source>Tolerations</source>
        <translation>Tolerancias</translation>
    </message>
    <message>
        <source>node affinity</source>
        <translation>afinidad de nodo</translation>
    </message>
    <message>
        <source>pod affinity</source>
        <translation>afinidad de Pod</translation>
    </message>
    <message>
        <source>pod anti-affinity</source>
        <translation>antiafinidad de Pod</translation>
    </message>
    <message>
        <source>Node selector</source>
        <translation>Selector de nodos</translation>
    </message>
    <message>
        <source>Affinity</source>
        <translation>Afinidad</translation>
    </message>
    <message>
        <source>Topology spread constraints</source>
        <translation>Restricciones de distribución topológica</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>Nominated node</source>
        <translation>Nodo nominado</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Hora de inicio</translation>
    </message>
    <message>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <source>IPs</source>
        <translation>IPs</translation>
    </message>
    <message>
        <source>QoS class</source>
        <translation>Clase de QoS</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Priority class</source>
        <translation>PriorityClass</translation>
    </message>
    <message>
        <source>Service account</source>
        <translation>ServiceAccount</translation>
    </message>
    <message>
        <source>Restart policy</source>
        <translation>Política de reinicio</translation>
    </message>
    <message>
        <source>Termination grace period</source>
        <translation>Periodo de gracia de terminación</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1s</translation>
    </message>
    <message>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <source>Init containers</source>
        <translation>Contenedores de inicialización</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Contenedores</translation>
    </message>
    <message>
        <source>Ephemeral containers</source>
        <translation>Contenedores efímeros</translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation>Planificación</translation>
    </message>
    <message>
        <source>Pod template</source>
        <translation>Plantilla de Pod</translation>
    </message>
    <message>
        <source>Parallelism</source>
        <translation>Paralelismo</translation>
    </message>
    <message>
        <source>Completions</source>
        <translation>Finalizaciones</translation>
    </message>
    <message>
        <source>&lt;unset&gt;</source>
        <translation>&lt;sin definir&gt;</translation>
    </message>
    <message>
        <source>Completion mode</source>
        <translation>Modo de finalización</translation>
    </message>
    <message>
        <source>Suspend</source>
        <translation>Suspendido</translation>
    </message>
    <message>
        <source>Backoff limit</source>
        <translation>Límite de reintentos</translation>
    </message>
    <message>
        <source>Active deadline seconds</source>
        <translation>Plazo máximo de ejecución</translation>
    </message>
    <message>
        <source>TTL after finished</source>
        <translation>TTL tras terminar</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>Selector</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Réplicas</translation>
    </message>
    <message>
        <source>%1 desired | %2 updated | %3 total | %4 available | %5 unavailable</source>
        <translation>%1 deseadas | %2 actualizadas | %3 en total | %4 disponibles | %5 no disponibles</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Estrategia</translation>
    </message>
    <message>
        <source>Rolling update</source>
        <translation>Actualización progresiva</translation>
    </message>
    <message>
        <source>%1 max unavailable, %2 max surge</source>
        <translation>%1 máx. no disponibles, %2 máx. adicionales</translation>
    </message>
    <message>
        <source>Max unavailable</source>
        <translation>Máx. no disponibles</translation>
    </message>
    <message>
        <source>Max surge</source>
        <translation>Máx. adicionales</translation>
    </message>
    <message>
        <source>Min ready seconds</source>
        <translation>Segundos mínimos hasta estar listo</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Progress deadline</source>
        <translation>Plazo de progreso</translation>
    </message>
    <message>
        <source>Revision history limit</source>
        <translation>Límite del historial de revisiones</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>Deployment</translation>
    </message>
    <message>
        <source>%1 current / %2 desired</source>
        <translation>%1 actuales / %2 deseadas</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponibles</translation>
    </message>
    <message>
        <source>Replica set</source>
        <translation>ReplicaSet</translation>
    </message>
    <message>
        <source>Replication controller</source>
        <translation>ReplicationController</translation>
    </message>
    <message>
        <source>%1 desired | %2 total</source>
        <translation>%1 deseadas | %2 en total</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actuales</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Actualizadas</translation>
    </message>
    <message>
        <source>Service name</source>
        <translation>Nombre del Service</translation>
    </message>
    <message>
        <source>Pod management policy</source>
        <translation>Política de gestión de Pods</translation>
    </message>
    <message>
        <source>Update strategy</source>
        <translation>Estrategia de actualización</translation>
    </message>
    <message>
        <source>Partition</source>
        <translation>Partición</translation>
    </message>
    <message>
        <source>Current revision</source>
        <translation>Revisión actual</translation>
    </message>
    <message>
        <source>Update revision</source>
        <translation>Revisión de actualización</translation>
    </message>
    <message>
        <source>Volume claims</source>
        <translation>Plantillas de PVC</translation>
    </message>
    <message>
        <source>&lt;default&gt;</source>
        <translation>&lt;predeterminada&gt;</translation>
    </message>
    <message>
        <source>%1, storage class %2, %3</source>
        <translation>%1, StorageClass %2, %3</translation>
    </message>
    <message>
        <source>Stateful set</source>
        <translation>StatefulSet</translation>
    </message>
    <message>
        <source>Desired nodes</source>
        <translation>Nodos deseados</translation>
    </message>
    <message>
        <source>Current nodes</source>
        <translation>Nodos actuales</translation>
    </message>
    <message>
        <source>Up-to-date nodes</source>
        <translation>Nodos actualizados</translation>
    </message>
    <message>
        <source>Available nodes</source>
        <translation>Nodos disponibles</translation>
    </message>
    <message>
        <source>Ready nodes</source>
        <translation>Nodos listos</translation>
    </message>
    <message>
        <source>Misscheduled nodes</source>
        <translation>Nodos mal planificados</translation>
    </message>
    <message>
        <source>Daemon set</source>
        <translation>DaemonSet</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>Completado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>%1 active (%2 ready) / %3 succeeded / %4 failed</source>
        <translation>%1 activos (%2 listos) / %3 correctos / %4 fallidos</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programación</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zona horaria</translation>
    </message>
    <message>
        <source>Concurrency policy</source>
        <translation>Política de concurrencia</translation>
    </message>
    <message>
        <source>Successful job history limit</source>
        <translation>Límite del historial de Jobs correctos</translation>
    </message>
    <message>
        <source>Failed job history limit</source>
        <translation>Límite del historial de Jobs fallidos</translation>
    </message>
    <message>
        <source>Starting deadline</source>
        <translation>Plazo de inicio</translation>
    </message>
    <message>
        <source>Last schedule time</source>
        <translation>Última ejecución programada</translation>
    </message>
    <message>
        <source>Last successful time</source>
        <translation>Última ejecución correcta</translation>
    </message>
    <message>
        <source>Active jobs</source>
        <translation>Jobs activos</translation>
    </message>
    <message>
        <source>Cron job</source>
        <translation>CronJob</translation>
    </message>
    <message>
        <source>Job template</source>
        <translation>Plantilla de Job</translation>
    </message>
    <message>
        <source>IP family policy</source>
        <translation>Política de familias de IP</translation>
    </message>
    <message>
        <source>IP families</source>
        <translation>Familias de IP</translation>
    </message>
    <message>
        <source>Cluster IP</source>
        <translation>IP del clúster</translation>
    </message>
    <message>
        <source>Cluster IPs</source>
        <translation>IPs del clúster</translation>
    </message>
    <message>
        <source>External name</source>
        <translation>Nombre externo</translation>
    </message>
    <message>
        <source>External IPs</source>
        <translation>IPs externas</translation>
    </message>
    <message>
        <source>Load balancer IP</source>
        <translation>IP del balanceador de carga</translation>
    </message>
    <message>
        <source>Load balancer ingress</source>
        <translation>Entrada del balanceador de carga</translation>
    </message>
    <message>
        <source>Session affinity</source>
        <translation>Afinidad de sesión</translation>
    </message>
    <message>
        <source>External traffic policy</source>
        <translation>Política de tráfico externo</translation>
    </message>
    <message>
        <source>Internal traffic policy</source>
        <translation>Política de tráfico interno</translation>
    </message>
    <message>
        <source>Health check node port</source>
        <translation>Puerto de nodo de la comprobación de estado</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <source>Target port</source>
        <translation>Puerto de destino</translation>
    </message>
    <message>
        <source>Node port</source>
        <translation>Puerto de nodo</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Destino</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Direcciones</translation>
    </message>
    <message>
        <source>Address type</source>
        <translation>Tipo de dirección</translation>
    </message>
    <message>
        <source>Managed by</source>
        <translation>Gestionado por</translation>
    </message>
    <message>
        <source>Endpoint slice</source>
        <translation>EndpointSlice</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>Sirviendo</translation>
    </message>
    <message>
        <source>Terminating</source>
        <translation>Terminando</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Ingress class</source>
        <translation>IngressClass</translation>
    </message>
    <message>
        <source>Default backend</source>
        <translation>Backend predeterminado</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>terminates %1</source>
        <translation>termina TLS para %1</translation>
    </message>
    <message>
        <source>Ingress</source>
        <translation>Ingress</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Path type</source>
        <translation>Tipo de ruta</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reglas</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n elemento</numerusform>
            <numerusform>%n elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n campo</numerusform>
            <numerusform>%n campos</numerusform>
        </translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Unschedulable</source>
        <translation>No planificable</translation>
    </message>
    <message>
        <source>Taints</source>
        <translation>Taints</translation>
    </message>
    <message>
        <source>Pod CIDRs</source>
        <translation>CIDR de Pods</translation>
    </message>
    <message>
        <source>Provider ID</source>
        <translation>ID del proveedor</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Recurso</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <source>Allocatable</source>
        <translation>Asignable</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <source>Machine ID</source>
        <translation>ID de máquina</translation>
    </message>
    <message>
        <source>System UUID</source>
        <translation>UUID del sistema</translation>
    </message>
    <message>
        <source>Boot ID</source>
        <translation>ID de arranque</translation>
    </message>
    <message>
        <source>Kernel version</source>
        <translation>Versión del kernel</translation>
    </message>
    <message>
        <source>OS image</source>
        <translation>Imagen del SO</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Sistema operativo</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Arquitectura</translation>
    </message>
    <message>
        <source>Container runtime</source>
        <translation>Entorno de ejecución de contenedores</translation>
    </message>
    <message>
        <source>Kubelet version</source>
        <translation>Versión de kubelet</translation>
    </message>
    <message>
        <source>Kube-proxy version</source>
        <translation>Versión de kube-proxy</translation>
    </message>
    <message>
        <source>System info</source>
        <translation>Información del sistema</translation>
    </message>
    <message>
        <source>Finalizers (spec)</source>
        <translation>Finalizadores (spec)</translation>
    </message>
    <message>
        <source>Image pull secrets</source>
        <translation>Secrets de descarga de imágenes</translation>
    </message>
    <message>
        <source>Mountable secrets</source>
        <translation>Secrets montables</translation>
    </message>
    <message>
        <source>Automount token</source>
        <translation>Montar el token automáticamente</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Veces</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Primera vez</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>hace %1</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Última vez</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Reporting instance</source>
        <translation>Instancia informante</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campos</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>Spec</translation>
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
        <translation>%1 (binario)</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Claves</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Immutable</source>
        <translation>Inmutable</translation>
    </message>
    <message>
        <source>&lt;not base64&gt;</source>
        <translation>&lt;no es base64&gt;</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Solicitado</translation>
    </message>
    <message>
        <source>Access modes</source>
        <translation>Modos de acceso</translation>
    </message>
    <message>
        <source>Volume mode</source>
        <translation>Modo de volumen</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Origen de datos</translation>
    </message>
    <message>
        <source>Persistent volume claim</source>
        <translation>PersistentVolumeClaim</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>PVC</translation>
    </message>
    <message>
        <source>Reclaim policy</source>
        <translation>Política de recuperación</translation>
    </message>
    <message>
        <source>Mount options</source>
        <translation>Opciones de montaje</translation>
    </message>
    <message>
        <source>Node affinity</source>
        <translation>Afinidad de nodo</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obligatoria</translation>
    </message>
    <message>
        <source>Persistent volume</source>
        <translation>PersistentVolume</translation>
    </message>
    <message>
        <source>Default class</source>
        <translation>Clase predeterminada</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Provisioner</source>
        <translation>Aprovisionador</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>Allow volume expansion</source>
        <translation>Permitir ampliar volúmenes</translation>
    </message>
    <message>
        <source>Volume binding mode</source>
        <translation>Modo de vinculación de volúmenes</translation>
    </message>
    <message>
        <source>Allowed topologies</source>
        <translation>Topologías permitidas</translation>
    </message>
    <message>
        <source>%1 (prefix %2, optional)</source>
        <translation>%1 (prefijo %2, opcional)</translation>
    </message>
    <message>
        <source>%1 (prefix %2)</source>
        <translation>%1 (prefijo %2)</translation>
    </message>
    <message>
        <source>%1 (optional)</source>
        <translation>%1 (opcional)</translation>
    </message>
    <message>
        <source>Terminating, requested %1 (grace period %2s)</source>
        <translation>Terminando, solicitado %1 (periodo de gracia %2s)</translation>
    </message>
</context>
<context>
    <name>timonel::ObjectEventsModel</name>
    <message>
        <source>First seen %1, last seen %2</source>
        <translation>Visto por primera vez: %1; por última vez: %2</translation>
    </message>
    <message>
        <source>&lt;unknown&gt;</source>
        <translation>&lt;desconocido&gt;</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Última vez</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Veces</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>timonel::PlanExecutor</name>
    <message>
        <source>Waiting for %1 to roll out</source>
        <translation>Esperando a que se despliegue %1</translation>
    </message>
    <message>
        <source>Waiting for the pods of %1 to be ready and serving</source>
        <translation>Esperando a que los Pods de %1 estén listos y sirviendo</translation>
    </message>
    <message>
        <source>Waiting for %1 and its pods to go</source>
        <translation>Esperando a que desaparezcan %1 y sus Pods</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for Service %1 to send traffic to %n ready pod(s)</source>
        <translation>
            <numerusform>Esperando a que el Service %1 envíe tráfico a %n Pod listo</numerusform>
            <numerusform>Esperando a que el Service %1 envíe tráfico a %n Pods listos</numerusform>
        </translation>
    </message>
    <message>
        <source>not connected to a cluster</source>
        <translation>no hay conexión con ningún clúster</translation>
    </message>
    <message>
        <source>Timed out waiting for %1</source>
        <translation>Tiempo agotado esperando a %1</translation>
    </message>
    <message>
        <source>Timed out waiting for the endpoints of Service %1</source>
        <translation>Tiempo agotado esperando a los endpoints del Service %1</translation>
    </message>
</context>
<context>
    <name>timonel::PlanPreview</name>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <source>(does not exist yet)</source>
        <translation>(aún no existe)</translation>
    </message>
    <message>
        <source>Live (resourceVersion %1)</source>
        <translation>En el clúster (resourceVersion %1)</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(eliminado)</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Nothing to change: the cluster is already there.</source>
        <translation>Nada que cambiar: el clúster ya está así.</translation>
    </message>
    <message>
        <source>%1 makes these changes:</source>
        <translation>«%1» hace estos cambios:</translation>
    </message>
</context>
<context>
    <name>timonel::ProblemsList</name>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
</context>
<context>
    <name>timonel::ProblemsModel</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Line %1, column %2 (document %3)</source>
        <translation>Línea %1, columna %2 (documento %3)</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
</context>
<context>
    <name>timonel::RelatedObjects</name>
    <message>
        <source>Missing</source>
        <translation>No existe</translation>
    </message>
    <message numerus="yes">
        <source>… %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <source>Owned</source>
        <translation>Dependiente</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpoints</translation>
    </message>
    <message>
        <source>Endpoint slice</source>
        <translation>EndpointSlice</translation>
    </message>
    <message>
        <source>Backend pod</source>
        <translation>Pod de backend</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Ingress</source>
        <translation>Ingress</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>Pod on node</source>
        <translation>Pod en el nodo</translation>
    </message>
    <message>
        <source>Volume claim</source>
        <translation>PVC</translation>
    </message>
    <message>
        <source>Persistent volume</source>
        <translation>PersistentVolume</translation>
    </message>
    <message>
        <source>Mounted by</source>
        <translation>Montado por</translation>
    </message>
    <message>
        <source>Config map</source>
        <translation>ConfigMap</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Service account</source>
        <translation>ServiceAccount</translation>
    </message>
</context>
<context>
    <name>timonel::ResourceTableModel</name>
    <message>
        <source>Namespace</source>
        <translation>Espacio de nombres</translation>
    </message>
    <message>
        <source>The namespace the object belongs to.</source>
        <translation>El espacio de nombres al que pertenece el objeto.</translation>
    </message>
</context>
<context>
    <name>timonel::ResourceTableView</name>
    <message>
        <source>Filter (Ctrl+F): words must all match, !word excludes</source>
        <translation>Filtro (Ctrl+F): deben coincidir todas las palabras; !palabra excluye</translation>
    </message>
    <message>
        <source>Label selector (Ctrl+L): app=web,tier!=db</source>
        <translation>Selector de etiquetas (Ctrl+L): app=web,tier!=db</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message numerus="yes">
        <source>%Ln items</source>
        <translation>
            <numerusform>%Ln elemento</numerusform>
            <numerusform>%Ln elementos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln items</source>
        <translation>
            <numerusform>%1 de %Ln elemento</numerusform>
            <numerusform>%1 de %Ln elementos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timonel::RolloutPanel</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — revision %2&lt;br&gt;%3 of %4 pods ready, %5 available&lt;br&gt;%6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — revisión %2&lt;br&gt;%3 de %4 Pods listos, %5 disponibles&lt;br&gt;%6</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Updated replicas</source>
        <translation>Réplicas actualizadas</translation>
    </message>
    <message>
        <source>Ready replicas</source>
        <translation>Réplicas listas</translation>
    </message>
    <message>
        <source>Available replicas</source>
        <translation>Réplicas disponibles</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>Actualizadas:</translation>
    </message>
    <message>
        <source>Ready:</source>
        <translation>Listas:</translation>
    </message>
    <message>
        <source>Available:</source>
        <translation>Disponibles:</translation>
    </message>
    <message>
        <source>New ReplicaSet</source>
        <translation>ReplicaSet nuevo</translation>
    </message>
    <message>
        <source>Old ReplicaSets</source>
        <translation>ReplicaSets antiguos</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisiones</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Change cause</source>
        <translation>Motivo del cambio</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Antigüedad</translation>
    </message>
    <message>
        <source>ReplicaSet</source>
        <translation>ReplicaSet</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <source>Select one revision to compare it with the current one, or two to compare them</source>
        <translation>Selecciona una revisión para compararla con la actual, o dos para compararlas entre sí</translation>
    </message>
    <message>
        <source>Template diff</source>
        <translation>Diferencias de plantilla</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Cronología</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Undo to revision</source>
        <translation>Revertir a la revisión</translation>
    </message>
    <message>
        <source>Ctrl+Alt+Z</source>
        <translation>Ctrl+Alt+Z</translation>
    </message>
    <message>
        <source>Roll the Deployment back to the selected revision (kubectl rollout undo --to-revision)</source>
        <translation>Revierte el Deployment a la revisión seleccionada (kubectl rollout undo --to-revision)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Ctrl+Alt+P</source>
        <translation>Ctrl+Alt+P</translation>
    </message>
    <message>
        <source>Pause or resume the rollout</source>
        <translation>Pausa o reanuda el despliegue</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Reiniciar</translation>
    </message>
    <message>
        <source>Ctrl+Alt+R</source>
        <translation>Ctrl+Alt+R</translation>
    </message>
    <message>
        <source>Replace the pods one by one (rollout restart)</source>
        <translation>Sustituye los Pods uno a uno (rollout restart)</translation>
    </message>
    <message>
        <source>Set image…</source>
        <translation>Cambiar imagen…</translation>
    </message>
    <message>
        <source>Ctrl+Alt+I</source>
        <translation>Ctrl+Alt+I</translation>
    </message>
    <message>
        <source>Change a container&apos;s image, with a change cause</source>
        <translation>Cambia la imagen de un contenedor, con un motivo del cambio</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Rollout stuck: %1. %2</source>
        <translation>Despliegue atascado: %1. %2</translation>
    </message>
    <message>
        <source>Blocking pods: %1.</source>
        <translation>Pods que lo bloquean: %1.</translation>
    </message>
    <message>
        <source>No Deployment selected.</source>
        <translation>Ningún Deployment seleccionado.</translation>
    </message>
    <message>
        <source>Paused: template changes are not rolled out until you resume.</source>
        <translation>En pausa: los cambios de la plantilla no se despliegan hasta que lo reanudes.</translation>
    </message>
    <message>
        <source>Waiting for the deployment spec update to be observed…</source>
        <translation>Esperando a que se observe la actualización de la especificación del Deployment…</translation>
    </message>
    <message>
        <source>Waiting for rollout to finish: %1 out of %2 new replicas have been updated…</source>
        <translation>Esperando a que termine el despliegue: %1 de %2 réplicas nuevas actualizadas…</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for rollout to finish: %n old replica(s) are pending termination…</source>
        <translation>
            <numerusform>Esperando a que termine el despliegue: %n réplica antigua pendiente de terminar…</numerusform>
            <numerusform>Esperando a que termine el despliegue: %n réplicas antiguas pendientes de terminar…</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for rollout to finish: %1 of %2 updated replicas are available…</source>
        <translation>Esperando a que termine el despliegue: %1 de %2 réplicas actualizadas disponibles…</translation>
    </message>
    <message>
        <source>Successfully rolled out (revision %1).</source>
        <translation>Desplegado correctamente (revisión %1).</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Ninguno todavía</translation>
    </message>
    <message>
        <source>None with pods</source>
        <translation>Ninguno con Pods</translation>
    </message>
    <message>
        <source>%1 (current)</source>
        <translation>%1 (actual)</translation>
    </message>
    <message>
        <source>&lt;none&gt;</source>
        <translation>&lt;ninguno&gt;</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revisión %1</translation>
    </message>
    <message>
        <source>%1 (×%2)</source>
        <translation>%1 (×%2)</translation>
    </message>
    <message>
        <source>Undo to revision %1</source>
        <translation>Revertir a la revisión %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>ControllerRevision</source>
        <translation>ControllerRevision</translation>
    </message>
    <message>
        <source>Pods at the current revision</source>
        <translation>Pods de la revisión actual</translation>
    </message>
    <message>
        <source>Pods at older revisions</source>
        <translation>Pods de revisiones anteriores</translation>
    </message>
    <message>
        <source>Roll the DaemonSet back to the selected revision (kubectl rollout undo --to-revision)</source>
        <translation>Devuelve el DaemonSet a la revisión seleccionada (kubectl rollout undo --to-revision)</translation>
    </message>
    <message>
        <source>Roll the StatefulSet back to the selected revision (kubectl rollout undo --to-revision)</source>
        <translation>Devuelve el StatefulSet a la revisión seleccionada (kubectl rollout undo --to-revision)</translation>
    </message>
    <message>
        <source>DaemonSets cannot be paused: kubectl rollout pause and resume support Deployments only</source>
        <translation>Los DaemonSets no se pueden pausar: kubectl rollout pause y resume solo admiten Deployments</translation>
    </message>
    <message>
        <source>StatefulSets cannot be paused: kubectl rollout pause and resume support Deployments only</source>
        <translation>Los StatefulSets no se pueden pausar: kubectl rollout pause y resume solo admiten Deployments</translation>
    </message>
</context>
<context>
    <name>timonel::RolloutWorkflow</name>
    <message>
        <source>Undo %1 to revision %2</source>
        <translation>Revertir %1 a la revisión %2</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>Pausar %1</translation>
    </message>
    <message>
        <source>Resume %1</source>
        <translation>Reanudar %1</translation>
    </message>
    <message>
        <source>Restart %1</source>
        <translation>Reiniciar %1</translation>
    </message>
    <message>
        <source>Set image of %1 to %2</source>
        <translation>Cambiar la imagen de %1 a %2</translation>
    </message>
    <message>
        <source>unable to find container named &quot;%1&quot;</source>
        <translation>no se encontró ningún contenedor llamado «%1»</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; pausing is not supported</source>
        <translation>%1 «%2»: pausar no está admitido</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; resuming is not supported</source>
        <translation>%1 «%2»: reanudar no está admitido</translation>
    </message>
</context>
<context>
    <name>timonel::ScaleDialog</name>
    <message>
        <source>Scale %1</source>
        <translation>Escalar %1</translation>
    </message>
    <message>
        <source>Current replicas:</source>
        <translation>Réplicas actuales:</translation>
    </message>
    <message>
        <source>Desired replicas</source>
        <translation>Réplicas deseadas</translation>
    </message>
    <message>
        <source>&amp;Desired replicas:</source>
        <translation>Réplicas &amp;deseadas:</translation>
    </message>
    <message>
        <source>&amp;Scale</source>
        <translation>&amp;Escalar</translation>
    </message>
</context>
<context>
    <name>timonel::SecretMasking</name>
    <message>
        <source>&lt;hidden&gt;</source>
        <translation>&lt;oculto&gt;</translation>
    </message>
    <message numerus="yes">
        <source>&lt;hidden: %n byte(s)&gt;</source>
        <translation>
            <numerusform>&lt;oculto: %n byte&gt;</numerusform>
            <numerusform>&lt;oculto: %n bytes&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timonel::SetImageDialog</name>
    <message>
        <source>Set image of %1</source>
        <translation>Cambiar la imagen de %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>&amp;Container:</source>
        <translation>&amp;Contenedor:</translation>
    </message>
    <message>
        <source>New image</source>
        <translation>Imagen nueva</translation>
    </message>
    <message>
        <source>repository:tag</source>
        <translation>repositorio:tag</translation>
    </message>
    <message>
        <source>&amp;Image:</source>
        <translation>&amp;Imagen:</translation>
    </message>
    <message>
        <source>Change cause</source>
        <translation>Motivo del cambio</translation>
    </message>
    <message>
        <source>Recorded as the kubernetes.io/change-cause annotation; `kubectl rollout history` shows it</source>
        <translation>Se guarda como la anotación kubernetes.io/change-cause; `kubectl rollout history` la muestra</translation>
    </message>
    <message>
        <source>C&amp;hange cause:</source>
        <translation>Moti&amp;vo del cambio:</translation>
    </message>
    <message>
        <source>&amp;Set image</source>
        <translation>Ca&amp;mbiar imagen</translation>
    </message>
</context>
<context>
    <name>timonel::SignInDialog</name>
    <message>
        <source>Sign in to %1</source>
        <translation>Iniciar sesión en %1</translation>
    </message>
    <message>
        <source>Sign in to the context %1 (%2) with a bearer token. It replaces the credentials your kubeconfig gives this context, in Timonel only; the kubeconfig is not changed.</source>
        <translation>Inicia sesión en el contexto %1 (%2) con un token de portador. Sustituye las credenciales que tu kubeconfig da a este contexto, solo en Timonel; el kubeconfig no cambia.</translation>
    </message>
    <message>
        <source>Paste the token</source>
        <translation>Pega el token</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Token de portador</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>A token has no spaces or line breaks.</source>
        <translation>Un token no tiene espacios ni saltos de línea.</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>&amp;Recordar en el llavero del sistema</translation>
    </message>
    <message>
        <source>No system keychain is available, so the token is kept only until Timonel quits.</source>
        <translation>No hay ningún llavero del sistema disponible, así que el token se conserva solo hasta que Timonel se cierre.</translation>
    </message>
    <message>
        <source>Store in a &amp;file readable only by me (plain text)</source>
        <translation>Guardar en un &amp;archivo que solo yo pueda leer (sin cifrar)</translation>
    </message>
    <message>
        <source>The token will be written unencrypted to %1 (mode 0600). Anyone who can act as your user account, or read its backups, can read it and use it.</source>
        <translation>El token se escribirá sin cifrar en %1 (modo 0600). Cualquiera que pueda actuar como tu cuenta de usuario, o leer sus copias de seguridad, podrá leerlo y usarlo.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>timonel::TrafficGenerator</name>
    <message>
        <source>Measured traffic needs the embedded cluster: this cluster&apos;s node ports are not on this machine.</source>
        <translation>El tráfico medido necesita el clúster integrado: los puertos de nodo de este clúster no están en este equipo.</translation>
    </message>
    <message>
        <source>No Service to send requests to.</source>
        <translation>No hay ningún Service al que enviar peticiones.</translation>
    </message>
    <message>
        <source>Service %1 has no node port (type NodePort or LoadBalancer); requests cannot reach it from here.</source>
        <translation>El Service %1 no tiene puerto de nodo (tipo NodePort o LoadBalancer); las peticiones no pueden llegar a él desde aquí.</translation>
    </message>
</context>
<context>
    <name>timonel::YamlEditor</name>
    <message>
        <source>YAML editor</source>
        <translation>Editor YAML</translation>
    </message>
    <message>
        <source>Toggle Comment</source>
        <translation>Alternar comentario</translation>
    </message>
</context>
<context>
    <name>timonel::YamlEditorPanel</name>
    <message>
        <source>&amp;Dismiss</source>
        <translation>&amp;Ocultar</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Recar&amp;gar</translation>
    </message>
    <message>
        <source>Replace your edits with the object as the server has it now</source>
        <translation>Sustituye tus cambios por el objeto tal como está ahora en el servidor</translation>
    </message>
    <message>
        <source>Re-&amp;apply on the New Version</source>
        <translation>Volver a a&amp;plicar sobre la nueva versión</translation>
    </message>
    <message>
        <source>Apply your edits again on top of the object&apos;s new version</source>
        <translation>Vuelve a aplicar tus cambios sobre la nueva versión del objeto</translation>
    </message>
    <message>
        <source>The object changed on the server since you opened it.</source>
        <translation>El objeto cambió en el servidor desde que lo abriste.</translation>
    </message>
    <message>
        <source>&amp;Convert to %1</source>
        <translation>&amp;Convertir a %1</translation>
    </message>
    <message>
        <source>&amp;Convert to Current Versions</source>
        <translation>&amp;Convertir a las versiones actuales</translation>
    </message>
    <message numerus="yes">
        <source>Converted %n document(s); undo with Ctrl+Z. What changed:</source>
        <translation>
            <numerusform>%n documento convertido; deshaz con Ctrl+Z. Qué cambió:</numerusform>
            <numerusform>%n documentos convertidos; deshaz con Ctrl+Z. Qué cambió:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>timonel::YamlWorkflow</name>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Load the live object again, discarding edits (Ctrl+R)</source>
        <translation>Vuelve a cargar el objeto del clúster y descarta los cambios (Ctrl+R)</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Diferencias</translation>
    </message>
    <message>
        <source>Compare the edited text with the live object (Ctrl+D)</source>
        <translation>Compara el texto editado con el objeto del clúster (Ctrl+D)</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>Simular</translation>
    </message>
    <message>
        <source>Ask the server to validate and admit the change without storing it (Ctrl+Shift+Return)</source>
        <translation>Pide al servidor que valide y admita el cambio sin guardarlo (Ctrl+Mayús+Intro)</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Create new objects; update edited ones if nobody changed them meanwhile (Ctrl+Return)</source>
        <translation>Crea los objetos nuevos; actualiza los editados si nadie los cambió mientras tanto (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Server-side apply</source>
        <translation>Aplicar en el servidor</translation>
    </message>
    <message>
        <source>Apply as field manager &quot;timonel&quot;: the server merges the fields you set</source>
        <translation>Aplica como gestor de campos «timonel»: el servidor combina los campos que estableces</translation>
    </message>
    <message>
        <source>Reveal values</source>
        <translation>Mostrar valores</translation>
    </message>
    <message>
        <source>Show the Secret&apos;s values so they can be edited</source>
        <translation>Muestra los valores del Secret para poder editarlos</translation>
    </message>
    <message>
        <source>New from template</source>
        <translation>Nuevo desde plantilla</translation>
    </message>
    <message>
        <source>The Secret&apos;s values are hidden. Reveal them to edit.</source>
        <translation>Los valores del Secret están ocultos. Muéstralos para editarlos.</translation>
    </message>
    <message>
        <source>A new manifest: edit it, then Apply to create it.</source>
        <translation>Un manifiesto nuevo: edítalo y pulsa Aplicar para crearlo.</translation>
    </message>
    <message>
        <source>Could not load the live object: %1</source>
        <translation>No se pudo cargar el objeto del clúster: %1</translation>
    </message>
    <message>
        <source>Live (resourceVersion %1)</source>
        <translation>En el clúster (resourceVersion %1)</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Editado</translation>
    </message>
    <message>
        <source>Reveal the Secret&apos;s values before applying it.</source>
        <translation>Muestra los valores del Secret antes de aplicarlo.</translation>
    </message>
    <message>
        <source>The manifest cannot be read: %1</source>
        <translation>No se puede leer el manifiesto: %1</translation>
    </message>
    <message>
        <source>There is nothing to apply.</source>
        <translation>No hay nada que aplicar.</translation>
    </message>
    <message>
        <source>Dry run…</source>
        <translation>Simulando…</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>Aplicando…</translation>
    </message>
    <message>
        <source>Dry run passed: %1</source>
        <translation>Simulación correcta: %1</translation>
    </message>
    <message>
        <source>Applied: %1</source>
        <translation>Aplicado: %1</translation>
    </message>
    <message>
        <source>%1: the cluster does not serve kind %2 in %3</source>
        <translation>%1: el clúster no ofrece el tipo %2 en %3</translation>
    </message>
    <message>
        <source>%1 was changed on the server since you loaded it. Reload to take the server&apos;s version, or re-apply your edit on top of it.</source>
        <translation>%1 cambió en el servidor desde que lo cargaste. Recarga para tomar la versión del servidor o vuelve a aplicar tus cambios sobre ella.</translation>
    </message>
    <message>
        <source>Re-apply works on a single document.</source>
        <translation>Volver a aplicar solo funciona con un único documento.</translation>
    </message>
</context>
</TS>
