#include "eventcorrelator.h"

#include <QStringList>

#include <algorithm>

namespace kube {

namespace {

// The keys upstream joins (getEventKey, EventAggregatorByReasonFunc, getSpamKey); joined with a
// separator here so "ab"+"c" never meets "a"+"bc".
QString join(std::initializer_list<const QString *> parts)
{
    QString key;
    for (const QString *part : parts) {
        key += *part;
        key += u'\x1f';
    }
    return key;
}

QString sourceObjectKey(const EventOccurrence &e)
{
    return join({&e.component, &e.host, &e.kind, &e.namespace_, &e.name, &e.uid, &e.apiVersion});
}

} // namespace

EventCorrelator::EventCorrelator(const Options &options)
    : m_options(options), m_similar(options.cacheSize), m_logged(options.cacheSize), m_buckets(options.cacheSize)
{
}

CorrelatedEvent EventCorrelator::correlate(const EventOccurrence &event, const QString &newName)
{
    const QDateTime now = event.timestamp;
    const QString object = sourceObjectKey(event);
    CorrelatedEvent out;
    out.name = newName;
    out.message = event.message;
    out.firstTimestamp = now;
    out.lastTimestamp = now;

    // Aggregation: similar = same source, object, type and reason (the message may differ).
    const QString similarKey = object + join({&event.type, &event.reason});
    QString logKey = object + join({&event.fieldPath, &event.type, &event.reason, &event.message});
    Similar *similar = m_similar.find(similarKey);
    if (!similar || similar->last.secsTo(now) > m_options.aggregateIntervalSeconds)
        similar = &m_similar.insert(similarKey, Similar());
    similar->messages.insert(event.message);
    similar->last = now;
    if (similar->messages.size() >= m_options.maxSimilar) {
        similar->messages.erase(similar->messages.begin()); // never grows past the threshold
        out.message = combinedMessage(event.message);
        logKey = similarKey; // one aggregate Event per similar group, counted up
    }

    // De-duplication: an Event already written under this key is counted up.
    if (Logged *logged = m_logged.find(logKey); logged && logged->count > 0) {
        out.action = CorrelatedEvent::Action::Patch;
        out.name = logged->name;
        out.firstTimestamp = logged->first;
        out.count = logged->count + 1;
        logged->count = out.count;
    } else {
        m_logged.insert(logKey, Logged{1, out.name, now});
    }

    // Spam filter (after the count was taken, as upstream).
    if (!allow(event))
        out.action = CorrelatedEvent::Action::Skip;
    return out;
}

bool EventCorrelator::allow(const EventOccurrence &event)
{
    const QString key = sourceObjectKey(event);
    Bucket *bucket = m_buckets.find(key);
    if (!bucket)
        bucket = &m_buckets.insert(key, Bucket{double(m_options.spamBurst), event.timestamp});
    const double elapsed = std::max<qint64>(0, bucket->refilled.msecsTo(event.timestamp)) / 1000.0;
    bucket->tokens = std::min(double(m_options.spamBurst), bucket->tokens + elapsed / m_options.spamRefillSeconds);
    bucket->refilled = std::max(bucket->refilled, event.timestamp);
    if (bucket->tokens < 1.0)
        return false;
    bucket->tokens -= 1.0;
    return true;
}

} // namespace kube
