#pragma once
// CanaryPlan: the course's canary, as object changes. From a stable Deployment and the Service
// in front of it, a new image and a weight (canary replicas out of a total):
//   start    the stable Deployment's pods get `version: stable` (unless they carry a version
//            label already) and it keeps total − canary replicas; the Service selects only the
//            labels both versions share (its selector without `version`); a Deployment
//            "<name>-canary" is created beside it, its selector and pods carrying
//            `version: canary`, running the new image with the canary replicas. Traffic splits
//            by the replica ratio: canary / total.
//   promote  the stable Deployment takes the new image and all the replicas (a rolling update
//            while the canary still serves), then the canary is deleted and the Service's
//            selector is put back.
//   abort    the stable Deployment's replicas and the Service's selector are put back, then the
//            canary is deleted.
// Every step is a PlanStep: the wizard previews each change as a YAML diff, app/ applies it.
// The stable Deployment's selector is immutable, so it is left alone; the version label only
// goes on its pod template (and so rolls its pods once).
//
// Value type; any thread. Cost: a few JSON parses per step.

#include "models/plannedchange.h"

#include "kube/api/expected.h"
#include "kube/api/labels.h"

namespace timonel {

struct CanaryOptions {
    QString image;
    QString container;  // empty: the first container
    int canaryReplicas = 1;
    int totalReplicas = 4;
};

class CanaryPlan
{
public:
    static constexpr QStringView kCanaryVersion = u"canary";
    static constexpr QStringView kStableVersion = u"stable";
    // On the canary Deployment: the stable Deployment it was made from.
    static constexpr QStringView kCanaryOfAnnotation = u"timonel.dev/canary-of";

    // A 400 Status (translated) when the inputs do not make a canary: not a Deployment and a
    // Service of the same namespace, a Service that does not select the Deployment's pods, no
    // image, an unknown container, replicas out of range, or a Deployment that is a canary.
    static kube::Expected<CanaryPlan> make(const kube::Object &stable, const kube::Object &service, const CanaryOptions &options);
    static QString canaryName(const QString &stableName) { return stableName + QStringLiteral("-canary"); }

    const CanaryOptions &options() const { return m_options; }
    QString stableName() const { return m_stable.name(); }
    QString serviceName() const { return m_service.name(); }
    QString namespace_() const { return m_stable.namespace_(); }
    QString canaryDeploymentName() const { return canaryName(m_stable.name()); }
    // The version label value the stable pods carry once started ("stable" or their own).
    QString stableVersion() const { return m_stableVersion; }
    QString stableImage() const { return m_stableImage; }
    int stableReplicas() const { return m_options.totalReplicas - m_options.canaryReplicas; }
    int originalReplicas() const { return m_originalReplicas; }
    // The canary's share of the replicas, in percent (rounded).
    int percentage() const;
    const kube::Object &canaryDeployment() const { return m_canary; }
    // The Service's selector while the canary runs (the labels both versions share).
    const kube::Labels &sharedSelector() const { return m_sharedSelector; }
    const kube::Labels &originalSelector() const { return m_originalSelector; }

    PlanStep startStep() const;
    // From the live objects when the user decides (the stable one has changed since start).
    PlanStep promoteStep(const kube::Object &liveStable, const kube::Object &liveService, const kube::Object &liveCanary) const;
    PlanStep abortStep(const kube::Object &liveStable, const kube::Object &liveService, const kube::Object &liveCanary) const;

private:
    kube::Object m_stable;
    kube::Object m_service;
    CanaryOptions m_options;
    QString m_stableVersion;
    QString m_stableImage;
    int m_originalReplicas = 0;
    kube::Object m_canary;
    kube::Labels m_sharedSelector;
    kube::Labels m_originalSelector;
};

} // namespace timonel
