#include "canaryplan.h"

#include "deploymentedit.h"
#include "workloadreadiness.h"

#include <QCoreApplication>

#include <cmath>

namespace timonel {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(timonel::CanaryPlan)
};

const kube::GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};
const kube::GroupVersionResource kServices{QString(), u"v1"_qs, u"services"_qs};

kube::Status invalid(const QString &message)
{
    return kube::Status::badRequest(message);
}

QString selectorText(const kube::Labels &labels)
{
    QStringList parts;
    for (const auto &[key, value] : labels)
        parts.append(key + u'=' + value);
    return parts.join(u',');
}

void appendIfChanged(PlanStep &step, PlannedChange change)
{
    if (change.action == PlannedChange::Action::Patch && change.patch.isEmpty())
        return;
    step.changes.append(std::move(change));
}

} // namespace

kube::Expected<CanaryPlan> CanaryPlan::make(const kube::Object &stable, const kube::Object &service, const CanaryOptions &options)
{
    if (stable.kind() != u"Deployment")
        return invalid(Tr::tr("A canary starts from a Deployment."));
    if (service.kind() != u"Service" || service.namespace_() != stable.namespace_())
        return invalid(Tr::tr("Choose the Service in front of Deployment %1 (same namespace).").arg(stable.name()));
    if (!deploymentedit::selectsPodsOf(service, stable))
        return invalid(Tr::tr("Service %1 does not select the pods of Deployment %2.").arg(service.name(), stable.name()));
    const kube::Labels podLabels = deploymentedit::templateLabels(stable);
    if (podLabels.value(kVersionLabel) == kCanaryVersion || stable.annotations().contains(kCanaryOfAnnotation))
        return invalid(Tr::tr("Deployment %1 is itself a canary.").arg(stable.name()));
    if (options.image.trimmed().isEmpty())
        return invalid(Tr::tr("Enter the image the canary runs."));
    if (options.totalReplicas < 2 || options.totalReplicas > 100)
        return invalid(Tr::tr("The total must be between 2 and 100 replicas."));
    if (options.canaryReplicas < 1 || options.canaryReplicas >= options.totalReplicas)
        return invalid(Tr::tr("The canary needs at least one replica and fewer than the total."));

    CanaryPlan plan;
    plan.m_stable = stable;
    plan.m_service = service;
    plan.m_options = options;
    plan.m_options.image = options.image.trimmed();
    const QStringList containers = deploymentedit::containerNames(stable);
    if (plan.m_options.container.isEmpty() && !containers.isEmpty())
        plan.m_options.container = containers.front();
    if (!containers.contains(plan.m_options.container))
        return invalid(Tr::tr("Deployment %1 has no container named %2.").arg(stable.name(), plan.m_options.container));
    plan.m_stableImage = deploymentedit::imageOf(stable, plan.m_options.container);
    plan.m_stableVersion = podLabels.contains(kVersionLabel) ? podLabels.value(kVersionLabel) : kStableVersion.toString();
    plan.m_originalReplicas = deploymentedit::replicasOf(stable);
    plan.m_originalSelector = deploymentedit::serviceSelector(service);
    plan.m_sharedSelector = plan.m_originalSelector;
    plan.m_sharedSelector.remove(kVersionLabel);
    if (plan.m_sharedSelector.isEmpty())
        return invalid(Tr::tr("Service %1 selects pods by their version alone; the canary needs a label both versions share.")
                           .arg(service.name()));
    plan.m_canary = deploymentedit::sibling(stable, canaryName(stable.name()), kCanaryVersion.toString(), options.canaryReplicas,
                                            plan.m_options.container, plan.m_options.image, kCanaryOfAnnotation.toString());
    return plan;
}

int CanaryPlan::percentage() const
{
    if (m_options.totalReplicas <= 0)
        return 0;
    return int(std::lround(100.0 * m_options.canaryReplicas / m_options.totalReplicas));
}

