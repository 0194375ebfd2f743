#pragma once
// JobController: runs a Job's pods to completion (upstream pkg/controller/job, NonIndexed
// mode): keeps min(parallelism, completions − succeeded) pods active, counts succeeded and
// failed pods, and ends the Job with Complete (and SuccessCriteriaMet) once enough pods
// succeeded, or Failed with BackoffLimitExceeded once more pods failed than backoffLimit
// allows — then deletes what is still running. `kubectl wait --for=condition=complete` reads it.
//
// Thread affinity: the controllers' thread.

#include "kube/controllers/controller.h"
#include "kube/controllers/expectations.h"

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

    SharedInformer *m_jobs;
    SharedInformer *m_pods;
    ControllerExpectations m_expectations;
};

} // namespace kube
