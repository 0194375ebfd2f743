#include "logpanel.h"

#include "logview.h"
#include "models/logbuffer.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSaveFile>
#include <QShortcut>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace timonel {

namespace {

constexpr int kAllContainersRole = Qt::UserRole + 1;

QLabel *buddyLabel(const QString &text, QWidget *buddy)
{
    auto *label = new QLabel(text);
    label->setBuddy(buddy);
    return label;
}

QToolButton *button(const QString &text, const QString &toolTip, const QString &objectName)
{
    auto *b = new QToolButton;
    b->setText(text);
    b->setToolTip(toolTip);
    b->setObjectName(objectName);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setFocusPolicy(Qt::StrongFocus);
    return b;
}

} // namespace

LogPanel::LogPanel(QWidget *parent) : QWidget(parent), m_buffer(new LogBuffer(this)), m_view(new LogView)
{
    m_view->setBuffer(m_buffer);
    m_view->setObjectName(QStringLiteral("logView"));
    buildControls();
    connectControls();
    setPod({}, {}, {}, {});
}

LogPanel::~LogPanel() = default;

QToolButton *LogPanel::toggle(const QString &text, const QString &toolTip, const QString &objectName)
{
    QToolButton *b = button(text, toolTip, objectName);
    b->setCheckable(true);
    return b;
}

void LogPanel::buildControls()
{
    m_container = new QComboBox;
    m_container->setObjectName(QStringLiteral("container"));
    m_container->setToolTip(tr("The container whose log is shown"));
    m_follow = toggle(tr("Fo&llow"), tr("Keep the stream open and show new lines as they are written"),
                      QStringLiteral("follow"));
    m_follow->setChecked(true);
    m_previous = toggle(tr("P&revious"), tr("Show the log of the previous, terminated instance of the container"),
                        QStringLiteral("previous"));
    m_timestamps = toggle(tr("Ti&mestamps"), tr("Ask for the time each line was written"), QStringLiteral("timestamps"));
    m_since = new QComboBox;
    m_since->setObjectName(QStringLiteral("since"));
    m_since->setToolTip(tr("Only lines written in this last period"));
    m_since->addItem(tr("All"), qint64(-1));
    m_since->addItem(tr("5 minutes"), qint64(5 * 60));
    m_since->addItem(tr("15 minutes"), qint64(15 * 60));
    m_since->addItem(tr("1 hour"), qint64(3600));
    m_since->addItem(tr("6 hours"), qint64(6 * 3600));
    m_since->addItem(tr("24 hours"), qint64(24 * 3600));
    m_tail = new QSpinBox;
    m_tail->setObjectName(QStringLiteral("tail"));
    m_tail->setRange(0, 1000000);
    m_tail->setSingleStep(100);
    m_tail->setSpecialValueText(tr("All"));
    m_tail->setValue(kDefaultTailLines);
    m_tail->setKeyboardTracking(false);
    m_tail->setToolTip(tr("Start with at most this many of the last lines (All: the whole log)"));

    m_pause = toggle(tr("&Pause"), tr("Freeze the display; lines keep arriving and are shown on resume"),
                     QStringLiteral("pause"));
    m_autoScroll = toggle(tr("Auto-&scroll"), tr("Stay at the newest line (End)"), QStringLiteral("autoScroll"));
    m_autoScroll->setChecked(m_view->isFollowing());
    m_wrap = toggle(tr("&Wrap"), tr("Wrap long lines"), QStringLiteral("wrap"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Enter: next match, Shift+Enter: previous match, Esc: back to the log"));
    m_search->installEventFilter(this);
    m_matchCase = toggle(tr("Aa"), tr("Match case"), QStringLiteral("matchCase"));
    m_regex = toggle(tr(".*"), tr("Regular expression"), QStringLiteral("regex"));
    m_matchCount = new QLabel;
    m_matchCount->setObjectName(QStringLiteral("matchCount"));
    m_findPrevious = button(tr("Previous"), tr("Previous match (Shift+F3)"), QStringLiteral("findPrevious"));
    m_findPrevious->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_findPrevious->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_findNext = button(tr("Next"), tr("Next match (F3)"), QStringLiteral("findNext"));
    m_findNext->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_findNext->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_save = button(tr("Save…"), tr("Save the log to a file (Ctrl+S)"), QStringLiteral("save"));
    m_clear = button(tr("Clear"), tr("Clear the log view; the stream goes on (Ctrl+L)"), QStringLiteral("clear"));
    m_maxLines = new QSpinBox;
    m_maxLines->setObjectName(QStringLiteral("maxLines"));
    m_maxLines->setRange(1000, 1000000);
    m_maxLines->setSingleStep(10000);
    m_maxLines->setValue(int(m_buffer->maxLines()));
    m_maxLines->setKeyboardTracking(false);
    m_maxLines->setToolTip(tr("Lines kept in memory; the oldest are dropped beyond this"));

    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->setAutoFillBackground(true);
    auto *icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16));
    m_bannerText = new QLabel;
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry = button(tr("Retry"), tr("Request the log again"), QStringLiteral("retry"));
    QToolButton *dismiss = button(tr("Dismiss"), tr("Hide this message"), QStringLiteral("dismiss"));
    connect(m_retry, &QToolButton::clicked, this, &LogPanel::requestStream);
    connect(dismiss, &QToolButton::clicked, m_banner, &QWidget::hide);
    auto *bannerRow = new QHBoxLayout(m_banner);
    bannerRow->addWidget(icon, 0, Qt::AlignTop);
    bannerRow->addWidget(m_bannerText, 1);
    bannerRow->addWidget(m_retry);
    bannerRow->addWidget(dismiss);
    m_banner->hide();
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("status"));

    auto *source = new QHBoxLayout;
    source->addWidget(buddyLabel(tr("&Container:"), m_container));
    source->addWidget(m_container, 1);
    source->addWidget(m_follow);
    source->addWidget(m_previous);
    source->addWidget(m_timestamps);
    source->addWidget(buddyLabel(tr("S&ince:"), m_since));
    source->addWidget(m_since);
    source->addWidget(buddyLabel(tr("T&ail:"), m_tail));
    source->addWidget(m_tail);
    auto *display = new QHBoxLayout;
    display->addWidget(m_pause);
    display->addWidget(m_autoScroll);
    display->addWidget(m_wrap);
    display->addWidget(m_search, 1);
    display->addWidget(m_matchCase);
    display->addWidget(m_regex);
    display->addWidget(m_matchCount);
    display->addWidget(m_findPrevious);
    display->addWidget(m_findNext);
    display->addWidget(m_save);
    display->addWidget(m_clear);
    display->addWidget(buddyLabel(tr("Ma&x lines:"), m_maxLines));
    display->addWidget(m_maxLines);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(source);
    layout->addLayout(display);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);
}

