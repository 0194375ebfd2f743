#pragma once
// REST paths and query strings for Kubernetes resources: core resources live under
// /api/v1/…, grouped ones under /apis/<group>/<version>/…, namespaced ones add
// namespaces/<ns>/. Names and query values are percent-encoded.
//
// Pure functions and a small value type; any thread. Cost: string building.

#include "kube/api/groupversion.h"

#include <QByteArray>
#include <QString>

namespace kube {

// "/api/v1/namespaces/default/pods/web/log" for ({"", "v1", "pods"}, "default", "web", "log").
// An empty namespace addresses the cluster scope (or all namespaces, for lists).
QByteArray resourcePath(const GroupVersionResource &gvr, QStringView namespace_ = {}, QStringView name = {},
                        QStringView subresource = {});
// "/api/v1" or "/apis/apps/v1".
QByteArray groupVersionPath(const GroupVersion &gv);

// Builds "?a=1&b=x%20y": values are percent-encoded, empty values are skipped.
class QueryString
{
public:
    QueryString &add(QByteArrayView key, const QString &value);
    QueryString &add(QByteArrayView key, qint64 value) { return add(key, QString::number(value)); }
    QueryString &addFlag(QByteArrayView key, bool on) { return on ? add(key, QStringLiteral("true")) : *this; }
    QByteArray toByteArray() const { return m_query; }
    bool isEmpty() const { return m_query.isEmpty(); }

private:
    QByteArray m_query;
};

} // namespace kube
