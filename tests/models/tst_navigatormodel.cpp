// NavigatorModel: discovery's resources grouped for the sidebar (built-ins by group/resource,
// custom resources per API group), the discovery filters, and updates in place when a CRD's
// kinds appear, change or disappear.
#include "models/modelroles.h"
#include "models/navigatormodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace timonel;

namespace {

kube::ApiResource resource(const QString &group, const QString &version, const QString &plural, const QString &kind,
                           bool preferred = true, QStringList verbs = {"create", "delete", "get", "list", "patch", "update", "watch"})
{
    kube::ApiResource r;
    r.gvr = {group, version, plural};
    r.kind = kind;
    r.singularName = kind.toLower();
    r.namespaced = true;
    r.preferredVersion = preferred;
    r.verbs = std::move(verbs);
    return r;
}

QList<kube::ApiResource> builtins()
{
    return {
        resource("", "v1", "pods", "Pod"),
        resource("", "v1", "services", "Service"),
        resource("", "v1", "configmaps", "ConfigMap"),
        resource("", "v1", "nodes", "Node"),
        resource("", "v1", "namespaces", "Namespace"),
        resource("", "v1", "events", "Event"),
        resource("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim"),
        resource("", "v1", "serviceaccounts", "ServiceAccount"),
        resource("", "v1", "componentstatuses", "ComponentStatus", true, {"get", "list"}),
        resource("", "v1", "bindings", "Binding", true, {"create"}),
        resource("apps", "v1", "replicasets", "ReplicaSet"),
        resource("apps", "v1", "deployments", "Deployment"),
        resource("apps", "v1", "controllerrevisions", "ControllerRevision"),
        resource("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true),
        resource("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", false),
        resource("events.k8s.io", "v1", "events", "Event"),
        resource("rbac.authorization.k8s.io", "v1", "roles", "Role"),
        resource("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition"),
        resource("resource.k8s.io", "v1", "resourceclaims", "ResourceClaim"),
        resource("storage.k8s.io", "v1", "storageclasses", "StorageClass"),
        resource("networking.k8s.io", "v1", "ingresses", "Ingress"),
    };
}

QStringList titles(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int r = 0; r < model.rowCount(parent); ++r)
        out.append(model.index(r, 0, parent).data().toString());
    return out;
}

} // namespace

class TestNavigatorModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupsBuiltins()
    {
        NavigatorModel model;
        QAbstractItemModelTester tester(&model);
        model.setResources(builtins());
        QCOMPARE(titles(model), QStringList({"Workloads", "Network", "Config", "Storage", "Access control", "Cluster",
                                             "Custom resources", "Events"}));
        const auto children = [&](NavigatorGroup g) { return titles(model, model.indexOfGroup(g)); };
        QCOMPARE(children(NavigatorGroup::Workloads), QStringList({"Pods", "Deployments", "Replica Sets"}));
        QCOMPARE(children(NavigatorGroup::Network), QStringList({"Services", "Ingresses"}));
        QCOMPARE(children(NavigatorGroup::Config), QStringList({"Config Maps", "Horizontal Pod Autoscalers"}));
        QCOMPARE(children(NavigatorGroup::Storage), QStringList({"Persistent Volume Claims", "Storage Classes"}));
        QCOMPARE(children(NavigatorGroup::AccessControl), QStringList({"Service Accounts", "Roles"}));
        // Unlisted built-ins (resource.k8s.io) come last in Cluster under their Kind; no
        // componentstatuses (no watch) nor bindings (no list).
        QCOMPARE(children(NavigatorGroup::Cluster),
                 QStringList({"Nodes", "Namespaces", "Custom Resource Definitions", "Controller Revisions", "ResourceClaim"}));
        QCOMPARE(children(NavigatorGroup::CustomResources), QStringList());
        // Core events only; events.k8s.io's copy is hidden.
        QCOMPARE(children(NavigatorGroup::Events), QStringList({"Events"}));
        QCOMPARE(model.resourceIdAt(model.index(0, 0, model.indexOfGroup(NavigatorGroup::Events))), QStringLiteral("events"));
        QVERIFY(!model.indexOf(QStringLiteral("events.events.k8s.io")).isValid());

        // The preferred version only.
        const QModelIndex hpa = model.indexOf(QStringLiteral("horizontalpodautoscalers.autoscaling"));
        QVERIFY(hpa.isValid());
        QCOMPARE(hpa.data(ResourceRole).value<kube::ApiResource>().gvr.version, QStringLiteral("v2"));

        const QModelIndex deployments = model.indexOf(QStringLiteral("deployments.apps"));
        QCOMPARE(deployments.data().toString(), QStringLiteral("Deployments"));
        QCOMPARE(deployments.data(ResourceIdRole).toString(), QStringLiteral("deployments.apps"));
        QCOMPARE(deployments.data(NavigatorGroupRole).toInt(), int(NavigatorGroup::Workloads));
        QCOMPARE(deployments.parent(), model.indexOfGroup(NavigatorGroup::Workloads));
        QCOMPARE(model.resourceAt(deployments).kind, QStringLiteral("Deployment"));
        QVERIFY(model.flags(deployments) & Qt::ItemIsSelectable);
        QVERIFY(!(model.flags(model.indexOfGroup(NavigatorGroup::Workloads)) & Qt::ItemIsSelectable));
        QVERIFY(model.resourceIdAt(model.indexOfGroup(NavigatorGroup::Workloads)).isEmpty());

        // The flat listing follows the tree.
        const QList<NavigatorModel::Entry> entries = model.entries();
        QCOMPARE(entries.size(), 17);
        QCOMPARE(entries.first().resourceId, QStringLiteral("pods"));
        QCOMPARE(entries.at(1).title, QStringLiteral("Deployments"));
        QCOMPARE(entries.last().resourceId, QStringLiteral("events"));
        QCOMPARE(entries.last().group, NavigatorGroup::Events);
    }

    void customResourcesAppearAndDisappearInPlace()
    {
        NavigatorModel model;
        QAbstractItemModelTester tester(&model);
        model.setResources(builtins());
        const QPersistentModelIndex deployments = model.indexOf(QStringLiteral("deployments.apps"));
        const QPersistentModelIndex customGroup = model.indexOfGroup(NavigatorGroup::CustomResources);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        QList<kube::ApiResource> withCrds = builtins();
        withCrds << resource("example.com", "v1", "widgets", "Widget") << resource("example.com", "v1", "gadgets", "Gadget")
                 << resource("acme.io", "v1beta1", "rockets", "Rocket")
                 << resource("gateway.networking.k8s.io", "v1", "gateways", "Gateway");
        model.setResources(withCrds);
        QCOMPARE(titles(model, customGroup), QStringList({"acme.io", "example.com", "gateway.networking.k8s.io"}));
        const QModelIndex widgets = model.indexOf(QStringLiteral("widgets.example.com"));
        QVERIFY(widgets.isValid());
        QCOMPARE(widgets.data().toString(), QStringLiteral("Widget"));
        QCOMPARE(widgets.parent().data().toString(), QStringLiteral("example.com"));
        QCOMPARE(widgets.parent().parent(), QModelIndex(customGroup));
        QCOMPARE(titles(model, widgets.parent()), QStringList({"Gadget", "Widget"}));
        QCOMPARE(widgets.data(NavigatorGroupRole).toInt(), int(NavigatorGroup::CustomResources));
        QVERIFY(!inserted.isEmpty());
        QCOMPARE(deployments.data(ResourceIdRole).toString(), QStringLiteral("deployments.apps"));

        // A CRD's served version changes: the row is updated, not replaced.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        inserted.clear();
        withCrds[withCrds.size() - 2] = resource("acme.io", "v1", "rockets", "Rocket");
        model.setResources(withCrds);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.resourceAt(model.indexOf(QStringLiteral("rockets.acme.io"))).gvr.version, QStringLiteral("v1"));

        // One CRD goes: one row removed; its API group stays while it has kinds.
        const QPersistentModelIndex gadgets = model.indexOf(QStringLiteral("gadgets.example.com"));
        withCrds.removeIf([](const kube::ApiResource &r) { return r.kind == u"Widget"; });
        model.setResources(withCrds);
        QCOMPARE(removed.size(), 1);
        QVERIFY(!model.indexOf(QStringLiteral("widgets.example.com")).isValid());
        QVERIFY(gadgets.isValid());
        QCOMPARE(titles(model, gadgets.parent()), QStringList({"Gadget"}));

        // Every CRD goes: the API group rows go too.
        model.setResources(builtins());
        QCOMPARE(titles(model, customGroup), QStringList());
        QVERIFY(!gadgets.isValid());
        QCOMPARE(deployments.data(ResourceIdRole).toString(), QStringLiteral("deployments.apps"));
        QCOMPARE(reset.size(), 0);
        QCOMPARE(layout.size(), 0);
    }

    void builtinAppearsInPlace()
    {
        NavigatorModel model;
        QAbstractItemModelTester tester(&model);
        QList<kube::ApiResource> list = builtins();
        list.removeIf([](const kube::ApiResource &r) { return r.gvr.resource == u"deployments"; });
        model.setResources(list);
        const QPersistentModelIndex replicaSets = model.indexOf(QStringLiteral("replicasets.apps"));
        QCOMPARE(replicaSets.row(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setResources(builtins());
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(replicaSets.row(), 2);
        QCOMPARE(replicaSets.data(ResourceIdRole).toString(), QStringLiteral("replicasets.apps"));
    }
};

QTEST_GUILESS_MAIN(TestNavigatorModel)
#include "tst_navigatormodel.moc"
