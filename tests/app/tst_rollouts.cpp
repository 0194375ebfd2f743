// The rollout panel end to end against a real embedded cluster with its controllers: a rolling
// update observed step by step through the panel, a stuck rollout called out by the banner,
// then undo to revision 1 — the live template equals revision 1's, a new revision number
// appears, and (when the real kubectl is at hand) `kubectl rollout history` lists the same
// revisions and change-causes as the panel. Then the same for a DaemonSet and a StatefulSet
// (ControllerRevisions): set image, two revisions, undo to the first through the panel,
// kubectl rollout status's words, and pause refused.
//
// kubectl: $TIMONEL_KUBECTL, else <repo>/.clients/kubectl; that part is skipped without it.
// With TIMONEL_SCREENSHOT_DIR set, the panel is saved there as rollout-panel.png.
#include "app/clustersession.h"
#include "app/commandline.h"
#include "app/rolloutworkflow.h"
#include "app/theme.h"
#include "views/rolloutpanel.h"

#include "kube/cluster/kubeconfigentry.h"
#include "tests/support/clusterfixture.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QProgressBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

#include <algorithm>

using namespace timonel;

namespace {

// Some cases compare kubectl's and the panel's English words; under another TIMONEL_LANGUAGE
// (scripts/screenshots runs Spanish) they skip.
bool english()
{
    const QString language = qEnvironmentVariable("TIMONEL_LANGUAGE");
    return language.isEmpty() || language.startsWith(u"en");
}

struct Snapshot {
    int desired, updated, ready, available, current;
    qint64 revision;
};

kube::Object manifest()
{
    auto o = kube::Object::parse(R"({"apiVersion":"apps/v1","kind":"Deployment",
        "metadata":{"name":"web","namespace":"default","annotations":{"kubernetes.io/change-cause":"create web at nginx 1.25"}},
        "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
          "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}},
          "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx:1.25"}]}}}})");
    Q_ASSERT(o.ok());
    return *o;
}

QString kubectlPath()
{
    const QString fromEnv = qEnvironmentVariable("TIMONEL_KUBECTL");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // <repo>/tests/data/. → <repo>/.clients/kubectl
    return QDir(timonel::test::dataPath(QStringLiteral("."))).absoluteFilePath(QStringLiteral("../../.clients/kubectl"));
}

// A DaemonSet (kind "DaemonSet") or a two-replica StatefulSet named name, at image.
kube::Object workloadManifest(const char *kind, const char *name, const char *image)
{
    const QByteArray n(name);
    const QByteArray replicas = QByteArray(kind) == "StatefulSet" ? R"("replicas":2,"serviceName":")" + n + R"(",)" : QByteArray();
    auto o = kube::Object::parse(R"({"apiVersion":"apps/v1","kind":")" + QByteArray(kind) + R"(",
        "metadata":{"name":")" + n + R"(","namespace":"default","annotations":{"kubernetes.io/change-cause":"create )" + n + R"("}},
        "spec":{)" + replicas + R"("selector":{"matchLabels":{"app":")" + n + R"("}},
          "template":{"metadata":{"labels":{"app":")" + n + R"("}},"spec":{"containers":[{"name":")" + n + R"(","image":")"
                                 + QByteArray(image) + R"("}]}}}})");
    Q_ASSERT(o.ok());
    return *o;
}

QJsonArray withoutEmptyResources(QJsonArray patch)
{
    QJsonObject op = patch.at(0).toObject();
    QJsonObject templ = op.value(u"value").toObject();
    QJsonObject spec = templ.value(u"spec").toObject();
    QJsonArray containers;
    for (const QJsonValue &c : spec.value(u"containers").toArray()) {
        QJsonObject container = c.toObject();
        if (container.value(u"resources").toObject().isEmpty())
            container.remove(u"resources");
        containers.append(container);
    }
    spec.insert(u"containers", containers);
    templ.insert(u"spec", spec);
    op.insert(u"value", templ);
    patch.replace(0, op);
    return patch;
}

} // namespace

class TestRollouts : public QObject
{
    Q_OBJECT
private:
    ClusterFixture m_fixture;
    std::unique_ptr<ClusterSession> m_session;
    std::unique_ptr<RolloutPanel> m_panel;
    std::unique_ptr<RolloutWorkflow> m_workflow;
    QList<Snapshot> m_seen;
    QJsonObject m_revision1Template;

