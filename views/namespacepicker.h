#pragma once
// NamespacePicker: the toolbar button that shows which namespaces the tables show ("All
// namespaces", "default", "3 namespaces") and opens a checkable, filterable list of them. Works
// over any list model whose rows are checkable (Qt::CheckStateRole) and whose first row means
// "all namespaces" (the app passes a NamespaceModel); checking is the model's business.
//
// Keyboard: the button opens with Enter/Space or Alt+N; type to filter; Up/Down move; Space
// toggles; Enter on a row selects only that namespace; Escape closes.
//
// GUI thread only.

#include <QToolButton>

class QAbstractItemModel;
class QLineEdit;
class QListView;
class QMenu;
class QSortFilterProxyModel;

namespace timonel {

class NamespacePicker : public QToolButton
{
    Q_OBJECT
public:
    explicit NamespacePicker(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model);
    // Opens the list (as a click would).
    void openList();
    QListView *listView() const { return m_list; }

Q_SIGNALS:
    // Enter on a row: the user wants only this namespace (row in the model given to setModel).
    void onlyRequested(int row);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateText();

    QAbstractItemModel *m_model = nullptr;
    QMenu *m_menu = nullptr;
    QLineEdit *m_search = nullptr;
    QListView *m_list = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace timonel
