#pragma once
// PlanExecutor: carries out one PlanStep through the ClusterSession — each change in order
// (create, JSON merge patch, or delete with foreground propagation, so "gone" means its pods are
// gone too), waiting after a change for the condition it names (rolled out, settled, gone) as
// the NamespaceWatch's informers report it, and at the end for the step's Service to have exactly
// the expected ready endpoints, every one a pod its selector matches. A refused request or a
// wait past the time-out ends the step with the server's (or a time-out's) Status; what was
// applied stays applied, and the wizard says which change failed.
//
// GUI thread. Cost: a lister read per condition check (on each informer batch, and every
// kPollInterval for conditions that depend on time).

#include "models/plannedchange.h"

#include "kube/api/status.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>
#include <functional>

namespace timonel {

class NamespaceWatch;

class PlanExecutor : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kPollInterval{250};
    using Now = std::function<QDateTime()>;

    PlanExecutor(NamespaceWatch *watch, QObject *parent = nullptr);

    // serviceName: the Service whose endpoints the step's expectedEndpoints refers to.
    void run(const PlanStep &step, const QString &serviceName);
    bool isRunning() const { return m_running; }
    // How long one wait may take before the step fails (default 180 s).
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setClock(Now now) { m_now = std::move(now); }

    // The conditions, exposed for tests: evaluated against the watch's caches.
    bool conditionHolds(const PlannedChange &change, qint64 minGeneration) const;
    bool endpointsMatch(const QString &serviceName, int expected) const;

Q_SIGNALS:
    void changeStarted(int index, const QString &summary);
    // What the step waits for now (translated), for the wizard's status line.
    void waiting(const QString &what);
    void finished(const kube::Status &status);

private:
    void applyNext();
    void applied(const kube::Status &status, const kube::Object &result);
    void check();
    void done(const kube::Status &status);

    QPointer<NamespaceWatch> m_watch;
    PlanStep m_step;
    QString m_serviceName;
    int m_index = -1;
    bool m_running = false;
    bool m_waiting = false;
    bool m_waitingForEndpoints = false;
    qint64 m_minGeneration = 0;
    QDateTime m_deadline;
    std::chrono::milliseconds m_timeout{180000};
    QTimer m_poll;
    Now m_now = [] { return QDateTime::currentDateTimeUtc(); };
    quint64 m_generation = 0; // of run(); replies of an earlier run are ignored
};

} // namespace timonel
