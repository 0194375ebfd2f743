#pragma once
// The embedded cluster's dynamic provisioner, "timonel.dev/local-path" — what kind's
// rancher.io/local-path provisioner does, simulated: for a claim of a class it provisions, a
// PersistentVolume "pvc-<claim uid>" pre-bound to the claim (claimRef with its uid), with the
// claim's size, access modes and volume mode, the class's reclaim policy and mount options, a
// hostPath source under /var/timonel/pv (nothing is created on the host: the simulated kubelet
// keeps volume contents in memory) and the pv.kubernetes.io/provisioned-by annotation. The
// events are the external provisioner library's: Provisioning, then ProvisioningSucceeded.
//
// Pure functions; any thread.

#include "volumeinfo.h"

#include <QJsonObject>
#include <QString>

namespace kube {

namespace localpath {
inline constexpr auto Provisioner = "timonel.dev/local-path";
inline constexpr auto BaseDirectory = "/var/timonel/pv";
// The events' source component: "<provisioner>_<host>_<id>" as external provisioners sign them.
inline constexpr auto EventComponent = "timonel.dev/local-path_timonel-cluster";
} // namespace localpath

// "pvc-<claim uid>", the name external provisioners give a claim's volume.
QString provisionedVolumeName(const ClaimInfo &claim);

// The volume to create for claim of storageClass. The claim must have a uid.
QJsonObject buildProvisionedVolume(const ClaimInfo &claim, const StorageClassInfo &storageClass);

} // namespace kube
