#include "bluegreenplan.h"

#include "deploymentedit.h"
#include "workloadreadiness.h"

#include <QCoreApplication>

namespace timonel {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(timonel::BlueGreenPlan)
};

const kube::GroupVersionResource kDeployments{u"apps"_qs, u"v1"_qs, u"deployments"_qs};
const kube::GroupVersionResource kServices{QString(), u"v1"_qs, u"services"_qs};

QString selectorText(const kube::Labels &labels)
{
    QStringList parts;
    for (const auto &[key, value] : labels)
        parts.append(key + u'=' + value);
    return parts.join(u',');
}

// "web-blue" → "web"; "web" → "web".
QString baseName(const QString &name)
{
    for (QStringView suffix : {u"-blue", u"-green"}) {
        if (name.endsWith(suffix) && name.size() > suffix.size())
            return name.chopped(suffix.size());
    }
    return name;
}

} // namespace

kube::Expected<BlueGreenPlan> BlueGreenPlan::make(const kube::Object &blue, const kube::Object &service, const BlueGreenOptions &options)
{
    if (blue.kind() != u"Deployment")
        return kube::Status::badRequest(Tr::tr("A blue-green deployment starts from a Deployment."));
    if (service.kind() != u"Service" || service.namespace_() != blue.namespace_())
        return kube::Status::badRequest(Tr::tr("Choose the Service in front of Deployment %1 (same namespace).").arg(blue.name()));
    if (!deploymentedit::selectsPodsOf(service, blue))
        return kube::Status::badRequest(Tr::tr("Service %1 does not select the pods of Deployment %2.").arg(service.name(), blue.name()));
    if (options.image.trimmed().isEmpty())
        return kube::Status::badRequest(Tr::tr("Enter the image green runs."));

    BlueGreenPlan plan;
    plan.m_blue = blue;
    plan.m_service = service;
    plan.m_options = options;
    plan.m_options.image = options.image.trimmed();
    const QStringList containers = deploymentedit::containerNames(blue);
    if (plan.m_options.container.isEmpty() && !containers.isEmpty())
        plan.m_options.container = containers.front();
    if (!containers.contains(plan.m_options.container))
        return kube::Status::badRequest(Tr::tr("Deployment %1 has no container named %2.").arg(blue.name(), plan.m_options.container));
    const kube::Labels podLabels = deploymentedit::templateLabels(blue);
    plan.m_blueVersion = podLabels.contains(kVersionLabel) ? podLabels.value(kVersionLabel) : kBlue.toString();
    plan.m_greenVersion = plan.m_blueVersion == kGreen ? kBlue.toString() : kGreen.toString();
    plan.m_blueImage = deploymentedit::imageOf(blue, plan.m_options.container);
    plan.m_replicas = deploymentedit::replicasOf(blue);
    plan.m_shared = deploymentedit::serviceSelector(service);
    plan.m_shared.remove(kVersionLabel);
    if (plan.m_shared.isEmpty())
        return kube::Status::badRequest(Tr::tr("Service %1 selects pods by their version alone; blue and green need a label they share.")
                                            .arg(service.name()));
    const QString greenName = baseName(blue.name()) + u'-' + plan.m_greenVersion;
    if (greenName == blue.name())
        return kube::Status::badRequest(Tr::tr("Deployment %1 already has the name green would take.").arg(blue.name()));
    plan.m_green = deploymentedit::sibling(blue, greenName, plan.m_greenVersion, plan.m_replicas, plan.m_options.container,
                                           plan.m_options.image, kReplacesAnnotation.toString());
    return plan;
}

kube::Labels BlueGreenPlan::selectorFor(const QString &version) const
{
    kube::Labels selector = m_shared;
    selector.insert(kVersionLabel.toString(), version);
    return selector;
}

PlanStep BlueGreenPlan::prepareStep() const
{
    PlanStep step;
    step.title = Tr::tr("Create %1 beside %2").arg(m_greenVersion, m_blueVersion);
    PlannedChange label = PlannedChange::patchOf(
        kDeployments, m_blue, deploymentedit::withTemplateLabel(m_blue, kVersionLabel.toString(), m_blueVersion));
    label.summary = Tr::tr("Label the pods of Deployment %1 %2=%3").arg(m_blue.name(), kVersionLabel.toString(), m_blueVersion);
    label.waitFor = PlannedChange::WaitFor::Settled;
    if (!label.patch.isEmpty())
        step.changes.append(label);

    const kube::Labels pinned = selectorFor(m_blueVersion);
    PlannedChange pin = PlannedChange::patchOf(kServices, m_service, deploymentedit::withServiceSelector(m_service, pinned));
    pin.summary = Tr::tr("Service %1 selects %2 only").arg(m_service.name(), selectorText(pinned));
    if (!pin.patch.isEmpty())
        step.changes.append(pin);

    PlannedChange create = PlannedChange::createOf(kDeployments, m_green);
    create.summary = Tr::tr("Create Deployment %1 with %n replica(s) of %2", nullptr, m_replicas).arg(m_green.name(), m_options.image);
    create.waitFor = PlannedChange::WaitFor::Settled;
    step.changes.append(create);
    step.expectedEndpoints = m_replicas;
    return step;
}

PlanStep BlueGreenPlan::selectStep(const QString &title, const kube::Object &liveService, const QString &version) const
{
    PlanStep step;
    step.title = title;
    const kube::Labels selector = selectorFor(version);
    PlannedChange change = PlannedChange::patchOf(kServices, liveService, deploymentedit::withServiceSelector(liveService, selector));
    change.summary = Tr::tr("Service %1 selects %2").arg(liveService.name(), selectorText(selector));
    if (!change.patch.isEmpty())
        step.changes.append(change);
    step.expectedEndpoints = m_replicas;
    return step;
}

PlanStep BlueGreenPlan::switchStep(const kube::Object &liveService) const
{
    return selectStep(Tr::tr("Switch traffic to %1").arg(m_greenVersion), liveService, m_greenVersion);
}

PlanStep BlueGreenPlan::switchBackStep(const kube::Object &liveService) const
{
    return selectStep(Tr::tr("Switch traffic back to %1").arg(m_blueVersion), liveService, m_blueVersion);
}

PlanStep BlueGreenPlan::cleanupStep(const kube::Object &liveBlue) const
{
    PlanStep step;
    step.title = Tr::tr("Clean up %1").arg(m_blueVersion);
    if (liveBlue.isNull())
        return step;
    PlannedChange remove = PlannedChange::deleteOf(kDeployments, liveBlue);
    remove.summary = Tr::tr("Delete Deployment %1").arg(liveBlue.name());
    remove.waitFor = PlannedChange::WaitFor::Gone;
    step.changes.append(remove);
    step.expectedEndpoints = m_replicas;
    return step;
}

PlanStep BlueGreenPlan::abandonStep(const kube::Object &liveGreen) const
{
    PlanStep step;
    step.title = Tr::tr("Abandon %1").arg(m_greenVersion);
    if (liveGreen.isNull())
        return step;
    PlannedChange remove = PlannedChange::deleteOf(kDeployments, liveGreen);
    remove.summary = Tr::tr("Delete Deployment %1").arg(liveGreen.name());
    remove.waitFor = PlannedChange::WaitFor::Gone;
    step.changes.append(remove);
    step.expectedEndpoints = m_replicas;
    return step;
}

} // namespace timonel
