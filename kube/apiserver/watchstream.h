#pragma once
// WatchStream: one client's watch — a store Watcher feeding a chunked HTTP response, with the
// Kubernetes event framing, selector transitions (an object that stops matching is DELETED for
// this watcher), bookmarks, timeouts, and a bounded send buffer. WatchStreams owns every live
// stream and is how the store's writer thread reaches them: its notify posts a queued call with
// the stream's id, so a stream that already ended is simply not found.
//
// Thread affinity: both live on the API server's thread. Memory: a stream holds at most the
// store watcher's queue bound plus kMaxPendingBytes in the socket; past either the client is
// told 410 Expired and relists, as upstream does with slow watchers.

#include "listfilter.h"

#include "kube/api/object.h"
#include "kube/api/typeregistry.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>

namespace kube {

class ChunkedStream;
class Clock;
class Watcher;

class WatchStreams;

class WatchStream : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kMaxPendingBytes = 32 * 1024 * 1024;

    WatchStream(quint64 id, KindInfoPtr kind, ListFilter filter, ChunkedStream *http, WatchStreams *owner);
    ~WatchStream() override;

    quint64 id() const { return m_id; }
    void setWatcher(std::shared_ptr<Watcher> watcher) { m_watcher = std::move(watcher); }
    void setBookmarks(bool enabled, int intervalMs);
    void setTimeout(int seconds);
    // Events carry one-row Tables instead of objects (kubectl get -w); the clock stamps AGE.
    void setTableOutput(const Clock *clock) { m_tableClock = clock; }

    // Sends one event line now (initial ADDED events, the initial-events-end bookmark).
    void sendEvent(QByteArrayView type, const Object &object);
    void sendBookmark(qint64 revision, bool initialEventsEnd);
    // Takes what the store queued and sends it, as one chunk.
    void drain();
    // Ends the stream: an optional ERROR event, then the terminating chunk.
    void end(const Status &error = Status());

private:
    void send(const QByteArray &line);
    const quint64 m_id;
    const KindInfoPtr m_kind;
    const ListFilter m_filter;
    QPointer<ChunkedStream> m_http;
    WatchStreams *m_owner;
    std::shared_ptr<Watcher> m_watcher;
    QTimer m_bookmarkTimer;
    QTimer m_timeout;
    qint64 m_lastRevision = 0;
    const Clock *m_tableClock = nullptr;
    bool m_sentColumns = false;
    bool m_ended = false;
    bool m_batching = false; // drain() collects its events' lines in m_batch
    QByteArray m_batch;
};

class WatchStreams : public QObject
{
    Q_OBJECT
public:
    explicit WatchStreams(QObject *parent = nullptr);
    ~WatchStreams() override; // stops every watcher first, so no notify can arrive late

    WatchStream *create(KindInfoPtr kind, ListFilter filter, ChunkedStream *http);
    // Thread-safe: called from the store's writer thread.
    void notify(quint64 id);
    void forget(quint64 id);
    qsizetype count() const { return m_streams.size(); }

private:
    void drainOne(quint64 id);
    QHash<quint64, WatchStream *> m_streams;
    std::atomic<quint64> m_nextId = 1;
};

} // namespace kube
