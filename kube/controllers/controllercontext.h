#pragma once
// ControllerContext: what every reconcile loop of the embedded cluster shares — the client it
// writes through, the informers it reads through, the clock, and the event recorder. Controllers
// never touch the store: they are API clients like any other (kube-controller-manager's
// ControllerContext).
//
// Thread affinity: the controllers' thread; every member lives there.

#include "kube/api/groupversion.h"

#include <QString>

namespace kube {

class Clock;
class EventRecorder;
class ScaledClock;
class RestClient;
class SharedInformer;
class SharedInformerFactory;

struct ControllerContext {
    RestClient *client = nullptr;
    SharedInformerFactory *informers = nullptr;
    const Clock *clock = nullptr;
    EventRecorder *events = nullptr;
    // Set when the cluster runs faster than real time (--speed): clock is then this clock, and
    // real timers waiting for a clock-time deadline wait realMsecs() of it.
    const ScaledClock *scale = nullptr;

    // The clock real-time waits are measured on (work-queue delays and back-offs): the scaled
    // clock's base, else clock itself (a test's fake clock keeps driving the queues).
    const Clock &realClock() const;
    // The real wait for a clock-time delay (clockMs / speed; clockMs without a scale).
    qint64 realMsecs(qint64 clockMs) const;

    // The cluster-wide informer of a resource, created on first use.
    SharedInformer *informer(const GroupVersionResource &gvr) const;
};

// The resources controllers read, spelled once.
namespace gvr {
inline GroupVersionResource pods() { return {QString(), u"v1"_qs, u"pods"_qs}; }
inline GroupVersionResource nodes() { return {QString(), u"v1"_qs, u"nodes"_qs}; }
inline GroupVersionResource namespaces() { return {QString(), u"v1"_qs, u"namespaces"_qs}; }
inline GroupVersionResource services() { return {QString(), u"v1"_qs, u"services"_qs}; }
inline GroupVersionResource endpoints() { return {QString(), u"v1"_qs, u"endpoints"_qs}; }
inline GroupVersionResource events() { return {QString(), u"v1"_qs, u"events"_qs}; }
inline GroupVersionResource serviceAccounts() { return {QString(), u"v1"_qs, u"serviceaccounts"_qs}; }
inline GroupVersionResource replicationControllers() { return {QString(), u"v1"_qs, u"replicationcontrollers"_qs}; }
inline GroupVersionResource replicaSets() { return {u"apps"_qs, u"v1"_qs, u"replicasets"_qs}; }
inline GroupVersionResource deployments() { return {u"apps"_qs, u"v1"_qs, u"deployments"_qs}; }
inline GroupVersionResource leases() { return {u"coordination.k8s.io"_qs, u"v1"_qs, u"leases"_qs}; }
} // namespace gvr

// "namespace/name" (or "name" for cluster-scoped objects): the keys of work queues.
QString queueKey(const QString &namespace_, const QString &name);
// The inverse of queueKey.
std::pair<QString, QString> splitQueueKey(const QString &key);

} // namespace kube