void LogPanel::connectControls()
{
    connect(m_container, &QComboBox::currentIndexChanged, this, &LogPanel::requestStream);
    connect(m_follow, &QToolButton::toggled, this, &LogPanel::onFollowToggled);
    connect(m_previous, &QToolButton::toggled, this, &LogPanel::requestStream);
    connect(m_timestamps, &QToolButton::toggled, this, &LogPanel::requestStream);
    connect(m_since, &QComboBox::currentIndexChanged, this, &LogPanel::requestStream);
    connect(m_tail, &QSpinBox::valueChanged, this, &LogPanel::requestStream);

    connect(m_pause, &QToolButton::toggled, m_view, &LogView::setPaused);
    connect(m_autoScroll, &QToolButton::toggled, m_view, &LogView::setFollowing);
    connect(m_view, &LogView::followingChanged, m_autoScroll, &QToolButton::setChecked);
    connect(m_wrap, &QToolButton::toggled, m_view, &LogView::setWordWrap);
    connect(m_search, &QLineEdit::textChanged, this, &LogPanel::onSearchEdited);
    connect(m_matchCase, &QToolButton::toggled, this, &LogPanel::onSearchEdited);
    connect(m_regex, &QToolButton::toggled, this, &LogPanel::onSearchEdited);
    connect(m_findNext, &QToolButton::clicked, m_view, &LogView::findNext);
    connect(m_findPrevious, &QToolButton::clicked, m_view, &LogView::findPrevious);
    connect(m_save, &QToolButton::clicked, this, &LogPanel::save);
    connect(m_clear, &QToolButton::clicked, this, &LogPanel::clear);
    connect(m_maxLines, &QSpinBox::valueChanged, this, [this](int lines) { m_buffer->setMaxLines(lines); });

    connect(m_buffer, &LogBuffer::matchCountChanged, this, &LogPanel::updateMatchCount);
    connect(m_view, &LogView::displayUpdated, this, &LogPanel::updateStatus);
    connect(m_view, &LogView::pausedChanged, this, &LogPanel::updateStatus);
    connect(m_view, &LogView::notFound, this, [this] { m_matchCount->setText(tr("No matches")); });

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(QKeySequence::Find, &LogPanel::focusSearch);
    shortcut(QKeySequence::FindNext, [this] { m_view->findNext(); });
    shortcut(QKeySequence::FindPrevious, [this] { m_view->findPrevious(); });
    shortcut(QKeySequence::Save, &LogPanel::save);
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_L), &LogPanel::clear);
}

