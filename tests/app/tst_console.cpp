// The console end to end, offscreen, on its own embedded cluster (controllers, scheduler and
// simulated kubelets running): start, switch namespace and kind, filter by text and selector,
// open details, edit YAML with a validation error then fix and apply, resolve a 409, follow the
// logs of a running pod, delete with confirmation, switch language.
//
// With TIMONEL_SCREENSHOT_DIR set, each main screen is saved there as PNG
// (scripts/screenshots runs it for English and Spanish, light and dark).
#include "app/clustersession.h"
#include "app/commandline.h"
#include "app/consolecontroller.h"
#include "app/consoledetails.h"
#include "app/theme.h"
#include "app/yamlworkflow.h"
#include "editor/yamleditor.h"
#include "editor/yamleditorpanel.h"
#include "models/logbuffer.h"
#include "models/modelroles.h"
#include "models/namespacemodel.h"
#include "models/navigatormodel.h"
#include "models/resourcefiltermodel.h"
#include "models/resourcetablemodel.h"
#include "views/commandpalette.h"
#include "views/deletedialog.h"
#include "views/detailspane.h"
#include "views/logpanel.h"
#include "views/mainwindow.h"
#include "views/namespacepicker.h"
#include "views/resourcetableview.h"
#include "tests/support/clusterfixture.h"

#include <QAction>
#include <QJsonObject>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QWizard>

using namespace timonel;

namespace {

kube::Object parse(const QByteArray &json)
{
    auto o = kube::Object::parse(json);
    Q_ASSERT(o.ok());
    return *o;
}

const kube::ResourceRef kNamespaces{{QString(), u"v1"_qs, u"namespaces"_qs}, {}, {}, {}};
const kube::ResourceRef kDeploymentsDemo{{u"apps"_qs, u"v1"_qs, u"deployments"_qs}, u"demo"_qs, {}, {}};
const char kCrontabCrd[] = R"({"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
  "metadata":{"name":"crontabs.stable.example.com"},
  "spec":{"group":"stable.example.com","scope":"Namespaced",
    "names":{"plural":"crontabs","singular":"crontab","kind":"CronTab","shortNames":["ct"]},
    "versions":[{"name":"v1","served":true,"storage":true,
      "additionalPrinterColumns":[{"name":"Spec","type":"string","jsonPath":".spec.cronSpec"}],
      "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object",
        "properties":{"cronSpec":{"type":"string"},"image":{"type":"string"}}}}}}}]}})";

const char kWebService[] = R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"web"},
  "spec":{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":80,"targetPort":80}]}})";

const char kBadCrontab[] = "apiVersion: stable.example.com/v1\nkind: CronTab\nmetadata:\n  name: x\nspec:\n  cronSpec: '5 * * * *'\n  bogus: 1\n";

const char kNightly[] = R"({"apiVersion":"stable.example.com/v1","kind":"CronTab",
  "metadata":{"name":"nightly"},"spec":{"cronSpec":"0 3 * * *","image":"backup:1"}})";

