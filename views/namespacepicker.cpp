#include "namespacepicker.h"

#include <QAbstractItemModel>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>
#include <QWidgetAction>

namespace timonel {

namespace {

// Enter on a row asks for that namespace alone; other keys go to the list.
class PickerList : public QListView
{
public:
    using QListView::QListView;
    std::function<void(const QModelIndex &)> onEnter;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid() && onEnter) {
            onEnter(currentIndex());
            return;
        }
        QListView::keyPressEvent(event);
    }
};

} // namespace

NamespacePicker::NamespacePicker(QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("namespacePicker"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setToolTip(tr("Namespaces shown in the tables (Alt+N)"));
    setShortcut(QKeySequence(Qt::ALT | Qt::Key_N));
    setFocusPolicy(Qt::StrongFocus);

    m_menu = new QMenu(this);
    auto *panel = new QWidget(m_menu);
    m_search = new QLineEdit(panel);
    m_search->setPlaceholderText(tr("Find a namespace"));
    m_search->setClearButtonEnabled(true);
    auto *list = new PickerList(panel);
    m_list = list;
    m_list->setObjectName(QStringLiteral("namespaceList"));
    m_list->setMinimumSize(260, 280);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_list->setModel(m_proxy);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_list);
    auto *action = new QWidgetAction(m_menu);
    action->setDefaultWidget(panel);
    m_menu->addAction(action);
    setMenu(m_menu);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_menu, &QMenu::aboutToShow, this, [this] {
        m_search->clear();
        m_search->setFocus();
        if (m_proxy->rowCount() > 0)
            m_list->setCurrentIndex(m_proxy->index(0, 0));
    });
    m_search->installEventFilter(this);
    list->onEnter = [this](const QModelIndex &index) {
        Q_EMIT onlyRequested(m_proxy->mapToSource(index).row());
        m_menu->close();
    };
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy->rowCount() > 0) {
            Q_EMIT onlyRequested(m_proxy->mapToSource(m_proxy->index(0, 0)).row());
            m_menu->close();
        }
    });
    updateText();
}

void NamespacePicker::setModel(QAbstractItemModel *model)
{
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    m_proxy->setSourceModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::dataChanged, this, &NamespacePicker::updateText);
        connect(model, &QAbstractItemModel::rowsInserted, this, &NamespacePicker::updateText);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &NamespacePicker::updateText);
        connect(model, &QAbstractItemModel::modelReset, this, &NamespacePicker::updateText);
    }
    updateText();
}

void NamespacePicker::openList()
{
    showMenu();
}

bool NamespacePicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up) {
            m_list->setFocus();
            return true;
        }
    }
    return QToolButton::eventFilter(watched, event);
}

void NamespacePicker::updateText()
{
    QStringList checked;
    bool all = !m_model || m_model->rowCount() == 0;
    if (m_model) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QModelIndex index = m_model->index(row, 0);
            if (index.data(Qt::CheckStateRole).toInt() != Qt::Checked)
                continue;
            if (row == 0)
                all = true;
            else
                checked.append(index.data(Qt::DisplayRole).toString());
        }
    }
    if (all || checked.isEmpty())
        setText(tr("All namespaces"));
    else if (checked.size() == 1)
        setText(tr("Namespace: %1").arg(checked.front()));
    else
        setText(tr("%n namespaces", nullptr, int(checked.size())));
}

} // namespace timonel
