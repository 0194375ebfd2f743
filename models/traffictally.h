#pragma once
// TrafficTally: what a run of test requests against a Service measured — answers per pod and per
// group (the pod's version label), failures (no answer, or a 5xx status) by reason, and the share
// of the answers each group served.
//
// Plain value type; any thread. Cost: one hash insert per request.

#include <QHash>
#include <QList>
#include <QString>

namespace timonel {

struct TrafficTally {
    int requested = 0;  // requests the run set out to send (0: until stopped)
    int sent = 0;
    int answered = 0;   // 2xx–4xx answers
    int failed = 0;     // connection errors, time-outs and 5xx answers
    QHash<QString, int> byPod;
    QHash<QString, int> byGroup;
    QHash<QString, int> failures; // reason ("502", "connection refused") → count
    QString lastFailure;

    int completed() const { return answered + failed; }
    // The fraction (0–1) of the answers served by group; 0 without answers.
    double share(const QString &group) const { return answered ? double(byGroup.value(group)) / answered : 0.0; }
    // Groups sorted by name, for stable display.
    QList<QString> groups() const;

    void recordAnswer(const QString &pod, const QString &group);
    void recordFailure(const QString &reason);
};

} // namespace timonel
