#pragma once
// What the printer tests share: the injected "now", small JSON builders, and pods with
// container states (tst_printers checks kubectl's columns per kind, tst_tablebytes the Table
// envelope and the byte-level helpers).

#include "kube/printers/rowprinters.h"
#include "kube/printers/tableprinter.h"

#include "kube/api/object.h"
#include "kube/api/typeregistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace kube;

namespace printertest {

// The injected clock of every test.
inline const QDateTime now = QDateTime::fromString(u"2015-01-01T00:00:00Z"_qs, Qt::ISODate);

inline QString ago(qint64 seconds)
{
    return now.addSecs(-seconds).toString(Qt::ISODate);
}

inline QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

inline QJsonArray jsonArray(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).array();
}

inline QString compact(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

inline KindInfoPtr builtinKind(const QString &group, const QString &version, const QString &kind)
{
    return TypeRegistry::builtin().kind({group, version, kind});
}

// An object of a kind with a name, a creation time 5 minutes ago and the given top-level fields.
inline QJsonObject objectOf(const KindInfo &kind, const QJsonObject &fields, const QString &name = u"x"_qs)
{
    QJsonObject o = fields;
    QJsonObject metadata = fields.value(u"metadata").toObject();
    metadata.insert(u"name"_qs, name);
    if (!metadata.contains(u"creationTimestamp"))
        metadata.insert(u"creationTimestamp"_qs, ago(300));
    o.insert(u"apiVersion"_qs, kind.gvk.apiVersion());
    o.insert(u"kind"_qs, kind.gvk.kind);
    o.insert(u"metadata"_qs, metadata);
    return o;
}

inline QJsonArray cellsFor(const QString &group, const QString &version, const QString &kindName, const QJsonObject &fields)
{
    const KindInfoPtr kind = builtinKind(group, version, kindName);
    Q_ASSERT(kind);
    return tableRowCells(*kind, Object::fromJson(objectOf(*kind, fields)), now);
}

inline QJsonObject container(const char *name, const QJsonObject &state, bool ready = false, int restarts = 0, const QJsonObject &lastState = {})
{
    QJsonObject c{{u"name"_qs, QString::fromUtf8(name)}, {u"state"_qs, state}, {u"ready"_qs, ready}, {u"restartCount"_qs, restarts}};
    if (!lastState.isEmpty())
        c.insert(u"lastState"_qs, lastState);
    return c;
}

inline QJsonObject running() { return json(R"({"running":{"startedAt":"2014-12-31T00:00:00Z"}})"); }
inline QJsonObject waiting(const char *reason) { return QJsonObject{{u"waiting"_qs, QJsonObject{{u"reason"_qs, QString::fromUtf8(reason)}}}}; }
inline QJsonObject terminated(int exitCode, const char *reason = "", int signal = 0)
{
    QJsonObject t{{u"exitCode"_qs, exitCode}};
    if (*reason)
        t.insert(u"reason"_qs, QString::fromUtf8(reason));
    if (signal)
        t.insert(u"signal"_qs, signal);
    return QJsonObject{{u"terminated"_qs, t}};
}

inline QJsonArray specContainers(const QStringList &names)
{
    QJsonArray out;
    for (const QString &n : names)
        out.append(QJsonObject{{u"name"_qs, n}, {u"image"_qs, n + u":1"_qs}});
    return out;
}

inline QJsonObject pod(const QStringList &containers, const QJsonObject &status, const QJsonArray &initContainers = {}, bool deleting = false)
{
    QJsonObject spec{{u"containers"_qs, specContainers(containers)}};
    if (!initContainers.isEmpty())
        spec.insert(u"initContainers"_qs, initContainers);
    QJsonObject o{{u"spec"_qs, spec}, {u"status"_qs, status}};
    if (deleting)
        o.insert(u"metadata"_qs, QJsonObject{{u"deletionTimestamp"_qs, ago(10)}});
    return o;
}

} // namespace printertest

using namespace printertest;
