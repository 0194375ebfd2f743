// BlueGreenPlan: green beside blue, the Service pinned to blue then switched to green and back,
// clean-up of either colour, the alternation of colours, and the inputs it refuses.
#include "models/bluegreenplan.h"
#include "models/deploymentedit.h"

#include "kube/api/mergepatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace timonel;

namespace {

kube::Object obj(const QByteArray &json)
{
    auto o = kube::Object::parse(json);
    Q_ASSERT(o.ok());
    return *o;
}

kube::Object deployment(const QString &name, const QByteArray &podLabels)
{
    return obj(QStringLiteral(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1","namespace":"default","uid":"u"},
        "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
        "template":{"metadata":{"labels":%2},"spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}}}})")
                   .arg(name, QString::fromUtf8(podLabels)).toUtf8());
}

kube::Object service(const QByteArray &selector)
{
    return obj(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"default"},
        "spec":{"type":"NodePort","selector":)" + selector + R"(,"ports":[{"port":80}]}})");
}

QJsonObject applied(const PlannedChange &c)
{
    auto r = kube::applyMergePatch(c.before.toJson(), c.patch);
    Q_ASSERT(r.ok());
    return *r;
}

} // namespace

class TestBlueGreenPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prepareLabelsBluePinsServiceAndCreatesGreen()
    {
        const kube::Object blue = deployment(u"web"_qs, R"({"app":"web"})");
        const kube::Object svc = service(R"({"app":"web"})");
        auto plan = BlueGreenPlan::make(blue, svc, {u"nginx:1.26"_qs, {}});
        QVERIFY2(plan.ok(), qPrintable(plan.error().message()));
        QCOMPARE(plan->blueVersion(), u"blue"_qs);
        QCOMPARE(plan->greenVersion(), u"green"_qs);
        QCOMPARE(plan->greenName(), u"web-green"_qs);
        const PlanStep step = plan->prepareStep();
        QCOMPARE(step.changes.size(), 3);
        // 1. blue's pods get version=blue, and the step waits until they serve.
        QCOMPARE(step.changes.at(0).label(), u"Deployment/web"_qs);
        QCOMPARE(applied(step.changes.at(0))[u"spec"][u"template"][u"metadata"][u"labels"][u"version"].toString(), u"blue"_qs);
        QCOMPARE(step.changes.at(0).waitFor, PlannedChange::WaitFor::Settled);
        // 2. the Service is pinned to blue before green exists (green must get no traffic yet).
        QCOMPARE(applied(step.changes.at(1))[u"spec"][u"selector"].toObject(),
                 (QJsonObject{{u"app"_qs, u"web"_qs}, {u"version"_qs, u"blue"_qs}}));
        // 3. green: same replicas, the new image, version=green on selector and pods.
        const PlannedChange &create = step.changes.at(2);
        QCOMPARE(create.action, PlannedChange::Action::Create);
        QCOMPARE(create.waitFor, PlannedChange::WaitFor::Settled);
        const QJsonObject green = create.after.toJson();
        QCOMPARE(green[u"spec"][u"replicas"].toInt(), 2);
        QCOMPARE(green[u"spec"][u"selector"][u"matchLabels"][u"version"].toString(), u"green"_qs);
        QCOMPARE(green[u"spec"][u"template"][u"metadata"][u"labels"][u"version"].toString(), u"green"_qs);
        QCOMPARE(green[u"spec"][u"template"][u"spec"][u"containers"][0][u"image"].toString(), u"nginx:1.26"_qs);
        QCOMPARE(green[u"metadata"][u"annotations"][u"timonel.dev/blue-green-of"].toString(), u"web"_qs);
        QCOMPARE(step.expectedEndpoints, 2);
    }

    void switchAndSwitchBackMoveOnlyTheVersion()
    {
        const kube::Object blue = deployment(u"web"_qs, R"({"app":"web","tier":"front"})");
        auto plan = BlueGreenPlan::make(blue, service(R"({"app":"web","tier":"front"})"), {u"nginx:1.26"_qs, {}});
        QVERIFY(plan.ok());
        const kube::Object pinned = deploymentedit::withServiceSelector(service(R"({})"), plan->selectorFor(u"blue"_qs));
        const PlanStep toGreen = plan->switchStep(pinned);
        QCOMPARE(toGreen.changes.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(toGreen.changes.at(0).patch).object(),
                 (QJsonObject{{u"spec"_qs, QJsonObject{{u"selector"_qs, QJsonObject{{u"version"_qs, u"green"_qs}}}}}}));
        const kube::Object onGreen = kube::Object::fromJson(applied(toGreen.changes.at(0)));
        QCOMPARE(deploymentedit::serviceSelector(onGreen),
                 (kube::Labels{{u"app"_qs, u"web"_qs}, {u"tier"_qs, u"front"_qs}, {u"version"_qs, u"green"_qs}}));
        const PlanStep back = plan->switchBackStep(onGreen);
        QCOMPARE(deploymentedit::serviceSelector(kube::Object::fromJson(applied(back.changes.at(0)))),
                 (kube::Labels{{u"app"_qs, u"web"_qs}, {u"tier"_qs, u"front"_qs}, {u"version"_qs, u"blue"_qs}}));
        // Already on blue: switching back changes nothing.
        QVERIFY(plan->switchBackStep(pinned).isEmpty());
    }

    void cleanupDeletesOneColour()
    {
        const kube::Object blue = deployment(u"web"_qs, R"({"app":"web"})");
        auto plan = BlueGreenPlan::make(blue, service(R"({"app":"web"})"), {u"nginx:1.26"_qs, {}});
        QVERIFY(plan.ok());
        const PlanStep cleanup = plan->cleanupStep(blue);
        QCOMPARE(cleanup.changes.size(), 1);
        QCOMPARE(cleanup.changes.at(0).action, PlannedChange::Action::Delete);
        QCOMPARE(cleanup.changes.at(0).name, u"web"_qs);
        QCOMPARE(cleanup.changes.at(0).waitFor, PlannedChange::WaitFor::Gone);
        QVERIFY(cleanup.changes.at(0).afterYaml().isEmpty());
        QVERIFY(cleanup.changes.at(0).beforeYaml().contains(u"name: web"));
        const PlanStep abandon = plan->abandonStep(plan->greenDeployment());
        QCOMPARE(abandon.changes.at(0).name, u"web-green"_qs);
        QVERIFY(plan->cleanupStep(kube::Object()).isEmpty());
    }

    void coloursAlternate()
    {
        // The live Deployment came from an earlier blue-green: it is green, the new one is blue.
        const kube::Object live = deployment(u"web-green"_qs, R"({"app":"web","version":"green"})");
        auto plan = BlueGreenPlan::make(live, service(R"({"app":"web","version":"green"})"), {u"nginx:1.27"_qs, {}});
        QVERIFY(plan.ok());
        QCOMPARE(plan->blueVersion(), u"green"_qs);
        QCOMPARE(plan->greenVersion(), u"blue"_qs);
        QCOMPARE(plan->greenName(), u"web-blue"_qs);
        // Nothing to label or pin: only the new Deployment.
        const PlanStep step = plan->prepareStep();
        QCOMPARE(step.changes.size(), 1);
        QCOMPARE(step.changes.at(0).action, PlannedChange::Action::Create);
    }

    void courseVersionLabelIsKept()
    {
        const kube::Object live = deployment(u"app-v1"_qs, R"({"app":"web","version":"1.0.0"})");
        auto plan = BlueGreenPlan::make(live, service(R"({"app":"web"})"), {u"app:2.0.0"_qs, {}});
        QVERIFY(plan.ok());
        QCOMPARE(plan->blueVersion(), u"1.0.0"_qs);
        QCOMPARE(plan->greenName(), u"app-v1-green"_qs);
        const PlanStep step = plan->prepareStep();
        QCOMPARE(step.changes.size(), 2); // pin the Service, create green
        QCOMPARE(applied(step.changes.at(0))[u"spec"][u"selector"][u"version"].toString(), u"1.0.0"_qs);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("selector");
        QTest::addColumn<QString>("image");
        QTest::newRow("service-selects-other-pods") << QByteArray(R"({"app":"api"})") << u"x:1"_qs;
        QTest::newRow("version-only-selector") << QByteArray(R"({"version":"blue"})") << u"x:1"_qs;
        QTest::newRow("no-image") << QByteArray(R"({"app":"web"})") << QString();
    }
    void refusals()
    {
        QFETCH(QByteArray, selector);
        QFETCH(QString, image);
        const kube::Object blue = deployment(u"web"_qs, R"({"app":"web","version":"blue"})");
        auto plan = BlueGreenPlan::make(blue, service(selector), {image, {}});
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code(), 400);
    }
};

QTEST_GUILESS_MAIN(TestBlueGreenPlan)
#include "tst_bluegreenplan.moc"
