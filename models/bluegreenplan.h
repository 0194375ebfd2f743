#pragma once
// BlueGreenPlan: the course's blue-green deployment, as object changes. Blue is the live
// Deployment behind a Service; green is a new Deployment beside it with the new image and as
// many replicas. The Service's selector pins one colour through the `version` label:
//   prepare   blue's pods get `version: blue` (unless they carry a version label already — that
//             value is then blue's), the Service selects the shared labels plus blue's version,
//             and green ("<base>-green", `version: green` on its selector and pods) is created;
//             the step waits until every green pod has been ready long enough to serve.
//   switch    the Service's selector moves to green's version: all traffic at once.
//   switch back  the selector moves back to blue (blue is kept running for that).
//   clean up  blue is deleted once the user is sure (after switch), or green is (abandon).
// The colours alternate: when the live Deployment is already `version: green` (an earlier
// blue-green), the new one is "<base>-blue" with `version: blue`.
//
// Value type; any thread. Cost: a few JSON parses per step.

#include "models/plannedchange.h"

#include "kube/api/expected.h"
#include "kube/api/labels.h"

namespace timonel {

struct BlueGreenOptions {
    QString image;
    QString container; // empty: the first container
};

class BlueGreenPlan
{
public:
    static constexpr QStringView kBlue = u"blue";
    static constexpr QStringView kGreen = u"green";
    // On the green Deployment: the blue Deployment it replaces.
    static constexpr QStringView kReplacesAnnotation = u"timonel.dev/blue-green-of";

    // A 400 Status (translated) when the inputs do not make a blue-green deployment.
    static kube::Expected<BlueGreenPlan> make(const kube::Object &blue, const kube::Object &service, const BlueGreenOptions &options);

    const BlueGreenOptions &options() const { return m_options; }
    QString namespace_() const { return m_blue.namespace_(); }
    QString blueName() const { return m_blue.name(); }
    QString greenName() const { return m_green.name(); }
    QString serviceName() const { return m_service.name(); }
    QString blueVersion() const { return m_blueVersion; }
    QString greenVersion() const { return m_greenVersion; }
    QString blueImage() const { return m_blueImage; }
    int replicas() const { return m_replicas; }
    const kube::Object &greenDeployment() const { return m_green; }
    // The Service's selector while each colour is live.
    kube::Labels selectorFor(const QString &version) const;

    PlanStep prepareStep() const;
    PlanStep switchStep(const kube::Object &liveService) const;     // to green
    PlanStep switchBackStep(const kube::Object &liveService) const; // to blue
    PlanStep cleanupStep(const kube::Object &liveBlue) const;       // blue deleted (green is live)
    PlanStep abandonStep(const kube::Object &liveGreen) const;      // green deleted (blue is live)

private:
    PlanStep selectStep(const QString &title, const kube::Object &liveService, const QString &version) const;

    kube::Object m_blue;
    kube::Object m_service;
    BlueGreenOptions m_options;
    QString m_blueVersion;
    QString m_greenVersion;
    QString m_blueImage;
    int m_replicas = 1;
    kube::Labels m_shared; // the Service's selector without the version label
    kube::Object m_green;
};

} // namespace timonel
