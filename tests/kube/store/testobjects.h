#pragma once
// Small objects and keys for the store's tests.

#include "kube/api/object.h"
#include "kube/store/storekey.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace timonel::test {

inline QByteArray configMapKey(const QString &name, const QString &ns = u"default"_qs)
{
    return kube::StoreKey::make(QString(), u"configmaps"_qs, ns, name);
}

// A ConfigMap with one data entry, "value".
inline kube::Object configMap(const QString &name, const QString &value = QString(), const QString &ns = u"default"_qs)
{
    const QJsonObject o{{u"apiVersion"_qs, u"v1"_qs},
                        {u"kind"_qs, u"ConfigMap"_qs},
                        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"namespace"_qs, ns}}},
                        {u"data"_qs, QJsonObject{{u"value"_qs, value}}}};
    return kube::Object::fromJson(o);
}

inline QString valueOf(const kube::Object &o)
{
    return o.toJson().value(u"data").toObject().value(u"value").toString();
}

} // namespace timonel::test
