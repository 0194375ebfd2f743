#include "storekey.h"

#include <QList>

namespace kube::StoreKey {

namespace {

constexpr QByteArrayView registryRoot = "/registry/";

} // namespace

QByteArray make(QStringView group, QStringView resource, QStringView namespace_, QStringView name)
{
    QByteArray key = prefix(group, resource, namespace_);
    key += name.toUtf8();
    return key;
}

QByteArray prefix(QStringView group, QStringView resource, QStringView namespace_)
{
    QByteArray key = registryRoot.toByteArray();
    key += group.isEmpty() ? QByteArray("core") : group.toUtf8();
    key += '/';
    key += resource.toUtf8();
    key += '/';
    if (!namespace_.isEmpty()) {
        key += namespace_.toUtf8();
        key += '/';
    }
    return key;
}

QString groupResource(QByteArrayView key)
{
    if (!key.startsWith(registryRoot))
        return QString::fromUtf8(key);
    const QList<QByteArray> parts = key.sliced(registryRoot.size()).toByteArray().split('/');
    if (parts.size() < 3)
        return QString::fromUtf8(key);
    const QByteArray &group = parts.at(0);
    const QString resource = QString::fromUtf8(parts.at(1));
    if (group.isEmpty() || group == "core")
        return resource;
    return resource + u'.' + QString::fromUtf8(group);
}

QString name(QByteArrayView key)
{
    const qsizetype slash = key.lastIndexOf('/');
    return QString::fromUtf8(slash < 0 ? key : key.sliced(slash + 1));
}

QByteArray prefixEnd(QByteArrayView prefix)
{
    QByteArray end = prefix.toByteArray();
    while (!end.isEmpty()) {
        const auto last = static_cast<unsigned char>(end.back());
        if (last < 0xff) {
            end.back() = char(last + 1);
            return end;
        }
        end.chop(1);
    }
    return end;
}

} // namespace kube::StoreKey
