#pragma once
// CronJobController: starts a CronJob's Jobs on its schedule (upstream pkg/controller/cronjob,
// the v2 controller). Each sync reads the CronJob and the Jobs it controls from the informers,
// lets planCronJobSync (cronjobplan.h) decide, then carries the plan out: prunes finished Jobs
// beyond the history limits, deletes active Jobs under concurrencyPolicy Replace, creates the
// run's Job, and writes status (active, lastScheduleTime, lastSuccessfulTime) once. No polling:
// the key is re-queued on the injectable clock for 100 ms after the next activation (at most a
// day ahead; the sync then re-arms), and Job and CronJob events wake it in between.
//
// A status write the CronJob informer has not delivered yet is remembered (resourceVersion by
// key), so a Job event arriving first does not look like a Job that status forgot.
//
// Thread affinity: the controllers' thread. Cost per sync: one pass over the namespace's Jobs.

#include "kube/controllers/controller.h"

#include <QHash>
#include <QSet>

namespace kube {

class SharedInformer;
struct CronJobInfo;
struct ChildJob;

class CronJobController : public Controller
{
    Q_OBJECT
public:
    explicit CronJobController(const ControllerContext &context, QObject *parent = nullptr);

protected:
    void sync(const QString &key, Done done) override;

private:
    void cronJobUpdated(const Object &oldCronJob, const Object &newCronJob);
    void jobChanged(const Object &job);
    // The reconcile step once the active Jobs missing from the cache were looked up.
    void syncWithJobs(const QString &key, const CronJobInfo &cronJob, const QList<ChildJob> &jobs,
                      const QSet<QString> &goneActiveUids, Done done);

    SharedInformer *m_cronJobs;
    SharedInformer *m_jobs;
    // resourceVersion of our last status write per key, until the informer shows it.
    QHash<QString, qint64> m_writtenVersions;
};

} // namespace kube
