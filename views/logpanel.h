#pragma once
// LogPanel: the logs tab of the details pane — a LogView over its own LogBuffer under two rows
// of controls: the stream's options (container picker with the pod's containers, init
// containers and "All containers"; Follow; Previous instance; Timestamps; Since; Tail) and the
// view's (Pause, Auto-scroll, Wrap, search with match count and previous/next, Save…, Clear,
// maximum lines). A banner above the log shows why a stream ended (the server's Status message,
// e.g. "container is waiting to start") and offers to retry; it is never written into the log.
//
// The panel does not talk to the cluster. It emits streamRequested() whenever the options
// change in a way that needs a new stream (pod, container, Follow turned on, previous,
// timestamps, since, tail) — the buffer is cleared then, and the receiver replaces whatever
// stream it had for this panel — and stopRequested() when Follow is turned off or the pod goes
// away. The composition root feeds appendLines() and streamFinished(); lines for containers the
// current request does not name are ignored (late lines of a replaced stream).
//
// Keyboard: Ctrl+F search, Enter/Shift+Enter or F3/Shift+F3 next/previous match, Esc in the
// search field returns to the log, Ctrl+S save, Ctrl+L clear, Alt+<underlined letter> for the
// other controls; everything is in the tab order. GUI thread only.

#include <QStringList>
#include <QWidget>

#include <optional>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace timonel {

class LogBuffer;
class LogView;

// One log stream intent: which pod and containers, with kubectl's options.
struct LogRequest {
    QString namespace_;
    QString pod;
    QStringList containers;     // one container, or every container of the pod (init containers first)
    bool allContainers = false; // the user chose "All containers"
    bool follow = true;
    bool previous = false;      // the previous, terminated instance
    bool timestamps = false;
    std::optional<qint64> sinceSeconds;
    std::optional<qint64> tailLines;

    friend bool operator==(const LogRequest &, const LogRequest &) = default;
};

class LogPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDefaultTailLines = 1000;

    explicit LogPanel(QWidget *parent = nullptr);
    ~LogPanel() override;

    LogBuffer *buffer() const { return m_buffer; }
    LogView *view() const { return m_view; }
    // The request of the current stream (empty pod: none).
    LogRequest currentRequest() const { return m_request; }
    QString bannerText() const;

    // Writes the buffer's text (with the columns the view shows) to path; false and the reason
    // in the banner when it fails.
    bool saveTo(const QString &path);

public Q_SLOTS:
    // An empty name clears the panel and stops streaming.
    void setPod(const QString &namespace_, const QString &name, const QStringList &containers,
                const QStringList &initContainers);
    void appendLines(const QString &container, const QStringList &lines);
    void streamFinished(const QString &container, const QString &errorOrEmpty);
    // A followed stream lost its connection and tries again (the status bar says so until lines
    // flow again); reason is shown as the status's tooltip.
    void streamReconnecting(const QString &container, const QString &reason);
    void save();      // asks for a file name
    void clear();     // empties the buffer; the stream goes on
    void focusSearch();

Q_SIGNALS:
    void streamRequested(const timonel::LogRequest &request);
    void stopRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildControls();
    void connectControls();
    void requestStream();
    void onFollowToggled(bool on);
    void onSearchEdited();
    void updateMatchCount();
    void updateStatus();
    enum class Retry { Offered, NotOffered };
    void showBanner(const QString &text, Retry retry);
    QString selectedContainer() const;
    bool isAllContainersSelected() const;
    QToolButton *toggle(const QString &text, const QString &toolTip, const QString &objectName);

    LogBuffer *m_buffer = nullptr;
    LogView *m_view = nullptr;
    LogRequest m_request;
    QStringList m_containers;
    QStringList m_initContainers;
    QStringList m_running;  // containers whose stream has not finished
    QStringList m_reconnecting; // ...of which these lost their connection and are retrying
    QStringList m_failures; // "container: reason" lines of the banner

    QComboBox *m_container = nullptr;
    QToolButton *m_follow = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_timestamps = nullptr;
    QComboBox *m_since = nullptr;
    QSpinBox *m_tail = nullptr;
    QToolButton *m_pause = nullptr;
    QToolButton *m_autoScroll = nullptr;
    QToolButton *m_wrap = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_matchCase = nullptr;
    QToolButton *m_regex = nullptr;
    QLabel *m_matchCount = nullptr;
    QToolButton *m_findPrevious = nullptr;
    QToolButton *m_findNext = nullptr;
    QToolButton *m_save = nullptr;
    QToolButton *m_clear = nullptr;
    QSpinBox *m_maxLines = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QToolButton *m_retry = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace timonel

Q_DECLARE_METATYPE(timonel::LogRequest)
