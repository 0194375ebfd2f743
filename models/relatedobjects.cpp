#include "relatedobjects.h"

#include "kube/api/labelselector.h"
#include "kube/api/object.h"
#include "kube/api/typeregistry.h"
#include "models/objectdescription.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <string_view>

namespace timonel {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(timonel::RelatedObjects)
};

constexpr int MaxOwnerDepth = 8;

const QString Pods = u"pods"_qs;

// A byte search that skips most objects before a parse (std::string_view::find is ~2× faster
// than QByteArray::contains on 4 KB objects).
bool bytesContain(const QByteArray &haystack, const QByteArray &needle)
{
    return std::string_view(haystack.constData(), size_t(haystack.size())).find(std::string_view(needle.constData(), size_t(needle.size()))) !=
           std::string_view::npos;
}

// Calls the lookup once per resource and namespace.
class Lookups
{
public:
    explicit Lookups(const RelatedLookup &lookup) : m_lookup(lookup) {}

    const QList<kube::Object> &list(const QString &resource, const QString &ns)
    {
        const QString key = resource + u'|' + ns;
        auto it = m_cache.find(key);
        if (it == m_cache.end())
            it = m_cache.insert(key, m_lookup ? m_lookup(resource, ns) : QList<kube::Object>());
        return *it;
    }
    kube::Object byName(const QString &resource, const QString &ns, const QString &name)
    {
        for (const kube::Object &o : list(resource, ns)) {
            if (o.name() == name)
                return o;
        }
        return {};
    }

private:
    const RelatedLookup &m_lookup;
    QHash<QString, QList<kube::Object>> m_cache;
};

class Collector
{
public:
    Collector(const kube::Object &self, const RelatedLookup &lookup, const QDateTime &now) : m_self(self), m_lookups(lookup), m_now(now) {}

    QList<RelatedObject> result;
    Lookups &lookups() { return m_lookups; }

    void add(Relation relation, const kube::Object &o, const QString &resource, const QString &via = {})
    {
        if (o.isNull() || o.uid() == m_self.uid() || !admit(relation, o.kind(), o.namespace_(), o.name()))
            return;
        RelatedObject r;
        r.relation = relation;
        r.kind = o.kind();
        r.namespace_ = o.namespace_();
        r.name = o.name();
        r.resource = resource;
        r.uid = o.uid();
        r.via = via;
        const StatusSummary summary = summarizeStatus(o, m_now);
        r.status = summary.text;
        r.category = summary.category;
        append(std::move(r));
    }
    void addMissing(Relation relation, const QString &kind, const QString &ns, const QString &name, const QString &resource,
                    const QString &via = {})
    {
        if (!admit(relation, kind, ns, name))
            return;
        RelatedObject r;
        r.relation = relation;
        r.kind = kind;
        r.namespace_ = ns;
        r.name = name;
        r.resource = resource;
        r.via = via;
        r.status = Tr::tr("Missing");
        r.category = StatusCategory::Warning;
        r.found = false;
        append(std::move(r));
    }
    // By name: the object when the lookup has it, else a missing entry.
    void addNamed(Relation relation, const QString &kind, const QString &resource, const QString &ns, const QString &name)
    {
        if (name.isEmpty())
            return;
        const kube::Object o = m_lookups.byName(resource, ns, name);
        if (o.isNull())
            addMissing(relation, kind, ns, name, resource);
        else
            add(relation, o, resource);
    }

    // One placeholder per relation that reached MaxRelatedPerRelation.
    void appendOmitted()
    {
        for (auto it = m_omitted.cbegin(); it != m_omitted.cend(); ++it) {
            RelatedObject r;
            r.relation = static_cast<Relation>(it.key());
            r.name = Tr::tr("… %n more", nullptr, it.value());
            r.found = false;
            r.omitted = it.value();
            result.append(std::move(r));
        }
    }

private:
    // False when the entry is already listed or its relation is full (then it is counted).
    bool admit(Relation relation, const QString &kind, const QString &ns, const QString &name)
    {
        const QString key = QString::number(int(relation)) + u'|' + kind + u'|' + ns + u'|' + name;
        if (m_seen.contains(key))
            return false;
        m_seen.insert(key);
        int &count = m_counts[int(relation)];
        if (count >= MaxRelatedPerRelation) {
            ++m_omitted[int(relation)];
            return false;
        }
        ++count;
        return true;
    }
    void append(RelatedObject r) { result.append(std::move(r)); }