    // Runs a workflow call and waits for its answer.
    kube::Status run(const std::function<void(RolloutWorkflow::Done)> &start)
    {
        return awaitResult<kube::Status>([&](auto done) { start(done); }).value_or(kube::Status::internalError(u"no answer"_qs));
    }

    // Triggers a panel action and waits for the workflow's report.
    bool act(const std::function<void()> &start)
    {
        QSignalSpy finished(m_workflow.get(), &RolloutWorkflow::actionFinished);
        start();
        if (!finished.wait(15000))
            return false;
        if (!finished.at(0).at(1).toBool())
            qWarning() << "action failed:" << finished.at(0).at(0).toString() << finished.at(0).at(2).toString();
        return finished.at(0).at(1).toBool();
    }

    bool rolledOutAt(qint64 revision) const
    {
        const RolloutProgress &p = m_panel->progress();
        return p.complete && p.available == p.desired && p.oldReplicaSets.isEmpty() && m_panel->history().currentRevision() == revision;
    }

    // A DaemonSet's or StatefulSet's rollout done at revision, with revisions revisions listed.
    bool workloadRolledOutAt(qint64 revision, qsizetype revisions) const
    {
        const RolloutProgress &p = m_panel->progress();
        return p.complete && p.oldReplicaSets.isEmpty() && m_panel->history().revisions().size() == revisions
            && m_panel->history().currentRevision() == revision;
    }

    // What the panel shows, for failure messages.
    QByteArray panelState() const
    {
        const RolloutProgress &p = m_panel->progress();
        QStringList revisions;
        for (const RolloutRevision &r : m_panel->history().revisions())
            revisions.append(QString::number(r.number) + (r.current ? u"*"_qs : QString()) + u' ' + r.images.join(u','));
        return (u"revisions ["_qs + revisions.join(u"; ") + u"] status \""_qs + p.statusMessage + u"\" complete "_qs
                + QString::number(p.complete) + u" old sets "_qs + QString::number(p.oldReplicaSets.size()))
            .toUtf8();
    }

    // A kubeconfig for the real kubectl in dir.
    QString writeKubeconfig(const QTemporaryDir &dir) const
    {
        const QString kubeconfig = dir.filePath(u"kubeconfig"_qs);
        kube::KubeconfigEntry entry;
        entry.server = m_fixture.cluster->url();
        entry.token = m_fixture.cluster->token();
        entry.certificateAuthority = m_fixture.cluster->caCertificate();
        entry.namespace_ = u"default"_qs;
        return kube::writeKubeconfigEntry(kubeconfig, entry).isSuccess() ? kubeconfig : QString();
    }

    bool haveKubectl() const { return QFileInfo(kubectlPath()).isExecutable(); }

