#pragma once
// What happens to a Released volume, by its reclaim policy (upstream reclaimVolume and
// deleteVolumeOperation's plugin choice):
//   Retain   it stays Released, claimRef and data kept, until an administrator acts.
//   Delete   a volume our provisioner made is deleted; one another external provisioner made
//            is left to it; a hostPath volume under /tmp goes as upstream's host_path deleter
//            allows (only the object: nothing on the host is touched); anything else fails
//            (phase Failed, VolumeFailedDelete) with upstream's message.
//   Recycle  deprecated upstream; here it is not supported: the volume is kept as Retain
//            would, with a warning event saying so.
//
// Pure function; any thread.

#include "volumeinfo.h"

#include <QString>

namespace kube {

struct ReclaimDecision {
    enum class Action {
        Keep,             // Retain
        Delete,           // delete the PersistentVolume object
        WaitForExternal,  // another provisioner deletes it
        KeepWithWarning,  // Recycle: event (reason, message), phase stays Released
        Fail,             // event (reason, message), phase Failed
    };
    Action action = Action::Keep;
    QString reason;
    QString message;
};

ReclaimDecision decideReclaim(const VolumeInfo &volume);

} // namespace kube