    const kube::Object &m_self;
    Lookups m_lookups;
    QDateTime m_now;
    QSet<QString> m_seen;
    QHash<int, int> m_counts;  // by relation
    QMap<int, int> m_omitted;  // by relation, in relation order
};

bool isNamespacedKind(const QString &apiVersion, const QString &kind)
{
    const kube::GroupVersion gv = kube::GroupVersion::fromApiVersion(apiVersion);
    const kube::KindInfoPtr info = kube::TypeRegistry::builtin().kind({gv.group, gv.version, kind});
    return !info || info->namespaced;
}

QString displayName(const kube::Object &o)
{
    return o.kind() + u'/' + o.name();
}

// ---- owners and owned ----

void addOwners(Collector &c, const kube::Object &object, int depth)
{
    for (const kube::OwnerReference &ref : object.ownerReferences()) {
        const QString resource = resourceIdFor(ref.apiVersion, ref.kind);
        const QString ns = isNamespacedKind(ref.apiVersion, ref.kind) ? object.namespace_() : QString();
        kube::Object owner;
        for (const kube::Object &o : c.lookups().list(resource, ns)) {
            if (ref.uid.isEmpty() ? o.name() == ref.name : o.uid() == ref.uid) {
                owner = o;
                break;
            }
        }
        const QString via = depth == 0 ? QString() : displayName(object);
        if (owner.isNull()) {
            c.addMissing(Relation::Owner, ref.kind, ns, ref.name, resource, via);
            continue;
        }
        c.add(Relation::Owner, owner, resource, via);
        if (depth + 1 < MaxOwnerDepth)
            addOwners(c, owner, depth + 1);
    }
}

// The resources whose objects a kind usually owns.
QStringList childResources(const QString &group, const QString &kind)
{
    if (group == u"apps" && kind == u"Deployment")
        return {u"replicasets.apps"_qs};
    if (group == u"batch" && kind == u"CronJob")
        return {u"jobs.batch"_qs};
    if ((group == u"apps" && (kind == u"ReplicaSet" || kind == u"StatefulSet" || kind == u"DaemonSet")) ||
        (group == u"batch" && kind == u"Job") || (group.isEmpty() && kind == u"ReplicationController"))
        return {Pods};
    return {};
}

bool ownedBy(const kube::Object &o, const QString &uid)
{
    for (const kube::OwnerReference &ref : o.ownerReferences()) {
        if (ref.uid == uid)
            return true;
    }
    return false;
}

void addOwned(Collector &c, const kube::Object &object, int depth)
{
    if (object.uid().isEmpty())
        return;
    const QString via = depth == 0 ? QString() : displayName(object);
    for (const QString &resource : childResources(object.gvk().group, object.kind())) {
        for (const kube::Object &child : c.lookups().list(resource, object.namespace_())) {
            if (!ownedBy(child, object.uid()))
                continue;
            c.add(Relation::Owned, child, resource, via);
            if (depth == 0)
                addOwned(c, child, 1);
        }
    }
}

// ---- services, endpoints ----

void addTargetPods(Collector &c, const QJsonArray &targets, const QString &ns)
{
    for (const QJsonValue &v : targets) {
        const QJsonObject ref = v.toObject();
        if (ref.value(u"kind").toString() != u"Pod")
            continue;
        const QString podNs = ref.value(u"namespace").toString().isEmpty() ? ns : ref.value(u"namespace").toString();
        c.addNamed(Relation::BackendPod, u"Pod"_qs, Pods, podNs, ref.value(u"name").toString());
    }
}

QJsonArray endpointsTargets(const QJsonObject &endpoints)
{
    QJsonArray targets;
    for (const QJsonValue &s : endpoints.value(u"subsets").toArray()) {
        for (const QStringView key : {u"addresses", u"notReadyAddresses"}) {
            for (const QJsonValue &a : s.toObject().value(key).toArray())
                targets.append(a.toObject().value(u"targetRef"));
        }
    }
    return targets;
}

