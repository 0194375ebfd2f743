// RolloutPanel: what it renders from a Deployment, its sets, pods and events (counts, sets side
// by side, revisions, the template diff, the timeline, the stuck banner) and the intents its
// actions emit (undo to the selected revision, pause/resume, restart, set image through the
// dialog).
#include "views/rolloutpanel.h"
#include "views/setimagedialog.h"

#include "editor/diffview.h"
#include "kube/api/clock.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTimeZone>
#include <QTreeWidget>

using namespace timonel;

namespace {

class FixedClock : public kube::Clock
{
public:
    QDateTime now() const override { return QDateTime(QDate(2026, 1, 1), QTime(10, 10), Qt::UTC); }
};

kube::Object obj(const QByteArray &json)
{
    auto o = kube::Object::parse(json);
    if (!o.ok())
        qFatal("bad fixture: %s", qPrintable(o.error().message()));
    return *o;
}

QByteArray templ(const char *image, const char *hash = nullptr)
{
    const QByteArray labels = hash ? QByteArray(R"({"app":"web","pod-template-hash":")") + hash + R"("})" : QByteArray(R"({"app":"web"})");
    return R"({"metadata":{"labels":)" + labels + R"(},"spec":{"containers":[{"name":"web","image":")" + image + R"("}]}})";
}

kube::Object deployment(const char *image, bool paused, const QByteArray &status)
{
    return obj(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default","uid":"d-1","generation":2},
        "spec":{"replicas":3,"paused":)" + QByteArray(paused ? "true" : "false") + R"(,"selector":{"matchLabels":{"app":"web"}},"template":)"
               + templ(image) + R"(},"status":)" + status + "}");
}

kube::Object replicaSet(const char *name, const char *uid, int revision, const char *image, const char *hash, int replicas, int ready,
                        const char *created, const char *cause)
{
    return obj(R"({"apiVersion":"apps/v1","kind":"ReplicaSet","metadata":{"name":")" + QByteArray(name) + R"(","namespace":"default","uid":")" + uid
               + R"(","creationTimestamp":")" + created + R"(","annotations":{"deployment.kubernetes.io/revision":")" + QByteArray::number(revision)
               + R"(","kubernetes.io/change-cause":")" + cause + R"("},"ownerReferences":[{"apiVersion":"apps/v1","kind":"Deployment","name":"web","uid":"d-1","controller":true}]},
        "spec":{"replicas":)" + QByteArray::number(replicas) + R"(,"template":)" + templ(image, hash) + R"(},
        "status":{"replicas":)" + QByteArray::number(replicas) + R"(,"readyReplicas":)" + QByteArray::number(ready)
               + R"(,"availableReplicas":)" + QByteArray::number(ready) + "}}");
}

const QByteArray kMidRollout = R"({"observedGeneration":2,"replicas":4,"updatedReplicas":2,"readyReplicas":3,"availableReplicas":3})";

QList<kube::Object> sets()
{
    return {replicaSet("web-a", "rs-1", 1, "nginx:1.25", "a", 2, 2, "2026-01-01T09:00:00Z", "first"),
            replicaSet("web-b", "rs-2", 2, "nginx:1.26", "b", 2, 1, "2026-01-01T10:00:00Z", "to 1.26")};
}

kube::Object pullingPod()
{
    return obj(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-b-x1","namespace":"default","creationTimestamp":"2026-01-01T10:00:00Z",
        "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-b","uid":"rs-2","controller":true}]},
        "status":{"phase":"Pending","containerStatuses":[{"name":"web","state":{"waiting":{"reason":"ImagePullBackOff"}}}]}})");
}

kube::Object scalingEvent()
{
    return obj(R"({"apiVersion":"v1","kind":"Event","metadata":{"name":"e1","namespace":"default","uid":"e1"},
        "involvedObject":{"kind":"Deployment","namespace":"default","name":"web","uid":"d-1"},"reason":"ScalingReplicaSet",
        "message":"Scaled up replica set web-b from 0 to 1","type":"Normal","lastTimestamp":"2026-01-01T10:00:00Z"})");
}

