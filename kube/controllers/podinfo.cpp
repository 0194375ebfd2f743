#include "podinfo.h"

#include <QJsonArray>
#include <QJsonObject>

#include <simdjson.h>

#include <algorithm>

namespace kube {

namespace {

int phaseRank(const QString &phase)
{
    if (phase.isEmpty() || phase == u"Pending")
        return 0;
    if (phase == u"Unknown")
        return 1;
    return 2; // Running
}

} // namespace

namespace {

using namespace simdjson;

QString text(std::string_view v)
{
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

QDateTime timeOf(std::string_view v)
{
    return QDateTime::fromString(text(v), Qt::ISODate);
}

// spec.nodeName, status.phase, the Ready condition and the restart counts, read in one pass
// over the bytes (in document order, skipping everything else). False when the bytes are not
// what a pod looks like; then the caller takes the slow path.
bool readFields(const QByteArray &bytes, PodInfo &info)
{
    thread_local ondemand::parser parser;
    thread_local std::string buffer;
    buffer.assign(bytes.constData(), size_t(bytes.size()));
    buffer.append(SIMDJSON_PADDING, '\0');
    ondemand::document doc;
    if (parser.iterate(buffer.data(), size_t(bytes.size()), buffer.size()).get(doc))
        return false;
    ondemand::object root;
    if (doc.get_object().get(root))
        return false;
    for (auto field : root) {
        std::string_view key;
        if (field.unescaped_key().get(key))
            return false;
        if (key == "spec") {
            ondemand::object spec;
            if (field.value().get_object().get(spec))
                continue;
            for (auto f : spec) {
                std::string_view k, v;
                if (f.unescaped_key().get(k))
                    return false;
                if (k == "nodeName" && !f.value().get_string().get(v))
                    info.nodeName = text(v);
            }
        } else if (key == "status") {
            ondemand::object status;
            if (field.value().get_object().get(status))
                continue;
            for (auto f : status) {
                std::string_view k;
                if (f.unescaped_key().get(k))
                    return false;
                if (k == "phase") {
                    std::string_view v;
                    if (!f.value().get_string().get(v))
                        info.phase = text(v);
                } else if (k == "conditions") {
                    ondemand::array conditions;
                    if (f.value().get_array().get(conditions))
                        continue;
                    for (auto c : conditions) {
                        ondemand::object condition;
                        if (c.get_object().get(condition))
                            continue;
                        std::string_view type, state, since;
                        for (auto cf : condition) {
                            std::string_view ck;
                            if (cf.unescaped_key().get(ck))
                                return false;
                            std::string_view *target = ck == "type"                 ? &type
                                                       : ck == "status"             ? &state
                                                       : ck == "lastTransitionTime" ? &since
                                                                                    : nullptr;
                            if (target && cf.value().get_string().get(*target))
                                *target = {};
                        }
                        if (type != "Ready")
                            continue;
                        info.ready = state == "True";
                        info.readySince = timeOf(since);
                    }
                } else if (k == "containerStatuses") {
                    ondemand::array statuses;
                    if (f.value().get_array().get(statuses))
                        continue;
                    for (auto c : statuses) {
                        ondemand::object cs;
                        if (c.get_object().get(cs))
                            continue;
                        for (auto cf : cs) {
                            std::string_view ck;
                            if (cf.unescaped_key().get(ck))
                                return false;
                            int64_t n = 0;
                            if (ck == "restartCount" && !cf.value().get_int64().get(n))
                                info.restarts += int(n);
                        }
                    }
                }
            }
        }
    }
    return true;
}

// The reference: the same fields through QJsonDocument (for bytes simdjson refuses).
void readFieldsSlowly(const Object &pod, PodInfo &info)
{
    const QJsonObject json = pod.toJson();
    info.nodeName = json.value(u"spec").toObject().value(u"nodeName").toString();
    const QJsonObject status = json.value(u"status").toObject();
    info.phase = status.value(u"phase").toString();
    for (const auto &c : status.value(u"conditions").toArray()) {
        const QJsonObject condition = c.toObject();
        if (condition.value(u"type").toString() != u"Ready")
            continue;
        info.ready = condition.value(u"status").toString() == u"True";
        info.readySince = QDateTime::fromString(condition.value(u"lastTransitionTime").toString(), Qt::ISODate);
    }
    for (const auto &s : status.value(u"containerStatuses").toArray())
        info.restarts += s.toObject().value(u"restartCount").toInt();
}

} // namespace

PodInfo PodInfo::from(const Object &pod)
{
    PodInfo info;
    info.object = pod;
    info.name = pod.name();
    info.created = QDateTime::fromString(pod.creationTimestamp(), Qt::ISODate);
    info.deleting = pod.isBeingDeleted();
    PodInfo fields;
    if (readFields(pod.json(), fields)) {
        info.nodeName = std::move(fields.nodeName);
        info.phase = std::move(fields.phase);
        info.ready = fields.ready;
        info.readySince = fields.readySince;
        info.restarts = fields.restarts;
    } else {
        readFieldsSlowly(pod, info);
    }
    return info;
}

bool isPodActive(const PodInfo &pod)
{
    return pod.phase != u"Succeeded" && pod.phase != u"Failed" && !pod.deleting;
}

bool isPodAvailable(const PodInfo &pod, int minReadySeconds, const QDateTime &now)
{
    if (!pod.ready)
        return false;
    if (minReadySeconds <= 0)
        return true;
    return pod.readySince.isValid() && pod.readySince.addSecs(minReadySeconds) <= now;
}

void sortForDeletion(QList<PodInfo> &pods)
{
    std::stable_sort(pods.begin(), pods.end(), [](const PodInfo &a, const PodInfo &b) {
        if (a.nodeName.isEmpty() != b.nodeName.isEmpty())
            return a.nodeName.isEmpty();
        if (phaseRank(a.phase) != phaseRank(b.phase))
            return phaseRank(a.phase) < phaseRank(b.phase);
        if (a.ready != b.ready)
            return !a.ready;
        if (a.ready && b.ready && a.readySince != b.readySince)
            return a.readySince > b.readySince; // ready for less time goes first
        if (a.restarts != b.restarts)
            return a.restarts > b.restarts;
        if (a.created != b.created)
            return a.created > b.created; // newer goes first
        return a.name < b.name;
    });
}

} // namespace kube
