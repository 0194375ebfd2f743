#include "volumebinding.h"

#include <QJsonArray>
#include <QJsonObject>

#include <utility>

namespace kube::scheduler {

namespace {

thread_local ClaimLookup t_lookup;

FilterStatus unresolvable(const QString &reason)
{
    return {FilterStatus::Code::UnschedulableAndUnresolvable, u"VolumeBinding"_qs, {reason}};
}

} // namespace

FilterStatus checkPodClaims(const PodInfo &pod, const ClaimLookup &lookup)
{
    if (!lookup || !pod.object.json().contains("\"persistentVolumeClaim\""))
        return FilterStatus::success();
    bool unboundImmediate = false;
    bool waiting = false;
    const QJsonArray volumes = pod.object.toJson().value(u"spec").toObject().value(u"volumes").toArray();
    for (const QJsonValue &volume : volumes) {
        const QJsonValue source = volume.toObject().value(u"persistentVolumeClaim");
        if (!source.isObject())
            continue;
        const QString claim = source.toObject().value(u"claimName").toString();
        switch (lookup(pod.namespace_, claim)) {
        case ClaimState::Missing:
            return unresolvable(u"persistentvolumeclaim \"%1\" not found"_qs.arg(claim));
        case ClaimState::Deleting:
            return unresolvable(u"persistentvolumeclaim \"%1\" is being deleted"_qs.arg(claim));
        case ClaimState::Unbound:
            unboundImmediate = true;
            break;
        case ClaimState::UnboundWaitForFirstConsumer:
            waiting = true;
            break;
        case ClaimState::Bound:
            break;
        }
    }
    if (unboundImmediate)
        return unresolvable(QString::fromLatin1(volumereason::UnboundImmediate));
    if (waiting)
        return unresolvable(QString::fromLatin1(volumereason::BindConflict));
    return FilterStatus::success();
}

FilterStatus filterVolumeBinding(const PodInfo &pod, const NodeInfo &)
{
    return checkPodClaims(pod, t_lookup);
}

ClaimLookup currentClaimLookup()
{
    return t_lookup;
}

ScopedClaimLookup::ScopedClaimLookup(ClaimLookup lookup) : m_previous(std::exchange(t_lookup, std::move(lookup))) {}

ScopedClaimLookup::~ScopedClaimLookup()
{
    t_lookup = std::move(m_previous);
}

} // namespace kube::scheduler
