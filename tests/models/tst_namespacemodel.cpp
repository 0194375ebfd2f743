// NamespaceModel: "All namespaces" then the namespaces by name, the check rules (all, one,
// several), and selected namespaces that disappear staying selected and marked.
#include "models/modelroles.h"
#include "models/namespacemodel.h"
#include "models/statuscategory.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace timonel;

namespace {

kube::Object ns(const QString &name, const QString &phase = QStringLiteral("Active"))
{
    return kube::Object::fromJson(QJsonObject{{"apiVersion", "v1"},
                                              {"kind", "Namespace"},
                                              {"metadata", QJsonObject{{"name", name}}},
                                              {"status", QJsonObject{{"phase", phase}}}});
}

kube::InformerEvent nsEvent(kube::InformerEvent::Type type, const kube::Object &o)
{
    return {type, o, {}, kube::DeleteState::Observed};
}

QStringList rows(const NamespaceModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out.append(model.index(r).data().toString());
    return out;
}

QStringList checked(const NamespaceModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r).data(Qt::CheckStateRole).toInt() == Qt::Checked)
            out.append(model.index(r).data().toString());
    }
    return out;
}

using Type = kube::InformerEvent::Type;

} // namespace

class TestNamespaceModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sortedAfterAll()
    {
        NamespaceModel model;
        QAbstractItemModelTester tester(&model);
        QSignalSpy syncedSpy(&model, &NamespaceModel::synced);
        model.applyBatch({nsEvent(Type::Added, ns("shop")), nsEvent(Type::Added, ns("default")), nsEvent(Type::Added, ns("kube-system")),
                          {Type::Synced, {}, {}, kube::DeleteState::Observed}});
        QCOMPARE(rows(model), QStringList({"All namespaces", "default", "kube-system", "shop"}));
        QCOMPARE(checked(model), QStringList({"All namespaces"}));
        QVERIFY(model.isAllSelected());
        QCOMPARE(syncedSpy.size(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.applyBatch({nsEvent(Type::Added, ns("monitoring"))});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 3);
        QCOMPARE(model.namespaces(), QStringList({"default", "kube-system", "monitoring", "shop"}));
        model.applyBatch({nsEvent(Type::Updated, ns("shop", "Terminating"))});
        QCOMPARE(model.index(model.rowOfNamespace("shop")).data(StatusRole).toInt(), int(StatusCategory::Pending));
        QVERIFY(!model.index(model.rowOfNamespace("shop")).data(Qt::ToolTipRole).toString().isEmpty());
    }

    void checkRules()
    {
        NamespaceModel model;
        QAbstractItemModelTester tester(&model);
        model.applyBatch({nsEvent(Type::Added, ns("a")), nsEvent(Type::Added, ns("b")), nsEvent(Type::Added, ns("c"))});
        QSignalSpy selection(&model, &NamespaceModel::selectionChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const auto check = [&](const QString &name, bool on) {
            const int row = name.isEmpty() ? 0 : model.rowOfNamespace(name);
            return model.setData(model.index(row), on ? Qt::Checked : Qt::Unchecked, Qt::CheckStateRole);
        };

        // One namespace: "All" unchecks.
        QVERIFY(check("a", true));
        QCOMPARE(model.selectedNamespaces(), QStringList({"a"}));
        QCOMPARE(checked(model), QStringList({"a"}));
        QCOMPARE(selection.size(), 1);
        QVERIFY(changed.size() >= 2); // "All" and "a"

        // Several.
        QVERIFY(check("c", true));
        QCOMPARE(model.selectedNamespaces(), QStringList({"a", "c"}));
        QVERIFY(check("a", false));
        QCOMPARE(model.selectedNamespaces(), QStringList({"c"}));

        // Unchecking the last one rechecks "All".
        QVERIFY(check("c", false));
        QVERIFY(model.isAllSelected());
        QCOMPARE(checked(model), QStringList({"All namespaces"}));

        // "All" cannot be unchecked into nothing.
        QVERIFY(!check(QString(), false));
        QCOMPARE(checked(model), QStringList({"All namespaces"}));

        // Checking "All" clears the others.
        QVERIFY(check("b", true));
        QVERIFY(check("c", true));
        QVERIFY(check(QString(), true));
        QVERIFY(model.isAllSelected());
        QCOMPARE(checked(model), QStringList({"All namespaces"}));

        model.setSelectedNamespaces({"b"});
        QCOMPARE(checked(model), QStringList({"b"}));
        QCOMPARE(selection.size(), 8); // one per change above
    }

    void selectedNamespaceThatDisappearsStaysMarked()
    {
        NamespaceModel model;
        QAbstractItemModelTester tester(&model);
        model.applyBatch({nsEvent(Type::Added, ns("a")), nsEvent(Type::Added, ns("b"))});
        model.setSelectedNamespaces({"b"});
        QSignalSpy selection(&model, &NamespaceModel::selectionChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.applyBatch({nsEvent(Type::Deleted, ns("b")), nsEvent(Type::Deleted, ns("a"))});
        QCOMPARE(removed.size(), 1); // "a" (not selected) goes
        QCOMPARE(rows(model), QStringList({"All namespaces", "b"}));
        QCOMPARE(model.selectedNamespaces(), QStringList({"b"}));
        QCOMPARE(selection.size(), 0);
        const QModelIndex b = model.index(model.rowOfNamespace("b"));
        QVERIFY(b.data(MissingRole).toBool());
        QVERIFY(b.data(Qt::ToolTipRole).toString().contains("b"));
        QCOMPARE(model.namespaces(), QStringList());

        // It comes back: no longer missing.
        model.applyBatch({nsEvent(Type::Added, ns("b"))});
        QVERIFY(!model.index(model.rowOfNamespace("b")).data(MissingRole).toBool());
        QCOMPARE(rows(model), QStringList({"All namespaces", "b"}));

        // A selection naming a namespace the cluster lacks shows it, marked; deselecting drops it.
        model.setSelectedNamespaces({"b", "ghost"});
        QCOMPARE(rows(model), QStringList({"All namespaces", "b", "ghost"}));
        QVERIFY(model.index(2).data(MissingRole).toBool());
        QVERIFY(model.setData(model.index(2), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(rows(model), QStringList({"All namespaces", "b"}));
        QCOMPARE(model.selectedNamespaces(), QStringList({"b"}));
    }
};

QTEST_GUILESS_MAIN(TestNamespaceModel)
#include "tst_namespacemodel.moc"
