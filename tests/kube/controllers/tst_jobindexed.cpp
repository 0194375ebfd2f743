// Indexed Jobs and a Job's clocks without I/O: the compressed completedIndexes form, which
// indexes still need a pod, duplicate and stray pods, what a pod for an index carries, the
// active deadline and the time to live after finishing.
#include "kube/controllers/job/indexedjob.h"
#include "kube/controllers/job/jobdeadlines.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;

namespace {

PodInfo pod(const QString &name, const QString &index, const QString &phase = u"Running"_qs, bool ready = true)
{
    QJsonObject metadata{{u"name"_qs, name}, {u"namespace"_qs, u"default"_qs}, {u"creationTimestamp"_qs, u"2026-11-27T10:00:00Z"_qs}};
    if (!index.isNull())
        metadata.insert(u"annotations", QJsonObject{{u"batch.kubernetes.io/job-completion-index"_qs, index}});
    QJsonObject status{{u"phase"_qs, phase}};
    if (ready)
        status.insert(u"conditions", QJsonArray{QJsonObject{{u"type"_qs, u"Ready"_qs}, {u"status"_qs, u"True"_qs},
                                                             {u"lastTransitionTime"_qs, u"2026-11-27T10:00:05Z"_qs}}});
    return PodInfo::from(Object::fromJson(QJsonObject{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"Pod"_qs},
                                                      {u"metadata"_qs, metadata}, {u"spec"_qs, QJsonObject{{u"nodeName"_qs, u"n1"_qs}}},
                                                      {u"status"_qs, status}}));
}

QStringList names(const QList<PodInfo> &pods)
{
    QStringList out;
    for (const PodInfo &p : pods)
        out << p.name;
    out.sort();
    return out;
}

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

} // namespace

class tst_JobIndexed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void completedIndexesText_data();
    void completedIndexesText();
    void parseDropsOutOfRangeAndMalformed();
    void containsAndTotal();
    void pendingIndexes();
    void duplicateAndStrayPods();
    void podForIndex();
    void generateName();
    void activeDeadline();
    void timeToLive();
};

void tst_JobIndexed::completedIndexesText_data()
{
    QTest::addColumn<QString>("old");
    QTest::addColumn<QList<int>>("added");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QString() << QList<int>{} << QString();
    QTest::newRow("single") << QString() << QList<int>{3} << u"3"_qs;
    QTest::newRow("pair-uses-comma") << QString() << QList<int>{0, 1} << u"0,1"_qs;
    QTest::newRow("run-uses-dash") << QString() << QList<int>{0, 1, 2} << u"0-2"_qs;
    QTest::newRow("run-and-single") << QString() << QList<int>{0, 1, 2, 4} << u"0-2,4"_qs;
    QTest::newRow("merge-with-old") << u"0-2,4"_qs << QList<int>{3} << u"0-4"_qs;
    QTest::newRow("duplicates-count-once") << u"1"_qs << QList<int>{1, 1, 2} << u"1,2"_qs;
    QTest::newRow("before-old") << u"5-7"_qs << QList<int>{0} << u"0,5-7"_qs;
}

void tst_JobIndexed::completedIndexesText()
{
    QFETCH(QString, old);
    QFETCH(QList<int>, added);
    QFETCH(QString, expected);
    QCOMPARE(CompletionIndexes::parse(old, 100).withIndexes(added).toString(), expected);
}

void tst_JobIndexed::parseDropsOutOfRangeAndMalformed()
{
    QCOMPARE(CompletionIndexes::parse(u"0-2,x,4-9"_qs, 6).toString(), u"0-2,4,5"_qs);
    QCOMPARE(CompletionIndexes::parse(u"0,1,2"_qs, 10).toString(), u"0-2"_qs); // adjacent items merge
    QCOMPARE(CompletionIndexes::parse(u"7"_qs, 5).toString(), QString());
}

void tst_JobIndexed::containsAndTotal()
{
    const CompletionIndexes indexes = CompletionIndexes::parse(u"0-2,4,8-9"_qs, 10);
    QCOMPARE(indexes.total(), 6);
    for (int i : {0, 1, 2, 4, 8, 9})
        QVERIFY2(indexes.contains(i), qPrintable(QString::number(i)));
    for (int i : {3, 5, 6, 7, 10})
        QVERIFY2(!indexes.contains(i), qPrintable(QString::number(i)));
}

void tst_JobIndexed::pendingIndexes()
{
    const CompletionIndexes succeeded = CompletionIndexes::parse(u"0,3"_qs, 6);
    QCOMPARE(firstPendingIndexes({1}, succeeded, 2, 6), (QList<int>{2, 4}));
    QCOMPARE(firstPendingIndexes({5, 1}, succeeded, 10, 6), (QList<int>{2, 4}));
    QCOMPARE(firstPendingIndexes({}, CompletionIndexes(), 3, 3), (QList<int>{0, 1, 2}));
    QCOMPARE(firstPendingIndexes({}, CompletionIndexes(), 0, 3), QList<int>());
    QCOMPARE(firstPendingIndexes({0, 1, 2}, CompletionIndexes(), 2, 3), QList<int>());
}

void tst_JobIndexed::duplicateAndStrayPods()
{
    const QList<PodInfo> active{
        pod(u"a-0-ready"_qs, u"0"_qs),
        pod(u"a-0-pending"_qs, u"0"_qs, u"Pending"_qs, false),
        pod(u"a-1"_qs, u"1"_qs),
        pod(u"a-none"_qs, QString()),
        pod(u"a-bad"_qs, u"x"_qs),
        pod(u"a-7"_qs, u"7"_qs),
    };
    QList<PodInfo> keep;
    const QList<PodInfo> remove = podsToRemoveForIndexes(active, 3, &keep);
    // The pending duplicate goes (more deletable than the ready one); no index or out of range go.
    QCOMPARE(names(remove), (QStringList{u"a-0-pending"_qs, u"a-7"_qs, u"a-bad"_qs, u"a-none"_qs}));
    QCOMPARE(names(keep), (QStringList{u"a-0-ready"_qs, u"a-1"_qs}));
    QCOMPARE(completionIndexOf(active.at(2)), 1);
    QCOMPARE(completionIndexOf(active.at(3)), -1);
    QCOMPARE(completionIndexOf(active.at(4)), -1);
}

