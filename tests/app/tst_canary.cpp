// The canary wizard end to end on a real embedded cluster (controllers, scheduler, kubelets and
// kube-proxy on): a stable Deployment of 3 replicas behind a NodePort Service, a canary at 1 of 4
// replicas measured at 25 % ± 5 % over 1,000 requests, promoted (every answer then comes from the
// new image and the canary is gone); then another canary, aborted (traffic back to stable only,
// its replicas restored). Driven through the wizard's pages and decisions, offscreen.
// With TIMONEL_SCREENSHOT_DIR set, the monitor page is saved as canary-wizard.png.
#include "app/canaryworkflow.h"
#include "app/clustersession.h"
#include "app/commandline.h"
#include "app/namespacewatch.h"
#include "app/theme.h"
#include "app/trafficgenerator.h"

#include "models/deploymentedit.h"
#include "views/canarywizard.h"
#include "views/deliverymonitor.h"
#include "views/planpreview.h"

#include "tests/support/clusterfixture.h"

#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace timonel;

namespace {

const kube::ResourceRef kDeployments{{u"apps"_qs, u"v1"_qs, u"deployments"_qs}, u"default"_qs, {}, {}};
const kube::ResourceRef kServices{{QString(), u"v1"_qs, u"services"_qs}, u"default"_qs, {}, {}};
constexpr int kLong = 60000; // QTRY doubles it once when reporting a failure

kube::Object obj(const char *json)
{
    auto o = kube::Object::parse(json);
    Q_ASSERT(o.ok());
    return *o;
}

} // namespace

class TestCanary : public QObject
{
    Q_OBJECT
private:
    ClusterFixture m_fixture;
    std::unique_ptr<ClusterSession> m_session;
    kube::Object m_service;

    kube::Object create(const kube::ResourceRef &ref, const kube::Object &object)
    {
        auto r = awaitResult<kube::Expected<kube::Object>>([&](auto done) { m_session->create(ref, object, done); });
        return r && r->ok() ? r->value() : kube::Object();
    }

    // Runs the workflow's generator for requests and waits for the tally.
    TrafficTally measure(CanaryWorkflow &workflow, int requests)
    {
        QSignalSpy measured(&workflow, &DeliveryWorkflow::measured);
        if (!workflow.measure(requests))
            return {};
        if (measured.isEmpty() && !measured.wait(60000))
            return {};
        return workflow.measurement();
    }

    // Every pod that answered runs image.
    bool answeredOnlyBy(const CanaryWorkflow &workflow, const TrafficTally &tally, const QString &image)
    {
        for (auto it = tally.byPod.cbegin(); it != tally.byPod.cend(); ++it) {
            const kube::Object pod = workflow.watch()->pod(it.key());
            const QString podImage = pod.toJson()[u"spec"][u"containers"][0][u"image"].toString();
            if (podImage != image) {
                qWarning("pod %s answered %d times with image %s", qPrintable(it.key()), it.value(), qPrintable(podImage));
                return false;
            }
        }
        return !tally.byPod.isEmpty();
    }