// ------------------------------------------------------------------------- the pod and its streams

void LogPanel::setPod(const QString &namespace_, const QString &name, const QStringList &containers,
                      const QStringList &initContainers)
{
    const bool samePod = namespace_ == m_request.namespace_ && name == m_request.pod;
    if (samePod && !name.isEmpty() && containers == m_containers && initContainers == m_initContainers)
        return; // a status update of the same pod: the stream goes on
    const QString previousSelection = selectedContainer();
    const bool wasAll = isAllContainersSelected();
    m_request.namespace_ = namespace_;
    m_request.pod = name;
    m_containers = containers;
    m_initContainers = initContainers;

    {
        const QSignalBlocker blockContainer(m_container);
        const QSignalBlocker blockPrevious(m_previous);
        m_container->clear();
        for (const QString &c : containers)
            m_container->addItem(c, c);
        for (const QString &c : initContainers)
            m_container->addItem(tr("%1 (init)").arg(c), c);
        if (containers.size() + initContainers.size() > 1) {
            m_container->insertSeparator(m_container->count());
            m_container->addItem(tr("All containers"));
            m_container->setItemData(m_container->count() - 1, true, kAllContainersRole);
        }
        int index = samePod && wasAll ? m_container->count() - 1 : m_container->findData(previousSelection);
        m_container->setCurrentIndex(samePod && index >= 0 ? index : 0);
        if (!samePod)
            m_previous->setChecked(false);
    }
    const bool hasPod = !name.isEmpty() && m_container->count() > 0;
    for (QWidget *w : {static_cast<QWidget *>(m_container), static_cast<QWidget *>(m_follow),
                       static_cast<QWidget *>(m_previous), static_cast<QWidget *>(m_timestamps),
                       static_cast<QWidget *>(m_since), static_cast<QWidget *>(m_tail)})
        w->setEnabled(hasPod);
    if (!hasPod) {
        m_request.containers.clear();
        m_running.clear();
        m_reconnecting.clear();
        m_buffer->clear();
        m_banner->hide();
        Q_EMIT stopRequested();
        updateStatus();
        return;
    }
    requestStream();
}

QString LogPanel::selectedContainer() const
{
    return m_container->currentData().toString();
}

bool LogPanel::isAllContainersSelected() const
{
    return m_container->currentData(kAllContainersRole).toBool();
}

void LogPanel::requestStream()
{
    if (m_request.pod.isEmpty() || m_container->count() == 0)
        return;
    m_request.allContainers = isAllContainersSelected();
    m_request.containers = m_request.allContainers ? m_initContainers + m_containers : QStringList{selectedContainer()};
    m_request.follow = m_follow->isChecked();
    m_request.previous = m_previous->isChecked();
    m_request.timestamps = m_timestamps->isChecked();
    const qint64 since = m_since->currentData().toLongLong();
    m_request.sinceSeconds = since > 0 ? std::optional(since) : std::nullopt;
    m_request.tailLines = m_tail->value() > 0 ? std::optional<qint64>(m_tail->value()) : std::nullopt;

    m_buffer->clear();
    m_view->setShowTimestamps(m_request.timestamps);
    m_view->setShowContainers(m_request.allContainers);
    m_running = m_request.containers;
    m_reconnecting.clear();
    m_failures.clear();
    m_banner->hide();
    Q_EMIT streamRequested(m_request);
    updateStatus();
}

void LogPanel::onFollowToggled(bool on)
{
    if (on)
        return requestStream();
    m_request.follow = false;
    m_running.clear();
    m_reconnecting.clear();
    Q_EMIT stopRequested();
    updateStatus();
}

void LogPanel::appendLines(const QString &container, const QStringList &lines)
{
    if (!m_request.containers.contains(container))
        return; // a replaced stream's late lines
    if (m_reconnecting.removeOne(container))
        updateStatus();
    m_buffer->appendLines(container, lines,
                          m_request.timestamps ? LogBuffer::Timestamps::Prefixed : LogBuffer::Timestamps::Absent);
}