QJsonArray sliceTargets(const QJsonObject &slice)
{
    QJsonArray targets;
    for (const QJsonValue &e : slice.value(u"endpoints").toArray())
        targets.append(e.toObject().value(u"targetRef"));
    return targets;
}

QStringList ingressServiceNames(const QJsonObject &spec)
{
    QStringList names;
    auto backend = [&names](const QJsonObject &b) {
        const QString name = b.value(u"service").toObject().value(u"name").toString();
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    };
    backend(spec.value(u"defaultBackend").toObject());
    for (const QJsonValue &r : spec.value(u"rules").toArray()) {
        for (const QJsonValue &p : r.toObject().value(u"http").toObject().value(u"paths").toArray())
            backend(p.toObject().value(u"backend").toObject());
    }
    return names;
}

void relateService(Collector &c, const kube::Object &service)
{
    const QString ns = service.namespace_();
    const QJsonObject spec = service.toJson().value(u"spec").toObject();
    for (const kube::Object &e : c.lookups().list(u"endpoints"_qs, ns)) {
        if (e.name() != service.name())
            continue;
        c.add(Relation::Endpoints, e, u"endpoints"_qs);
        addTargetPods(c, endpointsTargets(e.toJson()), ns);
    }
    for (const kube::Object &s : c.lookups().list(u"endpointslices.discovery.k8s.io"_qs, ns)) {
        if (s.labels().value(u"kubernetes.io/service-name") != service.name())
            continue;
        c.add(Relation::EndpointSlice, s, u"endpointslices.discovery.k8s.io"_qs);
        addTargetPods(c, sliceTargets(s.toJson()), ns);
    }
    const QJsonObject selector = spec.value(u"selector").toObject();
    if (!selector.isEmpty()) {
        kube::Labels set;
        for (auto it = selector.begin(); it != selector.end(); ++it)
            set.insert(it.key(), it.value().toString());
        const kube::LabelSelector match = kube::LabelSelector::fromSet(set);
        for (const kube::Object &pod : c.lookups().list(Pods, ns)) {
            if (match.matches(pod.labels()))
                c.add(Relation::BackendPod, pod, Pods);
        }
    }
    const QString ingresses = u"ingresses.networking.k8s.io"_qs;
    for (const kube::Object &ingress : c.lookups().list(ingresses, ns)) {
        if (ingressServiceNames(ingress.toJson().value(u"spec").toObject()).contains(service.name()))
            c.add(Relation::Ingress, ingress, ingresses);
    }
}

// ---- pods ----

