// CanaryPlan: the canary Deployment it makes, the patches to the stable Deployment and the
// Service for each step (start, promote, abort), the resulting percentage, and the inputs it
// refuses.
#include "models/canaryplan.h"
#include "models/deploymentedit.h"

#include "kube/api/mergepatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace timonel;

namespace {

kube::Object obj(const char *json)
{
    auto o = kube::Object::parse(json);
    Q_ASSERT(o.ok());
    return *o;
}

kube::Object stableWeb()
{
    return obj(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","uid":"u1",
        "resourceVersion":"42","generation":3,"labels":{"app":"web"},
        "annotations":{"deployment.kubernetes.io/revision":"3"}},
        "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
        "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[
          {"name":"sidecar","image":"busybox:1.36"},{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}]}]}}},
        "status":{"replicas":3,"readyReplicas":3}})");
}

kube::Object serviceOf(const char *selectorJson)
{
    const QByteArray json = QByteArrayLiteral(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"web","namespace":"shop"},
        "spec":{"type":"NodePort","selector":)") + selectorJson + QByteArrayLiteral(R"(,"ports":[{"port":80,"nodePort":30080}]}})");
    return obj(json.constData());
}

QJsonObject patchOf(const PlannedChange &c)
{
    return QJsonDocument::fromJson(c.patch).object();
}

QJsonObject applied(const PlannedChange &c)
{
    auto r = kube::applyMergePatch(c.before.toJson(), c.patch);
    Q_ASSERT(r.ok());
    return *r;
}

} // namespace

class TestCanaryPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void canaryDeploymentCarriesVersionCanary()
    {
        auto plan = CanaryPlan::make(stableWeb(), serviceOf(R"({"app":"web"})"), {u"nginx:1.26"_qs, u"nginx"_qs, 1, 4});
        QVERIFY2(plan.ok(), qPrintable(plan.error().message()));
        const QJsonObject canary = plan->canaryDeployment().toJson();
        QCOMPARE(canary[u"metadata"][u"name"].toString(), u"web-canary"_qs);
        QCOMPARE(canary[u"metadata"][u"namespace"].toString(), u"shop"_qs);
        QCOMPARE(canary[u"metadata"][u"labels"][u"version"].toString(), u"canary"_qs);
        QCOMPARE(canary[u"metadata"][u"annotations"][u"timonel.dev/canary-of"].toString(), u"web"_qs);
        QVERIFY(!canary[u"metadata"].toObject().contains(u"uid"));
        QVERIFY(!canary[u"metadata"].toObject().contains(u"resourceVersion"));
        QVERIFY(!canary.contains(u"status"));
        QCOMPARE(canary[u"spec"][u"replicas"].toInt(), 1);
        QCOMPARE(canary[u"spec"][u"selector"][u"matchLabels"].toObject(),
                 (QJsonObject{{u"app"_qs, u"web"_qs}, {u"version"_qs, u"canary"_qs}}));
        QCOMPARE(canary[u"spec"][u"template"][u"metadata"][u"labels"].toObject(),
                 (QJsonObject{{u"app"_qs, u"web"_qs}, {u"version"_qs, u"canary"_qs}}));
        const QJsonArray containers = canary[u"spec"][u"template"][u"spec"][u"containers"].toArray();
        QCOMPARE(containers.at(0)[u"image"].toString(), u"busybox:1.36"_qs); // only the chosen container changes
        QCOMPARE(containers.at(1)[u"image"].toString(), u"nginx:1.26"_qs);
        QCOMPARE(plan->percentage(), 25);
        QCOMPARE(plan->stableReplicas(), 3);
        QCOMPARE(plan->stableVersion(), u"stable"_qs);
    }

    void startLabelsStableAndCreatesCanary()
    {
        auto plan = CanaryPlan::make(stableWeb(), serviceOf(R"({"app":"web"})"), {u"nginx:1.26"_qs, u"nginx"_qs, 1, 4});
        QVERIFY(plan.ok());
        const PlanStep step = plan->startStep();
        // The Service already selects only the shared label: no change to it.
        QCOMPARE(step.changes.size(), 2);
        const PlannedChange &label = step.changes.at(0);
        QCOMPARE(label.action, PlannedChange::Action::Patch);
        QCOMPARE(label.label(), u"Deployment/web"_qs);
        // Only the template label changes; replicas stay 3 of 4 and the selector is immutable.
        QCOMPARE(patchOf(label), (QJsonObject{{u"spec"_qs, QJsonObject{{u"template"_qs,
                 QJsonObject{{u"metadata"_qs, QJsonObject{{u"labels"_qs, QJsonObject{{u"version"_qs, u"stable"_qs}}}}}}}}}}));
        QCOMPARE(applied(label)[u"spec"][u"template"][u"metadata"][u"labels"][u"version"].toString(), u"stable"_qs);
        QCOMPARE(step.changes.at(1).action, PlannedChange::Action::Create);
        QCOMPARE(step.changes.at(1).name, u"web-canary"_qs);
        QCOMPARE(step.changes.at(1).gvr.groupResource(), u"deployments.apps"_qs);
        QCOMPARE(step.expectedEndpoints, 4);
        // The preview: the stable object's diff shows the label, without status or uid.
        QVERIFY(label.beforeYaml().contains(u"replicas: 3"));
        QVERIFY(!label.beforeYaml().contains(u"uid:"));
        QVERIFY(!label.beforeYaml().contains(u"readyReplicas"));
        QVERIFY(label.afterYaml().contains(u"version: stable"));
        QVERIFY(!label.beforeYaml().contains(u"version: stable"));
        QVERIFY(step.changes.at(1).beforeYaml().isEmpty());
        QVERIFY(step.changes.at(1).afterYaml().contains(u"name: web-canary"));
    }

    void startWithPinnedServiceSelectsSharedLabels()
    {
        // The course's layout: the stable pods already carry a version; the Service selects it.
        const kube::Object stable = deploymentedit::withTemplateLabel(stableWeb(), u"version"_qs, u"1.0.0"_qs);
        const kube::Object service = serviceOf(R"({"app":"web","version":"1.0.0"})");
        auto plan = CanaryPlan::make(stable, service, {u"nginx:2"_qs, {}, 2, 4});
        QVERIFY(plan.ok());
        QCOMPARE(plan->options().container, u"sidecar"_qs); // the first container by default
        QCOMPARE(plan->stableVersion(), u"1.0.0"_qs);
        QCOMPARE(plan->percentage(), 50);
        const PlanStep step = plan->startStep();
        QCOMPARE(step.changes.size(), 3);
        // No label to add: only the replicas change (3 → 2 of 4).
        QCOMPARE(patchOf(step.changes.at(0)), (QJsonObject{{u"spec"_qs, QJsonObject{{u"replicas"_qs, 2}}}}));
        const PlannedChange &svc = step.changes.at(1);
        QCOMPARE(svc.label(), u"Service/web"_qs);
        QCOMPARE(patchOf(svc), (QJsonObject{{u"spec"_qs, QJsonObject{{u"selector"_qs, QJsonObject{{u"version"_qs, QJsonValue::Null}}}}}}));
        QCOMPARE(applied(svc)[u"spec"][u"selector"].toObject(), (QJsonObject{{u"app"_qs, u"web"_qs}}));
        QCOMPARE(step.changes.at(2).after.toJson()[u"spec"][u"replicas"].toInt(), 2);

        // Abort: replicas and selector back, then the canary goes.
        const kube::Object liveStable = deploymentedit::withReplicas(stable, 2);
        const kube::Object liveService = deploymentedit::withServiceSelector(service, plan->sharedSelector());
        const PlanStep abort = plan->abortStep(liveStable, liveService, plan->canaryDeployment());
        QCOMPARE(abort.changes.size(), 3);
        QCOMPARE(patchOf(abort.changes.at(0)), (QJsonObject{{u"spec"_qs, QJsonObject{{u"replicas"_qs, 3}}}}));
        QCOMPARE(applied(abort.changes.at(1))[u"spec"][u"selector"].toObject(),
                 (QJsonObject{{u"app"_qs, u"web"_qs}, {u"version"_qs, u"1.0.0"_qs}}));
        QCOMPARE(abort.changes.at(2).action, PlannedChange::Action::Delete);
        QCOMPARE(abort.changes.at(2).name, u"web-canary"_qs);
        QCOMPARE(abort.expectedEndpoints, 3);
    }

    void abortRestoresReplicasWhenTheTotalShrankStable()
    {
        auto plan = CanaryPlan::make(stableWeb(), serviceOf(R"({"app":"web"})"), {u"nginx:1.26"_qs, u"nginx"_qs, 1, 3});
        QVERIFY(plan.ok());
        QCOMPARE(plan->stableReplicas(), 2);
        const PlannedChange stable = plan->startStep().changes.at(0);
        QCOMPARE(applied(stable)[u"spec"][u"replicas"].toInt(), 2);
        const kube::Object live = kube::Object::fromJson(applied(stable));
        const PlanStep abort = plan->abortStep(live, serviceOf(R"({"app":"web"})"), plan->canaryDeployment());
        QCOMPARE(abort.changes.size(), 2);
        QCOMPARE(patchOf(abort.changes.at(0)), (QJsonObject{{u"spec"_qs, QJsonObject{{u"replicas"_qs, 3}}}}));
        QCOMPARE(abort.changes.at(1).action, PlannedChange::Action::Delete);
    }

    void promoteGivesStableTheImageAndAllReplicas()
    {
        const kube::Object service = serviceOf(R"({"app":"web","version":"stable"})");
        const kube::Object stable = deploymentedit::withTemplateLabel(stableWeb(), u"version"_qs, u"stable"_qs);
        auto plan = CanaryPlan::make(stable, service, {u"nginx:1.26"_qs, u"nginx"_qs, 1, 4});
        QVERIFY(plan.ok());
        const kube::Object liveService = deploymentedit::withServiceSelector(service, plan->sharedSelector());
        const PlanStep promote = plan->promoteStep(stable, liveService, plan->canaryDeployment());
        QCOMPARE(promote.changes.size(), 3);
        const QJsonObject after = applied(promote.changes.at(0));
        QCOMPARE(after[u"spec"][u"replicas"].toInt(), 4);
        const QJsonArray containers = after[u"spec"][u"template"][u"spec"][u"containers"].toArray();
        QCOMPARE(containers.at(1)[u"image"].toString(), u"nginx:1.26"_qs);
        QCOMPARE(containers.at(0)[u"image"].toString(), u"busybox:1.36"_qs);
        QCOMPARE(promote.changes.at(0).waitFor, PlannedChange::WaitFor::Settled);
        // The canary goes only after the stable Deployment serves the new image everywhere.
        QCOMPARE(promote.changes.at(1).action, PlannedChange::Action::Delete);
        QCOMPARE(promote.changes.at(1).waitFor, PlannedChange::WaitFor::Gone);
        QCOMPARE(applied(promote.changes.at(2))[u"spec"][u"selector"].toObject(),
                 (QJsonObject{{u"app"_qs, u"web"_qs}, {u"version"_qs, u"stable"_qs}}));
        QCOMPARE(promote.expectedEndpoints, 4);
    }

    void percentage_data()
    {
        QTest::addColumn<int>("canary");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("percent");
        QTest::newRow("one-of-four") << 1 << 4 << 25;
        QTest::newRow("one-of-three-rounds-down") << 1 << 3 << 33;
        QTest::newRow("two-of-three-rounds-up") << 2 << 3 << 67;
        QTest::newRow("one-of-ten") << 1 << 10 << 10;
    }
    void percentage()
    {
        QFETCH(int, canary);
        QFETCH(int, total);
        QFETCH(int, percent);
        auto plan = CanaryPlan::make(stableWeb(), serviceOf(R"({"app":"web"})"), {u"nginx:1.26"_qs, u"nginx"_qs, canary, total});
        QVERIFY(plan.ok());
        QCOMPARE(plan->percentage(), percent);
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("selector");
        QTest::addColumn<QString>("image");
        QTest::addColumn<QString>("container");
        QTest::addColumn<int>("canary");
        QTest::addColumn<int>("total");
        QTest::newRow("service-selects-other-pods") << QByteArray(R"({"app":"api"})") << u"x:1"_qs << QString() << 1 << 4;
        QTest::newRow("service-selects-nothing") << QByteArray(R"({})") << u"x:1"_qs << QString() << 1 << 4;
        QTest::newRow("no-image") << QByteArray(R"({"app":"web"})") << u"  "_qs << QString() << 1 << 4;
        QTest::newRow("unknown-container") << QByteArray(R"({"app":"web"})") << u"x:1"_qs << u"php"_qs << 1 << 4;
        QTest::newRow("canary-takes-everything") << QByteArray(R"({"app":"web"})") << u"x:1"_qs << QString() << 4 << 4;
        QTest::newRow("no-canary-replica") << QByteArray(R"({"app":"web"})") << u"x:1"_qs << QString() << 0 << 4;
    }
    void refusals()
    {
        QFETCH(QByteArray, selector);
        QFETCH(QString, image);
        QFETCH(QString, container);
        QFETCH(int, canary);
        QFETCH(int, total);
        auto plan = CanaryPlan::make(stableWeb(), serviceOf(selector.constData()), {image, container, canary, total});
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().code(), 400);
        QVERIFY(!plan.error().message().isEmpty());
    }

    void aCanaryIsNotCanaried()
    {
        auto plan = CanaryPlan::make(stableWeb(), serviceOf(R"({"app":"web"})"), {u"nginx:1.26"_qs, u"nginx"_qs, 1, 4});
        QVERIFY(plan.ok());
        auto again = CanaryPlan::make(plan->canaryDeployment(), serviceOf(R"({"app":"web"})"), {u"nginx:1.27"_qs, {}, 1, 4});
        QVERIFY(!again.ok());
    }

    void mergePatchBetweenRemovesWithNull()
    {
        const QJsonObject patch = mergePatchBetween(QJsonObject{{u"a"_qs, 1}, {u"m"_qs, QJsonObject{{u"x"_qs, 1}, {u"y"_qs, 2}}}},
                                                    QJsonObject{{u"a"_qs, 1}, {u"m"_qs, QJsonObject{{u"x"_qs, 3}}}, {u"b"_qs, true}});
        QCOMPARE(patch, (QJsonObject{{u"m"_qs, QJsonObject{{u"x"_qs, 3}, {u"y"_qs, QJsonValue::Null}}}, {u"b"_qs, true}}));
    }
};

QTEST_GUILESS_MAIN(TestCanaryPlan)
#include "tst_canaryplan.moc"