void LogPanel::streamReconnecting(const QString &container, const QString &reason)
{
    if (!m_running.contains(container))
        return;
    if (!m_reconnecting.contains(container))
        m_reconnecting.append(container);
    m_status->setToolTip(reason);
    updateStatus();
}

void LogPanel::streamFinished(const QString &container, const QString &errorOrEmpty)
{
    m_reconnecting.removeOne(container);
    if (!m_running.removeOne(container))
        return;
    if (!errorOrEmpty.isEmpty()) {
        m_failures << (m_request.allContainers ? tr("%1: %2").arg(container, errorOrEmpty) : errorOrEmpty);
        showBanner(m_failures.join(QLatin1Char('\n')), Retry::Offered);
    }
    updateStatus();
}

void LogPanel::showBanner(const QString &text, Retry retry)
{
    m_bannerText->setText(text);
    m_retry->setVisible(retry == Retry::Offered);
    m_banner->show();
}

QString LogPanel::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

// ------------------------------------------------------------------------- search, save, status

void LogPanel::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LogPanel::onSearchEdited()
{
    const LogSearch search(m_search->text(),
                           m_regex->isChecked() ? LogSearch::Syntax::RegularExpression : LogSearch::Syntax::Substring,
                           m_matchCase->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive);
    m_buffer->setSearch(search);
    updateMatchCount();
}

void LogPanel::updateMatchCount()
{
    const LogSearch &search = m_buffer->search();
    const bool active = search.isActive();
    m_findNext->setEnabled(active);
    m_findPrevious->setEnabled(active);
    if (search.pattern().isEmpty())
        return m_matchCount->clear();
    if (!search.isValid())
        return m_matchCount->setText(tr("Invalid pattern: %1").arg(search.errorString()));
    const int n = int(std::min<qsizetype>(m_buffer->matchCount(), std::numeric_limits<int>::max()));
    if (!m_buffer->isMatchCountComplete())
        return m_matchCount->setText(tr("Counting… %n match(es)", nullptr, n));
    m_matchCount->setText(n == 0 ? tr("No matches") : tr("%n match(es)", nullptr, n));
}

void LogPanel::updateStatus()
{
    QString text;
    if (m_request.pod.isEmpty())
        text = tr("No pod selected");
    else if (m_view->isPaused())
        text = tr("Paused — %n new line(s) waiting", nullptr, int(m_view->pendingLineCount()));
    else if (!m_reconnecting.isEmpty())
        text = tr("Connection lost — reconnecting");
    else if (!m_running.isEmpty())
        text = m_request.follow ? tr("Streaming") : tr("Loading");
    else
        text = tr("Stream ended");
    text += QStringLiteral(" · ") + tr("%n line(s)", nullptr, int(m_buffer->size()));
    if (m_buffer->droppedCount() > 0)
        text += QStringLiteral(" · ") + tr("oldest dropped beyond %1").arg(m_buffer->maxLines());
    m_status->setText(text);
}

void LogPanel::clear()
{
    m_buffer->clear();
    updateStatus();
}

void LogPanel::save()
{
    QString suggested = m_request.pod.isEmpty() ? QStringLiteral("log") : m_request.pod;
    if (!m_request.allContainers && !m_request.containers.isEmpty())
        suggested += u'-' + m_request.containers.first();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Log"), suggested + QStringLiteral(".log"),
                                                      tr("Log files (*.log *.txt);;All files (*)"));
    if (!path.isEmpty())
        saveTo(path);
}

bool LogPanel::saveTo(const QString &path)
{
    LogBuffer::LineParts parts;
    if (m_view->showsTimestamps())
        parts |= LogBuffer::WithTimestamp;
    if (m_view->showsContainers())
        parts |= LogBuffer::WithContainer;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !m_buffer->writeTo(&file, parts) || !file.commit()) {
        showBanner(tr("Could not save the log to %1: %2").arg(path, file.errorString()), Retry::NotOffered);
        return false;
    }
    return true;
}

bool LogPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_search || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        if (key->modifiers() & Qt::ShiftModifier)
            m_view->findPrevious();
        else
            m_view->findNext();
        return true;
    }
    if (key->key() == Qt::Key_Escape) {
        m_view->setFocus(Qt::ShortcutFocusReason);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace timonel
