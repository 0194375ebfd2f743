#include "discoveryclient.h"

#include "clustertransport.h"

#include "kube/api/jsonstrings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace kube {

namespace {

constexpr QByteArrayView kAggregatedAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";


HttpRequest discoveryRequest(const QByteArray &target, bool aggregated)
{
    HttpRequest r;
    r.target = target;
    r.headers.append({QByteArray("Accept"), aggregated ? kAggregatedAccept.toByteArray() : QByteArray("application/json")});
    return r;
}

// APIGroupDiscoveryList → resources (apidiscovery.k8s.io/v2).
QList<ApiResource> parseAggregated(const QJsonObject &list)
{
    QList<ApiResource> out;
    for (const QJsonValue &item : list.value(u"items").toArray()) {
        const QJsonObject group = item.toObject();
        const QString groupName = group.value(u"metadata").toObject().value(u"name").toString();
        bool first = true;
        for (const QJsonValue &v : group.value(u"versions").toArray()) {
            const QJsonObject version = v.toObject();
            for (const QJsonValue &r : version.value(u"resources").toArray()) {
                const QJsonObject res = r.toObject();
                ApiResource a;
                a.gvr = {groupName, version.value(u"version").toString(), res.value(u"resource").toString()};
                a.kind = res.value(u"responseKind").toObject().value(u"kind").toString();
                a.singularName = res.value(u"singularResource").toString();
                a.namespaced = res.value(u"scope").toString() == u"Namespaced";
                a.preferredVersion = first;
                a.verbs = jsonStrings(res.value(u"verbs"));
                a.shortNames = jsonStrings(res.value(u"shortNames"));
                a.categories = jsonStrings(res.value(u"categories"));
                for (const QJsonValue &s : res.value(u"subresources").toArray())
                    a.subresources.append(s.toObject().value(u"subresource").toString());
                out.append(a);
            }
            first = false;
        }
    }
    return out;
}

// APIResourceList of one group version → resources; "pods/log" entries become subresources.
QList<ApiResource> parseResourceList(const GroupVersion &gv, bool preferred, const QJsonObject &list)
{
    QList<ApiResource> out;
    QList<QPair<QString, QString>> subresources;
    for (const QJsonValue &r : list.value(u"resources").toArray()) {
        const QJsonObject res = r.toObject();
        const QString name = res.value(u"name").toString();
        if (const qsizetype slash = name.indexOf(u'/'); slash >= 0) {
            subresources.append({name.left(slash), name.mid(slash + 1)});
            continue;
        }
        ApiResource a;
        a.gvr = {gv.group, gv.version, name};
        a.kind = res.value(u"kind").toString();
        a.singularName = res.value(u"singularName").toString();
        a.namespaced = res.value(u"namespaced").toBool();
        a.preferredVersion = preferred;
        a.verbs = jsonStrings(res.value(u"verbs"));
        a.shortNames = jsonStrings(res.value(u"shortNames"));
        a.categories = jsonStrings(res.value(u"categories"));
        out.append(a);
    }
    for (const auto &[parent, sub] : subresources) {
        for (ApiResource &a : out) {
            if (a.gvr.resource == parent)
                a.subresources.append(sub);
        }
    }
    return out;
}

} // namespace

// The legacy walk in flight: group versions still to answer and what came back.
struct DiscoveryClient::Walk {
    int outstanding = 0;
    QList<ApiResource> resources;
    QStringList failed;
};

