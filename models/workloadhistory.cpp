#include "workloadhistory.h"

#include "models/rollouthistory.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace timonel {

namespace {

const QString kChangeCause = QStringLiteral("kubernetes.io/change-cause");
const QString kRevisionHashLabel = QStringLiteral("controller-revision-hash");

bool podReady(const QJsonObject &pod)
{
    for (const QJsonValue &c : pod.value(u"status").toObject().value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() == u"Ready")
            return condition.value(u"status").toString() == u"True";
    }
    return false;
}

// The end of the JSON value starting at i in minified JSON (one past its last byte); -1 when
// the text ends first.
qsizetype skipValue(const QByteArray &json, qsizetype i)
{
    int depth = 0;
    bool inString = false;
    for (; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            else
                continue;
            if (depth == 0 && !inString)
                return i + 1;
            continue;
        }
        switch (c) {
        case '"': inString = true; break;
        case '{':
        case '[': ++depth; break;
        case '}':
        case ']':
            if (depth == 0)
                return i; // the end of a scalar that closes its parent
            if (--depth == 0)
                return i + 1;
            break;
        case ',':
            if (depth == 0)
                return i;
            break;
        default: break;
        }
    }
    return depth == 0 && !inString ? i : -1;
}

} // namespace

QByteArray rawTopLevelMember(const QByteArray &json, QByteArrayView key)
{
    // {"k":v,"k2":v2}: read each key, then skip its value.
    if (!json.startsWith('{'))
        return {};
    qsizetype i = 1;
    while (i < json.size() && json.at(i) == '"') {
        const qsizetype keyEnd = skipValue(json, i);
        if (keyEnd < 0 || keyEnd >= json.size() || json.at(keyEnd) != ':')
            return {};
        const qsizetype valueEnd = skipValue(json, keyEnd + 1);
        if (valueEnd < 0)
            return {};
        if (QByteArrayView(json).sliced(i + 1, keyEnd - i - 2) == key)
            return json.sliced(keyEnd + 1, valueEnd - keyEnd - 1);
        i = valueEnd < json.size() && json.at(valueEnd) == ',' ? valueEnd + 1 : json.size();
    }
    return {};
}

QJsonObject controllerRevisionData(const QJsonObject &workload)
{
    QJsonObject podTemplate = workload.value(u"spec").toObject().value(u"template").toObject();
    podTemplate.insert(u"$patch", u"replace"_qs);
    return QJsonObject{{u"spec"_qs, QJsonObject{{u"template"_qs, podTemplate}}}};
}

QString controllerRevisionHash(const kube::Object &revision, const QString &workloadName)
{
    const QString label = revision.labels().value(kRevisionHashLabel);
    if (!label.isEmpty())
        return label;
    const QString prefix = workloadName + u'-';
    return revision.name().startsWith(prefix) ? revision.name().mid(prefix.size()) : revision.name();
}

bool podAtRevision(const kube::Object &pod, const QString &revisionName, const QString &hash)
{
    const QString label = pod.labels().value(kRevisionHashLabel);
    return !label.isEmpty() && (label == hash || label == revisionName);
}

QString rolloutKindOf(const QString &resourceId)
{
    if (resourceId == u"deployments.apps")
        return QStringLiteral("Deployment");
    if (resourceId == u"daemonsets.apps")
        return QStringLiteral("DaemonSet");
    if (resourceId == u"statefulsets.apps")
        return QStringLiteral("StatefulSet");
    return {};
}

