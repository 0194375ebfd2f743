#pragma once
// The object edits of binding, unbinding and phase changes, as upstream's PV controller makes
// them (pv_controller.go bind(): bindVolumeToClaim, updateVolumePhase, bindClaimToVolume,
// updateClaimStatus; unbindVolume). Each returns the edited object, or nullopt when it already
// is so — nothing to write. The controller writes them in that order, one PUT each, so an
// interrupted bind is finished by the next sync.
//
// Pure functions; any thread. Each copies the object's JSON once.

#include "volumeinfo.h"

#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace kube {

// spec.claimRef → the claim (kind, namespace, name, uid, apiVersion, resourceVersion), and
// pv.kubernetes.io/bound-by-controller: "yes" unless the volume was already bound to it.
std::optional<QJsonObject> bindVolumeToClaim(const VolumeInfo &volume, const ClaimInfo &claim);

// status.phase (and message) with lastPhaseTransitionTime = now when the phase changes.
std::optional<QJsonObject> volumeWithPhase(const QJsonObject &volume, const QString &phase, const QString &message,
                                           const QDateTime &now);

// spec.volumeName → the volume (with bound-by-controller when the controller chose it) and
// pv.kubernetes.io/bind-completed: "yes".
std::optional<QJsonObject> bindClaimToVolume(const ClaimInfo &claim, const QString &volumeName);

// status.phase; with a volume, status.accessModes and status.capacity from it; without one,
// both removed.
std::optional<QJsonObject> claimWithStatus(const QJsonObject &claim, const QString &phase, const QJsonObject *volume);

// unbindVolume: a volume the controller bound loses its claimRef and bound-by-controller; one
// a user pre-bound keeps the claim's name and loses only the uid. Phase: set separately.
QJsonObject unbindVolume(const VolumeInfo &volume);

// metadata.finalizers with (present) or without finalizer; nullopt when already so.
std::optional<QJsonObject> withFinalizer(const QJsonObject &object, const QString &finalizer, bool present);

// metadata.annotations with key: value added; nullopt when already there with that value.
std::optional<QJsonObject> withAnnotations(const QJsonObject &object, const QList<std::pair<QString, QString>> &annotations);

} // namespace kube
