// The blue-green wizard end to end on a real embedded cluster (controllers and kube-proxy on):
// blue serving, green created and ready beside it, the Service switched to green while the traffic
// generator runs — no request fails — switched back the same way, switched again, and blue
// cleaned up. Driven through the wizard's pages and decisions, offscreen.
// With TIMONEL_SCREENSHOT_DIR set, the monitor page is saved as bluegreen-wizard.png.
#include "app/bluegreenworkflow.h"
#include "app/clustersession.h"
#include "app/commandline.h"
#include "app/namespacewatch.h"
#include "app/theme.h"
#include "app/trafficgenerator.h"

#include "models/deploymentedit.h"
#include "views/bluegreenwizard.h"
#include "views/deliverymonitor.h"
#include "views/planpreview.h"

#include "tests/support/clusterfixture.h"

#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
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

class TestBlueGreen : public QObject
{
    Q_OBJECT
private:
    ClusterFixture m_fixture;
    std::unique_ptr<ClusterSession> m_session;

    kube::Object create(const kube::ResourceRef &ref, const kube::Object &object)
    {
        auto r = awaitResult<kube::Expected<kube::Object>>([&](auto done) { m_session->create(ref, object, done); });
        return r && r->ok() ? r->value() : kube::Object();
    }

    TrafficTally measure(BlueGreenWorkflow &workflow, int requests)
    {
        QSignalSpy measured(&workflow, &DeliveryWorkflow::measured);
        if (!workflow.measure(requests))
            return {};
        if (measured.isEmpty() && !measured.wait(60000))
            return {};
        return workflow.measurement();
    }

