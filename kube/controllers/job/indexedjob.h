#pragma once
// Indexed Jobs (completionMode: Indexed; upstream pkg/controller/job indexed_job_utils.go):
// each of the indexes 0 … completions−1 must succeed once. A pod for index i carries
//   annotation and label batch.kubernetes.io/job-completion-index: "i",
//   env JOB_COMPLETION_INDEX in every (init) container, read from that label (fieldRef),
//   hostname "<job>-<i>" (with the template's subdomain, a headless Service gives it DNS),
//   generateName "<job>-<i>-".
// status.completedIndexes lists the succeeded indexes compressed: "0-2,4" ("0,1" for a pair).
//
// Plain value types and functions; any thread.

#include "kube/controllers/podinfo.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace kube {

inline constexpr auto JobCompletionIndexKey = "batch.kubernetes.io/job-completion-index";
inline constexpr auto JobCompletionIndexEnv = "JOB_COMPLETION_INDEX";

// An ordered set of indexes kept as disjoint, non-adjacent intervals (orderedIntervals).
class CompletionIndexes
{
public:
    struct Interval {
        int first = 0;
        int last = 0;
        friend bool operator==(const Interval &, const Interval &) = default;
    };

    CompletionIndexes() = default;
    // succeededIndexesFromString: malformed items are skipped, indexes ≥ completions dropped.
    static CompletionIndexes parse(const QString &text, int completions);

    // withOrderedIndexes: these plus `indexes` (sorted ascending, duplicates allowed).
    CompletionIndexes withIndexes(const QList<int> &indexes) const;
    int total() const;
    bool contains(int index) const;
    QString toString() const;
    const QList<Interval> &intervals() const { return m_intervals; }

private:
    QList<Interval> m_intervals;
};

// The pod's completion index from its annotation; -1 when absent or not a non-negative number.
int completionIndexOf(const PodInfo &pod);

// firstPendingIndexes: up to `count` indexes below completions neither succeeded nor active.
QList<int> firstPendingIndexes(const QList<int> &activeIndexes, const CompletionIndexes &succeeded, int count, int completions);

// appendDuplicatedIndexPodsForRemoval: active pods without a valid index below completions, and
// all but one pod per index (the least deletable stays). `keep` receives the rest.
QList<PodInfo> podsToRemoveForIndexes(const QList<PodInfo> &active, int completions, QList<PodInfo> *keep);

// The pod template for index `index` of job `jobName`, and the pod's generateName.
QJsonObject podTemplateForIndex(QJsonObject podTemplate, const QString &jobName, int index);
QString podGenerateNameWithIndex(const QString &jobName, int index);

} // namespace kube
