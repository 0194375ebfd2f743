#include "watchstream.h"

#include "codec.h"
#include "httpresponse.h"
#include "kube/printers/tableprinter.h"

#include "kube/api/clock.h"

#include "kube/store/watcher.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kube {

WatchStream::WatchStream(quint64 id, KindInfoPtr kind, ListFilter filter, ChunkedStream *http, WatchStreams *owner)
    : m_id(id), m_kind(std::move(kind)), m_filter(std::move(filter)), m_http(http), m_owner(owner)
{
    http->setParent(this);
    connect(http, &ChunkedStream::closed, this, [this] { end(); });
    m_bookmarkTimer.setSingleShot(false);
    connect(&m_bookmarkTimer, &QTimer::timeout, this, [this] { sendBookmark(m_lastRevision, false); });
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { end(); });
}

WatchStream::~WatchStream()
{
    if (m_watcher)
        m_watcher->stop();
}

void WatchStream::setBookmarks(bool enabled, int intervalMs)
{
    if (enabled)
        m_bookmarkTimer.start(intervalMs);
    else
        m_bookmarkTimer.stop();
}

void WatchStream::setTimeout(int seconds)
{
    m_timeout.start(qMax(1, seconds) * 1000);
}

void WatchStream::send(const QByteArray &line)
{
    if (m_batching) {
        m_batch += line;
        return;
    }
    if (m_ended || !m_http || !m_http->isOpen())
        return;
    if (m_http->pendingBytes() > kMaxPendingBytes) {
        // The client reads slower than the cluster changes: make it relist, as upstream does.
        end(Status::expired(u"the watch client is too slow to keep up; relist"_qs));
        return;
    }
    m_http->writeChunk(line);
}

void WatchStream::sendEvent(QByteArrayView type, const Object &object)
{
    m_lastRevision = qMax(m_lastRevision, object.resourceVersion().toLongLong());
    if (!m_tableClock)
        return send(encodeWatchEvent(type, object.json()));
    TablePrintOptions options;
    options.now = m_tableClock->now();
    options.includeColumnDefinitions = !m_sentColumns;
    m_sentColumns = true;
    QJsonObject table = printTable(*m_kind, {object}, options);
    table[u"metadata"_qs] = QJsonObject{{u"resourceVersion"_qs, object.resourceVersion()}};
    send(encodeWatchEvent(type, QJsonDocument(table).toJson(QJsonDocument::Compact)));
}

void WatchStream::sendBookmark(qint64 revision, bool initialEventsEnd)
{
    QJsonObject metadata{{u"resourceVersion"_qs, QString::number(revision)}};
    if (initialEventsEnd)
        metadata[u"annotations"_qs] = QJsonObject{{u"k8s.io/initial-events-end"_qs, u"true"_qs}};
    const QJsonObject o{{u"kind"_qs, m_kind->gvk.kind}, {u"apiVersion"_qs, m_kind->gvk.apiVersion()}, {u"metadata"_qs, metadata}};
    m_lastRevision = qMax(m_lastRevision, revision);
    send(encodeWatchEvent("BOOKMARK", QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

void WatchStream::drain()
{
    if (m_ended || !m_watcher)
        return;
    const QList<StoreEvent> events = m_watcher->takeEvents();
    // Everything taken goes out as one chunk: one TLS record and one socket write for the
    // events of a group commit, not one per event.
    m_batching = true;
    for (const StoreEvent &e : events) {
        m_lastRevision = e.revision;
        switch (e.type) {
        case StoreEvent::Type::Added:
            if (m_filter.matches(e.object))
                sendEvent("ADDED", e.object);
            break;
        case StoreEvent::Type::Modified: {
            const bool now = m_filter.matches(e.object);
            const bool before = !e.prevObject.isNull() && m_filter.matches(e.prevObject);
            if (now)
                sendEvent(before ? "MODIFIED" : "ADDED", e.object);
            else if (before)
                sendEvent("DELETED", e.prevObject.withResourceVersion(QString::number(e.revision)));
            break;
        }
        case StoreEvent::Type::Deleted:
            if (m_filter.matches(e.object) || (!e.prevObject.isNull() && m_filter.matches(e.prevObject)))
                sendEvent("DELETED", e.object);
            break;
        }
    }
    m_batching = false;
    if (!m_batch.isEmpty()) {
        QByteArray batch;
        batch.swap(m_batch);
        send(batch);
    }
    if (!m_watcher->isOpen()) {
        const Status why = m_watcher->closeStatus();
        end(why.isSuccess() ? Status() : why);
    }
}

void WatchStream::end(const Status &error)
{
    if (m_ended)
        return;
    if (!error.isSuccess() && m_http && m_http->isOpen())
        m_http->writeChunk(encodeWatchEvent("ERROR", error.toJsonBytes()));
    m_ended = true;
    m_bookmarkTimer.stop();
    m_timeout.stop();
    if (m_watcher)
        m_watcher->stop();
    if (m_http)
        m_http->finish();
    m_owner->forget(m_id);
    deleteLater();
}

WatchStreams::WatchStreams(QObject *parent) : QObject(parent) {}

WatchStreams::~WatchStreams()
{
    const auto streams = m_streams;
    m_streams.clear();
    for (WatchStream *s : streams)
        delete s; // stops its watcher
}

WatchStream *WatchStreams::create(KindInfoPtr kind, ListFilter filter, ChunkedStream *http)
{
    const quint64 id = m_nextId++;
    auto *stream = new WatchStream(id, std::move(kind), std::move(filter), http, this);
    m_streams.insert(id, stream);
    return stream;
}

void WatchStreams::notify(quint64 id)
{
    QMetaObject::invokeMethod(this, [this, id] { drainOne(id); }, Qt::QueuedConnection);
}

void WatchStreams::drainOne(quint64 id)
{
    if (WatchStream *s = m_streams.value(id))
        s->drain();
}

void WatchStreams::forget(quint64 id)
{
    m_streams.remove(id);
}

} // namespace kube
