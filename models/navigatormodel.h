#pragma once
// NavigatorModel: the sidebar tree of what the cluster serves — eight fixed groups (Workloads,
// Network, Config, Storage, Access control, Cluster, Custom resources, Events) holding the
// listable, watchable resources of discovery's preferred versions (navigatorcatalog.h places
// and titles them); Custom resources holds one row per API group with its kinds below.
//
// setResources() with a new discovery result (a CRD added or removed) updates the tree in
// place — row insertions, removals, moves and dataChanged, never a reset — so the view keeps
// its expansion, selection and current row.
//
// GUI thread only. Cost: setResources is linear in the resources times the rows of a group
// (a few hundred); lookups by resource id are one hash lookup.

#include "modelroles.h"
#include "navigatorcatalog.h"

#include "kube/client/discoveryclient.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>
#include <vector>

namespace timonel {

class NavigatorModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    explicit NavigatorModel(QObject *parent = nullptr);
    ~NavigatorModel() override;

    // Keeps resources of preferred versions that can be listed and watched (no subresources),
    // one per resource id, and syncs the tree with them.
    void setResources(const QList<kube::ApiResource> &resources);
    // The language changed: titles are read again (dataChanged for every row; no reset).
    void retranslate();

    // One resource row, for flat listings (a command palette).
    struct Entry {
        QString resourceId;
        QString title;
        NavigatorGroup group = NavigatorGroup::Cluster;
        kube::ApiResource resource;
    };
    // Every resource row, in tree order.
    QList<Entry> entries() const;

    // "pods", "deployments.apps", "widgets.example.com".
    static QString resourceId(const kube::ApiResource &resource);
    // The row of a resource id; invalid when the cluster does not serve it (any more).
    QModelIndex indexOf(const QString &resourceId) const;
    QModelIndex indexOfGroup(NavigatorGroup group) const;
    // The resource of a resource row (a default ApiResource elsewhere), and its id ("" elsewhere).
    kube::ApiResource resourceAt(const QModelIndex &index) const;
    QString resourceIdAt(const QModelIndex &index) const;
    bool isResource(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Node;
    struct Spec;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node) const;
    void sync(Node *parent, const std::vector<Spec> &wanted);
    void renumber(Node *parent);

    std::unique_ptr<Node> m_root;
    QHash<QString, Node *> m_resources; // resource id → its row
    QList<kube::ApiResource> m_lastResources;
};

} // namespace timonel

Q_DECLARE_METATYPE(kube::ApiResource)
