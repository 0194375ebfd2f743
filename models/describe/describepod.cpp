// Pods, and the pod templates of workloads: what `kubectl describe pod` shows — status, node,
// IPs, QoS, conditions, init and app containers (state, probes, resources, env, mounts),
// volumes, node selector and tolerations.

#include "describeutil.h"

#include "kube/api/quantity.h"

namespace timonel {

namespace {

int probeField(const QJsonObject &probe, QStringView key, int apiDefault)
{
    return int(describe::integer(probe, key, apiDefault));
}

} // namespace

QString describeProbe(const QJsonObject &probe)
{
    using namespace describe;
    const QString attrs = QStringLiteral("delay=%1s timeout=%2s period=%3s #success=%4 #failure=%5")
                              .arg(probeField(probe, u"initialDelaySeconds", 0))
                              .arg(probeField(probe, u"timeoutSeconds", 1))
                              .arg(probeField(probe, u"periodSeconds", 10))
                              .arg(probeField(probe, u"successThreshold", 1))
                              .arg(probeField(probe, u"failureThreshold", 3));
    if (has(probe, u"exec"))
        return u"exec ["_qs + joined(arr(obj(probe, u"exec"), u"command"), u" ") + u"] "_qs + attrs;
    if (has(probe, u"httpGet")) {
        const QJsonObject get = obj(probe, u"httpGet");
        QString scheme = str(get, u"scheme").toLower();
        if (scheme.isEmpty())
            scheme = u"http"_qs;
        const QString host = str(get, u"host");
        const QString port = intOrString(get.value(u"port"));
        // net.JoinHostPort brackets IPv6 hosts.
        const QString hostPart = host.contains(u':') ? u'[' + host + u']' : host;
        const QString authority = port.isEmpty() ? hostPart : hostPart + u':' + port;
        return u"http-get "_qs + scheme + u"://"_qs + authority + str(get, u"path") + u' ' + attrs;
    }
    if (has(probe, u"tcpSocket")) {
        const QJsonObject tcp = obj(probe, u"tcpSocket");
        return u"tcp-socket "_qs + str(tcp, u"host") + u':' + intOrString(tcp.value(u"port")) + u' ' + attrs;
    }
    if (has(probe, u"grpc")) {
        const QJsonObject grpc = obj(probe, u"grpc");
        return u"grpc <pod>:"_qs + QString::number(integer(grpc, u"port")) + u' ' + str(grpc, u"service") + u' ' + attrs;
    }
    return u"unknown "_qs + attrs;
}

namespace describe {

namespace {

QString portText(const QJsonObject &port, QStringView numberKey)
{
    QString protocol = str(port, u"protocol");
    if (protocol.isEmpty())
        protocol = u"TCP"_qs;
    const QString text = QString::number(integer(port, numberKey)) + u'/' + protocol;
    const QString name = str(port, u"name");
    return name.isEmpty() ? text : Tr::tr("%1 (%2)").arg(text, name);
}

// One container state (running, waiting, terminated) as a row with its details.
DescriptionRow stateRow(const QString &label, const QJsonObject &state, const QDateTime &now)
{
    if (has(state, u"running")) {
        DescriptionRow r = row(label, u"Running"_qs, StatusCategory::Good);
        addIfSet(r.children, Tr::tr("Started"), timestampText(obj(state, u"running").value(u"startedAt"), now));
        return r;
    }
    if (has(state, u"waiting")) {
        const QJsonObject waiting = obj(state, u"waiting");
        const QString reason = str(waiting, u"reason");
        DescriptionRow r = row(label, u"Waiting"_qs, reason.isEmpty() ? StatusCategory::Pending : worse(StatusCategory::Pending, statusCategory(reason)));
        addIfSet(r.children, Tr::tr("Reason"), reason);
        addIfSet(r.children, Tr::tr("Message"), str(waiting, u"message"));
        return r;
    }
    if (has(state, u"terminated")) {
        const QJsonObject t = obj(state, u"terminated");
        const qint64 exitCode = integer(t, u"exitCode");
        DescriptionRow r = row(label, u"Terminated"_qs, exitCode == 0 ? StatusCategory::Good : StatusCategory::Error);
        addIfSet(r.children, Tr::tr("Reason"), str(t, u"reason"));
        addIfSet(r.children, Tr::tr("Message"), str(t, u"message"));
        r.children.append(row(Tr::tr("Exit code"), QString::number(exitCode)));
        if (integer(t, u"signal") != 0)
            r.children.append(row(Tr::tr("Signal"), QString::number(integer(t, u"signal"))));
        addIfSet(r.children, Tr::tr("Started"), timestampText(t.value(u"startedAt"), now));
        addIfSet(r.children, Tr::tr("Finished"), timestampText(t.value(u"finishedAt"), now));
        return r;
    }
    return {};
}

QString envValueText(const QJsonObject &env)
{
    if (!has(env, u"valueFrom"))
        return str(env, u"value");
    const QJsonObject from = obj(env, u"valueFrom");
    if (has(from, u"secretKeyRef")) {
        const QJsonObject ref = obj(from, u"secretKeyRef");
        return Tr::tr("<set to the key '%1' in secret '%2'>").arg(str(ref, u"key"), str(ref, u"name"));
    }
    if (has(from, u"configMapKeyRef")) {
        const QJsonObject ref = obj(from, u"configMapKeyRef");
        return Tr::tr("<set to the key '%1' of config map '%2'>").arg(str(ref, u"key"), str(ref, u"name"));
    }
    if (has(from, u"fieldRef")) {
        const QJsonObject ref = obj(from, u"fieldRef");
        QString apiVersion = str(ref, u"apiVersion");
        if (apiVersion.isEmpty())
            apiVersion = u"v1"_qs;
        return u'(' + apiVersion + u':' + str(ref, u"fieldPath") + u')';
    }
    if (has(from, u"resourceFieldRef")) {
        const QJsonObject ref = obj(from, u"resourceFieldRef");
        const QString container = str(ref, u"containerName");
        return container.isEmpty() ? u'(' + str(ref, u"resource") + u')' : u'(' + container + u'/' + str(ref, u"resource") + u')';
    }
    if (has(from, u"fileKeyRef")) {
        const QJsonObject ref = obj(from, u"fileKeyRef");
        return Tr::tr("<set to the key '%1' in file '%2' of volume '%3'>").arg(str(ref, u"key"), str(ref, u"path"), str(ref, u"volumeName"));
    }
    return Tr::tr("<set from a source this console does not know>");
}

constexpr int MaxEnvValue = 200;

DescriptionRow environmentRow(const QJsonArray &env)
{
    DescriptionRow r = row(Tr::tr("Environment"), Tr::tr("%n variable(s)", nullptr, int(env.size())));
    for (const QJsonValue &v : env) {
        const QJsonObject e = v.toObject();
        const QString value = envValueText(e);
        DescriptionRow child = row(str(e, u"name"), value);
        if (value.size() > MaxEnvValue) {
            child.fullValue = value;
            child.value = value.left(MaxEnvValue) + u'…';
        }
        r.children.append(child);
    }
    return r;
}

DescriptionRow environmentFromRow(const QJsonArray &envFrom)
{
    DescriptionRow r = row(Tr::tr("Environment from"), QString::number(envFrom.size()));
    for (const QJsonValue &v : envFrom) {
        const QJsonObject e = v.toObject();
        const bool secret = has(e, u"secretRef");
        const QJsonObject ref = obj(e, secret ? u"secretRef" : u"configMapRef");
        const QString kind = secret ? u"Secret"_qs : u"ConfigMap"_qs;
        const QString prefix = str(e, u"prefix");
        const bool optional = ref.value(u"optional").toBool();
        QString value = kind;
        if (!prefix.isEmpty() && optional)
            value = Tr::tr("%1 (prefix %2, optional)").arg(kind, prefix);
        else if (!prefix.isEmpty())
            value = Tr::tr("%1 (prefix %2)").arg(kind, prefix);
        else if (optional)
            value = Tr::tr("%1 (optional)").arg(kind);
        r.children.append(row(str(ref, u"name"), value));
    }
    return r;
}

DescriptionRow mountsRow(const QJsonArray &mounts)
{
    DescriptionRow r = row(Tr::tr("Mounts"), mounts.isEmpty() ? none() : QString::number(mounts.size()));
    for (const QJsonValue &v : mounts) {
        const QJsonObject m = v.toObject();
        QString value = Tr::tr("from %1").arg(str(m, u"name"));
        QStringList flags{m.value(u"readOnly").toBool() ? u"ro"_qs : u"rw"_qs};
        if (!str(m, u"subPath").isEmpty())
            flags.append(u"path=\""_qs + str(m, u"subPath") + u'"');
        value += u" ("_qs + flags.join(u',') + u')';
        r.children.append(row(str(m, u"mountPath"), value));
    }
    return r;
}

QJsonObject statusFor(const QJsonArray &statuses, const QString &name)
{
    for (const QJsonValue &v : statuses) {
        if (v.toObject().value(u"name").toString() == name)
            return v.toObject();
    }
    return {};
}

// A container of a pod (with its status) or of a template (statuses empty).
DescriptionRow containerRow(const QJsonObject &c, const QJsonArray &statuses, bool withStatus, const QDateTime &now)
{
    const QString name = str(c, u"name");
    DescriptionRow r = row(name, str(c, u"image"));
    QList<DescriptionRow> &rows = r.children;
    rows.append(row(Tr::tr("Image"), str(c, u"image")));
    const QJsonObject status = statusFor(statuses, name);
    if (withStatus) {
        addIfSet(rows, Tr::tr("Image ID"), str(status, u"imageID"));
        addIfSet(rows, Tr::tr("Container ID"), str(status, u"containerID"));
    }
    QStringList ports;
    QStringList hostPorts;
    for (const QJsonValue &v : arr(c, u"ports")) {
        ports.append(portText(v.toObject(), u"containerPort"));
        if (integer(v.toObject(), u"hostPort") != 0)
            hostPorts.append(portText(v.toObject(), u"hostPort"));
    }
    addIfSet(rows, Tr::tr("Ports"), ports.join(u", "));
    addIfSet(rows, Tr::tr("Host ports"), hostPorts.join(u", "));
    addIfSet(rows, Tr::tr("Command"), joined(arr(c, u"command"), u" "));
    addIfSet(rows, Tr::tr("Args"), joined(arr(c, u"args"), u" "));
    addIfSet(rows, Tr::tr("Working directory"), str(c, u"workingDir"));
    if (withStatus) {
        DescriptionRow state = stateRow(Tr::tr("State"), obj(status, u"state"), now);
        if (!state.label.isEmpty()) {
            r.category = state.category;
            rows.append(state);
        }
        DescriptionRow last = stateRow(Tr::tr("Last state"), obj(status, u"lastState"), now);
        if (!last.label.isEmpty())
            rows.append(last);
        const bool ready = status.value(u"ready").toBool();
        rows.append(row(Tr::tr("Ready"), ready ? u"True"_qs : u"False"_qs, ready ? StatusCategory::Good : StatusCategory::Warning));
        const qint64 restarts = integer(status, u"restartCount");
        rows.append(row(Tr::tr("Restart count"), QString::number(restarts), restarts > 0 ? StatusCategory::Warning : StatusCategory::Neutral));
    }
    const QJsonObject resources = obj(c, u"resources");
    if (has(resources, u"limits"))
        rows.append(resourceListRow(Tr::tr("Limits"), obj(resources, u"limits")));
    if (has(resources, u"requests"))
        rows.append(resourceListRow(Tr::tr("Requests"), obj(resources, u"requests")));
    if (has(c, u"livenessProbe"))
        rows.append(row(Tr::tr("Liveness"), describeProbe(obj(c, u"livenessProbe"))));
    if (has(c, u"readinessProbe"))
        rows.append(row(Tr::tr("Readiness"), describeProbe(obj(c, u"readinessProbe"))));
    if (has(c, u"startupProbe"))
        rows.append(row(Tr::tr("Startup"), describeProbe(obj(c, u"startupProbe"))));
    if (!arr(c, u"env").isEmpty())
        rows.append(environmentRow(arr(c, u"env")));
    if (!arr(c, u"envFrom").isEmpty())
        rows.append(environmentFromRow(arr(c, u"envFrom")));
    rows.append(mountsRow(arr(c, u"volumeMounts")));
    return r;
}

void addContainersSection(ObjectDescription &d, const QString &title, const QJsonArray &containers, const QJsonArray &statuses,
                          bool withStatus, const QDateTime &now)
{
    if (containers.isEmpty())
        return;
    QList<DescriptionRow> rows;
    for (const QJsonValue &v : containers)
        rows.append(containerRow(v.toObject(), statuses, withStatus, now));
    addSection(d, title).rows = rows;
}

// One volume: its source type and the source's main fields.
DescriptionRow volumeRow(const QJsonObject &volume)
{
    DescriptionRow r = row(str(volume, u"name"), {});
    auto detail = [&r](const QString &label, const QJsonValue &value) {
        const QString text = value.isArray() ? joined(value.toArray(), u", ") : scalarText(value);
        if (!text.isEmpty())
            r.children.append(row(label, text));
    };
    if (has(volume, u"persistentVolumeClaim")) {
        const QJsonObject s = obj(volume, u"persistentVolumeClaim");
        r.value = u"PersistentVolumeClaim"_qs;
        detail(Tr::tr("Claim name"), s.value(u"claimName"));
        detail(Tr::tr("Read only"), QJsonValue(s.value(u"readOnly").toBool()));
    } else if (has(volume, u"configMap")) {
        const QJsonObject s = obj(volume, u"configMap");
        r.value = u"ConfigMap"_qs;
        detail(Tr::tr("Name"), s.value(u"name"));
        detail(Tr::tr("Optional"), QJsonValue(s.value(u"optional").toBool()));
    } else if (has(volume, u"secret")) {
        const QJsonObject s = obj(volume, u"secret");
        r.value = u"Secret"_qs;
        detail(Tr::tr("Secret name"), s.value(u"secretName"));
        detail(Tr::tr("Optional"), QJsonValue(s.value(u"optional").toBool()));
    } else if (has(volume, u"emptyDir")) {
        const QJsonObject s = obj(volume, u"emptyDir");
        r.value = u"EmptyDir"_qs;
        detail(Tr::tr("Medium"), s.value(u"medium"));
        if (has(s, u"sizeLimit"))
            detail(Tr::tr("Size limit"), quantityText(s.value(u"sizeLimit")));
    } else if (has(volume, u"hostPath")) {
        const QJsonObject s = obj(volume, u"hostPath");
        r.value = u"HostPath"_qs;
        detail(Tr::tr("Path"), s.value(u"path"));
        detail(Tr::tr("Host path type"), s.value(u"type"));
    } else if (has(volume, u"projected")) {
        r.value = u"Projected"_qs;
        for (const QJsonValue &v : arr(obj(volume, u"projected"), u"sources")) {
            const QJsonObject source = v.toObject();
            detail(Tr::tr("Config map"), obj(source, u"configMap").value(u"name"));
            detail(Tr::tr("Secret"), obj(source, u"secret").value(u"name"));
            if (has(source, u"downwardAPI"))
                detail(Tr::tr("Downward API"), QJsonValue(true));
            if (has(source, u"serviceAccountToken"))
                detail(Tr::tr("Token expiration seconds"), QJsonValue(integer(obj(source, u"serviceAccountToken"), u"expirationSeconds", 3600)));
        }
    } else if (has(volume, u"nfs")) {
        const QJsonObject s = obj(volume, u"nfs");
        r.value = u"NFS"_qs;
        detail(Tr::tr("Server"), s.value(u"server"));
        detail(Tr::tr("Path"), s.value(u"path"));
    } else if (has(volume, u"csi")) {
        const QJsonObject s = obj(volume, u"csi");
        r.value = u"CSI"_qs;
        detail(Tr::tr("Driver"), s.value(u"driver"));
        detail(Tr::tr("FS type"), s.value(u"fsType"));
    } else if (has(volume, u"downwardAPI")) {
        r.value = u"DownwardAPI"_qs;
    } else if (has(volume, u"ephemeral")) {
        r.value = u"EphemeralVolume"_qs;
        const QJsonObject spec = obj(obj(obj(volume, u"ephemeral"), u"volumeClaimTemplate"), u"spec");
        detail(Tr::tr("Storage class"), spec.value(u"storageClassName"));
        detail(Tr::tr("Size"), obj(obj(spec, u"resources"), u"requests").value(u"storage"));
    } else if (has(volume, u"image")) {
        r.value = u"Image"_qs;
        detail(Tr::tr("Reference"), obj(volume, u"image").value(u"reference"));
    } else {
        // Any other source: its key, and its scalar fields.
        for (auto it = volume.begin(); it != volume.end(); ++it) {
            if (it.key() == u"name" || !it.value().isObject())
                continue;
            r.value = it.key();
            const QJsonObject s = it.value().toObject();
            for (auto f = s.begin(); f != s.end(); ++f)
                detail(f.key(), f.value());
            break;
        }
    }
    return r;
}

void addVolumesSection(ObjectDescription &d, const QJsonArray &volumes)
{
    if (volumes.isEmpty())
        return;
    QList<DescriptionRow> rows;
    for (const QJsonValue &v : volumes)
        rows.append(volumeRow(v.toObject()));
    addSection(d, Tr::tr("Volumes")).rows = rows;
}

// kubectl's toleration text: "key=value:Effect op=Exists for 300s".
QString tolerationText(const QJsonObject &t)
{
    QString text = str(t, u"key");
    if (!str(t, u"value").isEmpty())
        text += u'=' + str(t, u"value");
    if (!str(t, u"effect").isEmpty())
        text += u':' + str(t, u"effect");
    if (str(t, u"operator") == u"Exists" && str(t, u"value").isEmpty())
        text += text.isEmpty() ? u"op=Exists"_qs : u" op=Exists"_qs;
    if (has(t, u"tolerationSeconds"))
        text += u" for "_qs + QString::number(integer(t, u"tolerationSeconds")) + u's';
    return text;
}

DescriptionRow tolerationsRow(const QJsonArray &tolerations)
{
    DescriptionRow r = row(Tr::tr("Tolerations"), tolerations.isEmpty() ? none() : QString::number(tolerations.size()));
    for (const QJsonValue &v : tolerations)
        r.children.append(row(QString(), tolerationText(v.toObject())));
    return r;
}

QString affinityText(const QJsonObject &affinity)
{
    QStringList kinds;
    if (has(affinity, u"nodeAffinity"))
        kinds.append(Tr::tr("node affinity"));
    if (has(affinity, u"podAffinity"))
        kinds.append(Tr::tr("pod affinity"));
    if (has(affinity, u"podAntiAffinity"))
        kinds.append(Tr::tr("pod anti-affinity"));
    return kinds.join(u", ");
}

// Scheduling rows shared by pods and templates.
void addSchedulingRows(QList<DescriptionRow> &rows, const QJsonObject &spec)
{
    rows.append(mapRow(Tr::tr("Node selector"), obj(spec, u"nodeSelector")));
    rows.append(tolerationsRow(arr(spec, u"tolerations")));
    addIfSet(rows, Tr::tr("Affinity"), affinityText(obj(spec, u"affinity")));
    if (!arr(spec, u"topologySpreadConstraints").isEmpty())
        rows.append(row(Tr::tr("Topology spread constraints"), QString::number(arr(spec, u"topologySpreadConstraints").size())));
}

bool requestsEqualLimits(const QJsonObject &resources, QStringView name)
{
    const QJsonObject limits = obj(resources, u"limits");
    if (!has(limits, name))
        return false;
    const QJsonObject requests = obj(resources, u"requests");
    if (!has(requests, name))
        return true; // requests default to limits
    const auto request = kube::Quantity::parse(requests.value(name).toString());
    const auto limit = kube::Quantity::parse(limits.value(name).toString());
    return request && limit && *request == *limit;
}

// core/v1 qos.GetPodQOS, for pods whose status does not carry it yet.
QString computeQosClass(const QJsonObject &spec)
{
    bool anySet = false;
    bool guaranteed = true;
    QJsonArray all = arr(spec, u"containers");
    for (const QJsonValue &v : arr(spec, u"initContainers"))
        all.append(v);
    for (const QJsonValue &v : all) {
        const QJsonObject resources = obj(v.toObject(), u"resources");
        if (!obj(resources, u"limits").isEmpty() || !obj(resources, u"requests").isEmpty())
            anySet = true;
        if (!requestsEqualLimits(resources, u"cpu") || !requestsEqualLimits(resources, u"memory"))
            guaranteed = false;
    }
    if (!anySet)
        return u"BestEffort"_qs;
    return guaranteed ? u"Guaranteed"_qs : u"Burstable"_qs;
}

} // namespace

void describePod(ObjectDescription &d, const QJsonObject &object, const Context &context)
{
    const QJsonObject spec = obj(object, u"spec");
    const QJsonObject status = obj(object, u"status");
    QList<DescriptionRow> rows;
    rows.append(row(Tr::tr("Status"), d.status, d.statusCategory));
    addIfSet(rows, Tr::tr("Phase"), str(status, u"phase"));
    addIfSet(rows, Tr::tr("Reason"), str(status, u"reason"));
    addIfSet(rows, Tr::tr("Message"), str(status, u"message"));
    QString node = str(spec, u"nodeName");
    if (!node.isEmpty() && !str(status, u"hostIP").isEmpty())
        node += u'/' + str(status, u"hostIP");
    rows.append(row(Tr::tr("Node"), node.isEmpty() ? none() : node));
    addIfSet(rows, Tr::tr("Nominated node"), str(status, u"nominatedNodeName"));
    addIfSet(rows, Tr::tr("Start time"), timestampText(status.value(u"startTime"), context.now));
    addIfSet(rows, Tr::tr("IP"), str(status, u"podIP"));
    QStringList ips;
    for (const QJsonValue &v : arr(status, u"podIPs"))
        ips.append(str(v.toObject(), u"ip"));
    if (ips.size() > 1)
        rows.append(row(Tr::tr("IPs"), ips.join(u", ")));
    const QString qos = str(status, u"qosClass");
    rows.append(row(Tr::tr("QoS class"), qos.isEmpty() ? computeQosClass(spec) : qos));
    if (has(spec, u"priority"))
        rows.append(row(Tr::tr("Priority"), QString::number(integer(spec, u"priority"))));
    addIfSet(rows, Tr::tr("Priority class"), str(spec, u"priorityClassName"));
    addIfSet(rows, Tr::tr("Service account"), str(spec, u"serviceAccountName"));
    addIfSet(rows, Tr::tr("Restart policy"), str(spec, u"restartPolicy"));
    if (has(spec, u"terminationGracePeriodSeconds"))
        rows.append(row(Tr::tr("Termination grace period"), Tr::tr("%1s").arg(integer(spec, u"terminationGracePeriodSeconds"))));
    addSection(d, Tr::tr("Pod")).rows = rows;

    addConditionsSection(d, arr(status, u"conditions"), context.now);
    addContainersSection(d, Tr::tr("Init containers"), arr(spec, u"initContainers"), arr(status, u"initContainerStatuses"), true, context.now);
    addContainersSection(d, Tr::tr("Containers"), arr(spec, u"containers"), arr(status, u"containerStatuses"), true, context.now);
    addContainersSection(d, Tr::tr("Ephemeral containers"), arr(spec, u"ephemeralContainers"), arr(status, u"ephemeralContainerStatuses"),
                         true, context.now);
    addVolumesSection(d, arr(spec, u"volumes"));

    QList<DescriptionRow> scheduling;
    addSchedulingRows(scheduling, spec);
    addSection(d, Tr::tr("Scheduling")).rows = scheduling;
}

void appendPodTemplate(ObjectDescription &d, const QJsonObject &podTemplate, const Context &context)
{
    const QJsonObject metadata = obj(podTemplate, u"metadata");
    const QJsonObject spec = obj(podTemplate, u"spec");
    QList<DescriptionRow> rows;
    rows.append(mapRow(Tr::tr("Labels"), obj(metadata, u"labels")));
    if (!obj(metadata, u"annotations").isEmpty())
        rows.append(mapRow(Tr::tr("Annotations"), obj(metadata, u"annotations")));
    addIfSet(rows, Tr::tr("Service account"), str(spec, u"serviceAccountName"));
    addIfSet(rows, Tr::tr("Priority class"), str(spec, u"priorityClassName"));
    addSchedulingRows(rows, spec);
    addSection(d, Tr::tr("Pod template")).rows = rows;
    addContainersSection(d, Tr::tr("Init containers"), arr(spec, u"initContainers"), {}, false, context.now);
    addContainersSection(d, Tr::tr("Containers"), arr(spec, u"containers"), {}, false, context.now);
    addVolumesSection(d, arr(spec, u"volumes"));
}

} // namespace describe
} // namespace timonel
