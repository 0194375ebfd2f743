#include "kube/api/clock.h"
#include "kube/api/object.h"
#include "models/objectevents.h"
#include "views/deletedialog.h"
#include "views/descriptionview.h"
#include "views/detailspane.h"
#include "views/labelsdialog.h"
#include "views/scaledialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace timonel;


namespace {

class FixedClock : public kube::Clock
{
public:
    QDateTime now() const override { return QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC); }
};

kube::Object parse(const QByteArray &json)
{
    auto o = kube::Object::parse(json);
    if (!o)
        qFatal("bad fixture: %s", qPrintable(o.error().message()));
    return *o;
}

kube::Object pod(const char *resourceVersion = "1", const char *uid = "pod-1", const char *name = "web-1")
{
    return parse(QByteArray(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":")") + name + R"(","namespace":"shop","uid":")" + uid +
                 R"(","resourceVersion":")" + resourceVersion + R"(","labels":{"app":"web"}},
        "spec":{"nodeName":"node-1","containers":[{"name":"web","image":"nginx"}]},
        "status":{"phase":"Running","containerStatuses":[{"name":"web","ready":true,"restartCount":0,"state":{"running":{}}}]}})");
}

const kube::Object Deployment = parse(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","uid":"d1"},
    "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"spec":{"containers":[{"name":"web","image":"nginx"}]}}},
    "status":{"replicas":3,"readyReplicas":3,"updatedReplicas":3,"availableReplicas":3}})");

kube::Object node(bool unschedulable)
{
    return parse(QByteArray(R"({"apiVersion":"v1","kind":"Node","metadata":{"name":"node-1","uid":"n1"},"spec":{"unschedulable":)") +
                 (unschedulable ? "true" : "false") + R"(},"status":{"conditions":[{"type":"Ready","status":"True"}]}})");
}

const QByteArray Password = "hunter2-very-secret";

kube::Object secret(const QString &uid = u"s1"_qs, const QString &name = u"db"_qs)
{
    const QString b64 = QString::fromLatin1(Password.toBase64());
    const QJsonObject data{{u"password"_qs, b64}};
    const QString applied = QString::fromUtf8(QJsonDocument(QJsonObject{{u"data"_qs, data}}).toJson(QJsonDocument::Compact));
    return kube::Object::fromJson(QJsonObject{
        {u"apiVersion"_qs, u"v1"_qs},
        {u"kind"_qs, u"Secret"_qs},
        {u"metadata"_qs, QJsonObject{{u"name"_qs, name}, {u"namespace"_qs, u"shop"_qs}, {u"uid"_qs, uid},
                                     {u"annotations"_qs, QJsonObject{{u"kubectl.kubernetes.io/last-applied-configuration"_qs, applied}}}}},
        {u"type"_qs, u"Opaque"_qs},
        {u"data"_qs, data}});
}

kube::Object podEvent(const char *name, const char *uid)
{
    return parse(QByteArray(R"({"apiVersion":"v1","kind":"Event","metadata":{"name":")") + name + R"(","namespace":"shop","uid":")" + name +
                 R"("},"involvedObject":{"kind":"Pod","namespace":"shop","name":"web-1","uid":")" + uid +
                 R"("},"reason":"Pulled","type":"Normal","lastTimestamp":"2026-03-10T11:59:00Z"})");
}

// The dialog an action opened (window-modal, not blocking): the newest child of that type.
template<typename T>
T *openedChild(QWidget *parent)
{
    const QList<T *> children = parent->findChildren<T *>(Qt::FindDirectChildrenOnly);
    return children.isEmpty() ? nullptr : children.last();
}

} // namespace

class TestDetailsPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<kube::Object>();
        qRegisterMetaType<kube::Labels>();
        qRegisterMetaType<timonel::DeletePropagation>();
    }

    void actionsFollowTheKind()
    {
        DetailsPane pane(nullptr, &m_clock);
        QVERIFY(!pane.action(DetailsPane::Action::Delete)->isEnabled()); // nothing shown yet
        pane.setObject(pod());
        QVERIFY(pane.action(DetailsPane::Action::Logs)->isVisible());
        QVERIFY(!pane.action(DetailsPane::Action::Scale)->isVisible());
        QVERIFY(!pane.action(DetailsPane::Action::Restart)->isVisible());
        QVERIFY(!pane.action(DetailsPane::Action::Drain)->isVisible());
        QVERIFY(pane.action(DetailsPane::Action::Delete)->isEnabled());
        QCOMPARE(pane.statusChip()->text(), u"Running"_qs);
        QVERIFY(pane.action(DetailsPane::Action::Delete)->toolTip().contains(u"Del"));

        pane.setObject(Deployment);
        QVERIFY(pane.action(DetailsPane::Action::Scale)->isVisible());
        QVERIFY(pane.action(DetailsPane::Action::Restart)->isVisible());
        QVERIFY(!pane.action(DetailsPane::Action::Logs)->isVisible());
        QCOMPARE(pane.statusChip()->text(), u"3/3"_qs);

        pane.setObject(node(false));
        QVERIFY(pane.action(DetailsPane::Action::Cordon)->isVisible());
        QVERIFY(!pane.action(DetailsPane::Action::Uncordon)->isVisible());
        QVERIFY(pane.action(DetailsPane::Action::Drain)->isVisible());
        pane.setObject(node(true));
        QVERIFY(!pane.action(DetailsPane::Action::Cordon)->isVisible());
        QVERIFY(pane.action(DetailsPane::Action::Uncordon)->isVisible());
    }

    void simpleIntents()
    {
        DetailsPane pane(nullptr, &m_clock);
        QSignalSpy yaml(&pane, &DetailsPane::openYamlRequested);
        QSignalSpy logs(&pane, &DetailsPane::logsRequested);
        QSignalSpy restart(&pane, &DetailsPane::restartRequested);
        QSignalSpy cordon(&pane, &DetailsPane::cordonRequested);

        pane.setObject(pod());
        pane.action(DetailsPane::Action::OpenYaml)->trigger();
        QCOMPARE(yaml.size(), 1);
        QCOMPARE(yaml.first().first().value<kube::Object>(), pod());

        // The shortcut works while focus is in the pane.
        pane.show();
        pane.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&pane));
        pane.tabs()->currentWidget()->setFocus();
        QTest::keyClick(pane.tabs()->currentWidget(), Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(logs.size(), 1);
        QCOMPARE(logs.first().first().value<kube::Object>().name(), u"web-1"_qs);

        pane.setObject(Deployment);
        pane.action(DetailsPane::Action::Restart)->trigger();
        QCOMPARE(restart.size(), 1);
        QCOMPARE(restart.first().first().value<kube::Object>(), Deployment);

        pane.setObject(node(false));
        pane.action(DetailsPane::Action::Cordon)->trigger();
        pane.setObject(node(true));
        pane.action(DetailsPane::Action::Uncordon)->trigger();
        QCOMPARE(cordon.size(), 2);
        QCOMPARE(cordon.at(0).at(1).toBool(), true);
        QCOMPARE(cordon.at(1).at(1).toBool(), false);
        QCOMPARE(cordon.at(1).at(0).value<kube::Object>(), node(true));
    }

    void deleteAsksThenEmits()
    {
        DetailsPane pane(nullptr, &m_clock);
        pane.setObject(pod());
        QSignalSpy deleted(&pane, &DetailsPane::deleteRequested);
        pane.action(DetailsPane::Action::Delete)->trigger();
        QCOMPARE(deleted.size(), 0);
        DeleteDialog *dialog = openedChild<DeleteDialog>(&pane);
        QVERIFY(dialog);
        dialog->setPropagation(DeletePropagation::Orphan);
        dialog->gracePeriodCheck()->setChecked(true);
        dialog->gracePeriodSpin()->setValue(5);
        dialog->deleteButton()->click();
        QCOMPARE(deleted.size(), 1);
        QCOMPARE(deleted.first().at(0).value<kube::Object>(), pod());
        QCOMPARE(deleted.first().at(1).value<DeletePropagation>(), DeletePropagation::Orphan);
        QCOMPARE(deleted.first().at(2).toInt(), 5);

        // Cancelled: nothing.
        pane.action(DetailsPane::Action::Delete)->trigger();
        QTRY_VERIFY(pane.findChildren<DeleteDialog *>().size() == 1); // the first one deleted itself
        pane.findChild<DeleteDialog *>()->cancelButton()->click();
        QCOMPARE(deleted.size(), 1);
    }

    void scaleAsksThenEmits()
    {
        DetailsPane pane(nullptr, &m_clock);
        pane.setObject(Deployment);
        QSignalSpy scaled(&pane, &DetailsPane::scaleRequested);
        pane.action(DetailsPane::Action::Scale)->trigger();
        ScaleDialog *dialog = openedChild<ScaleDialog>(&pane);
        QVERIFY(dialog);
        QCOMPARE(dialog->currentReplicas(), 3);
        dialog->setReplicas(5);
        dialog->accept();
        QCOMPARE(scaled.size(), 1);
        QCOMPARE(scaled.first().at(0).value<kube::Object>(), Deployment);
        QCOMPARE(scaled.first().at(1).toInt(), 5);
    }

    void drainAsksThenEmits()
    {
        DetailsPane pane(nullptr, &m_clock);
        pane.setObject(node(false));
        QSignalSpy drained(&pane, &DetailsPane::drainRequested);
        pane.action(DetailsPane::Action::Drain)->trigger();
        QMessageBox *box = openedChild<QMessageBox>(&pane);
        QVERIFY(box);
        QCOMPARE(drained.size(), 0);
        box->button(QMessageBox::Yes)->click();
        QCOMPARE(drained.size(), 1);
        QCOMPARE(drained.first().first().value<kube::Object>().name(), u"node-1"_qs);
    }

    void editLabelsAsksThenEmits()
    {
        DetailsPane pane(nullptr, &m_clock);
        pane.setObject(pod());
        QSignalSpy edited(&pane, &DetailsPane::labelsEditRequested);
        pane.action(DetailsPane::Action::EditLabels)->trigger();
        LabelsDialog *dialog = openedChild<LabelsDialog>(&pane);
        QVERIFY(dialog);
        dialog->addRow(u"tier"_qs, u"front"_qs);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(edited.size(), 1);
        QCOMPARE(edited.first().at(0).value<kube::Object>(), pod());
        QCOMPARE(edited.first().at(1).value<kube::Labels>(), (kube::Labels{{u"app"_qs, u"web"_qs}, {u"tier"_qs, u"front"_qs}}));
    }

    void relatedOpensOnEnter()
    {
        DetailsPane pane(nullptr, &m_clock);
        pane.setObject(pod());
        RelatedObject nodeEntry;
        nodeEntry.relation = Relation::Node;
        nodeEntry.kind = u"Node"_qs;
        nodeEntry.name = u"node-1"_qs;
        nodeEntry.resource = u"nodes"_qs;
        RelatedObject missing;
        missing.relation = Relation::Secret;
        missing.kind = u"Secret"_qs;
        missing.namespace_ = u"shop"_qs;
        missing.name = u"gone"_qs;
        missing.found = false;
        pane.setRelated({nodeEntry, missing});
        QTreeWidget *tree = pane.relatedTree();
        QCOMPARE(tree->topLevelItemCount(), 2);

        QSignalSpy open(&pane, &DetailsPane::openRelatedRequested);
        pane.tabs()->setCurrentWidget(tree);
        pane.show();
        pane.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&pane));
        tree->setFocus();
        tree->setCurrentItem(tree->topLevelItem(0));
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first(), (QList<QVariant>{u"Node"_qs, QString(), u"node-1"_qs}));
        // A reference that is not in the cache does not open.
        tree->setCurrentItem(tree->topLevelItem(1));
        QTest::keyClick(tree, Qt::Key_Return);
        QCOMPARE(open.size(), 1);
    }

    void nodeOverviewCountsItsPods()
    {
        DetailsPane pane(nullptr, &m_clock);
        pane.setObject(node(false));
        QVERIFY(!pane.overview()->description().find({u"Node"_qs, u"Pods"_qs}));
        RelatedObject onNode;
        onNode.relation = Relation::PodOnNode;
        onNode.kind = u"Pod"_qs;
        onNode.namespace_ = u"shop"_qs;
        onNode.name = u"web-1"_qs;
        RelatedObject more;
        more.relation = Relation::PodOnNode;
        more.name = u"… 7 more"_qs;
        more.found = false;
        more.omitted = 7;
        pane.setRelated({onNode, more});
        const DescriptionRow *pods = pane.overview()->description().find({u"Node"_qs, u"Pods"_qs});
        QVERIFY(pods);
        QCOMPARE(pods->value, u"8"_qs);
        QCOMPARE(pane.tabs()->tabText(pane.tabs()->indexOf(pane.relatedTree())), u"&Related (8)"_qs);
    }

    void updateKeepsTabAndRevealedKeys()
    {
        DetailsPane pane(nullptr, &m_clock);
        pane.setObject(secret());
        const QString masked = pane.overview()->toPlainText();
        QVERIFY(!masked.contains(QString::fromLatin1(Password)));
        QVERIFY(!masked.contains(QString::fromLatin1(Password.toBase64())));
        QVERIFY(masked.contains(u"Reveal"));

        pane.tabs()->setCurrentWidget(pane.tab(DetailsPane::Tab::Related));
        pane.overview()->revealSecretKey(u"password"_qs);
        QVERIFY(pane.overview()->toPlainText().contains(QString::fromLatin1(Password)));

        // An update of the same secret keeps the tab and the revealed key.
        QJsonObject updated = secret().toJson();
        QJsonObject metadata = updated.value(u"metadata").toObject();
        metadata.insert(u"resourceVersion"_qs, u"2"_qs);
        updated.insert(u"metadata"_qs, metadata);
        pane.setObject(kube::Object::fromJson(updated));
        QCOMPARE(pane.tabs()->currentWidget(), pane.tab(DetailsPane::Tab::Related));
        QCOMPARE(pane.overview()->revealedKeys(), QStringList{u"password"_qs});
        QVERIFY(pane.overview()->toPlainText().contains(QString::fromLatin1(Password)));

        // Another object: nothing revealed carries over.
        pane.setObject(secret(u"s2"_qs, u"other"_qs));
        QVERIFY(pane.overview()->revealedKeys().isEmpty());
        QVERIFY(!pane.overview()->toPlainText().contains(QString::fromLatin1(Password)));

        // The Labels & annotations tab shows the last-applied annotation masked.
        QTreeWidget *labels = pane.labelsTree();
        QTreeWidgetItem *annotations = labels->topLevelItem(1);
        QCOMPARE(annotations->childCount(), 1);
        QVERIFY(!annotations->child(0)->text(1).contains(QString::fromLatin1(Password.toBase64())));
        QVERIFY(!annotations->child(0)->toolTip(1).contains(QString::fromLatin1(Password.toBase64())));
    }

    void eventsTabShowsTheObjectsEvents()
    {
        DetailsPane pane(nullptr, &m_clock);
        pane.setObject(pod());
        pane.setEvents({podEvent("e1", "pod-1"), podEvent("e2", "pod-0")});
        QCOMPARE(pane.eventsModel()->rowCount(), 1);
        QCOMPARE(pane.eventsModel()->index(0, ObjectEventsModel::LastSeenColumn).data().toString(), u"60s"_qs);
        QCOMPARE(pane.tabs()->tabText(pane.tabs()->indexOf(pane.tab(DetailsPane::Tab::Events))), u"E&vents (1)"_qs);
        // Another pod with the same events list: none of them.
        pane.setObject(pod("1", "pod-9", "web-9"));
        QCOMPARE(pane.eventsModel()->rowCount(), 0);
    }

    void extraTabs()
    {
        DetailsPane pane(nullptr, &m_clock);
        auto *logs = new QLabel(u"logs"_qs);
        const int index = pane.addTab(logs, u"Logs"_qs);
        QCOMPARE(index, 4);
        QCOMPARE(pane.tabs()->widget(index), logs);
    }

private:
    FixedClock m_clock;
};

QTEST_MAIN(TestDetailsPane)
#include "tst_detailspane.moc"