DiscoveryClient::DiscoveryClient(ClusterTransport *transport, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
{
}

void DiscoveryClient::refresh(std::function<void(Status)> done)
{
    if (done)
        m_waiting.append(std::move(done));
    if (m_running)
        return;
    m_running = true;
    if (m_negotiation == Negotiation::LegacyOnly)
        startLegacy();
    else
        startAggregated();
}

void DiscoveryClient::startAggregated()
{
    auto collected = std::make_shared<QList<ApiResource>>();
    auto remaining = std::make_shared<int>(2);
    auto fellBack = std::make_shared<bool>(false);
    for (const QByteArray &target : {QByteArray("/api"), QByteArray("/apis")}) {
        m_transport->send(discoveryRequest(target, true), [this, collected, remaining, fellBack](Expected<HttpResponse> response) {
            if (*fellBack)
                return;
            if (!response) {
                *fellBack = true;
                finish(response.error(), {}, Format::Aggregated);
                return;
            }
            const QJsonObject body = QJsonDocument::fromJson(response->body).object();
            if (body.value(u"kind").toString() != u"APIGroupDiscoveryList") {
                // The server answered with APIVersions / APIGroupList: it has no aggregated discovery.
                *fellBack = true;
                startLegacy();
                return;
            }
            *collected += parseAggregated(body);
            if (--*remaining == 0)
                finish(Status(), *collected, Format::Aggregated);
        });
    }
}

void DiscoveryClient::startLegacy()
{
    auto walk = std::make_shared<Walk>();
    auto fetchGroupVersion = [this, walk](const GroupVersion &gv, bool preferred) {
        ++walk->outstanding;
        const QByteArray target = gv.group.isEmpty() ? "/api/" + gv.version.toUtf8() : "/apis/" + gv.apiVersion().toUtf8();
        m_transport->send(discoveryRequest(target, false), [this, walk, gv, preferred](Expected<HttpResponse> response) {
            if (response)
                walk->resources += parseResourceList(gv, preferred, QJsonDocument::fromJson(response->body).object());
            else
                walk->failed.append(gv.apiVersion());
            if (--walk->outstanding == 0) {
                m_failed = walk->failed;
                finish(Status(), walk->resources, Format::Legacy);
            }
        });
    };
    // Two roots; the walk ends when every group version they name has answered.
    ++walk->outstanding;
    m_transport->send(discoveryRequest("/api", false), [this, walk, fetchGroupVersion](Expected<HttpResponse> response) {
        if (!response) {
            finish(response.error(), {}, Format::Legacy);
            return;
        }
        bool first = true;
        for (const QString &version : jsonStrings(QJsonDocument::fromJson(response->body).object().value(u"versions"))) {
            fetchGroupVersion({QString(), version}, first);
            first = false;
        }
        m_transport->send(discoveryRequest("/apis", false), [this, walk, fetchGroupVersion](Expected<HttpResponse> response) {
            if (!response) {
                finish(response.error(), {}, Format::Legacy);
                return;
            }
            for (const QJsonValue &g : QJsonDocument::fromJson(response->body).object().value(u"groups").toArray()) {
                const QJsonObject group = g.toObject();
                const QString preferred = group.value(u"preferredVersion").toObject().value(u"version").toString();
                for (const QJsonValue &v : group.value(u"versions").toArray()) {
                    const QString version = v.toObject().value(u"version").toString();
                    fetchGroupVersion({group.value(u"name").toString(), version}, version == preferred);
                }
            }
            if (--walk->outstanding == 0)
                finish(Status(), walk->resources, Format::Legacy);
        });
    });
}

void DiscoveryClient::finish(Status status, QList<ApiResource> resources, Format format)
{
    if (!m_running)
        return; // a second failure of the same refresh
    m_running = false;
    if (status.isSuccess()) {
        m_resources = std::move(resources);
        m_format = format;
        m_loaded = true;
        if (format == Format::Aggregated)
            m_failed.clear();
    }
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &done : waiting)
        done(status);
    if (status.isSuccess())
        Q_EMIT refreshed();
}

std::optional<ApiResource> DiscoveryClient::resourceForKind(const GroupVersionKind &gvk) const
{
    for (const ApiResource &a : m_resources) {
        if (a.kind == gvk.kind && a.gvr.group == gvk.group && a.gvr.version == gvk.version)
            return a;
    }
    return std::nullopt;
}

std::optional<ApiResource> DiscoveryClient::resource(const GroupVersionResource &gvr) const
{
    for (const ApiResource &a : m_resources) {
        if (a.gvr == gvr)
            return a;
    }
    return std::nullopt;
}

std::optional<ApiResource> DiscoveryClient::find(const QString &nameOrShortName) const
{
    const QString lower = nameOrShortName.toLower();
    const qsizetype dot = lower.indexOf(u'.');
    const QString name = dot < 0 ? lower : lower.left(dot);
    const QString group = dot < 0 ? QString() : lower.mid(dot + 1);
    std::optional<ApiResource> match;
    for (const ApiResource &a : m_resources) {
        if (dot >= 0 && a.gvr.group != group)
            continue;
        const bool named = a.gvr.resource == name || a.singularName == name || a.shortNames.contains(name) || a.kind.toLower() == name;
        if (!named)
            continue;
        // The core group and preferred versions win, as kubectl's RESTMapper orders them.
        if (!match || (a.preferredVersion && !match->preferredVersion) || (a.gvr.group.isEmpty() && !match->gvr.group.isEmpty()))
            match = a;
    }
    return match;
}

QList<ApiResource> DiscoveryClient::inCategory(const QString &category) const
{
    QList<ApiResource> out;
    for (const ApiResource &a : m_resources) {
        if (a.preferredVersion && a.categories.contains(category))
            out.append(a);
    }
    return out;
}

} // namespace kube
