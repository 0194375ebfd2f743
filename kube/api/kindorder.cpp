#include "kindorder.h"

#include <QStringList>

namespace kube {

namespace {

int groupRank(const QString &group)
{
    static const QStringList order = {
        u""_qs, u"apps"_qs, u"events.k8s.io"_qs, u"authentication.k8s.io"_qs,
        u"authorization.k8s.io"_qs, u"autoscaling"_qs, u"batch"_qs, u"certificates.k8s.io"_qs,
        u"networking.k8s.io"_qs, u"policy"_qs, u"rbac.authorization.k8s.io"_qs,
        u"storage.k8s.io"_qs, u"admissionregistration.k8s.io"_qs, u"apiextensions.k8s.io"_qs,
        u"scheduling.k8s.io"_qs, u"coordination.k8s.io"_qs, u"node.k8s.io"_qs,
        u"discovery.k8s.io"_qs, u"flowcontrol.apiserver.k8s.io"_qs, u"resource.k8s.io"_qs};
    const qsizetype i = order.indexOf(group);
    return i < 0 ? int(order.size()) : int(i);
}

struct VersionKey {
    int stability = -1; // 2 GA, 1 beta, 0 alpha, -1 not a Kubernetes version
    int major = 0;
    int minor = 0;
};

VersionKey versionKey(const QString &v)
{
    VersionKey k;
    if (!v.startsWith(u'v'))
        return k;
    qsizetype i = 1;
    while (i < v.size() && v.at(i).isDigit())
        ++i;
    if (i == 1)
        return k;
    k.major = v.mid(1, i - 1).toInt();
    if (i == v.size()) {
        k.stability = 2;
        return k;
    }
    const QString rest = v.mid(i);
    const int stability = rest.startsWith(u"beta") ? 1 : rest.startsWith(u"alpha") ? 0 : -1;
    const QString number = rest.mid(stability == 1 ? 4 : 5);
    bool ok = false;
    k.minor = number.toInt(&ok);
    // toInt() accepts a sign, a Kubernetes version ("v1beta2") does not.
    if (stability >= 0 && ok && !number.startsWith(u'+') && !number.startsWith(u'-'))
        k.stability = stability;
    return k;
}

} // namespace

bool groupBefore(const QString &a, const QString &b)
{
    const int ra = groupRank(a), rb = groupRank(b);
    return ra != rb ? ra < rb : a < b;
}

bool versionBefore(const QString &a, const QString &b)
{
    const VersionKey ka = versionKey(a), kb = versionKey(b);
    if (ka.stability != kb.stability)
        return ka.stability > kb.stability;
    if (ka.stability < 0)
        return a < b;
    if (ka.major != kb.major)
        return ka.major > kb.major;
    return ka.minor > kb.minor;
}

bool kindBefore(const KindInfoPtr &a, const KindInfoPtr &b)
{
    if (a->gvk.group != b->gvk.group)
        return groupBefore(a->gvk.group, b->gvk.group);
    if (a->gvk.version != b->gvk.version)
        return versionBefore(a->gvk.version, b->gvk.version);
    return false;
}

} // namespace kube
