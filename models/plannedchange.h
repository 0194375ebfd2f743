#pragma once
// PlannedChange and PlanStep: what a wizard step will do to the cluster, as data the wizard can
// preview (YAML before/after, shown as a diff) and app/ can carry out unchanged. A change is a
// Create (the full object), a Patch (a JSON merge patch, RFC 7386, with the object it should
// produce) or a Delete. Each change may name a condition to wait for before the next one runs
// (the Deployment rolled out, its pods ready long enough to serve, the object gone), and a step
// may name how many ready endpoints its Service must have once every change is applied.
//
// Plain value types; any thread. Cost: previews serialise the objects to YAML on request.

#include "kube/api/groupversion.h"
#include "kube/api/object.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace timonel {

struct PlannedChange {
    enum class Action { Create, Patch, Delete };
    enum class WaitFor {
        Nothing,
        RolledOut, // the Deployment's status shows every replica updated, ready and available
        Settled,   // RolledOut, and every pod ready for at least PlannedChange::kSettleSeconds
        Gone,      // the object is no longer in the cache
    };
    // Ready for this long before traffic is sent to a pod: a container listens some time after it
    // starts, and a Ready condition's timestamp has one-second resolution.
    static constexpr int kSettleSeconds = 2;

    Action action = Action::Patch;
    kube::GroupVersionResource gvr;
    QString kind;       // "Deployment", "Service"
    QString namespace_;
    QString name;
    kube::Object before; // the live object (null for Create)
    kube::Object after;  // what the change should leave (null for Delete)
    QByteArray patch;    // Patch: the merge patch body
    WaitFor waitFor = WaitFor::Nothing;
    QString summary;     // one translated line: "Create Deployment web-canary (1 replica, nginx:1.26)"

    // The YAML the diff shows for each side: the object without status and server-managed
    // metadata (uid, resourceVersion, managedFields…), empty for the side that does not exist.
    QString beforeYaml() const;
    QString afterYaml() const;
    // "Deployment/web-canary"
    QString label() const { return kind + u'/' + name; }

    // A Patch change from before to after: the merge patch that turns one into the other
    // (null for removed keys). Returns a change whose patch is empty when nothing differs.
    static PlannedChange patchOf(const kube::GroupVersionResource &gvr, const kube::Object &before, const kube::Object &after);
    static PlannedChange createOf(const kube::GroupVersionResource &gvr, const kube::Object &object);
    static PlannedChange deleteOf(const kube::GroupVersionResource &gvr, const kube::Object &object);
};

struct PlanStep {
    QString title;                 // "Start the canary"
    QList<PlannedChange> changes;  // applied in order
    // After the last change: the Service must have exactly this many ready endpoints and no
    // others (-1: no check). The workflow also waits until the pods answer.
    int expectedEndpoints = -1;

    bool isEmpty() const { return changes.isEmpty(); }
};

// The object as the preview shows it: no status, no server-managed metadata.
QJsonObject previewJson(const kube::Object &object);
// The JSON merge patch (RFC 7386) that turns before into after; an empty object when equal.
QJsonObject mergePatchBetween(const QJsonObject &before, const QJsonObject &after);

} // namespace timonel