RolloutHistory RolloutHistory::fromControllerRevisions(const kube::Object &workload, const QString &kind,
                                                       const QList<kube::Object> &revisions, const QList<kube::Object> &pods)
{
    RolloutHistory h;
    h.m_kind = kind;
    h.m_deployment = workload;
    if (workload.isNull())
        return h;
    const QJsonObject w = workload.toJson();
    const QJsonObject wanted = controllerRevisionData(w);

    QList<kube::Object> ownPods;
    for (const kube::Object &pod : pods) {
        const std::optional<kube::OwnerReference> owner = pod.controllerRef();
        if (owner && owner->uid == workload.uid() && !pod.isBeingDeleted())
            ownPods.append(pod);
    }

    QList<QJsonObject> data;
    for (const kube::Object &revision : revisions) {
        if (!controlledBy(revision, workload))
            continue;
        const QJsonObject cr = revision.toJson();
        RolloutRevision r;
        r.number = cr.value(u"revision").toInteger();
        r.changeCause = revision.annotations().value(kChangeCause);
        const QJsonObject revisionData = cr.value(u"data").toObject();
        r.podTemplate = revisionData.value(u"spec").toObject().value(u"template").toObject();
        r.podTemplate.remove(u"$patch");
        r.images = templateImages(r.podTemplate);
        r.created = QDateTime::fromString(revision.creationTimestamp(), Qt::ISODate);
        r.replicaSetName = revision.name();
        r.replicaSetUid = revision.uid();
        r.revisionHash = controllerRevisionHash(revision, workload.name());
        for (const kube::Object &pod : std::as_const(ownPods)) {
            if (!podAtRevision(pod, r.replicaSetName, r.revisionHash))
                continue;
            ++r.replicas;
            if (podReady(pod.toJson())) {
                ++r.readyReplicas;
                ++r.availableReplicas;
            }
        }
        r.replicaSet = revision;
        h.m_revisions.append(r);
        data.append(revisionData);
    }
    // Ascending by number, then name (as the controllers order them).
    QList<qsizetype> order(h.m_revisions.size());
    for (qsizetype i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&h](qsizetype a, qsizetype b) {
        const RolloutRevision &x = h.m_revisions.at(a);
        const RolloutRevision &y = h.m_revisions.at(b);
        return x.number != y.number ? x.number < y.number : x.replicaSetName < y.replicaSetName;
    });
    QList<RolloutRevision> sorted;
    QList<QJsonObject> sortedData;
    for (qsizetype i : std::as_const(order)) {
        sorted.append(h.m_revisions.at(i));
        sortedData.append(data.at(i));
    }
    h.m_revisions = sorted;

    // The newest revision whose data is the workload's template patch.
    for (qsizetype i = h.m_revisions.size() - 1; i >= 0; --i) {
        if (sortedData.at(i) == wanted) {
            h.m_revisions[i].current = true;
            h.m_current = h.m_revisions.at(i).number;
            break;
        }
    }
    if (h.m_current == 0 && kind == u"StatefulSet") {
        const QString update = w.value(u"status").toObject().value(u"updateRevision").toString();
        for (RolloutRevision &r : h.m_revisions) {
            if (!update.isEmpty() && r.replicaSetName == update) {
                r.current = true;
                h.m_current = r.number;
            }
        }
    }
    return h;
}

RolloutHistory::Undo RolloutHistory::controllerRevisionUndo(qint64 toRevision) const
{
    Undo u;
    if (toRevision == 0 && m_revisions.size() <= 1) {
        u.message = tr("no last revision to roll back to");
        return u;
    }
    const RolloutRevision *target = toRevision == 0 ? &m_revisions.at(m_revisions.size() - 2) : revision(toRevision);
    if (!target) {
        u.message = tr("unable to find specified revision %1 in history").arg(toRevision);
        return u;
    }
    const QJsonObject data = target->replicaSet.toJson().value(u"data").toObject();
    if (data == controllerRevisionData(m_deployment.toJson())) {
        u.outcome = Undo::Outcome::AlreadyCurrent;
        // kubectl words it with the requested number (0 for "the previous one").
        u.message = tr("skipped rollback (current template already matches revision %1)").arg(toRevision);
        return u;
    }
    u.outcome = Undo::Outcome::Patch;
    u.strategicMerge = true;
    // kubectl sends the revision's data bytes as the server sent them (Data.Raw).
    u.body = rawTopLevelMember(target->replicaSet.json(), "data");
    if (u.body.isEmpty())
        u.body = QJsonDocument(data).toJson(QJsonDocument::Compact);
    return u;
}

} // namespace timonel
