// ControllerRevision history (kube/controllers/history): the hash that names a revision, the
// revision built for a workload, which revisions a workload owns and in what order, which one
// records its current template, the next number, and which ones pruning deletes.
#include "kube/controllers/history/controllerrevisions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace kube;
using namespace kube::history;

namespace {

QJsonObject daemonSet(const QString &image, const QJsonObject &annotations = {})
{
    QJsonObject metadata{{u"name"_qs, u"agent"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, u"uid-agent"_qs}};
    if (!annotations.isEmpty())
        metadata.insert(u"annotations", annotations);
    return {
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"DaemonSet"_qs}, {u"metadata"_qs, metadata},
        {u"spec"_qs, QJsonObject{
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}}}}},
            {u"template"_qs, QJsonObject{
                {u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"app"_qs, u"agent"_qs}}}}},
                {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"agent"_qs}, {u"image"_qs, image}}}}}}}}}},
    };
}

// A stored revision as the informer would hold it.
Object revisionObject(const QString &name, qint64 number, const QString &ownerUid, bool controller = true,
                      const QJsonObject &data = {})
{
    QJsonObject ref{{u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"DaemonSet"_qs}, {u"name"_qs, u"agent"_qs}, {u"uid"_qs, ownerUid}};
    if (controller)
        ref.insert(u"controller", true);
    return Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs}, {u"kind"_qs, u"ControllerRevision"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"namespace"_qs, u"default"_qs}, {u"ownerReferences"_qs, QJsonArray{ref}}}},
        {u"data"_qs, data}, {u"revision"_qs, double(number)}});
}

Object stored(const QJsonObject &revision)
{
    return Object::fromJson(revision);
}

QStringList namesOf(const QList<Object> &objects)
{
    QStringList names;
    for (const Object &o : objects)
        names.append(o.name());
    return names;
}

} // namespace

class tst_ControllerRevisions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void templatePatchReplacesTheTemplate();
    void hashIsStable();
    void hashFollowsTemplateAndCollisionCount();
    void newRevisionNamesLabelsAndOwns();
    void ownedRevisionsFilterAndOrder();
    void matchingRevisionFindsTheCurrentTemplate();
    void nextRevisionNumber_data();
    void nextRevisionNumber();
    void pruningKeepsRevisionsInUse_data();
    void pruningKeepsRevisionsInUse();
};

void tst_ControllerRevisions::templatePatchReplacesTheTemplate()
{
    const QJsonObject ds = daemonSet(u"fluentd:1"_qs);
    const QJsonObject patch = templatePatch(ds);
    QCOMPARE(patch.keys(), QStringList{u"spec"_qs});
    const QJsonObject spec = patch.value(u"spec").toObject();
    QCOMPARE(spec.keys(), QStringList{u"template"_qs});
    QJsonObject podTemplate = spec.value(u"template").toObject();
    QCOMPARE(podTemplate.value(u"$patch").toString(), u"replace"_qs);
    podTemplate.remove(u"$patch");
    QCOMPARE(podTemplate, ds.value(u"spec").toObject().value(u"template").toObject());
}

void tst_ControllerRevisions::hashIsStable()
{
    const QJsonObject data = templatePatch(daemonSet(u"fluentd:1"_qs));
    const QString hash = revisionHash(data, std::nullopt);
    QVERIFY(!hash.isEmpty());
    QCOMPARE(revisionHash(templatePatch(daemonSet(u"fluentd:1"_qs)), std::nullopt), hash);
    // Spelled without vowels, so names never form words.
    for (QChar c : hash)
        QVERIFY2(QStringView(u"bcdfghjklmnpqrstvwxz2456789").contains(c), qPrintable(hash));
    // Key order in the input does not matter: the JSON is canonical.
    QJsonObject reordered;
    reordered.insert(u"spec", data.value(u"spec"));
    QCOMPARE(revisionHash(reordered, std::nullopt), hash);
}

