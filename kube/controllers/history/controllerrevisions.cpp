#include "controllerrevisions.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace kube::history {

namespace {

// upstream ControllerRevisionName: the workload's name is cut so "<prefix>-<hash>" stays a
// valid object name.
constexpr qsizetype MaxNamePrefix = 223;

quint32 fnv32a(quint32 hash, QByteArrayView bytes)
{
    for (char c : bytes) {
        hash ^= quint8(c);
        hash *= 16777619u;
    }
    return hash;
}

// rand.SafeEncodeString: each decimal digit picked from an alphabet without vowels (so hashes
// never spell words) and without look-alike characters.
QString safeEncode(quint32 value)
{
    static constexpr char alphabet[] = "bcdfghjklmnpqrstvwxz2456789";
    const QByteArray digits = QByteArray::number(value);
    QString out;
    out.reserve(digits.size());
    for (char d : digits)
        out.append(QLatin1Char(alphabet[quint8(d) % (sizeof(alphabet) - 1)]));
    return out;
}

qint64 revisionOf(const Object &revision)
{
    return revision.scalarAt(u"revision").value_or(QString()).toLongLong();
}

// Ascending by .revision, then by name. Each number is read once (reading costs a parse).
void sortByRevision(QList<Object> &revisions)
{
    QList<std::pair<qint64, Object>> keyed;
    keyed.reserve(revisions.size());
    for (const Object &r : std::as_const(revisions))
        keyed.append({revisionOf(r), r});
    std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first < b.first;
        return a.second.name() < b.second.name();
    });
    revisions.clear();
    for (const auto &[number, r] : std::as_const(keyed))
        revisions.append(r);
}

QJsonObject dataOf(const Object &revision)
{
    return revision.toJson().value(u"data").toObject();
}

} // namespace

QJsonObject templatePatch(const QJsonObject &workload)
{
    QJsonObject podTemplate = workload.value(u"spec").toObject().value(u"template").toObject();
    podTemplate.insert(u"$patch", u"replace"_qs);
    return QJsonObject{{u"spec"_qs, QJsonObject{{u"template"_qs, podTemplate}}}};
}

QString revisionHash(const QJsonObject &data, std::optional<int> collisionCount)
{
    // QJsonDocument writes keys sorted, so equal data gives equal bytes.
    quint32 hash = fnv32a(2166136261u, QJsonDocument(data).toJson(QJsonDocument::Compact));
    if (collisionCount)
        hash = fnv32a(hash, QByteArray::number(*collisionCount)); // upstream writes the decimal text
    return safeEncode(hash);
}

QJsonObject newRevision(const QJsonObject &workload, const QString &kind, qint64 revision, std::optional<int> collisionCount)
{
    const QJsonObject metadata = workload.value(u"metadata").toObject();
    const QString workloadName = metadata.value(u"name").toString();
    const QJsonObject data = templatePatch(workload);
    const QString hash = revisionHash(data, collisionCount);

    QJsonObject labels = workload.value(u"spec").toObject().value(u"template").toObject()
                             .value(u"metadata").toObject().value(u"labels").toObject();
    labels.insert(QLatin1StringView(ControllerRevisionHashLabel), hash);
    QJsonObject revisionMeta{
        {u"name"_qs, workloadName.left(MaxNamePrefix) + u'-' + hash},
        {u"namespace"_qs, metadata.value(u"namespace")},
        {u"labels"_qs, labels},
        {u"ownerReferences"_qs, QJsonArray{QJsonObject{
             {u"apiVersion"_qs, u"apps/v1"_qs},
             {u"kind"_qs, kind},
             {u"name"_qs, workloadName},
             {u"uid"_qs, metadata.value(u"uid")},
             {u"controller"_qs, true},
             {u"blockOwnerDeletion"_qs, true},
         }}},
    };
    // Both upstream controllers copy the workload's annotations: kubernetes.io/change-cause is
    // what `kubectl rollout history` prints for the revision.
    const QJsonObject annotations = metadata.value(u"annotations").toObject();
    if (!annotations.isEmpty())
        revisionMeta.insert(u"annotations", annotations);
    return QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs},
        {u"kind"_qs, u"ControllerRevision"_qs},
        {u"metadata"_qs, revisionMeta},
        {u"data"_qs, data},
        {u"revision"_qs, double(revision)},
    };
}

QList<Object> ownedRevisions(const QList<Object> &revisions, const QString &ownerUid)
{
    QList<Object> owned;
    for (const Object &r : revisions) {
        const auto ref = r.controllerRef();
        if (ref && ref->uid == ownerUid)
            owned.append(r);
    }
    sortByRevision(owned);
    return owned;
}

std::optional<Object> matchingRevision(const QList<Object> &owned, const QJsonObject &workload)
{
    const QJsonObject wanted = templatePatch(workload);
    std::optional<Object> newest;
    qint64 newestRevision = 0;
    for (const Object &r : owned) {
        if (dataOf(r) != wanted)
            continue;
        const qint64 number = revisionOf(r);
        if (!newest || number >= newestRevision) {
            newest = r;
            newestRevision = number;
        }
    }
    return newest;
}

qint64 nextRevisionNumber(const QList<Object> &owned)
{
    qint64 highest = 0;
    for (const Object &r : owned)
        highest = std::max(highest, revisionOf(r));
    return highest + 1;
}

QList<Object> revisionsToPrune(const QList<Object> &owned, qint64 historyLimit, const QStringList &inUseNames)
{
    QList<Object> notInUse;
    for (const Object &r : owned) {
        if (!inUseNames.contains(r.name()))
            notInUse.append(r);
    }
    sortByRevision(notInUse);
    const qsizetype excess = notInUse.size() - std::max<qint64>(historyLimit, 0);
    if (excess <= 0)
        return {};
    return notInUse.first(excess);
}

} // namespace kube::history
