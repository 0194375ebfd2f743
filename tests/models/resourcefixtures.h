#pragma once
// Fixtures for the resource model tests: small pods with the fields kubectl's pod printer
// reads, a settable clock, and informer events. Header-only.

#include "kube/api/clock.h"
#include "kube/api/object.h"
#include "kube/api/typeregistry.h"
#include "kube/cache/informerevent.h"

#include <QJsonArray>
#include <QJsonObject>

namespace fixtures {

inline QDateTime epoch()
{
    return QDateTime(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);
}

class FakeClock final : public kube::Clock
{
public:
    QDateTime time = epoch();
    QDateTime now() const override { return time; }
};

struct PodSpec {
    QString name;
    QString ns = QStringLiteral("default");
    QString phase = QStringLiteral("Running");
    QString waitingReason;   // e.g. CrashLoopBackOff
    int restarts = 0;
    QDateTime lastRestart;   // lastState.terminated.finishedAt when valid
    bool ready = true;
    QJsonObject labels;
    QDateTime created = epoch();
    QString uid;
    QString resourceVersion = QStringLiteral("1");
};

inline kube::Object pod(const PodSpec &p)
{
    QJsonObject state{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), p.created.toString(Qt::ISODate)}}}};
    if (!p.waitingReason.isEmpty())
        state = QJsonObject{{QStringLiteral("waiting"), QJsonObject{{QStringLiteral("reason"), p.waitingReason}}}};
    QJsonObject status{{QStringLiteral("name"), QStringLiteral("app")},
                       {QStringLiteral("ready"), p.ready},
                       {QStringLiteral("restartCount"), p.restarts},
                       {QStringLiteral("image"), QStringLiteral("nginx:1.25")},
                       {QStringLiteral("state"), state}};
    if (p.lastRestart.isValid())
        status.insert(QStringLiteral("lastState"),
                      QJsonObject{{QStringLiteral("terminated"),
                                   QJsonObject{{QStringLiteral("exitCode"), 1},
                                               {QStringLiteral("finishedAt"), p.lastRestart.toString(Qt::ISODate)}}}});
    const QJsonObject json{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Pod")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), p.name},
                     {QStringLiteral("namespace"), p.ns},
                     {QStringLiteral("uid"), p.uid.isEmpty() ? QStringLiteral("uid-") + p.ns + u'-' + p.name : p.uid},
                     {QStringLiteral("resourceVersion"), p.resourceVersion},
                     {QStringLiteral("creationTimestamp"), p.created.toString(Qt::ISODate)},
                     {QStringLiteral("labels"), p.labels}}},
        {QStringLiteral("spec"),
         QJsonObject{{QStringLiteral("containers"),
                      QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                                             {QStringLiteral("image"), QStringLiteral("nginx:1.25")}}}}}},
        {QStringLiteral("status"),
         QJsonObject{{QStringLiteral("phase"), p.phase}, {QStringLiteral("containerStatuses"), QJsonArray{status}}}},
    };
    return kube::Object::fromJson(json);
}

inline kube::Object pod(const QString &name, const QString &ns = QStringLiteral("default"))
{
    PodSpec spec;
    spec.name = name;
    spec.ns = ns;
    return pod(spec);
}

inline kube::InformerEvent added(const kube::Object &o)
{
    return {kube::InformerEvent::Type::Added, o, {}, kube::DeleteState::Observed};
}
inline kube::InformerEvent updated(const kube::Object &o)
{
    return {kube::InformerEvent::Type::Updated, o, {}, kube::DeleteState::Observed};
}
inline kube::InformerEvent deleted(const kube::Object &o)
{
    return {kube::InformerEvent::Type::Deleted, o, {}, kube::DeleteState::Observed};
}
inline kube::InformerEvent synced()
{
    return {kube::InformerEvent::Type::Synced, {}, {}, kube::DeleteState::Observed};
}

inline kube::KindInfoPtr builtinKind(const QString &group, const QString &version, const QString &kind)
{
    return kube::TypeRegistry::builtin().kind({group, version, kind});
}

inline kube::KindInfoPtr podKind()
{
    return builtinKind(QString(), QStringLiteral("v1"), QStringLiteral("Pod"));
}

} // namespace fixtures
