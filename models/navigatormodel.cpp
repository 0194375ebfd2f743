#include "navigatormodel.h"

#include <QSet>

#include <algorithm>
#include <map>

namespace timonel {

struct NavigatorModel::Node {
    enum class Type { Root, Group, ApiGroup, Resource };
    Type type = Type::Root;
    NavigatorGroup group = NavigatorGroup::Cluster;
    QString id;    // resource id, "apigroup:<group>" or "group:<n>"
    QString title; // resources and API groups; groups are titled on demand (translator)
    kube::ApiResource resource;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;
};

// What a row should be after setResources().
struct NavigatorModel::Spec {
    Node::Type type = Node::Type::Resource;
    NavigatorGroup group = NavigatorGroup::Cluster;
    QString id;
    QString title;
    int order = 0;
    kube::ApiResource resource;
    std::vector<Spec> children; // API groups' kinds
};

namespace {

bool sameResource(const kube::ApiResource &a, const kube::ApiResource &b)
{
    return a.gvr == b.gvr && a.kind == b.kind && a.singularName == b.singularName && a.namespaced == b.namespaced &&
           a.preferredVersion == b.preferredVersion && a.verbs == b.verbs && a.shortNames == b.shortNames &&
           a.categories == b.categories && a.subresources == b.subresources;
}

} // namespace

NavigatorModel::NavigatorModel(QObject *parent) : QAbstractItemModel(parent), m_root(std::make_unique<Node>())
{
    for (int g = 0; g < navigatorGroupCount; ++g) {
        auto node = std::make_unique<Node>();
        node->type = Node::Type::Group;
        node->group = NavigatorGroup(g);
        node->id = QStringLiteral("group:%1").arg(g);
        node->parent = m_root.get();
        node->row = g;
        m_root->children.push_back(std::move(node));
    }
}

NavigatorModel::~NavigatorModel() = default;

QString NavigatorModel::resourceId(const kube::ApiResource &resource)
{
    return resource.gvr.groupResource();
}

void NavigatorModel::retranslate()
{
    setResources(m_lastResources); // resource titles come from the catalogue, translated now
    const int groups = rowCount();
    if (groups > 0)
        Q_EMIT dataChanged(index(0, 0), index(groups - 1, 0), {Qt::DisplayRole, Qt::ToolTipRole});
}

void NavigatorModel::setResources(const QList<kube::ApiResource> &resources)
{
    m_lastResources = resources;
    std::vector<Spec> groups[navigatorGroupCount];
    std::map<QString, std::vector<Spec>> custom; // API group → kinds, in group order
    QSet<QString> seen;
    for (const kube::ApiResource &r : resources) {
        if (!r.preferredVersion || r.gvr.resource.contains(u'/') || !r.hasVerb(u"list") || !r.hasVerb(u"watch"))
            continue;
        const QString id = resourceId(r);
        if (seen.contains(id))
            continue;
        const std::optional<NavigatorPlacement> placement = navigatorPlacement(r);
        if (!placement)
            continue;
        seen.insert(id);
        Spec spec{Node::Type::Resource, placement->group, id, placement->title, placement->order, r, {}};
        if (placement->group == NavigatorGroup::CustomResources)
            custom[r.gvr.group].push_back(std::move(spec));
        else
            groups[int(placement->group)].push_back(std::move(spec));
    }
    const auto bySidebarOrder = [](const Spec &a, const Spec &b) {
        if (a.order != b.order)
            return a.order < b.order;
        if (const int c = a.title.compare(b.title, Qt::CaseInsensitive); c != 0)
            return c < 0;
        return a.id < b.id;
    };
    for (auto &[apiGroup, kinds] : custom) {
        std::sort(kinds.begin(), kinds.end(), bySidebarOrder);
        Spec spec{Node::Type::ApiGroup, NavigatorGroup::CustomResources, u"apigroup:"_qs + apiGroup, apiGroup, 0, {}, std::move(kinds)};
        groups[int(NavigatorGroup::CustomResources)].push_back(std::move(spec));
    }
    for (int g = 0; g < navigatorGroupCount; ++g) {
        if (NavigatorGroup(g) != NavigatorGroup::CustomResources)
            std::sort(groups[g].begin(), groups[g].end(), bySidebarOrder);
        sync(m_root->children[size_t(g)].get(), groups[g]);
    }
}

// Makes parent's children match wanted (same ids, same order) with removals, moves and
// insertions of single rows, and dataChanged for rows whose title or resource changed.
void NavigatorModel::sync(Node *parent, const std::vector<Spec> &wanted)
{
    const QModelIndex parentIndex = indexOfNode(parent);
    QSet<QString> wantedIds;
    for (const Spec &w : wanted)
        wantedIds.insert(w.id);
    const auto forget = [this](const Node *node, const auto &self) -> void {
        if (node->type == Node::Type::Resource)
            m_resources.remove(node->id);
        for (const auto &child : node->children)
            self(child.get(), self);
    };
    for (int i = int(parent->children.size()) - 1; i >= 0; --i) {
        if (wantedIds.contains(parent->children[size_t(i)]->id))
            continue;
        beginRemoveRows(parentIndex, i, i);
        forget(parent->children[size_t(i)].get(), forget);
        parent->children.erase(parent->children.begin() + i);
        renumber(parent);
        endRemoveRows();
    }
    for (int i = 0; i < int(wanted.size()); ++i) {
        const Spec &w = wanted[size_t(i)];
        auto &children = parent->children;
        if (size_t(i) >= children.size() || children[size_t(i)]->id != w.id) {
            const auto found = std::find_if(children.begin() + i, children.end(), [&](const auto &c) { return c->id == w.id; });
            if (found != children.end()) {
                const int from = int(found - children.begin());
                beginMoveRows(parentIndex, from, from, parentIndex, i);
                std::rotate(children.begin() + i, found, found + 1);
                renumber(parent);
                endMoveRows();
            } else {
                auto node = std::make_unique<Node>();
                node->type = w.type;
                node->group = w.group;
                node->id = w.id;
                node->title = w.title;
                node->resource = w.resource;
                node->parent = parent;
                beginInsertRows(parentIndex, i, i);
                if (w.type == Node::Type::Resource)
                    m_resources.insert(w.id, node.get());
                children.insert(children.begin() + i, std::move(node));
                renumber(parent);
                endInsertRows();
            }
        }
        Node *node = children[size_t(i)].get();
        if (node->title != w.title || !sameResource(node->resource, w.resource)) {
            node->title = w.title;
            node->resource = w.resource;
            const QModelIndex changed = indexOfNode(node);
            Q_EMIT dataChanged(changed, changed);
        }
        if (w.type == Node::Type::ApiGroup)
            sync(node, w.children);
    }
}

void NavigatorModel::renumber(Node *parent)
{
    for (size_t i = 0; i < parent->children.size(); ++i)
        parent->children[i]->row = int(i);
}

QModelIndex NavigatorModel::indexOf(const QString &resourceId) const
{
    const Node *node = m_resources.value(resourceId);
    return node ? indexOfNode(node) : QModelIndex();
}

QList<NavigatorModel::Entry> NavigatorModel::entries() const
{
    QList<Entry> list;
    list.reserve(m_resources.size());
    const auto walk = [&list](const Node *node, const auto &self) -> void {
        if (node->type == Node::Type::Resource)
            list.append({node->id, node->title, node->group, node->resource});
        for (const auto &child : node->children)
            self(child.get(), self);
    };
    walk(m_root.get(), walk);
    return list;
}

QModelIndex NavigatorModel::indexOfGroup(NavigatorGroup group) const
{
    return index(int(group), 0);
}

kube::ApiResource NavigatorModel::resourceAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node && node->type == Node::Type::Resource ? node->resource : kube::ApiResource();
}