    // Decides through the wizard (preview, then apply) while the generator keeps sending
    // requests; `run` gets the tally of the whole run once `to` has answered 200 requests.
    void decideUnderTraffic(BlueGreenWizard &wizard, BlueGreenWorkflow &workflow, BlueGreenWizard::Decision decision,
                            const QString &from, const QString &to, TrafficTally &run)
    {
        QVERIFY(workflow.measure(0));
        QTRY_VERIFY_WITH_TIMEOUT(workflow.measurement().byGroup.value(from) >= 100, 30000);
        QSignalSpy finished(&workflow, &BlueGreenWorkflow::decisionFinished);
        QDialog *confirm = wizard.requestDecision(decision);
        QVERIFY(confirm);
        confirm->accept();
        QVERIFY(finished.wait(kLong));
        const kube::Status status = finished.at(0).at(0).value<kube::Status>();
        QVERIFY2(status.isSuccess(), qPrintable(status.message()));
        QTRY_VERIFY_WITH_TIMEOUT(workflow.measurement().byGroup.value(to) >= 200, 30000);
        workflow.stopMeasuring();
        run = workflow.measurement();
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
        qRegisterMetaType<kube::Status>();
        QVERIFY(m_fixture.start(ClusterFixture::Controllers::On).isSuccess());
        m_session = std::make_unique<ClusterSession>(u"embedded"_qs, m_fixture.config());
        QSignalSpy ready(m_session.get(), &ClusterSession::resourcesChanged);
        m_session->connectToCluster();
        QVERIFY(ready.wait(15000));
        QVERIFY(!create(kDeployments, obj(R"({"apiVersion":"apps/v1","kind":"Deployment",
            "metadata":{"name":"shop","labels":{"app":"shop"}},
            "spec":{"replicas":2,"selector":{"matchLabels":{"app":"shop"}},"template":{"metadata":{"labels":{"app":"shop"}},
            "spec":{"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}]}]}}}})")).isNull());
        QVERIFY(!create(kServices, obj(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"shop"},
            "spec":{"type":"NodePort","selector":{"app":"shop"},"ports":[{"port":80,"targetPort":80}]}})")).isNull());
    }

    void switchAndSwitchBackWithoutAFailedRequest()
    {
        NamespaceWatch watch(m_session.get(), u"default"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(isRolledOut(watch.deployment(u"shop"_qs)), kLong);
        const kube::Object blue = watch.deployment(u"shop"_qs);
        const kube::Object service = watch.service(u"shop"_qs);

        BlueGreenWorkflow workflow(m_session.get(), blue, service, true);
        BlueGreenWizard wizard(blue, service);
        workflow.bind(&wizard);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.imageEdit()->setText(u"nginx:1.26"_qs);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(BlueGreenWizard::PreviewPage));
        QCOMPARE(wizard.preview()->step().changes.size(), 3); // label blue, pin the Service, create green
        wizard.next(); // Apply
        QCOMPARE(wizard.currentId(), int(BlueGreenWizard::MonitorPage));

        // Green is created and ready; the Service still sends everything to blue.
        QTRY_COMPARE_WITH_TIMEOUT(workflow.live(), BlueGreenWorkflow::Live::Blue, kLong);
        QVERIFY(isRolledOut(workflow.watch()->deployment(u"shop-green"_qs)));
        QCOMPARE(deploymentedit::replicasOf(workflow.watch()->deployment(u"shop-green"_qs)), 2);
        QVERIFY(wizard.decisionButton(BlueGreenWizard::Decision::Switch)->isEnabled());
        QVERIFY(!wizard.decisionButton(BlueGreenWizard::Decision::CleanUp)->isEnabled());
        const TrafficTally onBlue = measure(workflow, 200);
        QCOMPARE(onBlue.failed, 0);
        QCOMPARE(onBlue.byGroup.value(u"blue"_qs), 200);

        // Switch under traffic: blue answered before, green after, nothing failed.
        TrafficTally switching;
        decideUnderTraffic(wizard, workflow, BlueGreenWizard::Decision::Switch, u"blue"_qs, u"green"_qs, switching);
        if (QTest::currentTestFailed())
            return;
        qInfo("switch: %d blue, %d green, %d failed", switching.byGroup.value(u"blue"_qs), switching.byGroup.value(u"green"_qs),
              switching.failed);
        QCOMPARE(switching.failed, 0);
        QVERIFY(switching.byGroup.value(u"blue"_qs) >= 100);
        QVERIFY(switching.byGroup.value(u"green"_qs) >= 200);
        QCOMPARE(workflow.live(), BlueGreenWorkflow::Live::Green);
        const TrafficTally onGreen = measure(workflow, 200);
        QCOMPARE(onGreen.failed, 0);
        QCOMPARE(onGreen.byGroup.value(u"green"_qs), 200);
        screenshot(&wizard, u"bluegreen-wizard"_qs);

        // And back, the same way.
        TrafficTally back;
        decideUnderTraffic(wizard, workflow, BlueGreenWizard::Decision::SwitchBack, u"green"_qs, u"blue"_qs, back);
        if (QTest::currentTestFailed())
            return;
        qInfo("switch back: %d green, %d blue, %d failed", back.byGroup.value(u"green"_qs), back.byGroup.value(u"blue"_qs), back.failed);
        QCOMPARE(back.failed, 0);
        QVERIFY(back.byGroup.value(u"blue"_qs) >= 200);
        QCOMPARE(workflow.live(), BlueGreenWorkflow::Live::Blue);
        QCOMPARE(measure(workflow, 200).byGroup.value(u"blue"_qs), 200);

        // Switch again and clean up blue: green alone serves, blue is gone.
        QSignalSpy finished(&workflow, &BlueGreenWorkflow::decisionFinished);
        wizard.requestDecision(BlueGreenWizard::Decision::Switch)->accept();
        QVERIFY(finished.wait(kLong));
        QTRY_COMPARE(workflow.live(), BlueGreenWorkflow::Live::Green);
        QDialog *cleanup = wizard.requestDecision(BlueGreenWizard::Decision::CleanUp);
        QCOMPARE(cleanup->findChild<PlanPreview *>()->step().changes.size(), 1);
        QCOMPARE(cleanup->findChild<PlanPreview *>()->step().changes.at(0).name, u"shop"_qs);
        cleanup->accept();
        QTRY_COMPARE_WITH_TIMEOUT(workflow.live(), BlueGreenWorkflow::Live::Done, kLong);
        QVERIFY(workflow.watch()->deployment(u"shop"_qs).isNull());
        const TrafficTally last = measure(workflow, 200);
        QCOMPARE(last.failed, 0);
        QCOMPARE(last.byGroup.value(u"green"_qs), 200);
        QTRY_VERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    }

    // The same wizard by keyboard alone (the previous case left shop-green live; it is blue now,
    // and the new colour is shop-blue):
    // Alt+I and typing, Enter, Alt+A to apply, Alt+S switch, Alt+B switch back, Alt+D abandon,
    // each previewed and confirmed with Enter, then Enter on Finish.
    void wholeFlowByKeyboardOnly()
    {
        // The mnemonics pressed below are the English ones (&image, &Apply, …).
        const QString language = qEnvironmentVariable("TIMONEL_LANGUAGE");
        if (!language.isEmpty() && !language.startsWith(u"en"))
            QSKIP("the keyboard walk presses the English mnemonics; TIMONEL_LANGUAGE chose another language");
        NamespaceWatch watch(m_session.get(), u"default"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(isRolledOut(watch.deployment(u"shop-green"_qs)), kLong);
        const kube::Object blue = watch.deployment(u"shop-green"_qs);
        const kube::Object service = watch.service(u"shop"_qs);
        BlueGreenWorkflow workflow(m_session.get(), blue, service, true);
        BlueGreenWizard wizard(blue, service);
        workflow.bind(&wizard);
        wizard.show();
        wizard.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&wizard));
        const auto key = [](int k, Qt::KeyboardModifiers mods = Qt::NoModifier) {
            QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : QApplication::activeWindow();
            QVERIFY(target);
            QTest::keyClick(target, Qt::Key(k), mods);
        };
        // Opens a decision by its mnemonic and confirms the previewed step with Enter.
        const auto decide = [&](int mnemonic, BlueGreenWorkflow::Live expected) {
            QSignalSpy finished(&workflow, &BlueGreenWorkflow::decisionFinished);
            key(mnemonic, Qt::AltModifier);
            QTRY_VERIFY(QApplication::activeModalWidget() && QApplication::activeModalWidget()->findChild<PlanPreview *>());
            QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget()->window() == QApplication::activeModalWidget());
            key(Qt::Key_Return);
            QVERIFY(finished.wait(kLong));
            QTRY_COMPARE_WITH_TIMEOUT(workflow.live(), expected, kLong);
            wizard.activateWindow();
            QVERIFY(QTest::qWaitForWindowActive(&wizard));
        };

        key(Qt::Key_I, Qt::AltModifier); // Green's &image
        QCOMPARE(QApplication::focusWidget(), wizard.imageEdit());
        key(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(QApplication::focusWidget(), u"nginx:1.27"_qs);
        QCOMPARE(wizard.imageEdit()->text(), u"nginx:1.27"_qs);
        key(Qt::Key_Return); // Next
        QTRY_COMPARE(wizard.currentId(), int(BlueGreenWizard::PreviewPage));
        key(Qt::Key_A, Qt::AltModifier); // &Apply
        QTRY_COMPARE(wizard.currentId(), int(BlueGreenWizard::MonitorPage));
        QTRY_COMPARE_WITH_TIMEOUT(workflow.live(), BlueGreenWorkflow::Live::Blue, kLong);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.decisionButton(BlueGreenWizard::Decision::Switch)->isEnabled(), kLong);

        // Answers are grouped by the pods' version label: the live one is "green" (shop-green),
        // the new colour's pods are labelled "blue".
        decide(Qt::Key_S, BlueGreenWorkflow::Live::Green); // &Switch to the new colour
        QCOMPARE(measure(workflow, 100).byGroup.value(u"blue"_qs), 100);
        decide(Qt::Key_B, BlueGreenWorkflow::Live::Blue); // Switch &back
        QCOMPARE(measure(workflow, 100).byGroup.value(u"green"_qs), 100);
        decide(Qt::Key_D, BlueGreenWorkflow::Live::Done); // Aban&don green
        QTRY_VERIFY_WITH_TIMEOUT(workflow.watch()->deployment(u"shop-blue"_qs).isNull(), kLong);
        QVERIFY(!workflow.watch()->deployment(u"shop-green"_qs).isNull());

        QTRY_VERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        key(Qt::Key_Return); // Finish
        QTRY_VERIFY(!wizard.isVisible());
    }
};

QTEST_MAIN(TestBlueGreen)
#include "tst_bluegreen.moc"
