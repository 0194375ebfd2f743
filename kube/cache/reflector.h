#pragma once
// Reflector: keeps a ReflectorStore equal to the server's state of one resource (client-go's
// Reflector.ListAndWatch). Lists in pages (limit 500 + continue), hands the store the whole list
// (replace), then watches from the list's resourceVersion with bookmarks, remembering the last
// resourceVersion seen in events and bookmarks.
//
//   watch ends normally (timeoutSeconds)         → watch again from the last RV at once
//   connection dropped, server restarted, error  → back off, watch again from the last RV
//   410 Expired (Error event or closed())        → relist (replace delivers the deletions)
//   list fails                                   → back off, list again
// A watch that ends within minHealthyWatch having delivered nothing counts as a failure (backs
// off), so a server that accepts and closes at once is not hammered.
//
// Thread affinity: lives on the ListWatch's thread (which runs an event loop); all methods and
// signals on that thread. Ownership: borrows the ListWatch and the store; both must outlive it.
// Owns the open WatchConnection and one retry timer.

#include "backoff.h"
#include "reflectorstore.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <random>

namespace kube {

struct ReflectorOptions {
    QString labelSelector;
    QString fieldSelector;
    qsizetype pageSize = 500;
    BackoffPolicy backoff;
    // Watch timeoutSeconds is drawn uniformly from [min, max) so watchers do not expire in step.
    int minWatchTimeoutSeconds = 300;
    int maxWatchTimeoutSeconds = 600;
    std::chrono::milliseconds minHealthyWatch{1000};
    const Clock *clock = nullptr; // nullptr: Clock::system()
    quint32 seed = 0;             // 0: seeded from the system's random device
};

class Reflector : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Stopped, Listing, Watching, WaitingToList, WaitingToWatch };
    Q_ENUM(Phase)

    Reflector(ListWatch &listWatch, ReflectorStore &store, ReflectorOptions options = {}, QObject *parent = nullptr);
    ~Reflector() override;

    void start();
    // Closes the watch, cancels retries; pending list answers are ignored. start() relists.
    void stop();

    Phase phase() const { return m_phase; }
    bool hasSynced() const { return m_synced; }
    // The last resourceVersion stored (list, event or bookmark); "" before the first list.
    const QString &lastSyncResourceVersion() const { return m_lastResourceVersion; }
    int listCount() const { return m_listCount; }   // complete lists stored
    int watchCount() const { return m_watchCount; } // watches opened

Q_SIGNALS:
    // The first complete list is in the store.
    void synced();
    // Every complete list stored (the first and each relist).
    void listed(const QString &resourceVersion);
    void watchStarted(const QString &resourceVersion);
    // A failure: the next attempt (list or watch) starts after delayMs.
    void retryScheduled(qint64 delayMs, const kube::Status &why);

private:
    void beginList();
    void requestPage(const QString &continueToken);
    void onPage(Expected<ListPage> page);
    void beginWatch();
    void onEvents(const QList<WatchEvent> &events);
    void onClosed(const Status &why);
    void closeWatch();
    void retryLater(Phase next, const Status &why);
    void onRetryTimer();
    bool watchWasHealthy() const;
    static bool isExpired(const Status &status);

    ListWatch &m_listWatch;
    ReflectorStore &m_store;
    ReflectorOptions m_options;
    const Clock &m_clock;
    std::mt19937 m_random;
    Backoff m_backoff;
    QTimer m_retryTimer;

    Phase m_phase = Phase::Stopped;
    // Bumped by start/stop and every new list, so answers to abandoned lists are ignored.
    quint64 m_listGeneration = 0;
    // Items of the pages received so far in the current list.
    QList<Object> m_pageItems;
    QString m_lastResourceVersion;
    bool m_synced = false;
    // Non-null exactly while Phase::Watching.
    std::unique_ptr<WatchConnection> m_watch;
    QDateTime m_watchStartedAt;
    qsizetype m_eventsInWatch = 0;
    int m_listCount = 0;
    int m_watchCount = 0;
};

} // namespace kube
