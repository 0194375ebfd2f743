#pragma once
// EventCorrelator: what client-go's EventCorrelator (tools/record/events_cache.go) decides for
// each event a recorder is about to write, as pure logic over the event's own timestamps:
//  - aggregation: events from the same source about the same object with the same type and
//    reason but different messages — from the 10th distinct message within 10 minutes on —
//    become one "(combined from similar events): <message>" Event;
//  - de-duplication: an event identical to one already written (same source, object, field
//    path, type, reason, message — or the same aggregate) bumps that Event's count and
//    lastTimestamp (a patch) instead of creating another object;
//  - spam filter: a token bucket per source + object (burst 25, refilled 1 per 5 minutes);
//    an event without a token is skipped (its occurrence is still counted for the next patch).
// Each of the three caches is an LRU of 4,096 keys, as upstream.
//
// Thread affinity: none (not thread-safe; one per recorder). Cost: a few string joins and
// hash lookups per event; memory bounded by the three LRUs.

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QString>

#include <list>
#include <utility>

namespace kube {

// An event as a recorder was asked to write it (before correlation).
struct EventOccurrence {
    QString component;  // source.component ("kubelet", "replicaset-controller"…)
    QString host;       // source.host (the node, for the kubelet)
    QString kind;       // involvedObject
    QString apiVersion;
    QString namespace_;
    QString name;
    QString uid;
    QString fieldPath;
    QString type;       // "Normal" / "Warning"
    QString reason;
    QString message;
    QDateTime timestamp;
};

struct CorrelatedEvent {
    enum class Action { Create, Patch, Skip };
    Action action = Action::Create;
    QString name;        // the Event object's name: new (Create) or existing (Patch)
    QString message;     // as written (prefixed when combined)
    int count = 1;
    QDateTime firstTimestamp;
    QDateTime lastTimestamp;
};

// A small least-recently-used map (upstream's groupcache lru.Cache, 4,096 entries).
template<typename V>
class LruCache
{
public:
    explicit LruCache(qsizetype capacity) : m_capacity(capacity) {}
    V *find(const QString &key)
    {
        auto it = m_index.find(key);
        if (it == m_index.end())
            return nullptr;
        m_order.splice(m_order.begin(), m_order, *it); // most recent first
        return &(*it)->second;
    }
    V &insert(const QString &key, V value)
    {
        if (V *existing = find(key)) {
            *existing = std::move(value);
            return *existing;
        }
        m_order.emplace_front(key, std::move(value));
        m_index.insert(key, m_order.begin());
        if (m_order.size() > size_t(m_capacity)) {
            m_index.remove(m_order.back().first);
            m_order.pop_back();
        }
        return m_order.front().second;
    }
    qsizetype size() const { return m_index.size(); }

private:
    using Entry = std::pair<QString, V>;
    qsizetype m_capacity;
    std::list<Entry> m_order;
    QHash<QString, typename std::list<Entry>::iterator> m_index;
};

class EventCorrelator
{
public:
    struct Options {
        int maxSimilar = 10;                 // defaultAggregateMaxEvents
        qint64 aggregateIntervalSeconds = 600;
        int spamBurst = 25;                  // defaultSpamBurst
        double spamRefillSeconds = 300;      // defaultSpamQPS = 1/300
        qsizetype cacheSize = 4096;          // maxLruCacheEntries
    };
    EventCorrelator() : EventCorrelator(Options()) {}
    explicit EventCorrelator(const Options &options);

    // Decides how to write `event`. newName: the name a new Event takes (upstream:
    // <object>.<hex nanoseconds>).
    CorrelatedEvent correlate(const EventOccurrence &event, const QString &newName);

    static QString combinedMessage(const QString &message) { return u"(combined from similar events): "_qs + message; }

private:
    struct Similar {
        QSet<QString> messages;
        QDateTime last;
    };
    struct Logged {
        int count = 0;
        QString name;
        QDateTime first;
    };
    struct Bucket {
        double tokens = 0;
        QDateTime refilled;
    };
    bool allow(const EventOccurrence &event);

    Options m_options;
    LruCache<Similar> m_similar;
    LruCache<Logged> m_logged;
    LruCache<Bucket> m_buckets;
};

} // namespace kube
