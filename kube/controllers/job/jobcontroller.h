#pragma once
// JobController: runs a Job's pods to completion (upstream pkg/controller/job): keeps
// min(parallelism, completions − succeeded) pods active, counts succeeded and failed pods, and
// ends the Job with Complete (and SuccessCriteriaMet) once enough pods succeeded, or Failed
// (after FailureTarget) with BackoffLimitExceeded once more pods failed than backoffLimit
// allows, or DeadlineExceeded once activeDeadlineSeconds passed since startTime — then deletes
// what is still running. `kubectl wait --for=condition=complete` reads it.
//
// completionMode Indexed (indexedjob.h): each index 0 … completions−1 gets its own pod (label,
// annotation, JOB_COMPLETION_INDEX, hostname "<job>-<index>"), a failed index gets a new pod,
// and status.completedIndexes lists the indexes that succeeded; the Job completes when every
// index did. A finished Job with ttlSecondsAfterFinished is deleted (foreground) when it
// expires, as upstream's ttl-after-finished controller does (jobdeadlines.h). Deadlines and
// expiries re-queue the Job on the injectable clock; nothing polls.
//
// Thread affinity: the controllers' thread.

#include "kube/controllers/controller.h"
#include "kube/controllers/expectations.h"

#include <QDateTime>

namespace kube {

class SharedInformer;

class JobController : public Controller
{
    Q_OBJECT
public:
    explicit JobController(const ControllerContext &context, QObject *parent = nullptr);

protected:
    void sync(const QString &key, Done done) override;

private:
    void podChanged(const Object &pod, bool deleted);
    // A Complete or Failed Job: only its time to live is left to watch.
    void syncFinished(const QString &key, const Object &job, const QJsonObject &spec, const QJsonObject &status, Done done);
    void requeueAt(const QString &key, const QDateTime &when);

    SharedInformer *m_jobs;
    SharedInformer *m_pods;
    ControllerExpectations m_expectations;
};

} // namespace kube
