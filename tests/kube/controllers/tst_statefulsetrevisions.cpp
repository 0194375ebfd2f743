// Which ControllerRevisions a StatefulSet rolls between: the first revision, an unchanged
// template, a new template, a rollback to an older template (renumbered), the current revision
// from status, and a set rebuilt from a revision.
#include "kube/controllers/statefulset/statefulsetrevisions.h"

#include "kube/controllers/history/controllerrevisions.h"

#include <QJsonArray>
#include <QTest>

using namespace kube;
using namespace kube::statefulset;

namespace {

QJsonObject set(const QString &image, const QString &currentRevision = {}, std::optional<int> collisions = {})
{
    const QJsonObject labels{{u"app"_qs, u"web"_qs}};
    QJsonObject status;
    if (!currentRevision.isEmpty())
        status.insert(u"currentRevision", currentRevision);
    if (collisions)
        status.insert(u"collisionCount", *collisions);
    return QJsonObject{
        {u"apiVersion"_qs, u"apps/v1"_qs},
        {u"kind"_qs, u"StatefulSet"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, u"web"_qs}, {u"namespace"_qs, u"default"_qs}, {u"uid"_qs, u"set-uid"_qs},
                                     {u"annotations"_qs, QJsonObject{{u"kubernetes.io/change-cause"_qs, image}}}}},
        {u"spec"_qs, QJsonObject{
            {u"selector"_qs, QJsonObject{{u"matchLabels"_qs, labels}}},
            {u"template"_qs, QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, labels}}},
                                         {u"spec"_qs, QJsonObject{{u"containers"_qs, QJsonArray{QJsonObject{{u"name"_qs, u"c"_qs}, {u"image"_qs, image}}}}}}}},
        }},
        {u"status"_qs, status},
    };
}

Object revision(const QString &image, qint64 number)
{
    return Object::fromJson(history::newRevision(set(image), u"StatefulSet"_qs, number, std::nullopt));
}

QString imageOf(const QJsonObject &set)
{
    return set.value(u"spec").toObject().value(u"template").toObject().value(u"spec").toObject()
        .value(u"containers").toArray().first().toObject().value(u"image").toString();
}

} // namespace

class TestStatefulSetRevisions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstRevisionIsCreated()
    {
        const RevisionChoice choice = chooseRevisions(set(u"nginx:1.25"_qs), {});
        QCOMPARE(choice.step, RevisionChoice::Step::Create);
        QCOMPARE(choice.write.value(u"revision").toInteger(), 1);
        const QJsonObject metadata = choice.write.value(u"metadata").toObject();
        QVERIFY(metadata.value(u"name").toString().startsWith(u"web-"));
        QCOMPARE(metadata.value(u"labels").toObject().value(u"app").toString(), u"web"_qs);
        QCOMPARE(metadata.value(u"annotations").toObject().value(u"kubernetes.io/change-cause").toString(), u"nginx:1.25"_qs);
        QCOMPARE(metadata.value(u"ownerReferences").toArray().first().toObject().value(u"uid").toString(), u"set-uid"_qs);
    }

    void unchangedTemplateKeepsItsRevision()
    {
        const QList<Object> owned{revision(u"nginx:1.24"_qs, 1), revision(u"nginx:1.25"_qs, 2)};
        const RevisionChoice choice = chooseRevisions(set(u"nginx:1.25"_qs, owned.first().name()), owned);
        QCOMPARE(choice.step, RevisionChoice::Step::None);
        QCOMPARE(choice.update->name(), owned.last().name());
        QCOMPARE(choice.current->name(), owned.first().name());
    }

    void unknownCurrentRevisionMeansTheUpdateRevision()
    {
        const QList<Object> owned{revision(u"nginx:1.25"_qs, 1)};
        const RevisionChoice choice = chooseRevisions(set(u"nginx:1.25"_qs, u"web-gone"_qs), owned);
        QCOMPARE(choice.current->name(), owned.first().name());
    }

    void newTemplateGetsTheNextNumber()
    {
        const QList<Object> owned{revision(u"nginx:1.24"_qs, 1), revision(u"nginx:1.25"_qs, 2)};
        const RevisionChoice choice = chooseRevisions(set(u"nginx:1.26"_qs), owned);
        QCOMPARE(choice.step, RevisionChoice::Step::Create);
        QCOMPARE(choice.write.value(u"revision").toInteger(), 3);
        QVERIFY(!choice.update);
    }

    void rollbackRenumbersTheEqualRevision()
    {
        const QList<Object> owned{revision(u"nginx:1.24"_qs, 1), revision(u"nginx:1.25"_qs, 2)};
        const RevisionChoice choice = chooseRevisions(set(u"nginx:1.24"_qs), owned);
        QCOMPARE(choice.step, RevisionChoice::Step::Renumber);
        QCOMPARE(choice.write.value(u"metadata").toObject().value(u"name").toString(), owned.first().name());
        QCOMPARE(choice.write.value(u"revision").toInteger(), 3);
    }

    void collisionCountChangesTheName()
    {
        QVERIFY(!collisionCount(set(u"a"_qs)));
        QCOMPARE(collisionCount(set(u"a"_qs, {}, 2)).value_or(-1), 2);
        const QString plain = chooseRevisions(set(u"a"_qs), {}).write.value(u"metadata").toObject().value(u"name").toString();
        const QString bumped = chooseRevisions(set(u"a"_qs, {}, 1), {}).write.value(u"metadata").toObject().value(u"name").toString();
        QVERIFY(plain != bumped);
    }

    void applyRevisionRestoresTheTemplate()
    {
        const QJsonObject restored = applyRevision(set(u"nginx:1.26"_qs), revision(u"nginx:1.24"_qs, 1));
        QCOMPARE(imageOf(restored), u"nginx:1.24"_qs);
        QVERIFY(!restored.value(u"spec").toObject().value(u"template").toObject().contains(u"$patch"));
        QCOMPARE(restored.value(u"metadata"), set(u"nginx:1.26"_qs).value(u"metadata"));
        QCOMPARE(restored.value(u"spec").toObject().value(u"selector"), set(u"x"_qs).value(u"spec").toObject().value(u"selector"));
    }
};

QTEST_GUILESS_MAIN(TestStatefulSetRevisions)
#include "tst_statefulsetrevisions.moc"