PlanStep CanaryPlan::startStep() const
{
    PlanStep step;
    step.title = Tr::tr("Start the canary");
    kube::Object stable = deploymentedit::withTemplateLabel(m_stable, kVersionLabel.toString(), m_stableVersion);
    stable = deploymentedit::withReplicas(stable, stableReplicas());
    PlannedChange stableChange = PlannedChange::patchOf(kDeployments, m_stable, stable);
    stableChange.summary = Tr::tr("Label the pods of Deployment %1 %2=%3 and keep %n replica(s)", nullptr, stableReplicas())
                               .arg(m_stable.name(), kVersionLabel.toString(), m_stableVersion);
    stableChange.waitFor = PlannedChange::WaitFor::Settled;
    appendIfChanged(step, stableChange);

    PlannedChange serviceChange =
        PlannedChange::patchOf(kServices, m_service, deploymentedit::withServiceSelector(m_service, m_sharedSelector));
    serviceChange.summary = Tr::tr("Service %1 selects %2 (both versions)").arg(m_service.name(), selectorText(m_sharedSelector));
    appendIfChanged(step, serviceChange);

    PlannedChange create = PlannedChange::createOf(kDeployments, m_canary);
    create.summary = Tr::tr("Create Deployment %1 with %n replica(s) of %2", nullptr, m_options.canaryReplicas)
                         .arg(m_canary.name(), m_options.image);
    create.waitFor = PlannedChange::WaitFor::Settled;
    step.changes.append(create);
    step.expectedEndpoints = m_options.totalReplicas;
    return step;
}

PlanStep CanaryPlan::promoteStep(const kube::Object &liveStable, const kube::Object &liveService, const kube::Object &liveCanary) const
{
    PlanStep step;
    step.title = Tr::tr("Promote the canary");
    if (!liveStable.isNull()) {
        kube::Object stable = deploymentedit::withImage(liveStable, m_options.container, m_options.image);
        stable = deploymentedit::withReplicas(stable, m_options.totalReplicas);
        PlannedChange change = PlannedChange::patchOf(kDeployments, liveStable, stable);
        change.summary = Tr::tr("Deployment %1 runs %2 with all %n replica(s)", nullptr, m_options.totalReplicas)
                             .arg(liveStable.name(), m_options.image);
        change.waitFor = PlannedChange::WaitFor::Settled;
        appendIfChanged(step, change);
    }
    if (!liveCanary.isNull()) {
        PlannedChange remove = PlannedChange::deleteOf(kDeployments, liveCanary);
        remove.summary = Tr::tr("Delete Deployment %1").arg(liveCanary.name());
        remove.waitFor = PlannedChange::WaitFor::Gone;
        step.changes.append(remove);
    }
    if (!liveService.isNull()) {
        PlannedChange change =
            PlannedChange::patchOf(kServices, liveService, deploymentedit::withServiceSelector(liveService, m_originalSelector));
        change.summary = Tr::tr("Service %1 selects %2 again").arg(liveService.name(), selectorText(m_originalSelector));
        appendIfChanged(step, change);
    }
    step.expectedEndpoints = m_options.totalReplicas;
    return step;
}

PlanStep CanaryPlan::abortStep(const kube::Object &liveStable, const kube::Object &liveService, const kube::Object &liveCanary) const
{
    PlanStep step;
    step.title = Tr::tr("Abort the canary");
    if (!liveStable.isNull()) {
        PlannedChange change =
            PlannedChange::patchOf(kDeployments, liveStable, deploymentedit::withReplicas(liveStable, m_originalReplicas));
        change.summary = Tr::tr("Deployment %1 back to %n replica(s)", nullptr, m_originalReplicas).arg(liveStable.name());
        change.waitFor = PlannedChange::WaitFor::Settled;
        appendIfChanged(step, change);
    }
    if (!liveService.isNull()) {
        PlannedChange change =
            PlannedChange::patchOf(kServices, liveService, deploymentedit::withServiceSelector(liveService, m_originalSelector));
        change.summary = Tr::tr("Service %1 selects %2 again").arg(liveService.name(), selectorText(m_originalSelector));
        appendIfChanged(step, change);
    }
    if (!liveCanary.isNull()) {
        PlannedChange remove = PlannedChange::deleteOf(kDeployments, liveCanary);
        remove.summary = Tr::tr("Delete Deployment %1").arg(liveCanary.name());
        remove.waitFor = PlannedChange::WaitFor::Gone;
        step.changes.append(remove);
    }
    step.expectedEndpoints = m_originalReplicas;
    return step;
}

} // namespace timonel
