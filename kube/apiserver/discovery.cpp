#include "discovery.h"

#include "metricsapi.h"

#include "kube/api/typeregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject gvkJson(const GroupVersionKind &gvk)
{
    return {{u"group"_qs, gvk.group}, {u"version"_qs, gvk.version}, {u"kind"_qs, gvk.kind}};
}

// The groups in the order discovery lists them: core first, then as the registry serves them.
QStringList servedGroups(const TypeRegistry &registry)
{
    QStringList groups;
    for (const GroupVersion &gv : registry.groupVersions()) {
        if (!groups.contains(gv.group))
            groups.append(gv.group);
    }
    return groups;
}

QList<GroupVersion> versionsOf(const TypeRegistry &registry, const QString &group)
{
    QList<GroupVersion> out;
    for (const GroupVersion &gv : registry.groupVersions()) {
        if (gv.group == group)
            out.append(gv);
    }
    return out;
}

QList<KindInfoPtr> kindsOf(const TypeRegistry &registry, const GroupVersion &gv)
{
    QList<KindInfoPtr> out;
    for (const KindInfoPtr &k : registry.kinds()) {
        if (k->gvk.group == gv.group && k->gvk.version == gv.version && !k->verbs.isEmpty())
            out.append(k);
    }
    return out;
}

QJsonObject aggregatedResource(const KindInfo &k)
{
    QJsonObject r{{u"resource"_qs, k.plural},
                  {u"responseKind"_qs, gvkJson(k.gvk)},
                  {u"scope"_qs, k.namespaced ? u"Namespaced"_qs : u"Cluster"_qs},
                  {u"singularResource"_qs, k.singular},
                  {u"verbs"_qs, toArray(k.verbs)}};
    if (!k.shortNames.isEmpty())
        r[u"shortNames"_qs] = toArray(k.shortNames);
    if (!k.categories.isEmpty())
        r[u"categories"_qs] = toArray(k.categories);
    QJsonArray subs;
    for (const SubresourceInfo &s : k.subresources) {
        const GroupVersionKind kind = s.kind.kind.isEmpty() ? k.gvk : s.kind;
        subs.append(QJsonObject{{u"subresource"_qs, s.name}, {u"responseKind"_qs, gvkJson(kind)}, {u"verbs"_qs, toArray(s.verbs)}});
    }
    if (!subs.isEmpty())
        r[u"subresources"_qs] = subs;
    return r;
}

QJsonObject groupVersionJson(const GroupVersion &gv)
{
    return {{u"groupVersion"_qs, gv.apiVersion()}, {u"version"_qs, gv.version}};
}

QJsonObject apiGroupJson(const TypeRegistry &registry, const QString &group)
{
    QJsonArray versions;
    const QList<GroupVersion> gvs = versionsOf(registry, group);
    for (const GroupVersion &gv : gvs)
        versions.append(groupVersionJson(gv));
    return {{u"name"_qs, group}, {u"versions"_qs, versions}, {u"preferredVersion"_qs, groupVersionJson(gvs.value(0))}};
}

} // namespace

DiscoveryFormat negotiateDiscovery(QByteArrayView acceptHeader)
{
    // Media ranges in the client's order of preference; parameters in any order.
    for (QByteArrayView range : QByteArray(acceptHeader.toByteArray()).split(',')) {
        const QList<QByteArray> parts = range.toByteArray().split(';');
        if (parts.value(0).trimmed() != "application/json")
            continue;
        QByteArray g, v, as;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray p = parts[i].trimmed();
            if (p.startsWith("g="))
                g = p.mid(2);
            else if (p.startsWith("v="))
                v = p.mid(2);
            else if (p.startsWith("as="))
                as = p.mid(3);
        }
        if (g.isEmpty() && v.isEmpty() && as.isEmpty())
            return DiscoveryFormat::Legacy; // plain JSON preferred
        if (g != "apidiscovery.k8s.io" || as != "APIGroupDiscoveryList")
            continue;
        if (v == "v2")
            return DiscoveryFormat::AggregatedV2;
        if (v == "v2beta1")
            return DiscoveryFormat::AggregatedV2Beta1;
    }
    return DiscoveryFormat::Legacy;
}

QByteArray discoveryContentType(DiscoveryFormat format)
{
    switch (format) {
    case DiscoveryFormat::AggregatedV2:
        return "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    case DiscoveryFormat::AggregatedV2Beta1:
        return "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";
    case DiscoveryFormat::Legacy:
        break;
    }
    return "application/json";
}