void tst_ControllerRevisions::hashFollowsTemplateAndCollisionCount()
{
    const QJsonObject data = templatePatch(daemonSet(u"fluentd:1"_qs));
    const QString plain = revisionHash(data, std::nullopt);
    QVERIFY(revisionHash(templatePatch(daemonSet(u"fluentd:2"_qs)), std::nullopt) != plain);
    const QString zero = revisionHash(data, 0);
    const QString one = revisionHash(data, 1);
    QVERIFY(zero != plain); // a count of 0 is still written, as upstream
    QVERIFY(one != zero);
    QCOMPARE(revisionHash(data, 1), one);
}

void tst_ControllerRevisions::newRevisionNamesLabelsAndOwns()
{
    const QJsonObject ds = daemonSet(u"fluentd:1"_qs, {{u"kubernetes.io/change-cause"_qs, u"first"_qs}});
    const QJsonObject revision = newRevision(ds, u"DaemonSet"_qs, 3, std::nullopt);
    const QString hash = revisionHash(templatePatch(ds), std::nullopt);
    const QJsonObject metadata = revision.value(u"metadata").toObject();
    QCOMPARE(revision.value(u"apiVersion").toString(), u"apps/v1"_qs);
    QCOMPARE(revision.value(u"kind").toString(), u"ControllerRevision"_qs);
    QCOMPARE(metadata.value(u"name").toString(), u"agent-"_qs + hash);
    QCOMPARE(metadata.value(u"namespace").toString(), u"default"_qs);
    const QJsonObject labels = metadata.value(u"labels").toObject();
    QCOMPARE(labels.value(u"app").toString(), u"agent"_qs);
    QCOMPARE(labels.value(u"controller-revision-hash").toString(), hash);
    QCOMPARE(metadata.value(u"annotations").toObject().value(u"kubernetes.io/change-cause").toString(), u"first"_qs);
    const QJsonArray refs = metadata.value(u"ownerReferences").toArray();
    QCOMPARE(refs.size(), 1);
    const QJsonObject ref = refs.first().toObject();
    QCOMPARE(ref.value(u"kind").toString(), u"DaemonSet"_qs);
    QCOMPARE(ref.value(u"name").toString(), u"agent"_qs);
    QCOMPARE(ref.value(u"uid").toString(), u"uid-agent"_qs);
    QVERIFY(ref.value(u"controller").toBool());
    QVERIFY(ref.value(u"blockOwnerDeletion").toBool());
    QCOMPARE(revision.value(u"data").toObject(), templatePatch(ds));
    QCOMPARE(revision.value(u"revision").toInteger(), 3);

    // A collision count renames it.
    const QJsonObject bumped = newRevision(ds, u"DaemonSet"_qs, 3, 1);
    QVERIFY(bumped.value(u"metadata").toObject().value(u"name").toString() != metadata.value(u"name").toString());
}

void tst_ControllerRevisions::ownedRevisionsFilterAndOrder()
{
    const QList<Object> all{
        revisionObject(u"agent-c"_qs, 2, u"uid-agent"_qs),
        revisionObject(u"other-a"_qs, 1, u"uid-other"_qs),
        revisionObject(u"agent-b"_qs, 1, u"uid-agent"_qs),
        revisionObject(u"agent-a"_qs, 1, u"uid-agent"_qs),
        revisionObject(u"agent-z"_qs, 9, u"uid-agent"_qs, false), // owned, but not as controller
        revisionObject(u"agent-d"_qs, 10, u"uid-agent"_qs),
    };
    QCOMPARE(namesOf(ownedRevisions(all, u"uid-agent"_qs)), (QStringList{u"agent-a"_qs, u"agent-b"_qs, u"agent-c"_qs, u"agent-d"_qs}));
    QCOMPARE(namesOf(ownedRevisions(all, u"uid-other"_qs)), QStringList{u"other-a"_qs});
    QVERIFY(ownedRevisions(all, u"uid-none"_qs).isEmpty());
}