const kube::ResourceRef kConfigMapsDefault{{QString(), u"v1"_qs, u"configmaps"_qs}, u"default"_qs, {}, {}};

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ConsoleController> m_console;

    ClusterSession *session() const { return m_console->currentSession(); }

    kube::Expected<kube::Object> call(const std::function<void(ClusterSession::ObjectReply)> &start)
    {
        auto r = awaitResult<kube::Expected<kube::Object>>([&](auto done) { start(done); }, 20000);
        return r ? *r : kube::Expected<kube::Object>(kube::Status::internalError(u"no answer"_qs));
    }

    kube::Object live(kube::ResourceRef ref, const QString &name)
    {
        ref.name = name;
        auto r = call([&](auto done) { session()->get(ref, done); });
        return r ? *r : kube::Object();
    }

    void showKind(const QString &resourceId)
    {
        const QModelIndex index = m_console->navigatorModel()->indexOf(resourceId);
        QVERIFY2(index.isValid(), qPrintable(resourceId));
        // As a user does: the navigator's current row.
        m_window->navigator()->setCurrentIndex(index);
        QCOMPARE(m_console->currentResourceId(), resourceId);
        QTRY_VERIFY_WITH_TIMEOUT(m_console->tableModel()->isSynced(), 20000);
    }

    int rowOf(const QString &key) const
    {
        ResourceFilterModel *f = m_console->filterModel();
        for (int row = 0; row < f->rowCount(); ++row) {
            if (f->index(row, 0).data(KeyRole).toString() == key)
                return row;
        }
        return -1;
    }

    void select(const QString &key)
    {
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(key) >= 0, 20000);
        m_window->tableView()->selectRow(m_console->filterModel()->index(rowOf(key), 0));
        QTRY_COMPARE(m_console->details()->pane()->object().name(), key.section(u'/', -1));
    }

    void screenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("TIMONEL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QTest::qWait(300); // let pending repaints land
        QVERIFY(m_window->grab().save(dir + u'/' + name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TimonelTest"_qs);
        setLanguage(qEnvironmentVariable("TIMONEL_LANGUAGE"));
        applyTheme(savedTheme());
        ConsoleOptions options;
        options.embeddedDataDir = m_dir.path() + u"/cluster"_qs;
        options.kubeconfig.homeDir = m_dir.path(); // no ~/.kube/config: the embedded cluster only
        options.kubeconfig.kubeconfigEnv.clear();
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1360, 820);
        m_console = std::make_unique<ConsoleController>(m_window.get(), options);
        m_window->show();
        QSignalSpy connected(m_console.get(), &ConsoleController::clusterConnected);
        QSignalSpy synced(m_console.get(), &ConsoleController::tableSynced);
        m_console->start();
        QVERIFY(connected.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), 30000);
        QCOMPARE(m_console->currentResourceId(), u"pods"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(session()->state(), ClusterSession::State::Connected, 20000);

        // Something to look at: a namespace with a deployment, and a config map in default.
        QVERIFY(call([&](auto d) { session()->create(kNamespaces, parse(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"demo"}})"), d); }).ok());
        QVERIFY(call([&](auto d) {
                    session()->create(kDeploymentsDemo, parse(R"({"apiVersion":"apps/v1","kind":"Deployment",
                        "metadata":{"name":"web","labels":{"app":"web"}},
                        "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
                        "template":{"metadata":{"labels":{"app":"web","tier":"front"}},
                        "spec":{"containers":[{"name":"nginx","image":"nginx:1.25","ports":[{"containerPort":80}]}]}}}})"), d);
                }).ok());
        QVERIFY(call([&](auto d) {
                    session()->create(kConfigMapsDefault, parse(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"},"data":{"mode":"demo"}})"), d);
                }).ok());
    }

    void cleanupTestCase()
    {
        m_console.reset();
        m_window.reset();
    }

    void podsAppearLiveAndRun()
    {
        ResourceFilterModel *f = m_console->filterModel();
        QTRY_VERIFY_WITH_TIMEOUT(f->rowCount() >= 2, 30000);
        // Both pods reach Running, coloured as good.
        const int status = m_console->tableModel()->statusColumn();
        QVERIFY(status >= 0);
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            int running = 0;
            for (int row = 0; row < f->rowCount(); ++row) {
                if (f->index(row, status).data().toString() == u"Running")
                    ++running;
            }
            return running == 2;
        }(), 60000);
        QCOMPARE(f->index(0, status).data(StatusRole).toInt(), int(StatusCategory::Good));
        screenshot(u"console-pods"_qs);
    }

    void switchNamespace()
    {
        NamespaceModel *ns = m_console->namespaceModel();
        QTRY_VERIFY_WITH_TIMEOUT(ns->rowOfNamespace(u"demo"_qs) > 0, 20000);
        ns->setSelectedNamespaces({u"default"_qs});
        QCOMPARE(m_console->filterModel()->rowCount(), 0);
        QVERIFY(m_window->namespacePicker()->text().contains(u"default"));
        ns->setSelectedNamespaces({u"demo"_qs});
        QCOMPARE(m_console->filterModel()->rowCount(), 2);
        // One namespace: no NAMESPACE column, as kubectl without -A.
        QVERIFY(!m_console->tableModel()->showsNamespaceColumn());
        ns->setSelectedNamespaces({});
        QVERIFY(m_console->tableModel()->showsNamespaceColumn());
    }

    void switchKindAndFilter()
    {
        showKind(u"deployments.apps"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"demo/web"_qs) >= 0, 20000);
        ResourceTableView *table = m_window->tableView();
        auto *filter = table->findChild<QLineEdit *>(u"textFilter"_qs);
        auto *selector = table->findChild<QLineEdit *>(u"selectorFilter"_qs);
        QVERIFY(filter && selector);
        filter->setFocus();
        QTest::keyClicks(filter, u"nomatch"_qs);
        QCOMPARE(m_console->filterModel()->rowCount(), 0);
        filter->clear();
        QTest::keyClicks(filter, u"web"_qs);
        QCOMPARE(m_console->filterModel()->rowCount(), 1);
        filter->clear();

        QTest::keyClicks(selector, u"app=web"_qs);
        QCOMPARE(m_console->filterModel()->rowCount(), 1);
        selector->clear();
        QTest::keyClicks(selector, u"app in (web"_qs); // unfinished: the error shows, rows stay
        auto *error = table->findChild<QLabel *>(u"selectorError"_qs);
        QVERIFY(error && error->isVisible() && !error->text().isEmpty());
        selector->clear();
        QVERIFY(!error->isVisible());
        QCOMPARE(m_console->filterModel()->rowCount(), 1);
    }

    void openDetails()
    {
        select(u"demo/web"_qs);
        DetailsPane *pane = m_console->details()->pane();
        QCOMPARE(pane->object().kind(), u"Deployment"_qs);
        // Related: the ReplicaSet the controller made, found through the owner references.
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (QTreeWidgetItemIterator it(pane->relatedTree()); *it; ++it) {
                QString row;
                for (int c = 0; c < (*it)->columnCount(); ++c)
                    row += (*it)->text(c) + u' ';
                if (row.contains(u"ReplicaSet") && row.contains(u"web-"))
                    return true;
            }
            return false;
        }(), 20000);
        screenshot(u"console-details"_qs);
        // A Deployment has a Rollout tab; the rollout panel itself is tested in tst_rollouts.
        const int rollout = m_console->details()->rolloutTab();
        QVERIFY(pane->tabs()->isTabEnabled(rollout));
        pane->tabs()->setCurrentIndex(rollout);
        screenshot(u"console-rollout"_qs);
        pane->tabs()->setCurrentIndex(0);
    }

    void deliveryWizardsOpenForADeploymentWithItsService()
    {
        const kube::ResourceRef services{{QString(), u"v1"_qs, u"services"_qs}, u"demo"_qs, {}, {}};
        QVERIFY(call([&](auto d) { session()->create(services, parse(kWebService), d); }).ok());
        DetailsPane *pane = m_console->details()->pane();
        pane->tabs()->setCurrentIndex(m_console->details()->rolloutTab());
        auto *canary = pane->findChild<QPushButton *>(u"canaryButton"_qs);
        QVERIFY(canary && canary->isVisible());
        // The Service is found through the details' services informer once it has seen it.
        QWizard *wizard = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            canary->click();
            wizard = m_window->findChild<QWizard *>();
            return wizard && wizard->isVisible();
        }(), 20000);
        screenshot(u"console-canary-wizard"_qs);
        wizard->close();
        QTRY_VERIFY(!m_window->findChild<QWizard *>() || !m_window->findChild<QWizard *>()->isVisible());
        pane->tabs()->setCurrentIndex(0);
    }

    void editYamlWithAnErrorThenApply()
    {
        DetailsPane *pane = m_console->details()->pane();
        YamlWorkflow *yaml = m_console->details()->yaml();
        pane->action(DetailsPane::Action::OpenYaml)->trigger();
        YamlEditor *editor = yaml->panel()->editor();
        QTRY_VERIFY_WITH_TIMEOUT(editor->toPlainText().contains(u"resourceVersion"), 20000);
        QVERIFY(editor->toPlainText().contains(u"replicas: 2"));

        editor->replaceText(editor->toPlainText().replace(u"replicas: 2"_qs, u"replicas: two"_qs));
        QTRY_VERIFY_WITH_TIMEOUT(!editor->problems().isEmpty(), 5000);
        QVERIFY(editor->problems().front().path.contains(u"replicas"));
        screenshot(u"console-yaml-error"_qs);

        editor->replaceText(editor->toPlainText().replace(u"replicas: two"_qs, u"replicas: 3"_qs));
        QTRY_VERIFY_WITH_TIMEOUT(editor->problems().isEmpty(), 5000);
        QSignalSpy applied(yaml, &YamlWorkflow::applied);
        yaml->apply();
        QVERIFY2(applied.wait(20000), qPrintable(yaml->message()));
        QCOMPARE(live(kDeploymentsDemo, u"web"_qs).toJson()[u"spec"][u"replicas"].toInt(), 3);
    }

    void conflictOffersReapplyOnTheNewVersion()
    {
        YamlWorkflow *yaml = m_console->details()->yaml();
        YamlEditor *editor = yaml->panel()->editor();
        // The editor reloads after an apply; wait for the version the server now has.
        QTRY_VERIFY_WITH_TIMEOUT(editor->toPlainText().contains(u"replicas: 3"), 20000);
        // Someone else changes the deployment meanwhile.
        kube::ResourceRef web = kDeploymentsDemo;
        web.name = u"web"_qs;
        QVERIFY(call([&](auto d) { session()->patch(web, kube::PatchType::Merge, R"({"metadata":{"annotations":{"team":"blue"}}})", d); }).ok());

        editor->replaceText(editor->toPlainText().replace(u"replicas: 3"_qs, u"replicas: 4"_qs));
        QSignalSpy failed(yaml, &YamlWorkflow::failed);
        yaml->apply();
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.front().front().value<kube::Status>().code(), 409);
        QVERIFY(yaml->message().contains(u"web"));
        screenshot(u"console-yaml-conflict"_qs);

        QSignalSpy applied(yaml, &YamlWorkflow::applied);
        Q_EMIT yaml->panel()->reapplyRequested();
        QVERIFY2(applied.wait(20000), qPrintable(yaml->message()));
        QCOMPARE(live(kDeploymentsDemo, u"web"_qs).toJson()[u"spec"][u"replicas"].toInt(), 4);
    }

    void followLogsOfARunningPod()
    {
        showKind(u"pods"_qs);
        ResourceFilterModel *f = m_console->filterModel();
        QTRY_VERIFY_WITH_TIMEOUT(f->rowCount() >= 1, 20000);
        const int status = m_console->tableModel()->statusColumn();
        QString key;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            for (int row = 0; row < f->rowCount(); ++row) {
                if (f->index(row, status).data().toString() == u"Running") {
                    key = f->index(row, 0).data(KeyRole).toString();
                    return true;
                }
            }
            return false;
        }(), 60000);
        select(key);
        DetailsPane *pane = m_console->details()->pane();
        QVERIFY(!pane->tabs()->isTabEnabled(m_console->details()->rolloutTab())); // pods have none
        pane->action(DetailsPane::Action::Logs)->trigger();
        LogPanel *logs = m_console->details()->logPanel();
        QTRY_VERIFY_WITH_TIMEOUT(logs->buffer()->size() > 0, 30000);
        QVERIFY(logs->currentRequest().follow);
        screenshot(u"console-logs"_qs);
    }

    void paletteJumpsToAKind()
    {
        CommandPalette *palette = m_window->commandPalette();
        // Shortcuts need the active window (under Xvfb there is no window manager to give it).
        QApplication::setActiveWindow(m_window.get());
        if (QTest::qWaitForWindowActive(m_window.get(), 2000))
            QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
        else
            Q_EMIT m_window->commandPaletteRequested(); // what Ctrl+K triggers (offscreen runs press it)
        QTRY_VERIFY(palette->isVisible());
        QTest::keyClicks(palette->queryEdit(), u"config map"_qs);
        screenshot(u"console-palette"_qs);
        QTest::keyClick(palette->queryEdit(), Qt::Key_Return);
        QTRY_COMPARE(m_console->currentResourceId(), u"configmaps"_qs);
        QVERIFY(!palette->isVisible());
    }

    void deleteWithConfirmation()
    {
        QTRY_VERIFY_WITH_TIMEOUT(m_console->tableModel()->isSynced(), 20000);
        select(u"default/settings"_qs);
        QSignalSpy finished(m_console->details(), &ConsoleDetails::actionFinished);
        m_console->details()->pane()->action(DetailsPane::Action::Delete)->trigger();
        DeleteDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<DeleteDialog *>()) != nullptr && dialog->isVisible());
        screenshot(u"console-delete"_qs);
        if (!dialog->requiredConfirmation().isEmpty())
            QTest::keyClicks(dialog->confirmationEdit(), dialog->requiredConfirmation());
        dialog->deleteButton()->click();
        QVERIFY(finished.wait(20000));
        QVERIFY2(finished.front().at(1).toBool(), qPrintable(finished.front().at(2).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"default/settings"_qs) < 0, 20000);
        kube::ResourceRef ref = kConfigMapsDefault;
        ref.name = u"settings"_qs;
        auto gone = call([&](auto d) { session()->get(ref, d); });
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code(), 404);
    }

    void customResourcesAppearWithTheirColumns()
    {
        const kube::ResourceRef crds{{u"apiextensions.k8s.io"_qs, u"v1"_qs, u"customresourcedefinitions"_qs}, {}, {}, {}};
        QVERIFY(call([&](auto d) {
                    session()->create(crds, parse(kCrontabCrd), d);
                }).ok());
        // The CRD watch refreshes discovery: the navigator grows a Custom resources entry.
        QTRY_VERIFY_WITH_TIMEOUT(m_console->navigatorModel()->indexOf(u"crontabs.stable.example.com"_qs).isValid(), 30000);
        const kube::ResourceRef crontabs{{u"stable.example.com"_qs, u"v1"_qs, u"crontabs"_qs}, u"default"_qs, {}, {}};
        const kube::Object nightly = parse(kNightly);
        auto created = call([&](auto d) { session()->create(crontabs, nightly, d); });
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message()));
        showKind(u"crontabs.stable.example.com"_qs);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(u"default/nightly"_qs) >= 0, 20000);
        // The CRD's additionalPrinterColumns, with the cell from its JSONPath.
        ResourceTableModel *table = m_console->tableModel();
        int specColumn = -1;
        for (int c = 0; c < table->columnCount(); ++c) {
            if (table->headerData(c, Qt::Horizontal).toString().compare(u"Spec"_qs, Qt::CaseInsensitive) == 0)
                specColumn = c;
        }
        QVERIFY(specColumn >= 0);
        QCOMPARE(m_console->filterModel()->index(rowOf(u"default/nightly"_qs), specColumn).data().toString(), u"0 3 * * *"_qs);

        // The YAML editor validates the custom kind against the CRD's schema.
        YamlEditor *editor = m_console->details()->yaml()->panel()->editor();
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            editor->setPlainText(QString::fromLatin1(kBadCrontab));
            editor->validateNow();
            for (const ManifestProblem &p : editor->problems()) {
                if (p.path.contains(u"bogus"))
                    return true;
            }
            return false;
        }(), 10000);
    }

    void switchLanguage()
    {
        if (!qEnvironmentVariable("TIMONEL_LANGUAGE").isEmpty())
            QSKIP("the language is forced by TIMONEL_LANGUAGE");
        auto fileMenuTitle = [&] { return m_window->menuBar()->actions().front()->text(); };
        setLanguage(u"es"_qs);
        QTRY_COMPARE(fileMenuTitle(), u"&Archivo"_qs);
        QCOMPARE(m_console->navigatorModel()->index(0, 0).data().toString(), u"Cargas de trabajo"_qs);
        setLanguage(u"en"_qs);
        QTRY_COMPARE(fileMenuTitle(), u"&File"_qs);
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
