#include "containersimulation.h"

// ContainerSimulation::status(): the container's state as the kubelet reports it in
// pod.status.containerStatuses (waiting / running / terminated with upstream reasons, the last
// state, restart count, ready and started).

#include "kube/api/clock.h"
#include "kube/api/duration.h"

#include <QJsonArray>

namespace kube::kubelet {

QJsonObject ContainerSimulation::status() const
{
    QJsonObject state;
    auto waiting = [&](const QString &reason, const QString &message = {}) {
        QJsonObject w{{QStringLiteral("reason"), reason}};
        if (!message.isEmpty())
            w.insert(QStringLiteral("message"), message);
        state = QJsonObject{{QStringLiteral("waiting"), w}};
    };
    switch (m_stage) {
    case Stage::Idle:
        waiting(m_role == ContainerRole::App || m_restartCount > 0 ? QStringLiteral("PodInitializing") : QStringLiteral("PodInitializing"));
        break;
    case Stage::Pulling:
    case Stage::Creating:
    case Stage::Starting:
        waiting(QStringLiteral("ContainerCreating"));
        break;
    case Stage::PullError:
        waiting(m_pullPolicy == QLatin1String("Never") ? QStringLiteral("ErrImageNeverPull") : QStringLiteral("ErrImagePull"), m_pullError);
        break;
    case Stage::PullBackOff:
        waiting(QStringLiteral("ImagePullBackOff"), QStringLiteral("Back-off pulling image \"%1\"").arg(m_image.original()));
        break;
    case Stage::Running:
    case Stage::Stopping:
        state = QJsonObject{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), formatKubeTime(m_startedAt)}}}};
        break;
    case Stage::Exited:
    case Stage::Done:
        if (m_terminated.isEmpty())
            waiting(QStringLiteral("ContainerCreating"));
        else
            state = QJsonObject{{QStringLiteral("terminated"), m_terminated}};
        break;
    case Stage::CrashLoopBackOff:
        waiting(QStringLiteral("CrashLoopBackOff"),
                QStringLiteral("back-off %1 restarting failed container=%2 pod=%3")
                    .arg(Duration(m_backOffMs * Duration::Millisecond).toString(), m_name, m_pod->podDescription()));
        break;
    }
    QJsonObject lastState;
    const QJsonObject &last = m_stage == Stage::CrashLoopBackOff ? m_terminated : m_lastTerminated;
    if (!last.isEmpty())
        lastState.insert(QStringLiteral("terminated"), last);
    const bool created = !m_containerId.isEmpty();
    QJsonObject s{
        {QStringLiteral("name"), m_name},
        {QStringLiteral("state"), state},
        {QStringLiteral("lastState"), lastState},
        {QStringLiteral("ready"), isReady()},
        {QStringLiteral("restartCount"), m_restartCount},
        {QStringLiteral("image"), created && m_profile ? m_image.normalised() : m_image.original()},
        {QStringLiteral("imageID"), created && m_profile ? m_image.imageId() : QString()},
        {QStringLiteral("started"), isStarted()},
    };
    if (created && m_stage != Stage::Pulling && m_stage != Stage::Creating)
        s.insert(QStringLiteral("containerID"), m_containerId);
    return s;
}

} // namespace kube::kubelet
