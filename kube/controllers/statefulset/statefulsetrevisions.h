#pragma once
// Which ControllerRevisions a StatefulSet is rolling between (upstream stateful_set_control.go
// getStatefulSetRevisions, stateful_set_utils.go newRevision / ApplyRevision):
//   update revision   the revision of the set's current template: the newest owned revision
//                     when its data equals the template; an older equal one is renumbered to
//                     the next number (a rollback); otherwise a new one is created
//   current revision  the owned revision named status.currentRevision, else the update revision
// New revisions come from history::newRevision (with the set's annotations: kubectl rollout
// history reads change-cause there). Pure functions over JSON; any thread.

#include "kube/api/object.h"

#include <QJsonObject>
#include <QList>

#include <optional>

namespace kube::statefulset {

struct RevisionChoice {
    enum class Step {
        None,     // both revisions exist: update and current are set
        Create,   // write: a new ControllerRevision to create
        Renumber, // write: an existing revision with a raised .revision, to update
    };
    Step step = Step::None;
    QJsonObject write;
    std::optional<Object> update;
    std::optional<Object> current;
};

// owned: the set's revisions, ascending by .revision (history::ownedRevisions).
RevisionChoice chooseRevisions(const QJsonObject &set, const QList<Object> &owned);

// status.collisionCount, when set.
std::optional<int> collisionCount(const QJsonObject &set);

// ApplyRevision: the set with spec.template as the revision recorded it.
QJsonObject applyRevision(QJsonObject set, const Object &revision);

} // namespace kube::statefulset