void tst_ControllerRevisions::matchingRevisionFindsTheCurrentTemplate()
{
    const QJsonObject v1 = daemonSet(u"fluentd:1"_qs);
    const QJsonObject v2 = daemonSet(u"fluentd:2"_qs);
    const QList<Object> owned{
        stored(newRevision(v1, u"DaemonSet"_qs, 1, std::nullopt)),
        stored(newRevision(v2, u"DaemonSet"_qs, 2, std::nullopt)),
    };
    const auto found = matchingRevision(owned, v1);
    QVERIFY(found);
    QCOMPARE(found->name(), owned.at(0).name());
    QCOMPARE(matchingRevision(owned, v2)->name(), owned.at(1).name());
    QVERIFY(!matchingRevision(owned, daemonSet(u"fluentd:3"_qs)));
    // Annotations of the workload are not part of the template: still the same revision.
    QVERIFY(matchingRevision(owned, daemonSet(u"fluentd:1"_qs, {{u"kubernetes.io/change-cause"_qs, u"x"_qs}})));

    // Twins: the newest wins.
    QList<Object> twins = owned;
    twins.append(revisionObject(u"agent-twin"_qs, 7, u"uid-agent"_qs, true, templatePatch(v1)));
    QCOMPARE(matchingRevision(twins, v1)->name(), u"agent-twin"_qs);
}

void tst_ControllerRevisions::nextRevisionNumber_data()
{
    QTest::addColumn<QList<qint64>>("numbers");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("none-gives-1") << QList<qint64>{} << qint64(1);
    QTest::newRow("one-gives-2") << QList<qint64>{1} << qint64(2);
    QTest::newRow("gaps-follow-the-highest") << QList<qint64>{3, 1, 7} << qint64(8);
}

void tst_ControllerRevisions::nextRevisionNumber()
{
    QFETCH(QList<qint64>, numbers);
    QFETCH(qint64, expected);
    QList<Object> owned;
    for (qint64 n : numbers)
        owned.append(revisionObject(u"agent-"_qs + QString::number(n), n, u"uid-agent"_qs));
    QCOMPARE(history::nextRevisionNumber(owned), expected);
}

void tst_ControllerRevisions::pruningKeepsRevisionsInUse_data()
{
    QTest::addColumn<int>("count");   // revisions agent-1 … agent-count, numbered 1 … count
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QStringList>("inUse");
    QTest::addColumn<QStringList>("pruned");
    QTest::newRow("within-limit") << 3 << qint64(10) << QStringList{u"agent-3"_qs} << QStringList{};
    QTest::newRow("oldest-first") << 5 << qint64(2) << QStringList{u"agent-5"_qs}
                                  << QStringList{u"agent-1"_qs, u"agent-2"_qs};
    QTest::newRow("in-use-never-pruned") << 5 << qint64(1) << QStringList{u"agent-5"_qs, u"agent-1"_qs}
                                         << QStringList{u"agent-2"_qs, u"agent-3"_qs};
    QTest::newRow("limit-zero-keeps-only-in-use") << 4 << qint64(0) << QStringList{u"agent-4"_qs, u"agent-2"_qs}
                                                  << QStringList{u"agent-1"_qs, u"agent-3"_qs};
}

void tst_ControllerRevisions::pruningKeepsRevisionsInUse()
{
    QFETCH(int, count);
    QFETCH(qint64, limit);
    QFETCH(QStringList, inUse);
    QFETCH(QStringList, pruned);
    QList<Object> owned;
    // Given out of order: pruning must still go oldest first.
    for (int n = count; n >= 1; --n)
        owned.append(revisionObject(u"agent-"_qs + QString::number(n), n, u"uid-agent"_qs));
    QCOMPARE(namesOf(revisionsToPrune(owned, limit, inUse)), pruned);
}

QTEST_GUILESS_MAIN(tst_ControllerRevisions)
#include "tst_controllerrevisions.moc"
