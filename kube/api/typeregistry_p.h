#pragma once
// TypeRegistry's tables. Private to kube_api: typeregistry.cpp reads and edits them under the
// registry's lock; SchemaLoader fills a fresh one before the registry is shared.
//
// Copying is O(1) until either copy is modified (implicitly shared Qt containers), which is
// what makes TypeRegistry::clone() cheap.

#include "kindorder.h"
#include "typeregistry.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>

namespace kube {

struct TypeRegistry::Private {
    struct Custom {
        QList<GroupVersionKind> kinds;
        QStringList types;
    };
    QHash<QString, TypeSchemaPtr> types;
    QList<KindInfoPtr> kinds; // group priority, preferred version first
    QHash<GroupVersionKind, KindInfoPtr> byKind;
    QHash<GroupVersionResource, KindInfoPtr> byResource;
    QHash<QString, Custom> custom;              // CRD name → what it added
    QHash<GroupVersionKind, QString> kindOwner; // custom kind → CRD name
    quint64 generation = 0;

    // Call sortKinds() once the kinds of a batch are in.
    void insertKind(const KindInfoPtr &k)
    {
        kinds.append(k);
        byKind.insert(k->gvk, k);
        byResource.insert(k->gvr(), k);
    }
    void sortKinds() { std::stable_sort(kinds.begin(), kinds.end(), kindBefore); }
    void removeCustom(const QString &crdName); // typeregistry.cpp
};

} // namespace kube
