#include "reclaim.h"

#include "provisioner.h"

#include <QRegularExpression>

namespace kube {

namespace {

ReclaimDecision deleteDecision(const VolumeInfo &volume)
{
    using Action = ReclaimDecision::Action;
    const QString provisionedBy = volume.annotations.value(QString::fromLatin1(volumeannotation::ProvisionedBy));
    if (provisionedBy == QLatin1StringView(localpath::Provisioner))
        return {Action::Delete, {}, {}};
    if (!provisionedBy.isEmpty() && !provisionedBy.startsWith(u"kubernetes.io/"))
        return {Action::WaitForExternal, {}, {}};
    if (!volume.hostPath.isEmpty()) {
        // host_path's deleter: the pattern is not anchored upstream either.
        static const QRegularExpression deletable(u"/tmp/.+"_qs);
        if (deletable.match(volume.hostPath).hasMatch())
            return {Action::Delete, {}, {}};
        return {Action::Fail, u"VolumeFailedDelete"_qs,
                u"host_path deleter only supports /tmp/.+ but received provided %1"_qs.arg(volume.hostPath)};
    }
    return {Action::Fail, u"VolumeFailedDelete"_qs,
            u"error getting deleter volume plugin for volume \"%1\": no deletable volume plugin matched"_qs.arg(volume.name)};
}

} // namespace

ReclaimDecision decideReclaim(const VolumeInfo &volume)
{
    using Action = ReclaimDecision::Action;
    if (volume.reclaimPolicy == u"Retain")
        return {Action::Keep, {}, {}};
    if (volume.reclaimPolicy == u"Delete")
        return deleteDecision(volume);
    if (volume.reclaimPolicy == u"Recycle") {
        return {Action::KeepWithWarning, u"VolumeFailedRecycle"_qs,
                u"The Recycle reclaim policy is deprecated and not supported by this cluster: the volume is retained. "
                "Delete it, or remove its claimRef to make it Available again"_qs};
    }
    return {Action::Fail, u"VolumeUnknownReclaimPolicy"_qs, u"Volume has unrecognized PersistentVolumeReclaimPolicy"_qs};
}

} // namespace kube
