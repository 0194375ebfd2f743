#include "indexedjob.h"

#include <QJsonArray>
#include <QMap>

#include <algorithm>

namespace kube {

namespace {

constexpr int MaxGeneratedNameLength = 63 - 5; // upstream names.MaxGeneratedNameLength

void appendOrMerge(QList<CompletionIndexes::Interval> &result, const CompletionIndexes::Interval &next)
{
    if (result.isEmpty() || next.first > result.last().last + 1) {
        result.append(next);
        return;
    }
    result.last().last = std::max(result.last().last, next.last);
}

QJsonObject withIndexEnv(QJsonObject container)
{
    QJsonArray env = container.value(u"env").toArray();
    for (const QJsonValue &e : env)
        if (e.toObject().value(u"name").toString() == QLatin1StringView(JobCompletionIndexEnv))
            return container;
    const QString fieldPath = u"metadata.labels['%1']"_qs.arg(QLatin1StringView(JobCompletionIndexKey));
    env.append(QJsonObject{{u"name"_qs, QLatin1StringView(JobCompletionIndexEnv)},
                           {u"valueFrom"_qs, QJsonObject{{u"fieldRef"_qs, QJsonObject{{u"fieldPath"_qs, fieldPath}}}}}});
    container.insert(u"env", env);
    return container;
}

void addIndexEnv(QJsonObject &podSpec, QLatin1StringView field)
{
    QJsonArray containers = podSpec.value(field).toArray();
    if (containers.isEmpty())
        return;
    for (qsizetype i = 0; i < containers.size(); ++i)
        containers.replace(i, withIndexEnv(containers.at(i).toObject()));
    podSpec.insert(field, containers);
}

} // namespace

CompletionIndexes CompletionIndexes::parse(const QString &text, int completions)
{
    CompletionIndexes result;
    if (text.isEmpty())
        return result;
    for (const QString &item : text.split(u',')) {
        const QStringList limits = item.split(u'-');
        bool ok = false;
        Interval interval;
        interval.first = limits.first().toInt(&ok);
        if (!ok)
            continue;
        if (interval.first >= completions)
            break;
        interval.last = interval.first;
        if (limits.size() > 1) {
            interval.last = limits.at(1).toInt(&ok);
            if (!ok)
                continue;
            interval.last = std::min(interval.last, completions - 1);
        }
        if (!result.m_intervals.isEmpty() && result.m_intervals.last().last == interval.first - 1)
            result.m_intervals.last().last = interval.last;
        else
            result.m_intervals.append(interval);
    }
    return result;
}

CompletionIndexes CompletionIndexes::withIndexes(const QList<int> &indexes) const
{
    CompletionIndexes result;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < m_intervals.size() && j < indexes.size()) {
        if (m_intervals.at(i).first < indexes.at(j)) {
            appendOrMerge(result.m_intervals, m_intervals.at(i++));
        } else {
            appendOrMerge(result.m_intervals, {indexes.at(j), indexes.at(j)});
            ++j;
        }
    }
    for (; i < m_intervals.size(); ++i)
        appendOrMerge(result.m_intervals, m_intervals.at(i));
    for (; j < indexes.size(); ++j)
        appendOrMerge(result.m_intervals, {indexes.at(j), indexes.at(j)});
    return result;
}

int CompletionIndexes::total() const
{
    int count = 0;
    for (const Interval &interval : m_intervals)
        count += interval.last - interval.first + 1;
    return count;
}

bool CompletionIndexes::contains(int index) const
{
    const auto it = std::lower_bound(m_intervals.begin(), m_intervals.end(), index,
                                     [](const Interval &interval, int ix) { return interval.last < ix; });
    return it != m_intervals.end() && it->first <= index;
}

QString CompletionIndexes::toString() const
{
    QString text;
    for (const Interval &interval : m_intervals) {
        if (!text.isEmpty())
            text += u',';
        text += QString::number(interval.first);
        if (interval.last > interval.first)
            text += (interval.last == interval.first + 1 ? u',' : u'-') + QString::number(interval.last);
    }
    return text;
}

int completionIndexOf(const PodInfo &pod)
{
    const QString text = pod.object.annotations().value(u"batch.kubernetes.io/job-completion-index");
    if (text.isNull())
        return -1;
    bool ok = false;
    const int index = text.toInt(&ok);
    return ok && index >= 0 ? index : -1;
}

QList<int> firstPendingIndexes(const QList<int> &activeIndexes, const CompletionIndexes &succeeded, int count, int completions)
{
    QList<int> result;
    if (count <= 0)
        return result;
    QList<int> active = activeIndexes;
    std::sort(active.begin(), active.end());
    const CompletionIndexes nonPending = succeeded.withIndexes(active);
    int candidate = 0;
    for (const auto &interval : nonPending.intervals()) {
        for (; candidate < completions && result.size() < count && candidate < interval.first; ++candidate)
            result.append(candidate);
        candidate = std::max(candidate, interval.last + 1);
    }
    for (; candidate < completions && result.size() < count; ++candidate)
        result.append(candidate);
    return result;
}

QList<PodInfo> podsToRemoveForIndexes(const QList<PodInfo> &active, int completions, QList<PodInfo> *keep)
{
    QList<PodInfo> remove;
    QMap<int, QList<PodInfo>> byIndex;
    for (const PodInfo &pod : active) {
        const int index = completionIndexOf(pod);
        if (index < 0 || index >= completions)
            remove.append(pod);
        else
            byIndex[index].append(pod);
    }
    for (auto it = byIndex.begin(); it != byIndex.end(); ++it) {
        QList<PodInfo> &pods = it.value();
        if (pods.size() > 1)
            sortForDeletion(pods); // most deletable first; the last one stays
        remove += pods.mid(0, pods.size() - 1);
        if (keep)
            keep->append(pods.last());
    }
    return remove;
}

QJsonObject podTemplateForIndex(QJsonObject podTemplate, const QString &jobName, int index)
{
    const QString value = QString::number(index);
    QJsonObject metadata = podTemplate.value(u"metadata").toObject();
    QJsonObject annotations = metadata.value(u"annotations").toObject();
    annotations.insert(QLatin1StringView(JobCompletionIndexKey), value);
    metadata.insert(u"annotations", annotations);
    QJsonObject labels = metadata.value(u"labels").toObject();
    labels.insert(QLatin1StringView(JobCompletionIndexKey), value);
    metadata.insert(u"labels", labels);
    podTemplate.insert(u"metadata", metadata);

    QJsonObject spec = podTemplate.value(u"spec").toObject();
    addIndexEnv(spec, QLatin1StringView("initContainers"));
    addIndexEnv(spec, QLatin1StringView("containers"));
    spec.insert(u"hostname", jobName + u'-' + value);
    podTemplate.insert(u"spec", spec);
    return podTemplate;
}

QString podGenerateNameWithIndex(const QString &jobName, int index)
{
    const QString suffix = u'-' + QString::number(index) + u'-';
    QString prefix = jobName + suffix;
    if (prefix.size() > MaxGeneratedNameLength)
        prefix = prefix.left(MaxGeneratedNameLength - suffix.size()) + suffix;
    return prefix;
}

} // namespace kube
