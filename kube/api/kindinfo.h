#pragma once
// What the type registry knows about one served kind: its REST names, scope, verbs,
// subresources, table columns and categories, and the TypeSchema of its objects.
//
// Plain values; immutable once the registry hands them out (KindInfoPtr is shared by every
// reader), so any thread may read them. Every lookup here is a short linear scan.

#include "groupversion.h"

#include <QList>
#include <QSharedPointer>
#include <QString>
#include <QStringList>

namespace kube {

struct PrinterColumn {
    QString name;
    QString type;        // "string", "integer", "number", "boolean", "date"
    QString format;      // "name" for the Name column, else ""
    int priority = 0;    // 0 = default output, 1 = -o wide
    QString description;
    QString jsonPath;    // custom resources (additionalPrinterColumns) only
};

struct SubresourceInfo {
    QString name;        // "status", "scale", "log", "eviction", …
    GroupVersionKind kind; // the kind the subresource reads and writes (empty kind = parent's)
    QStringList verbs;
    // Custom resources' scale subresource: where replicas and the selector live (".spec.replicas").
    QString specReplicasPath;
    QString statusReplicasPath;
    QString labelSelectorPath;
};

struct KindInfo {
    GroupVersionKind gvk;
    QString plural;
    QString singular;
    bool namespaced = true;
    QStringList shortNames;
    QStringList categories;
    QStringList verbs;
    QList<SubresourceInfo> subresources;
    QList<PrinterColumn> printerColumns;
    QString rootType;    // the TypeSchema name of the object
    bool isCustom = false;
    QString customListKind; // custom resources' spec.names.listKind when not <Kind>List

    GroupVersionResource gvr() const { return {gvk.group, gvk.version, plural}; }
    QString listKind() const { return customListKind.isEmpty() ? gvk.kind + QStringLiteral("List") : customListKind; }
    const SubresourceInfo *subresource(QStringView name) const;
};
using KindInfoPtr = QSharedPointer<const KindInfo>;

} // namespace kube