    void screenshot(QWidget *widget, const QString &name)
    {
        const QString dir = qEnvironmentVariable("TIMONEL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(300);
        QVERIFY(widget->grab().save(dir + u'/' + name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        // For scripts/screenshots: the language and theme it asks for (nothing changes otherwise).
        if (!qEnvironmentVariable("TIMONEL_LANGUAGE").isEmpty())
            setLanguage(qEnvironmentVariable("TIMONEL_LANGUAGE"));
        if (!qEnvironmentVariable("TIMONEL_THEME").isEmpty())
            applyTheme(savedTheme());
        QVERIFY(m_fixture.start(ClusterFixture::Controllers::On).isSuccess());
        m_session = std::make_unique<ClusterSession>(u"embedded"_qs, m_fixture.config());
        QSignalSpy ready(m_session.get(), &ClusterSession::resourcesChanged);
        m_session->connectToCluster();
        QVERIFY(ready.wait(15000));
        const kube::Object web = create(kDeployments, obj(R"({"apiVersion":"apps/v1","kind":"Deployment",
            "metadata":{"name":"web","labels":{"app":"web"}},
            "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
            "spec":{"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}]}]}}}})"));
        QVERIFY(!web.isNull());
        m_service = create(kServices, obj(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
            "spec":{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":80,"targetPort":80}]}})"));
        QVERIFY(!m_service.isNull());
        QVERIFY(TrafficGenerator::nodePort(m_service).has_value());
    }

    void measurementNeedsALoopbackPort()
    {
        const kube::Object clusterIp = obj(R"({"kind":"Service","metadata":{"name":"internal"},"spec":{"type":"ClusterIP","ports":[{"port":80}]}})");
        QVERIFY(!TrafficGenerator::unavailableReason(clusterIp, true).isEmpty());
        QVERIFY(!TrafficGenerator::unavailableReason(m_service, false).isEmpty());
        QVERIFY(TrafficGenerator::unavailableReason(m_service, true).isEmpty());
    }

    void canaryAtOneOfFourThenPromoted()
    {
        NamespaceWatch watch(m_session.get(), u"default"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(isRolledOut(watch.deployment(u"web"_qs)), kLong);
        const kube::Object stable = watch.deployment(u"web"_qs);

        CanaryWorkflow workflow(m_session.get(), stable, m_service, true);
        CanaryWizard wizard(stable, m_service);
        workflow.bind(&wizard);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        // Choose: 1 canary replica of 4 total is 25 %.
        QCOMPARE(wizard.imageEdit()->text(), u"nginx:1.25"_qs);
        wizard.imageEdit()->setText(u"nginx:1.26"_qs);
        wizard.canarySpin()->setValue(1);
        wizard.totalSpin()->setValue(4);
        QVERIFY(wizard.percentageLabel()->text().startsWith(u"25"));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(CanaryWizard::PreviewPage));
        // Preview: label the stable pods, create the canary (the Service already selects app=web).
        QCOMPARE(wizard.preview()->changeList()->count(), 2);
        QSignalSpy started(&wizard, &CanaryWizard::startRequested);
        wizard.next(); // Apply
        QCOMPARE(started.size(), 1);
        QCOMPARE(wizard.currentId(), int(CanaryWizard::MonitorPage));
        QTRY_COMPARE_WITH_TIMEOUT(workflow.phase(), CanaryWorkflow::Phase::Running, kLong);

        // 1,000 requests through the node port: about a quarter reach the canary.
        QSignalSpy measured(&workflow, &DeliveryWorkflow::measured);
        wizard.monitor()->requestCount()->setValue(1000);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(wizard.monitor()->measureButton(), Qt::LeftButton);
        QVERIFY(measured.wait(60000));
        const TrafficTally tally = workflow.measurement();
        qInfo("canary: %d of %d answers (%.1f %%), %d failed, in %lld ms", tally.byGroup.value(u"canary"_qs), tally.answered,
              100 * tally.share(u"canary"_qs), tally.failed, qint64(clock.elapsed()));
        QCOMPARE(tally.failed, 0);
        QCOMPARE(tally.answered, 1000);
        QVERIFY(tally.share(u"canary"_qs) >= 0.20 && tally.share(u"canary"_qs) <= 0.30);
        QCOMPARE(tally.byGroup.value(u"stable"_qs) + tally.byGroup.value(u"canary"_qs), 1000);
        QCOMPARE(tally.byPod.size(), 4);
        QVERIFY(!wizard.monitor()->shareText(u"canary"_qs).isEmpty());
        const QList<WorkloadHealth> versions = workflow.versions();
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.at(1).ready, 1);
        QCOMPARE(versions.at(0).ready, 3);
        screenshot(&wizard, u"canary-wizard"_qs);

        // Promote, previewed first: stable takes the image and 4 replicas, the canary goes.
        QDialog *confirm = wizard.requestDecision(CanaryWizard::Decision::Promote);
        QVERIFY(confirm);
        auto *preview = confirm->findChild<PlanPreview *>();
        QVERIFY(preview);
        QCOMPARE(preview->step().changes.size(), 2);
        confirm->accept();
        QTRY_COMPARE_WITH_TIMEOUT(workflow.phase(), CanaryWorkflow::Phase::Promoted, kLong);
        QVERIFY(workflow.watch()->deployment(u"web-canary"_qs).isNull());
        auto gone = awaitResult<kube::Expected<kube::Object>>([&](auto done) {
            m_session->get({kDeployments.gvr, u"default"_qs, u"web-canary"_qs, {}}, done);
        });
        QVERIFY(gone && !gone->ok() && gone->error().code() == 404);
        const TrafficTally after = measure(workflow, 300);
        QCOMPARE(after.failed, 0);
        QCOMPARE(after.answered, 300);
        QCOMPARE(after.byGroup.value(u"stable"_qs), 300);
        QVERIFY(answeredOnlyBy(workflow, after, u"nginx:1.26"_qs));
        QCOMPARE(deploymentedit::replicasOf(workflow.watch()->deployment(u"web"_qs)), 4);
        QTRY_VERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    }

    void anotherCanaryAborted()
    {
        NamespaceWatch watch(m_session.get(), u"default"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(isRolledOut(watch.deployment(u"web"_qs)), kLong);
        const kube::Object stable = watch.deployment(u"web"_qs);
        const kube::Object service = watch.service(u"web"_qs);
        CanaryWorkflow workflow(m_session.get(), stable, service, true);
        CanaryWizard wizard(stable, service);
        workflow.bind(&wizard);
        wizard.show();
        wizard.imageEdit()->setText(u"nginx:1.27"_qs);
        wizard.canarySpin()->setValue(1);
        wizard.totalSpin()->setValue(4); // stable goes 4 → 3 while the canary runs
        wizard.next();
        wizard.next();
        QTRY_COMPARE_WITH_TIMEOUT(workflow.phase(), CanaryWorkflow::Phase::Running, kLong);
        const TrafficTally during = measure(workflow, 400);
        QCOMPARE(during.failed, 0);
        QVERIFY(during.byGroup.value(u"canary"_qs) > 0);
        QVERIFY(during.byGroup.value(u"stable"_qs) > 0);

        QDialog *confirm = wizard.requestDecision(CanaryWizard::Decision::Abort);
        QVERIFY(confirm);
        // Replicas back to 4, then the canary is deleted (the Service's selector never changed).
        QCOMPARE(confirm->findChild<PlanPreview *>()->step().changes.size(), 2);
        confirm->accept();
        QTRY_COMPARE_WITH_TIMEOUT(workflow.phase(), CanaryWorkflow::Phase::Aborted, kLong);
        const TrafficTally after = measure(workflow, 400);
        QCOMPARE(after.failed, 0);
        QCOMPARE(after.byGroup.value(u"stable"_qs), 400);
        QCOMPARE(after.byGroup.value(u"canary"_qs), 0);
        QVERIFY(answeredOnlyBy(workflow, after, u"nginx:1.26"_qs));
        QVERIFY(workflow.watch()->deployment(u"web-canary"_qs).isNull());
        QCOMPARE(deploymentedit::replicasOf(workflow.watch()->deployment(u"web"_qs)), 4);
    }

    // The whole flow without a mouse, as a keyboard user does it: mnemonics to reach each field,
    // typing, Enter for Next, Alt+A to apply, Alt+M to measure, Alt+A to abort, Enter to confirm
    // the previewed abort, Enter to finish. Every key goes to the widget that has the focus.
    void wholeFlowByKeyboardOnly()
    {
        // The mnemonics pressed below are the English ones (&image, &Apply, …).
        const QString language = qEnvironmentVariable("TIMONEL_LANGUAGE");
        if (!language.isEmpty() && !language.startsWith(u"en"))
            QSKIP("the keyboard walk presses the English mnemonics; TIMONEL_LANGUAGE chose another language");
        NamespaceWatch watch(m_session.get(), u"default"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(isRolledOut(watch.deployment(u"web"_qs)), kLong);
        const kube::Object stable = watch.deployment(u"web"_qs);
        CanaryWorkflow workflow(m_session.get(), stable, watch.service(u"web"_qs), true);
        CanaryWizard wizard(stable, watch.service(u"web"_qs));
        workflow.bind(&wizard);
        wizard.show();
        wizard.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        const auto key = [](int k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
            QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : QApplication::activeWindow();
            QVERIFY(target);
            QTest::keyClick(target, Qt::Key(k), mods);
        };
        const auto type = [&](const QString &text) {
            key(Qt::Key_A, Qt::ControlModifier); // select what is there, then replace it
            QTest::keyClicks(QApplication::focusWidget(), text);
        };

        key(Qt::Key_I, Qt::AltModifier); // New &image
        QCOMPARE(QApplication::focusWidget(), wizard.imageEdit());
        type(u"nginx:1.28"_qs);
        key(Qt::Key_C, Qt::AltModifier); // &Canary replicas
        QCOMPARE(QApplication::focusWidget(), wizard.canarySpin());
        type(u"1"_qs);
        key(Qt::Key_T, Qt::AltModifier); // &Total replicas
        QCOMPARE(QApplication::focusWidget(), wizard.totalSpin());
        type(u"4"_qs);
        QCOMPARE(wizard.imageEdit()->text(), u"nginx:1.28"_qs);
        QCOMPARE(wizard.canarySpin()->value(), 1);
        QCOMPARE(wizard.totalSpin()->value(), 4);
        QVERIFY(wizard.percentageLabel()->text().startsWith(u"25"));

        key(Qt::Key_Return); // Next
        QTRY_COMPARE(wizard.currentId(), int(CanaryWizard::PreviewPage));
        QSignalSpy started(&wizard, &CanaryWizard::startRequested);
        key(Qt::Key_A, Qt::AltModifier); // &Apply
        QTRY_COMPARE(started.size(), 1);
        QCOMPARE(wizard.currentId(), int(CanaryWizard::MonitorPage));
        QTRY_COMPARE_WITH_TIMEOUT(workflow.phase(), CanaryWorkflow::Phase::Running, kLong);

        QSignalSpy measured(&workflow, &DeliveryWorkflow::measured);
        key(Qt::Key_R, Qt::AltModifier); // &Requests
        QCOMPARE(QApplication::focusWidget(), wizard.monitor()->requestCount());
        type(u"100"_qs);
        key(Qt::Key_M, Qt::AltModifier); // &Measure
        QVERIFY(measured.wait(60000));
        QCOMPARE(workflow.measurement().answered, 100);
        QCOMPARE(workflow.measurement().failed, 0);

        key(Qt::Key_A, Qt::AltModifier); // &Abort…: the preview opens, its Apply is the default button
        QTRY_VERIFY(QApplication::activeModalWidget() != nullptr);
        QVERIFY(QApplication::activeModalWidget()->findChild<PlanPreview *>());
        QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == QApplication::activeModalWidget());
        key(Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(workflow.phase(), CanaryWorkflow::Phase::Aborted, kLong);
        QVERIFY(workflow.watch()->deployment(u"web-canary"_qs).isNull());
        QCOMPARE(deploymentedit::replicasOf(workflow.watch()->deployment(u"web"_qs)), 4);

        QTRY_VERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        wizard.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        key(Qt::Key_Return); // Finish
        QTRY_VERIFY(!wizard.isVisible());
    }
};

QTEST_MAIN(TestCanary)
#include "tst_canary.moc"