    // The real kubectl's standard output and error for args (empty without kubectl). kubectl blocks on
    // the API server, which answers on this thread's cluster: run it without blocking.
    QString kubectl(const QStringList &args, int *exitCode = nullptr) const
    {
        const QString path = kubectlPath();
        if (!QFileInfo(path).isExecutable())
            return {};
        QTemporaryDir dir;
        QProcess process;
        process.start(path, QStringList{u"--kubeconfig"_qs, writeKubeconfig(dir)} + args);
        if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000))
            return {};
        if (exitCode)
            *exitCode = process.exitCode();
        return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    }

    // A DaemonSet or StatefulSet end to end: created, set image (2 revisions), undo to 1 (the
    // revision's data as a strategic merge patch: 1 becomes 3), kubectl's words for status,
    // the refusals of undo and pause, then a crashing image called out by the banner.
    void workloadSetImageThenUndo(const QString &kind, const QString &resource, const QString &name)
    {
        const QByteArray k = kind.toUtf8();
        const QByteArray n = name.toUtf8();
        const kube::ResourceRef ref{{u"apps"_qs, u"v1"_qs, resource.section(u'.', 0, 0)}, u"default"_qs, {}, {}};
        auto created = awaitResult<kube::Expected<kube::Object>>(
            [&](auto done) { m_session->create(ref, workloadManifest(k.constData(), n.constData(), "nginx:1.25"), done); });
        QVERIFY(created && created->ok());
        m_workflow->setDeployment(resource, **created);
        QCOMPARE(m_workflow->heldInformerCount(), 4);
        QTRY_VERIFY2_WITH_TIMEOUT(workloadRolledOutAt(1, 1), panelState(), 90000);
        const RolloutRevision first = m_panel->history().revisions().front();
        QCOMPARE(first.changeCause, u"create "_qs + name);
        QCOMPARE(first.images, QStringList{name + u"=nginx:1.25"_qs});
        QVERIFY(first.replicaSetName.startsWith(name + u'-'));
        QCOMPARE(m_panel->history().kind(), kind);

        // No pause for these kinds: the action is disabled and says why; a direct call gets
        // kubectl's refusal.
        QAction *pause = m_panel->action(RolloutPanel::Action::PauseResume);
        QVERIFY(!pause->isEnabled());
        QVERIFY2(pause->toolTip().contains(u"cannot be paused"), qPrintable(pause->toolTip()));
        QVERIFY(pause->toolTip().startsWith(kind + u's'));
        const kube::Status paused = run([&](auto done) { m_workflow->setPaused(m_workflow->deployment(), true, done); });
        QCOMPARE(paused.message(), resource + u" \""_qs + name + u"\" pausing is not supported"_qs);
        const kube::Status resumed = run([&](auto done) { m_workflow->setPaused(m_workflow->deployment(), false, done); });
        QCOMPARE(resumed.message(), resource + u" \""_qs + name + u"\" resuming is not supported"_qs);
        // Undo with a single revision: kubectl's refusal.
        const kube::Status noLast = run([&](auto done) { m_workflow->undo(m_workflow->deployment(), 0, done); });
        QCOMPARE(noLast.message(), u"no last revision to roll back to"_qs);

        QStringList messages;
        const QMetaObject::Connection watch = connect(m_panel.get(), &RolloutPanel::rolloutShown, this, [&] {
            if (messages.isEmpty() || messages.last() != m_panel->progress().statusMessage)
                messages.append(m_panel->progress().statusMessage);
        });
        const kube::Status set = run([&](auto done) {
            m_workflow->setImage(m_workflow->deployment(), name, u"nginx:1.26"_qs, u"upgrade "_qs + name, done);
        });
        QVERIFY2(set.isSuccess(), qPrintable(set.message()));
        QTRY_VERIFY2_WITH_TIMEOUT(workloadRolledOutAt(2, 2), panelState(), 90000);
        disconnect(watch);
        QCOMPARE(m_panel->history().revisions().at(1).changeCause, u"upgrade "_qs + name);
        QCOMPARE(m_panel->history().revisions().at(1).images, QStringList{name + u"=nginx:1.26"_qs});
        QVERIFY(m_panel->history().revisions().at(0).replicaSetName != m_panel->history().revisions().at(1).replicaSetName);
        // The panel worded the rollout as kubectl rollout status does, waiting and then done.
        // (A StatefulSet replaces one pod at a time: "Waiting for 1 pods to be ready..." while
        // it starts, "Waiting for partitioned roll out to finish: 1 out of 2 …" between pods.)
        const QStringList waiting = kind == u"DaemonSet"
            ? QStringList{u"Waiting for daemon set \""_qs + name + u"\" rollout to finish: "_qs}
            : QStringList{u"Waiting for 1 pods to be ready..."_qs, u"Waiting for partitioned roll out to finish: "_qs};
        QVERIFY2(std::any_of(messages.cbegin(), messages.cend(),
                             [&](const QString &m) {
                                 return std::any_of(waiting.cbegin(), waiting.cend(), [&](const QString &w) { return m.startsWith(w); });
                             }),
                 qPrintable(messages.join(u" | ")));
        const QString done = kind == u"DaemonSet" ? u"daemon set \""_qs + name + u"\" successfully rolled out"_qs
                                                  : u"partitioned roll out complete: 2 new pods have been updated..."_qs;
        QCOMPARE(m_panel->progress().statusMessage, done);
        QCOMPARE(m_panel->statusLine()->text(), done);
        if (haveKubectl())
            QCOMPARE(kubectl({u"rollout"_qs, u"status"_qs, resource + u'/' + name, u"--timeout=20s"_qs}).trimmed(), done);

        // Undo to revision 1 through the panel.
        m_panel->selectRevisions({1});
        QAction *undo = m_panel->action(RolloutPanel::Action::Undo);
        QVERIFY(undo->isEnabled());
        QVERIFY(act([&] { undo->trigger(); }));
        QTRY_VERIFY2_WITH_TIMEOUT(workloadRolledOutAt(3, 2), panelState(), 90000);
        const kube::ResourceRef live{ref.gvr, u"default"_qs, name, {}};
        auto object = awaitResult<kube::Expected<kube::Object>>([&](auto done) { m_session->get(live, done); });
        QVERIFY(object && object->ok());
        QCOMPARE((*object)->toJson()[u"spec"][u"template"][u"spec"][u"containers"][0][u"image"].toString(), u"nginx:1.25"_qs);
        QList<qint64> numbers;
        for (const RolloutRevision &r : m_panel->history().revisions())
            numbers.append(r.number);
        QCOMPARE(numbers, (QList<qint64>{2, 3}));
        // Revision 1's ControllerRevision is renumbered, not copied.
        QCOMPARE(m_panel->history().revision(3)->replicaSetName, first.replicaSetName);
        QCOMPARE(m_panel->history().revision(3)->images, first.images);
        QCOMPARE(m_panel->history().revision(3)->podTemplate, first.podTemplate);
        if (haveKubectl()) {
            const QString out = kubectl({u"rollout"_qs, u"history"_qs, resource + u'/' + name});
            static const QRegularExpression row(QStringLiteral(R"(^(\d+)\s+)"), QRegularExpression::MultilineOption);
            QList<qint64> listed;
            for (auto it = row.globalMatch(out); it.hasNext();)
                listed.append(it.next().captured(1).toLongLong());
            QCOMPARE(listed, numbers);
        }

        // kubectl's own undo request (server dry run, logged at -v=8) is, byte for byte, the
        // body we send: revision 2's data.
        QList<kube::Object> revisionObjects;
        for (const RolloutRevision &r : m_panel->history().revisions())
            revisionObjects.append(r.replicaSet);
        const RolloutHistory::Undo ours = RolloutHistory::fromControllerRevisions(m_panel->deployment(), kind, revisionObjects).undo(2);
        QCOMPARE(ours.outcome, RolloutHistory::Undo::Outcome::Patch);
        QVERIFY(ours.strategicMerge);
        int exitCode = -1;
        if (haveKubectl()) {
            const QString log = kubectl({u"rollout"_qs, u"undo"_qs, resource + u'/' + name, u"--to-revision=2"_qs, u"--dry-run=server"_qs,
                                         u"-v=8"_qs},
                                        &exitCode);
            QVERIFY2(exitCode == 0, qPrintable(log.right(2000)));
            static const QRegularExpression patchBody(QStringLiteral("\"Request Body\" body=\"(\\{.*)\"\\s*$"),
                                                      QRegularExpression::MultilineOption);
            const QRegularExpressionMatch m = patchBody.match(log);
            QVERIFY2(m.hasMatch(), "kubectl -v=8 logged no strategic merge patch body");
            // The log quotes the body as a Go string: read it back as a JSON string.
            const QJsonArray quoted = QJsonDocument::fromJson(("[\"" + m.captured(1) + "\"]").toUtf8()).array();
            QCOMPARE(quoted.at(0).toString().toUtf8(), ours.body);
        }

        // kubectl's words for undo to the current revision and to a missing one.
        m_panel->selectRevisions({3});
        QVERIFY(!undo->isEnabled());
        const kube::Status skipped = run([&](auto done) { m_workflow->undo(m_workflow->deployment(), 3, done); });
        QCOMPARE(skipped.message(), u"skipped rollback (current template already matches revision 3)"_qs);
        const kube::Status missing = run([&](auto done) { m_workflow->undo(m_workflow->deployment(), 9, done); });
        QCOMPARE(missing.message(), u"unable to find specified revision 9 in history"_qs);

        // busybox without a command exits at once (its sh has no input): the new pods crash
        // and the rollout never completes — the banner names them, the status line waits as
        // kubectl does.
        const kube::Status crashing = run([&](auto done) {
            m_workflow->setImage(m_workflow->deployment(), name, u"busybox:1.36"_qs, u"a command-less busybox"_qs, done);
        });
        QVERIFY2(crashing.isSuccess(), qPrintable(crashing.message()));
        QTRY_VERIFY2_WITH_TIMEOUT(m_panel->progress().stuck == RolloutProgress::Stuck::PodsFailing, panelState(), 60000);
        QCOMPARE(m_panel->history().currentRevision(), 4);
        QVERIFY(!m_panel->progress().complete);
        QVERIFY2(m_panel->progress().statusMessage.startsWith(kind == u"DaemonSet" ? u"Waiting for daemon set \""_qs + name
                                                                                    : u"Waiting for "_qs),
                 panelState());
        const QString banner = m_panel->banner()->text();
        QVERIFY2(!m_panel->banner()->isHidden() && banner.contains(m_panel->progress().blockingPods.front().name), qPrintable(banner));
        QVERIFY2(banner.contains(u"at the new revision"), qPrintable(banner));
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
        m_session = std::make_unique<ClusterSession>(QStringLiteral("embedded"), m_fixture.config());
        QSignalSpy ready(m_session.get(), &ClusterSession::resourcesChanged);
        m_session->connectToCluster();
        QVERIFY(ready.wait(15000));
        m_panel = std::make_unique<RolloutPanel>();
        m_panel->resize(1100, 820);
        m_workflow = std::make_unique<RolloutWorkflow>(m_panel.get());
        m_workflow->setSession(m_session.get());
        connect(m_panel.get(), &RolloutPanel::rolloutShown, this, [this] {
            const RolloutProgress &p = m_panel->progress();
            m_seen.append({p.desired, p.updated, p.ready, p.available, p.current, m_panel->history().currentRevision()});
        });
    }

    void createdDeploymentRollsOut()
    {
        const kube::ResourceRef deployments{{u"apps"_qs, u"v1"_qs, u"deployments"_qs}, u"default"_qs, {}, {}};
        auto created = awaitResult<kube::Expected<kube::Object>>([&](auto done) { m_session->create(deployments, manifest(), done); });
        QVERIFY(created && created->ok());
        m_workflow->setDeployment(u"deployments.apps"_qs, **created);
        QCOMPARE(m_workflow->heldInformerCount(), 4);
        QTRY_VERIFY_WITH_TIMEOUT(rolledOutAt(1), 60000);
        QCOMPARE(m_panel->history().revisions().size(), 1);
        QCOMPARE(m_panel->history().revisions().front().changeCause, QStringLiteral("create web at nginx 1.25"));
        m_revision1Template = m_panel->history().revisions().front().podTemplate;
    }

    void rollingUpdateObservedStepByStep()
    {
        m_seen.clear();
        const kube::Status set = run([&](auto done) {
            m_workflow->setImage(m_workflow->deployment(), u"web"_qs, u"nginx:1.26"_qs, u"upgrade to nginx 1.26"_qs, done);
        });
        QVERIFY2(set.isSuccess(), qPrintable(set.message()));
        QTRY_VERIFY_WITH_TIMEOUT(rolledOutAt(2), 90000);
        // The panel went through intermediate states: some new pods updated but not all, and
        // old pods still running beside new ones (maxSurge 1, maxUnavailable 0).
        QSet<int> updatedCounts;
        bool surged = false;
        for (const Snapshot &s : std::as_const(m_seen)) {
            if (s.revision == 2)
                updatedCounts.insert(s.updated);
            surged = surged || s.current > s.desired;
            // maxUnavailable 0: availability never drops below desired during the update.
            QVERIFY(s.available >= 3);
        }
        QVERIFY2(updatedCounts.contains(1) || updatedCounts.contains(2),
                 qPrintable(u"no intermediate state seen; updated counts: "_qs + QString::number(updatedCounts.size())));
        QVERIFY(updatedCounts.contains(3));
        QVERIFY(surged);
        QCOMPARE(m_seen.last().updated, 3);
        QCOMPARE(m_panel->updatedBar()->value(), 3);

        const QList<RolloutRevision> &revisions = m_panel->history().revisions();
        QCOMPARE(revisions.size(), 2);
        QCOMPARE(revisions.at(1).changeCause, QStringLiteral("upgrade to nginx 1.26"));
        QCOMPARE(revisions.at(1).images, QStringList{u"web=nginx:1.26"_qs});
        // The timeline shows the controller's scaling steps.
        QTRY_VERIFY_WITH_TIMEOUT(m_panel->timelineView()->findItems(u"ScalingReplicaSet"_qs, Qt::MatchStartsWith, 2).size() >= 4, 10000);
    }

    void stuckRolloutIsCalledOut()
    {
        const kube::Status set = run([&](auto done) {
            m_workflow->setImage(m_workflow->deployment(), u"web"_qs, u"example.invalid/no-such-image:1"_qs, u"a bad image"_qs, done);
        });
        QVERIFY2(set.isSuccess(), qPrintable(set.message()));
        QTRY_VERIFY_WITH_TIMEOUT(!m_panel->banner()->isHidden(), 30000);
        const QString banner = m_panel->banner()->text();
        QVERIFY2(banner.contains(u"ImagePullBackOff") || banner.contains(u"ErrImagePull"), qPrintable(banner));
        QVERIFY(!m_panel->progress().blockingPods.isEmpty());
        QVERIFY(banner.contains(m_panel->progress().blockingPods.front().name));
        QCOMPARE(m_panel->history().currentRevision(), 3);
        // maxUnavailable 0: the old pods keep serving.
        QCOMPARE(m_panel->progress().available, 3);
    }

    void undoToRevisionOne()
    {
        if (!english())
            QSKIP("compares English messages; TIMONEL_LANGUAGE chose another language");
        m_panel->selectRevisions({1});
        QAction *undo = m_panel->action(RolloutPanel::Action::Undo);
        QVERIFY(undo->isEnabled());
        QVERIFY(act([&] { undo->trigger(); }));
        QTRY_VERIFY_WITH_TIMEOUT(rolledOutAt(4), 90000);
        QVERIFY(m_panel->banner()->isHidden());

        // The live template is revision 1's; revision 1 became revision 4.
        const kube::ResourceRef web{{u"apps"_qs, u"v1"_qs, u"deployments"_qs}, u"default"_qs, u"web"_qs, {}};
        auto live = awaitResult<kube::Expected<kube::Object>>([&](auto done) { m_session->get(web, done); });
        QVERIFY(live && live->ok());
        const QJsonObject liveTemplate = withoutTemplateHash((*live)->toJson()[u"spec"][u"template"].toObject());
        QCOMPARE(liveTemplate, m_revision1Template);
        QList<qint64> numbers;
        for (const RolloutRevision &r : m_panel->history().revisions())
            numbers.append(r.number);
        QCOMPARE(numbers, (QList<qint64>{2, 3, 4}));
        QCOMPARE(m_panel->history().revision(4)->changeCause, QStringLiteral("create web at nginx 1.25"));
        QCOMPARE((*live)->annotations().value(u"kubernetes.io/change-cause"_qs), QStringLiteral("create web at nginx 1.25"));
        QCOMPARE((*live)->annotations().value(u"deployment.kubernetes.io/revision"_qs), QStringLiteral("4"));

        // Undo to the current revision sends nothing and says so.
        m_panel->selectRevisions({4});
        QVERIFY(!undo->isEnabled());
        const kube::Status skipped = run([&](auto done) { m_workflow->undo(m_workflow->deployment(), 4, done); });
        QVERIFY2(skipped.message().contains(u"skipped rollback"), qPrintable(skipped.message()));
    }

    void kubectlRolloutHistoryAgrees()
    {
        const QString kubectl = kubectlPath();
        if (!QFileInfo(kubectl).isExecutable())
            QSKIP(qPrintable(u"kubectl not found at "_qs + kubectl + u" (set TIMONEL_KUBECTL)"_qs));
        QTemporaryDir dir;
        const QString kubeconfig = dir.filePath(u"kubeconfig"_qs);
        kube::KubeconfigEntry entry;
        entry.server = m_fixture.cluster->url();
        entry.token = m_fixture.cluster->token();
        entry.certificateAuthority = m_fixture.cluster->caCertificate();
        entry.namespace_ = u"default"_qs;
        QVERIFY(kube::writeKubeconfigEntry(kubeconfig, entry).isSuccess());
        // kubectl blocks on the API server, which answers on this thread's cluster: run it
        // without blocking the event loop.
        QProcess process;
        process.start(kubectl, {u"--kubeconfig"_qs, kubeconfig, u"rollout"_qs, u"history"_qs, u"deployment/web"_qs});
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 30000);
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0, qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
        QMap<qint64, QString> listed;
        static const QRegularExpression row(QStringLiteral(R"(^(\d+)\s+(.*)$)"));
        for (const QString &line : out.split(u'\n')) {
            const QRegularExpressionMatch m = row.match(line.trimmed());
            if (m.hasMatch())
                listed.insert(m.captured(1).toLongLong(), m.captured(2).trimmed());
        }
        QMap<qint64, QString> shown;
        for (const RolloutRevision &r : m_panel->history().revisions())
            shown.insert(r.number, r.changeCause.isEmpty() ? u"<none>"_qs : r.changeCause);
        QCOMPARE(listed, shown);

        // kubectl's own undo request (server dry run, logged at -v=8) is the body we send.
        QProcess undo;
        undo.start(kubectl, {u"--kubeconfig"_qs, kubeconfig, u"rollout"_qs, u"undo"_qs, u"deployment/web"_qs, u"--to-revision=2"_qs,
                             u"--dry-run=server"_qs, u"-v=8"_qs});
        QTRY_VERIFY_WITH_TIMEOUT(undo.state() == QProcess::NotRunning, 30000);
        const QString log = QString::fromUtf8(undo.readAllStandardError());
        QVERIFY2(undo.exitCode() == 0, qPrintable(log.right(2000)));
        static const QRegularExpression patchBody(QStringLiteral("\"Request Body\" body=\"(\\[\\{.*)\"\\s*$"),
                                                  QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = patchBody.match(log);
        QVERIFY2(m.hasMatch(), "kubectl -v=8 logged no JSON patch body");
        // The log quotes the body as a Go string: read it back as a JSON string.
        const QJsonArray quoted = QJsonDocument::fromJson(("[\"" + m.captured(1) + "\"]").toUtf8()).array();
        const QJsonArray kubectlPatch = QJsonDocument::fromJson(quoted.at(0).toString().toUtf8()).array();
        QVERIFY(!kubectlPatch.isEmpty());
        QList<kube::Object> sets;
        for (const RolloutRevision &r : m_panel->history().revisions())
            sets.append(r.replicaSet);
        const RolloutHistory::Undo ours = RolloutHistory::from(m_panel->deployment(), sets).undo(2);
        // kubectl re-encodes the template through Go structs, which writes an empty
        // "resources": {} for every container (a struct field is never omitted); the server reads
        // both the same.
        QCOMPARE(withoutEmptyResources(QJsonDocument::fromJson(ours.body).array()), withoutEmptyResources(kubectlPatch));
    }

    void daemonSetSetImageThenUndo()
    {
        if (!english())
            QSKIP("compares kubectl's English words; TIMONEL_LANGUAGE chose another language");
        workloadSetImageThenUndo(u"DaemonSet"_qs, u"daemonsets.apps"_qs, u"agent"_qs);
    }

    void statefulSetSetImageThenUndo()
    {
        if (!english())
            QSKIP("compares kubectl's English words; TIMONEL_LANGUAGE chose another language");
        workloadSetImageThenUndo(u"StatefulSet"_qs, u"statefulsets.apps"_qs, u"db"_qs);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("TIMONEL_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("TIMONEL_SCREENSHOT_DIR not set");
        m_panel->selectRevisions({2, 4});
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        QVERIFY(m_panel->grab().save(dir + u"/rollout-panel.png"_qs));
    }

    void cleanupTestCase()
    {
        m_workflow->setDeployment({}, {});
        QCOMPARE(m_workflow->heldInformerCount(), 0);
        m_workflow.reset();
        m_panel.reset();
        m_session.reset();
    }
};

QTEST_MAIN(TestRollouts)
#include "tst_rollouts.moc"
