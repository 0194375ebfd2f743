#include "statefulsetrevisions.h"

#include "kube/controllers/history/controllerrevisions.h"

namespace kube::statefulset {

std::optional<int> collisionCount(const QJsonObject &set)
{
    const QJsonValue count = set.value(u"status").toObject().value(u"collisionCount");
    if (!count.isDouble())
        return std::nullopt;
    return count.toInt();
}

RevisionChoice chooseRevisions(const QJsonObject &set, const QList<Object> &owned)
{
    RevisionChoice choice;
    const qint64 next = history::nextRevisionNumber(owned);
    const std::optional<Object> equal = history::matchingRevision(owned, set);
    if (equal && equal->name() == owned.last().name()) {
        choice.update = equal;
    } else if (equal) {
        choice.step = RevisionChoice::Step::Renumber;
        choice.write = equal->toJson();
        choice.write.insert(u"revision", double(next));
        return choice;
    } else {
        choice.step = RevisionChoice::Step::Create;
        choice.write = history::newRevision(set, u"StatefulSet"_qs, next, collisionCount(set));
        return choice;
    }
    const QString currentName = set.value(u"status").toObject().value(u"currentRevision").toString();
    for (const Object &revision : owned) {
        if (!currentName.isEmpty() && revision.name() == currentName)
            choice.current = revision;
    }
    if (!choice.current)
        choice.current = choice.update;
    return choice;
}

QJsonObject applyRevision(QJsonObject set, const Object &revision)
{
    QJsonObject podTemplate = revision.toJson().value(u"data").toObject().value(u"spec").toObject().value(u"template").toObject();
    if (podTemplate.isEmpty())
        return set;
    podTemplate.remove(u"$patch");
    QJsonObject spec = set.value(u"spec").toObject();
    spec.insert(u"template", podTemplate);
    set.insert(u"spec", spec);
    return set;
}

} // namespace kube::statefulset
