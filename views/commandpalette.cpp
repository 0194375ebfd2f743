#include "commandpalette.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace timonel {

namespace {
constexpr int kMaxShown = 200;
}

CommandPalette::CommandPalette(QWidget *parent) : QDialog(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("commandPalette"));
    setWindowTitle(tr("Command palette"));
    m_query = new QLineEdit(this);
    m_query->setPlaceholderText(tr("Go to a kind, an object, a cluster or an action…"));
    m_results = new QListWidget(this);
    m_results->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_query);
    layout->addWidget(m_results);
    resize(560, 380);

    connect(m_query, &QLineEdit::textChanged, this, &CommandPalette::refilter);
    connect(m_results, &QListWidget::itemActivated, this, &CommandPalette::choose);
    m_query->installEventFilter(this);
}

void CommandPalette::setEntries(QList<PaletteEntry> entries)
{
    m_entries = std::move(entries);
    refilter();
}

void CommandPalette::popup()
{
    m_query->clear();
    refilter();
    if (QWidget *p = parentWidget()) {
        const QPoint centre = p->mapToGlobal(QPoint(p->width() / 2, p->height() / 4));
        move(centre.x() - width() / 2, centre.y());
    }
    show();
    raise();
    activateWindow();
    m_query->setFocus(Qt::PopupFocusReason);
}

int CommandPalette::matchScore(QStringView query, QStringView text)
{
    if (query.isEmpty())
        return 1;
    // Each query character must appear in order; runs and word starts score more.
    int score = 0;
    qsizetype at = 0;
    qsizetype previous = -2;
    for (QChar q : query) {
        if (q.isSpace())
            continue;
        const QChar lower = q.toLower();
        qsizetype found = -1;
        for (qsizetype i = at; i < text.size(); ++i) {
            if (text[i].toLower() == lower) {
                found = i;
                break;
            }
        }
        if (found < 0)
            return 0;
        int points = 1;
        if (found == previous + 1)
            points += 5;
        if (found == 0 || !text[found - 1].isLetterOrNumber())
            points += 8;
        score += points;
        previous = found;
        at = found + 1;
    }
    // Shorter texts win ties: "Pods" before "Pod Disruption Budgets".
    return score * 100 - int(std::min<qsizetype>(text.size(), 99));
}

void CommandPalette::refilter()
{
    const QString query = m_query->text().trimmed();
    QList<std::pair<int, int>> ranked; // score, entry index
    for (int i = 0; i < m_entries.size(); ++i) {
        const int score = matchScore(query, m_entries[i].text);
        if (score > 0)
            ranked.append({score, i});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    m_results->clear();
    for (int n = 0; n < ranked.size() && n < kMaxShown; ++n) {
        const PaletteEntry &entry = m_entries[ranked[n].second];
        auto *item = new QListWidgetItem(entry.category.isEmpty() ? entry.text : entry.text + QStringLiteral("    — ") + entry.category);
        item->setData(Qt::UserRole, entry.id);
        m_results->addItem(item);
    }
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
}

void CommandPalette::choose()
{
    QListWidgetItem *item = m_results->currentItem();
    if (!item)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    hide();
    Q_EMIT entryChosen(id);
}

bool CommandPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp:
            QCoreApplication::sendEvent(m_results, event);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace timonel