void relatePod(Collector &c, const kube::Object &pod)
{
    const QString ns = pod.namespace_();
    const QJsonObject spec = pod.toJson().value(u"spec").toObject();
    const QString node = spec.value(u"nodeName").toString();
    c.addNamed(Relation::Node, u"Node"_qs, u"nodes"_qs, QString(), node);

    for (const kube::Object &service : c.lookups().list(u"services"_qs, ns)) {
        const QJsonObject selector = service.toJson().value(u"spec").toObject().value(u"selector").toObject();
        if (selector.isEmpty())
            continue;
        bool matches = true;
        for (auto it = selector.begin(); it != selector.end() && matches; ++it)
            matches = pod.labels().value(it.key()) == it.value().toString() && pod.labels().contains(it.key());
        if (matches)
            c.add(Relation::Service, service, u"services"_qs);
    }

    QStringList claims, configMaps, secrets;
    auto note = [](QStringList &list, const QString &name) {
        if (!name.isEmpty() && !list.contains(name))
            list.append(name);
    };
    for (const QJsonValue &v : spec.value(u"volumes").toArray()) {
        const QJsonObject volume = v.toObject();
        note(claims, volume.value(u"persistentVolumeClaim").toObject().value(u"claimName").toString());
        if (volume.contains(u"ephemeral"))
            note(claims, pod.name() + u'-' + volume.value(u"name").toString());
        note(configMaps, volume.value(u"configMap").toObject().value(u"name").toString());
        note(secrets, volume.value(u"secret").toObject().value(u"secretName").toString());
        for (const QJsonValue &s : volume.value(u"projected").toObject().value(u"sources").toArray()) {
            note(configMaps, s.toObject().value(u"configMap").toObject().value(u"name").toString());
            note(secrets, s.toObject().value(u"secret").toObject().value(u"name").toString());
        }
    }
    for (const QStringView list : {u"initContainers", u"containers"}) {
        for (const QJsonValue &cv : spec.value(list).toArray()) {
            const QJsonObject container = cv.toObject();
            for (const QJsonValue &ev : container.value(u"env").toArray()) {
                const QJsonObject from = ev.toObject().value(u"valueFrom").toObject();
                note(configMaps, from.value(u"configMapKeyRef").toObject().value(u"name").toString());
                note(secrets, from.value(u"secretKeyRef").toObject().value(u"name").toString());
            }
            for (const QJsonValue &ev : container.value(u"envFrom").toArray()) {
                note(configMaps, ev.toObject().value(u"configMapRef").toObject().value(u"name").toString());
                note(secrets, ev.toObject().value(u"secretRef").toObject().value(u"name").toString());
            }
        }
    }
    for (const QJsonValue &v : spec.value(u"imagePullSecrets").toArray())
        note(secrets, v.toObject().value(u"name").toString());

    for (const QString &name : claims)
        c.addNamed(Relation::PersistentVolumeClaim, u"PersistentVolumeClaim"_qs, u"persistentvolumeclaims"_qs, ns, name);
    for (const QString &name : configMaps)
        c.addNamed(Relation::ConfigMap, u"ConfigMap"_qs, u"configmaps"_qs, ns, name);
    for (const QString &name : secrets)
        c.addNamed(Relation::Secret, u"Secret"_qs, u"secrets"_qs, ns, name);
    c.addNamed(Relation::ServiceAccount, u"ServiceAccount"_qs, u"serviceaccounts"_qs, ns, spec.value(u"serviceAccountName").toString());
}

bool podUsesClaim(const kube::Object &pod, const QString &claim)
{
    // A cheap byte check first: the claim's name must appear in the pod.
    if (!bytesContain(pod.json(), claim.toUtf8()))
        return false;
    for (const QJsonValue &v : pod.toJson().value(u"spec").toObject().value(u"volumes").toArray()) {
        const QJsonObject volume = v.toObject();
        if (volume.value(u"persistentVolumeClaim").toObject().value(u"claimName").toString() == claim)
            return true;
        if (volume.contains(u"ephemeral") && pod.name() + u'-' + volume.value(u"name").toString() == claim)
            return true;
    }
    return false;
}

void relateClaim(Collector &c, const kube::Object &claim)
{
    const QString volume = claim.scalarAt(u"spec.volumeName").value_or(QString());
    c.addNamed(Relation::PersistentVolume, u"PersistentVolume"_qs, u"persistentvolumes"_qs, QString(), volume);
    for (const kube::Object &pod : c.lookups().list(Pods, claim.namespace_())) {
        if (podUsesClaim(pod, claim.name()))
            c.add(Relation::MountedBy, pod, Pods);
    }
}

void relateVolume(Collector &c, const kube::Object &volume)
{
    const QJsonObject ref = volume.toJson().value(u"spec").toObject().value(u"claimRef").toObject();
    c.addNamed(Relation::PersistentVolumeClaim, u"PersistentVolumeClaim"_qs, u"persistentvolumeclaims"_qs,
               ref.value(u"namespace").toString(), ref.value(u"name").toString());
}

void relateNode(Collector &c, const kube::Object &node)
{
    const QByteArray name = node.name().toUtf8();
    for (const kube::Object &pod : c.lookups().list(Pods, QString())) {
        // scalarAt parses with simdjson; the byte check skips most pods of other nodes first.
        if (bytesContain(pod.json(), name) && pod.scalarAt(u"spec.nodeName") == node.name())
            c.add(Relation::PodOnNode, pod, Pods);
    }
}

} // namespace

