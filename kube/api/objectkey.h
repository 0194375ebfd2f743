#pragma once
// Names one object within a resource: namespace (empty for cluster-scoped kinds) and name.
// Plain value type; usable from any thread.

#include <QHashFunctions>
#include <QString>

namespace kube {

struct ObjectKey {
    QString namespace_; // empty for cluster-scoped objects
    QString name;

    bool isClusterScoped() const { return namespace_.isEmpty(); }
    // "ns/name" or "name", as kubectl and client-go's MetaNamespaceKeyFunc write it.
    QString toString() const { return namespace_.isEmpty() ? name : namespace_ + u'/' + name; }
    static ObjectKey fromString(QStringView key);
    friend bool operator==(const ObjectKey &, const ObjectKey &) = default;
    friend auto operator<=>(const ObjectKey &a, const ObjectKey &b)
    {
        if (auto c = QString::compare(a.namespace_, b.namespace_); c != 0)
            return c <=> 0;
        return QString::compare(a.name, b.name) <=> 0;
    }
};

inline size_t qHash(const ObjectKey &k, size_t seed = 0) { return qHashMulti(seed, k.namespace_, k.name); }

inline ObjectKey ObjectKey::fromString(QStringView key)
{
    const qsizetype slash = key.indexOf(u'/');
    if (slash < 0)
        return {QString(), key.toString()};
    return {key.left(slash).toString(), key.mid(slash + 1).toString()};
}

} // namespace kube
