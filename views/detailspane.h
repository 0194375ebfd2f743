#pragma once
// DetailsPane: everything about one object. A header (name, kind and namespace, a status chip),
// an action bar, and tabs: Overview (the describe view, Secret values revealed per key on
// demand), Events (ObjectEventsModel), Related (owners, owned, endpoints, node, volumes…;
// Enter or double-click opens one) and Labels & annotations. The lead adds Logs and YAML tabs
// with addTab().
//
// Actions (each with a shortcut, active while focus is in the pane, and a tooltip naming it)
// only emit intents; app/ carries them out. Delete, Scale and Edit labels first ask in a
// dialog (opened window-modal, not blocking), Drain asks for confirmation. Actions that do not
// apply to the kind are hidden: Scale for kinds with a scale subresource, Restart for
// deployments, stateful sets and daemon sets, Cordon/Uncordon/Drain for nodes, Logs for pods.
//
// setObject() with the same object (same UID) is an update: the current tab, scroll positions,
// selection and revealed Secret keys stay. Another object resets them (never carrying a
// revealed value over).
//
// GUI thread only. Cost per setObject(): one describe (a toJson parse) and one HTML render.

#include "kube/api/labels.h"
#include "kube/api/object.h"
#include "models/relatedobjects.h"
#include "views/deletedialog.h"

#include <QWidget>

class QAction;
class QLabel;
class QTabWidget;
class QTableView;
class QToolBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace kube {
class Clock;
}

namespace timonel {

class DescriptionView;
class ObjectEventsModel;

class DetailsPane : public QWidget
{
    Q_OBJECT
public:
    enum class Action { Delete, Scale, Restart, Cordon, Uncordon, Drain, EditLabels, OpenYaml, Logs };
    enum class Tab { Overview, Events, Related, Labels };

    // clock: for ages (null = the system clock). Not owned.
    explicit DetailsPane(QWidget *parent = nullptr, const kube::Clock *clock = nullptr);
    ~DetailsPane() override;

    // The clock ages are computed with (null = the system clock); the cluster's, when it runs
    // faster than real time. Not owned; must outlive its use here.
    void setClock(const kube::Clock *clock);
    void setObject(const kube::Object &object);
    const kube::Object &object() const { return m_object; }
    // All the events the caller has (any object's); the pane selects this object's.
    void setEvents(const QList<kube::Object> &events);
    void setRelated(const QList<RelatedObject> &related);
    // A further tab (Logs, YAML); returns its index.
    int addTab(QWidget *widget, const QString &title);

    QAction *action(Action action) const;
    QTabWidget *tabs() const { return m_tabs; }
    QWidget *tab(Tab tab) const;
    DescriptionView *overview() const { return m_overview; }
    QTreeWidget *relatedTree() const { return m_related; }
    QTreeWidget *labelsTree() const { return m_labels; }
    QTableView *eventsView() const { return m_eventsView; }
    ObjectEventsModel *eventsModel() const { return m_eventsModel; }
    QLabel *statusChip() const { return m_status; }

Q_SIGNALS:
    // gracePeriodSeconds: -1 for the object's default.
    void deleteRequested(const kube::Object &object, timonel::DeletePropagation propagation, int gracePeriodSeconds);
    void scaleRequested(const kube::Object &object, int replicas);
    void restartRequested(const kube::Object &object);
    // cordon: true to mark the node unschedulable, false to uncordon it.
    void cordonRequested(const kube::Object &object, bool cordon);
    void drainRequested(const kube::Object &object);
    void labelsEditRequested(const kube::Object &object, const kube::Labels &labels);
    void openYamlRequested(const kube::Object &object);
    void logsRequested(const kube::Object &object);
    void openRelatedRequested(const QString &kind, const QString &namespace_, const QString &name);

private:
    void createActions();
    void updateHeader();
    void updateActions();
    void updateOverview(bool sameObject);
    void updateEvents();
    void updateLabels(bool sameObject);
    void openRelated(QTreeWidgetItem *item);

    void confirmDelete();
    void askScale();
    void confirmDrain();
    void editLabels();

    const kube::Clock *m_clock = nullptr;
    kube::Object m_object;
    QList<kube::Object> m_allEvents;
    int m_nodePodCount = -1;

    QLabel *m_name = nullptr;
    QLabel *m_where = nullptr;
    QLabel *m_status = nullptr;
    QToolBar *m_toolBar = nullptr;
    QList<QAction *> m_actions; // indexed by Action
    QTabWidget *m_tabs = nullptr;
    DescriptionView *m_overview = nullptr;
    QTableView *m_eventsView = nullptr;
    ObjectEventsModel *m_eventsModel = nullptr;
    QTreeWidget *m_related = nullptr;
    QTreeWidget *m_labels = nullptr;
};

} // namespace timonel