QString NavigatorModel::resourceIdAt(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node && node->type == Node::Type::Resource ? node->id : QString();
}

bool NavigatorModel::isResource(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node && node->type == Node::Type::Resource;
}

NavigatorModel::Node *NavigatorModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_root.get();
    return index.model() == this ? static_cast<Node *>(index.internalPointer()) : nullptr;
}

QModelIndex NavigatorModel::indexOfNode(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex NavigatorModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *p = nodeOf(parent);
    if (!p || column != 0 || row < 0 || size_t(row) >= p->children.size())
        return {};
    return createIndex(row, 0, p->children[size_t(row)].get());
}

QModelIndex NavigatorModel::parent(const QModelIndex &child) const
{
    const Node *node = child.isValid() ? nodeOf(child) : nullptr;
    return node ? indexOfNode(node->parent) : QModelIndex();
}

int NavigatorModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    const Node *node = nodeOf(parent);
    return node ? int(node->children.size()) : 0;
}

int NavigatorModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool NavigatorModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant NavigatorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    const bool isResourceRow = node->type == Node::Type::Resource;
    switch (role) {
    case Qt::DisplayRole:
        return node->type == Node::Type::Group ? navigatorGroupTitle(node->group) : node->title;
    case Qt::ToolTipRole:
        if (isResourceRow)
            return tr("%1 (%2, %3)").arg(node->id, node->resource.gvr.groupVersion().apiVersion(), node->resource.kind);
        if (node->type == Node::Type::ApiGroup)
            return tr("Custom resources of the API group %1").arg(node->title);
        return {};
    case ResourceRole:
        return isResourceRow ? QVariant::fromValue(node->resource) : QVariant();
    case ResourceIdRole:
        return isResourceRow ? node->id : QString();
    case NavigatorGroupRole:
        return int(node->group);
    }
    return {};
}

Qt::ItemFlags NavigatorModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (isResource(index))
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled;
}

QHash<int, QByteArray> NavigatorModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(ResourceRole, "resource");
    names.insert(ResourceIdRole, "resourceId");
    names.insert(NavigatorGroupRole, "group");
    return names;
}

} // namespace timonel