QTreeWidgetItem *revisionRow(RolloutPanel &panel, qint64 number)
{
    QTreeWidget *view = panel.revisionsView();
    for (int i = 0; i < view->topLevelItemCount(); ++i) {
        if (view->topLevelItem(i)->text(RolloutPanel::RevisionNumberColumn).startsWith(QString::number(number)))
            return view->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestRolloutPanel : public QObject
{
    Q_OBJECT
private:
    FixedClock m_clock;

private Q_SLOTS:
    void rendersProgressSetsRevisionsAndTimeline()
    {
        RolloutPanel panel(nullptr, &m_clock);
        QSignalSpy shown(&panel, &RolloutPanel::rolloutShown);
        panel.setRollout(deployment("nginx:1.26", false, kMidRollout), sets(), {}, {scalingEvent()});
        QCOMPARE(shown.count(), 1);
        QCOMPARE(panel.updatedBar()->value(), 2);
        QCOMPARE(panel.updatedBar()->maximum(), 3);
        QCOMPARE(panel.readyBar()->value(), 3);
        QCOMPARE(panel.availableBar()->format(), QStringLiteral("3 / 3"));
        QVERIFY(panel.statusLine()->text().contains(u"2 out of 3 new replicas"));
        QVERIFY(panel.newReplicaSetLabel()->text().contains(u"web-b"));
        QVERIFY(panel.oldReplicaSetsLabel()->text().contains(u"web-a"));
        QVERIFY(!panel.oldReplicaSetsLabel()->text().contains(u"web-b"));

        QTreeWidget *revisions = panel.revisionsView();
        QCOMPARE(revisions->topLevelItemCount(), 2);
        QCOMPARE(revisions->topLevelItem(0)->text(RolloutPanel::RevisionNumberColumn), QStringLiteral("2 (current)"));
        QCOMPARE(revisions->topLevelItem(0)->text(RolloutPanel::ChangeCauseColumn), QStringLiteral("to 1.26"));
        QCOMPARE(revisions->topLevelItem(0)->text(RolloutPanel::AgeColumn), QStringLiteral("10m"));
        QCOMPARE(revisions->topLevelItem(1)->text(RolloutPanel::ImagesColumn), QStringLiteral("web=nginx:1.25"));
        QCOMPARE(revisions->topLevelItem(1)->text(RolloutPanel::ReplicaSetColumn), QStringLiteral("web-a"));
        QCOMPARE(revisions->topLevelItem(1)->text(RolloutPanel::PodsColumn), QStringLiteral("2/2"));

        // Nothing selected: the current revision against the previous one.
        QCOMPARE(panel.diffedRevisions(), (std::pair<qint64, qint64>{1, 2}));
        QVERIFY(panel.diffView()->changeCount() >= 1);
        QVERIFY(panel.diffView()->leftLines().join(u'\n').contains(u"nginx:1.25"));
        QVERIFY(panel.diffView()->rightLines().join(u'\n').contains(u"nginx:1.26"));
        QVERIFY(!panel.diffView()->rightLines().join(u'\n').contains(u"pod-template-hash"));

        QCOMPARE(panel.timelineView()->topLevelItemCount(), 1);
        QCOMPARE(panel.timelineView()->topLevelItem(0)->text(1), QStringLiteral("Deployment/web"));
        QCOMPARE(panel.timelineView()->topLevelItem(0)->text(2), QStringLiteral("ScalingReplicaSet"));
        QVERIFY(panel.banner()->isHidden());
    }

    void stuckBannerNamesReasonAndPods()
    {
        RolloutPanel panel(nullptr, &m_clock);
        panel.setRollout(deployment("nginx:1.26", false, kMidRollout), sets(), {pullingPod()}, {});
        QVERIFY(!panel.banner()->isHidden());
        QVERIFY(panel.banner()->text().contains(u"ImagePullBackOff"));
        QVERIFY(panel.banner()->text().contains(u"web-b-x1"));
        // One sentence after another: the reason's message ends before "Blocking pods".
        QVERIFY2(panel.banner()->text().contains(u"ImagePullBackOff. Blocking pods:"), qPrintable(panel.banner()->text()));
        // Fixed: the banner goes.
        panel.setRollout(deployment("nginx:1.26", false, kMidRollout), sets(), {}, {});
        QVERIFY(panel.banner()->isHidden());
    }

    void undoEmitsTheSelectedRevision()
    {
        RolloutPanel panel(nullptr, &m_clock);
        QSignalSpy undo(&panel, &RolloutPanel::undoRequested);
        panel.setRollout(deployment("nginx:1.26", false, kMidRollout), sets(), {}, {});
        QAction *action = panel.action(RolloutPanel::Action::Undo);
        QVERIFY(!action->isEnabled()); // nothing selected
        panel.selectRevisions({2});
        QVERIFY(!action->isEnabled()); // the current revision
        panel.selectRevisions({1});
        QVERIFY(action->isEnabled());
        QCOMPARE(action->text(), QStringLiteral("Undo to revision 1"));
        action->trigger();
        QCOMPARE(undo.count(), 1);
        QCOMPARE(undo.at(0).at(1).toLongLong(), 1);
        QCOMPARE(undo.at(0).at(0).value<kube::Object>().uid(), QStringLiteral("d-1"));
        // The selection survives an update of the same Deployment.
        panel.setRollout(deployment("nginx:1.26", false, kMidRollout), sets(), {}, {});
        QCOMPARE(panel.selectedRevisions(), QList<qint64>{1});
    }

    void twoSelectedRevisionsAreDiffed()
    {
        RolloutPanel panel(nullptr, &m_clock);
        QList<kube::Object> three = sets();
        three.append(replicaSet("web-c", "rs-3", 3, "nginx:1.27", "c", 0, 0, "2026-01-01T09:30:00Z", "c"));
        panel.setRollout(deployment("nginx:1.26", false, kMidRollout), three, {}, {});
        QCOMPARE(panel.revisionsView()->topLevelItemCount(), 3);
        // Clicking the rows with Ctrl selects two.
        QTreeWidget *view = panel.revisionsView();
        view->setCurrentItem(revisionRow(panel, 3), 0, QItemSelectionModel::ClearAndSelect);
        view->setCurrentItem(revisionRow(panel, 1), 0, QItemSelectionModel::Select);
        QCOMPARE(panel.selectedRevisions(), (QList<qint64>{1, 3}));
        QCOMPARE(panel.diffedRevisions(), (std::pair<qint64, qint64>{1, 3}));
        QVERIFY(panel.diffView()->rightLines().join(u'\n').contains(u"nginx:1.27"));
        QVERIFY(!panel.action(RolloutPanel::Action::Undo)->isEnabled()); // two selected
        // A third selection keeps the last two.
        view->setCurrentItem(revisionRow(panel, 2), 0, QItemSelectionModel::Select);
        QCOMPARE(panel.selectedRevisions().size(), 2);
    }

    void pauseResumeAndRestart()
    {
        RolloutPanel panel(nullptr, &m_clock);
        QSignalSpy pause(&panel, &RolloutPanel::pauseRequested);
        QSignalSpy restart(&panel, &RolloutPanel::restartRequested);
        panel.setRollout(deployment("nginx:1.26", false, kMidRollout), sets(), {}, {});
        QCOMPARE(panel.action(RolloutPanel::Action::PauseResume)->text(), QStringLiteral("Pause"));
        panel.action(RolloutPanel::Action::PauseResume)->trigger();
        QCOMPARE(pause.count(), 1);
        QCOMPARE(pause.at(0).at(1).toBool(), true);
        panel.action(RolloutPanel::Action::Restart)->trigger();
        QCOMPARE(restart.count(), 1);

        panel.setRollout(deployment("nginx:1.26", true, kMidRollout), sets(), {}, {});
        QCOMPARE(panel.action(RolloutPanel::Action::PauseResume)->text(), QStringLiteral("Resume"));
        QVERIFY(panel.statusLine()->text().contains(u"Paused"));
        panel.selectRevisions({1});
        QVERIFY(!panel.action(RolloutPanel::Action::Undo)->isEnabled()); // kubectl refuses paused
        panel.action(RolloutPanel::Action::PauseResume)->trigger();
        QCOMPARE(pause.count(), 2);
        QCOMPARE(pause.at(1).at(1).toBool(), false);
    }

    void shortcutsTriggerActions()
    {
        RolloutPanel panel(nullptr, &m_clock);
        QSignalSpy pause(&panel, &RolloutPanel::pauseRequested);
        panel.setRollout(deployment("nginx:1.26", false, kMidRollout), sets(), {}, {});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.activateWindow();
        panel.revisionsView()->setFocus();
        QTRY_VERIFY(panel.revisionsView()->hasFocus());
        QTest::keyClick(panel.revisionsView(), Qt::Key_P, Qt::ControlModifier | Qt::AltModifier);
        QCOMPARE(pause.count(), 1);
        QCOMPARE(panel.revisionsView()->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    }

    void setImageDialogEmitsTheIntent()
    {
        RolloutPanel panel(nullptr, &m_clock);
        QSignalSpy setImage(&panel, &RolloutPanel::setImageRequested);
        panel.setRollout(deployment("nginx:1.26", false, kMidRollout), sets(), {}, {});
        panel.show();
        panel.action(RolloutPanel::Action::SetImage)->trigger();
        auto *dialog = panel.findChild<SetImageDialog *>(QStringLiteral("setImageDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->container(), QStringLiteral("web"));
        QCOMPARE(dialog->image(), QStringLiteral("nginx:1.26"));
        QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // unchanged image
        dialog->imageEdit()->setText(QStringLiteral("nginx:1.27"));
        QVERIFY(ok->isEnabled());
        QCOMPARE(dialog->changeCause(), QStringLiteral("kubectl set image deployment/web web=nginx:1.27"));
        QTest::keyClicks(dialog->changeCauseEdit(), QStringLiteral(" (hotfix)"));
        ok->click();
        QCOMPARE(setImage.count(), 1);
        QCOMPARE(setImage.at(0).at(1).toString(), QStringLiteral("web"));
        QCOMPARE(setImage.at(0).at(2).toString(), QStringLiteral("nginx:1.27"));
        QVERIFY(setImage.at(0).at(3).toString().endsWith(u"(hotfix)"));
    }

    void nullDeploymentEmptiesAndDisables()
    {
        RolloutPanel panel(nullptr, &m_clock);
        panel.setRollout(deployment("nginx:1.26", false, kMidRollout), sets(), {}, {});
        panel.clear();
        QVERIFY(!panel.isEnabled());
        QCOMPARE(panel.revisionsView()->topLevelItemCount(), 0);
        QVERIFY(!panel.action(RolloutPanel::Action::Restart)->isEnabled());
    }
};

QTEST_MAIN(TestRolloutPanel)
#include "tst_rolloutpanel.moc"