void tst_JobIndexed::podForIndex()
{
    const QJsonObject podTemplate{
        {u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"job-name"_qs, u"sum"_qs}}}}},
        {u"spec"_qs, QJsonObject{
            {u"subdomain"_qs, u"workers"_qs},
            {u"initContainers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"init"_qs}, {u"image"_qs, u"busybox"_qs}}}},
            {u"containers"_qs, QJsonArray{
                QJsonObject{{u"name"_qs, u"main"_qs}, {u"image"_qs, u"busybox"_qs},
                            {u"env"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"A"_qs}, {u"value"_qs, u"1"_qs}}}}},
                QJsonObject{{u"name"_qs, u"own"_qs}, {u"image"_qs, u"busybox"_qs},
                            {u"env"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"JOB_COMPLETION_INDEX"_qs}, {u"value"_qs, u"mine"_qs}}}}}}}}}};
    const QJsonObject t = podTemplateForIndex(podTemplate, u"sum"_qs, 2);
    const QJsonObject metadata = t.value(u"metadata").toObject();
    QCOMPARE(metadata.value(u"annotations").toObject().value(u"batch.kubernetes.io/job-completion-index").toString(), u"2"_qs);
    QCOMPARE(metadata.value(u"labels").toObject().value(u"batch.kubernetes.io/job-completion-index").toString(), u"2"_qs);
    QCOMPARE(metadata.value(u"labels").toObject().value(u"job-name").toString(), u"sum"_qs);
    const QJsonObject spec = t.value(u"spec").toObject();
    QCOMPARE(spec.value(u"hostname").toString(), u"sum-2"_qs);
    QCOMPARE(spec.value(u"subdomain").toString(), u"workers"_qs);

    const QJsonObject indexEnv{{u"name"_qs, u"JOB_COMPLETION_INDEX"_qs},
                               {u"valueFrom"_qs, QJsonObject{{u"fieldRef"_qs, QJsonObject{
                                    {u"fieldPath"_qs, u"metadata.labels['batch.kubernetes.io/job-completion-index']"_qs}}}}}};
    const QJsonArray containers = spec.value(u"containers").toArray();
    QCOMPARE(containers.at(0).toObject().value(u"env").toArray(),
             (QJsonArray{QJsonObject{{u"name"_qs, u"A"_qs}, {u"value"_qs, u"1"_qs}}, indexEnv}));
    // A container that sets the variable itself keeps its own value.
    QCOMPARE(containers.at(1).toObject().value(u"env").toArray().size(), 1);
    QCOMPARE(spec.value(u"initContainers").toArray().at(0).toObject().value(u"env").toArray(), QJsonArray{indexEnv});
}

void tst_JobIndexed::generateName()
{
    QCOMPARE(podGenerateNameWithIndex(u"sum"_qs, 12), u"sum-12-"_qs);
    const QString longName(60, u'j');
    const QString prefix = podGenerateNameWithIndex(longName, 3);
    QCOMPARE(prefix.size(), 58);
    QVERIFY(prefix.endsWith(u"j-3-"));
}

void tst_JobIndexed::activeDeadline()
{
    const QJsonObject spec{{u"activeDeadlineSeconds"_qs, 30}};
    const QJsonObject status{{u"startTime"_qs, u"2026-11-27T10:00:00Z"_qs}};
    QCOMPARE(kube::activeDeadline(spec, status), std::optional<QDateTime>(at("2026-11-27T10:00:30Z")));
    QVERIFY(!kube::activeDeadline(QJsonObject(), status));
    QVERIFY(!kube::activeDeadline(spec, QJsonObject()));
}

void tst_JobIndexed::timeToLive()
{
    const QJsonObject spec{{u"ttlSecondsAfterFinished"_qs, 100}};
    const QJsonObject running{{u"conditions"_qs, QJsonArray{QJsonObject{{u"type"_qs, u"SuccessCriteriaMet"_qs}, {u"status"_qs, u"True"_qs},
                                                                         {u"lastTransitionTime"_qs, u"2026-11-27T10:00:00Z"_qs}}}}};
    QVERIFY(!ttlExpiry(spec, running));
    QJsonObject failed = running;
    failed.insert(u"conditions", QJsonArray{QJsonObject{{u"type"_qs, u"Failed"_qs}, {u"status"_qs, u"True"_qs},
                                                        {u"lastTransitionTime"_qs, u"2026-11-27T10:01:00Z"_qs}}});
    QCOMPARE(jobFinishTime(failed), at("2026-11-27T10:01:00Z"));
    QCOMPARE(ttlExpiry(spec, failed), std::optional<QDateTime>(at("2026-11-27T10:02:40Z")));
    QVERIFY(!ttlExpiry(QJsonObject(), failed));
    QJsonObject notTrue = failed;
    notTrue.insert(u"conditions", QJsonArray{QJsonObject{{u"type"_qs, u"Complete"_qs}, {u"status"_qs, u"False"_qs},
                                                         {u"lastTransitionTime"_qs, u"2026-11-27T10:01:00Z"_qs}}});
    QVERIFY(!ttlExpiry(spec, notTrue));
}

QTEST_GUILESS_MAIN(tst_JobIndexed)
#include "tst_jobindexed.moc"