QByteArray aggregatedDiscovery(const TypeRegistry &registry, bool core, DiscoveryFormat format)
{
    QJsonArray items;
    for (const QString &group : servedGroups(registry)) {
        if (group.isEmpty() != core)
            continue;
        QJsonArray versions;
        for (const GroupVersion &gv : versionsOf(registry, group)) {
            QJsonArray resources;
            for (const KindInfoPtr &k : kindsOf(registry, gv))
                resources.append(aggregatedResource(*k));
            versions.append(QJsonObject{{u"version"_qs, gv.version}, {u"resources"_qs, resources}, {u"freshness"_qs, u"Current"_qs}});
        }
        QJsonObject metadata;
        if (!group.isEmpty())
            metadata[u"name"_qs] = group;
        items.append(QJsonObject{{u"metadata"_qs, metadata}, {u"versions"_qs, versions}});
    }
    if (!core)
        items.append(metricsAggregatedGroup()); // metrics.k8s.io, served outside the registry
    const QString apiVersion = format == DiscoveryFormat::AggregatedV2Beta1 ? u"apidiscovery.k8s.io/v2beta1"_qs
                                                                             : u"apidiscovery.k8s.io/v2"_qs;
    return compact({{u"kind"_qs, u"APIGroupDiscoveryList"_qs}, {u"apiVersion"_qs, apiVersion},
                    {u"metadata"_qs, QJsonObject()}, {u"items"_qs, items}});
}

QByteArray legacyApiVersions(const QString &serverAddress)
{
    const QJsonArray cidrs{QJsonObject{{u"clientCIDR"_qs, u"0.0.0.0/0"_qs}, {u"serverAddress"_qs, serverAddress}}};
    return compact({{u"kind"_qs, u"APIVersions"_qs}, {u"versions"_qs, QJsonArray{u"v1"_qs}},
                    {u"serverAddressByClientCIDRs"_qs, cidrs}});
}

QByteArray legacyGroupList(const TypeRegistry &registry)
{
    QJsonArray groups;
    for (const QString &group : servedGroups(registry)) {
        if (!group.isEmpty())
            groups.append(apiGroupJson(registry, group));
    }
    groups.append(metricsApiGroup()); // metrics.k8s.io, served outside the registry
    return compact({{u"kind"_qs, u"APIGroupList"_qs}, {u"apiVersion"_qs, u"v1"_qs}, {u"groups"_qs, groups}});
}

std::optional<QByteArray> legacyGroup(const TypeRegistry &registry, const QString &group)
{
    if (group.isEmpty() || versionsOf(registry, group).isEmpty())
        return std::nullopt;
    QJsonObject o = apiGroupJson(registry, group);
    o[u"kind"_qs] = u"APIGroup"_qs;
    o[u"apiVersion"_qs] = u"v1"_qs;
    return compact(o);
}

std::optional<QByteArray> legacyResourceList(const TypeRegistry &registry, const GroupVersion &gv)
{
    if (!registry.groupVersions().contains(gv))
        return std::nullopt;
    QJsonArray resources;
    for (const KindInfoPtr &k : kindsOf(registry, gv)) {
        QJsonObject r{{u"name"_qs, k->plural}, {u"singularName"_qs, k->singular}, {u"namespaced"_qs, k->namespaced},
                      {u"kind"_qs, k->gvk.kind}, {u"verbs"_qs, toArray(k->verbs)}};
        if (!k->shortNames.isEmpty())
            r[u"shortNames"_qs] = toArray(k->shortNames);
        if (!k->categories.isEmpty())
            r[u"categories"_qs] = toArray(k->categories);
        resources.append(r);
        for (const SubresourceInfo &s : k->subresources) {
            QJsonObject sr{{u"name"_qs, k->plural + u'/' + s.name}, {u"singularName"_qs, QString()},
                           {u"namespaced"_qs, k->namespaced}, {u"kind"_qs, s.kind.kind.isEmpty() ? k->gvk.kind : s.kind.kind},
                           {u"verbs"_qs, toArray(s.verbs)}};
            if (!s.kind.kind.isEmpty() && (s.kind.group != k->gvk.group || s.kind.version != k->gvk.version)) {
                sr[u"group"_qs] = s.kind.group;
                sr[u"version"_qs] = s.kind.version;
            }
            resources.append(sr);
        }
    }
    return compact({{u"kind"_qs, u"APIResourceList"_qs}, {u"apiVersion"_qs, u"v1"_qs},
                    {u"groupVersion"_qs, gv.apiVersion()}, {u"resources"_qs, resources}});
}

} // namespace kube
