#include "editor/manifestvalidator.h"
#include "editor/templatecatalog.h"
#include "editor/yamlsourcemap.h"

#include <QTest>

using timonel::TemplateCatalog;

class TestTemplateCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void catalogListsTheStarterKinds()
    {
        QStringList ids;
        for (const auto &t : TemplateCatalog::templates()) {
            ids << t.id;
            QVERIFY(!t.name.isEmpty());
            QVERIFY(!t.description.isEmpty());
        }
        QCOMPARE(ids, QStringList({u"deployment"_qs, u"service"_qs, u"configmap"_qs, u"secret"_qs, u"job"_qs, u"cronjob"_qs,
                                   u"ingress"_qs, u"persistentvolumeclaim"_qs, u"pod"_qs}));
        QVERIFY(TemplateCatalog::text(u"nope"_qs).isEmpty());
    }

    void everyTemplateIsValid_data()
    {
        QTest::addColumn<QString>("id");
        for (const auto &t : TemplateCatalog::templates())
            QTest::newRow(qPrintable(t.id)) << t.id;
    }
    void everyTemplateIsValid()
    {
        QFETCH(QString, id);
        const timonel::ManifestValidator validator;
        const QString shipped = TemplateCatalog::text(id);
        QVERIFY(!shipped.isEmpty());
        QVERIFY(validator.validate(shipped).isEmpty());

        const QString text = TemplateCatalog::instantiate(id, u"shop"_qs, u"prod"_qs);
        const auto problems = validator.validate(text);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().message));
        const auto map = timonel::YamlSourceMap::parse(text);
        const auto &doc = map.documents().first();
        QCOMPARE(doc.scalarText(map.find(0, u"metadata.name")->valueNode), u"shop"_qs);
        QCOMPARE(doc.scalarText(map.find(0, u"metadata.namespace")->valueNode), u"prod"_qs);
        QVERIFY(!text.contains(u"my-app"_qs));
    }
};

QTEST_GUILESS_MAIN(TestTemplateCatalog)
#include "tst_templatecatalog.moc"
