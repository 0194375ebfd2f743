#include "ownergraph.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

namespace {

QByteArray metadataPatch(const Object &object, const QString &field, const QJsonArray &values)
{
    QJsonObject metadata{{u"resourceVersion"_qs, object.resourceVersion()}};
    // null removes the field (merge patch), rather than leaving an empty list behind.
    metadata.insert(field, values.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(values));
    return QJsonDocument(QJsonObject{{u"metadata"_qs, metadata}}).toJson(QJsonDocument::Compact);
}

} // namespace

bool hasFinalizer(const Object &object, QLatin1StringView name)
{
    return object.finalizers().contains(name);
}

bool isDeletingDependents(const Object &object)
{
    return object.isBeingDeleted() && hasFinalizer(object, QLatin1StringView(finalizer::ForegroundDeletion));
}

bool isOrphaningDependents(const Object &object)
{
    return object.isBeingDeleted() && hasFinalizer(object, QLatin1StringView(finalizer::Orphan));
}

DeleteDecision decideAttemptToDelete(const Object &item, const QList<OwnerVerdict> &owners, bool itemHasDependents)
{
    DeleteDecision decision;
    if (owners.isEmpty())
        return decision; // nothing owns it: never collected
    bool solid = false;
    bool waiting = false;
    QSet<QString> unwanted;
    for (const OwnerVerdict &owner : owners) {
        solid = solid || owner.state == OwnerState::Solid;
        waiting = waiting || owner.state == OwnerState::Waiting;
        if (owner.state != OwnerState::Solid)
            unwanted.insert(owner.uid);
    }
    if (solid) {
        if (unwanted.isEmpty())
            return decision;
        decision.action = DeleteDecision::Action::RemoveReferences;
        decision.removeUids = unwanted;
        return decision;
    }
    decision.action = DeleteDecision::Action::Delete;
    if (waiting && itemHasDependents) {
        decision.policy = PropagationPolicy::Foreground;
        return decision;
    }
    if (hasFinalizer(item, QLatin1StringView(finalizer::Orphan)))
        decision.policy = PropagationPolicy::Orphan;
    else if (hasFinalizer(item, QLatin1StringView(finalizer::ForegroundDeletion)))
        decision.policy = PropagationPolicy::Foreground;
    return decision;
}

QByteArray removeOwnerReferencesPatch(const Object &object, const QSet<QString> &uids)
{
    const QJsonArray refs = object.toJson().value(u"metadata").toObject().value(u"ownerReferences").toArray();
    QJsonArray kept;
    for (const QJsonValue &ref : refs) {
        if (!uids.contains(ref.toObject().value(u"uid").toString()))
            kept.append(ref);
    }
    return metadataPatch(object, u"ownerReferences"_qs, kept);
}

QByteArray removeFinalizerPatch(const Object &object, QLatin1StringView name)
{
    QJsonArray kept;
    for (const QString &f : object.finalizers()) {
        if (f != name)
            kept.append(f);
    }
    return metadataPatch(object, u"finalizers"_qs, kept);
}

} // namespace kube