QString relationLabel(Relation relation)
{
    switch (relation) {
    case Relation::Owner: return Tr::tr("Owner");
    case Relation::Owned: return Tr::tr("Owned");
    case Relation::Endpoints: return Tr::tr("Endpoints");
    case Relation::EndpointSlice: return Tr::tr("Endpoint slice");
    case Relation::BackendPod: return Tr::tr("Backend pod");
    case Relation::Service: return Tr::tr("Service");
    case Relation::Ingress: return Tr::tr("Ingress");
    case Relation::Node: return Tr::tr("Node");
    case Relation::PodOnNode: return Tr::tr("Pod on node");
    case Relation::PersistentVolumeClaim: return Tr::tr("Volume claim");
    case Relation::PersistentVolume: return Tr::tr("Persistent volume");
    case Relation::MountedBy: return Tr::tr("Mounted by");
    case Relation::ConfigMap: return Tr::tr("Config map");
    case Relation::Secret: return Tr::tr("Secret");
    case Relation::ServiceAccount: return Tr::tr("Service account");
    }
    return {};
}

QString resourceIdFor(const QString &apiVersion, const QString &kind)
{
    if (apiVersion.isEmpty()) {
        // Only the kind: resolve it as kubectl resolves a name (core group first).
        const QList<kube::KindInfoPtr> matches = kube::TypeRegistry::builtin().resolve(kind);
        for (const kube::KindInfoPtr &match : matches) {
            if (match->gvk.kind == kind)
                return match->gvk.group.isEmpty() ? match->plural : match->plural + u'.' + match->gvk.group;
        }
        return kind.toLower() + u's';
    }
    const kube::GroupVersion gv = kube::GroupVersion::fromApiVersion(apiVersion);
    const kube::KindInfoPtr info = kube::TypeRegistry::builtin().kind({gv.group, gv.version, kind});
    const QString plural = info ? info->plural : kind.toLower() + u's';
    return gv.group.isEmpty() ? plural : plural + u'.' + gv.group;
}

QList<RelatedObject> findRelatedObjects(const kube::Object &object, const RelatedLookup &lookup, const QDateTime &now)
{
    if (object.isNull())
        return {};
    Collector c(object, lookup, now.isValid() ? now : QDateTime::currentDateTimeUtc());
    addOwners(c, object, 0);
    addOwned(c, object, 0);

    const QString group = object.gvk().group;
    const QString kind = object.kind();
    const QString ns = object.namespace_();
    if (group.isEmpty() && kind == u"Pod") {
        relatePod(c, object);
    } else if (group.isEmpty() && kind == u"Service") {
        relateService(c, object);
    } else if (group.isEmpty() && kind == u"Endpoints") {
        c.addNamed(Relation::Service, u"Service"_qs, u"services"_qs, ns, object.name());
        addTargetPods(c, endpointsTargets(object.toJson()), ns);
    } else if (group == u"discovery.k8s.io" && kind == u"EndpointSlice") {
        c.addNamed(Relation::Service, u"Service"_qs, u"services"_qs, ns, object.labels().value(u"kubernetes.io/service-name"));
        addTargetPods(c, sliceTargets(object.toJson()), ns);
    } else if (group == u"networking.k8s.io" && kind == u"Ingress") {
        const QJsonObject spec = object.toJson().value(u"spec").toObject();
        for (const QString &name : ingressServiceNames(spec))
            c.addNamed(Relation::Service, u"Service"_qs, u"services"_qs, ns, name);
        for (const QJsonValue &t : spec.value(u"tls").toArray())
            c.addNamed(Relation::Secret, u"Secret"_qs, u"secrets"_qs, ns, t.toObject().value(u"secretName").toString());
    } else if (group.isEmpty() && kind == u"Node") {
        relateNode(c, object);
    } else if (group.isEmpty() && kind == u"PersistentVolumeClaim") {
        relateClaim(c, object);
    } else if (group.isEmpty() && kind == u"PersistentVolume") {
        relateVolume(c, object);
    }
    c.appendOmitted();
    return c.result;
}

} // namespace timonel
