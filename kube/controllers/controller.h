#pragma once
// Controller: the loop every reconciler shares (upstream's processNextWorkItem). Informer
// handlers enqueue keys; each key is taken from the WorkQueue and handed to sync(), which reads
// listers, starts the writes of one step and reports when they finished. Success forgets the
// key's back-off; an error re-queues it rate-limited. A key is never synced twice at once.
// State lives in API objects, never in controller members (besides caches of what was seen).
//
// The queue measures real time (ControllerContext::realClock): rate-limited back-offs of failed
// writes stay real under --speed, and enqueueAfter() converts clock delays to real ones.
//
// Thread affinity: the controllers' thread. Cost: at most maxInFlight keys syncing at once.

#include "controllercontext.h"

#include "kube/api/object.h"

#include "kube/api/status.h"
#include "kube/cache/workqueue.h"

#include <QObject>

#include <functional>
#include <memory>

namespace kube {

class Controller : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Status &)>;

    Controller(QString name, const ControllerContext &context, QObject *parent = nullptr);
    ~Controller() override;

    const QString &name() const { return m_name; }
    void enqueue(const QString &key) { m_queue.add(key); }
    void enqueue(const Object &object);
    // Queues key once clockMs of the cluster's clock passed (a probe period, a grace period,
    // minReadySeconds…): under --speed N that is clockMs / N real ms.
    void enqueueAfter(const QString &key, qint64 clockMs) { m_queue.addAfter(key, std::chrono::milliseconds(m_context.realMsecs(clockMs))); }
    // Queues key after realMs of real time whatever the speed: retries that wait for the world
    // outside the simulation (a cache to sync, a port to free).
    void enqueueAfterRealTime(const QString &key, qint64 realMs) { m_queue.addAfter(key, std::chrono::milliseconds(realMs)); }
    WorkQueue &queue() { return m_queue; }

    // Syncs processed so far, and failed ones (for tests and diagnostics).
    qint64 syncCount() const { return m_syncs; }
    qint64 errorCount() const { return m_errors; }

protected:
    // One reconcile step for key; calls done exactly once, possibly later.
    virtual void sync(const QString &key, Done done) = 0;

    const ControllerContext &m_context;

private:
    void processReady();

    const QString m_name;
    WorkQueue m_queue;
    int m_inFlight = 0;
    bool m_draining = false;   // processReady() is on the stack
    bool m_drainAgain = false; // a completion asked for more while it was
    qint64 m_syncs = 0;
    qint64 m_errors = 0;
    // Shared with in-flight completions so a late completion after destruction is ignored.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

// Joins several asynchronous writes into one completion: done(first error, or success) once
// every expected completion arrived. Create with std::make_shared; call expect() per write.
class WriteJoin : public std::enable_shared_from_this<WriteJoin>
{
public:
    explicit WriteJoin(Controller::Done done) : m_done(std::move(done)) {}
    ~WriteJoin();
    // A callback for one write; reports its Status into the join.
    std::function<void(const Status &)> expect();
    void fail(const Status &status) { if (m_status.isSuccess()) m_status = status; }

private:
    Controller::Done m_done;
    Status m_status;
};

} // namespace kube
