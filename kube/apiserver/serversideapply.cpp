#include "serversideapply.h"

#include "admission.h"
#include "deleteoptions.h"
#include "handlers.h"
#include "jsonduplicates.h"
#include "managedfields.h"
#include "objectrules.h"
#include "requestinfo.h"
#include "resourcerequest.h"
#include "serviceallocation.h"

#include "kube/api/clock.h"
#include "kube/api/mergepatch.h"
#include "kube/api/patchtype.h"
#include "kube/api/strategicmergepatch.h"
#include "kube/api/yaml.h"
#include "kube/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include <algorithm>

namespace kube {

namespace {

struct Conflict {
    qsizetype entry; // index in managedFields
    QString manager; // as describeManager() prints it
    FieldPath path;
};

QJsonObject managerEntry(const QString &manager, const QString &apiVersion, const QString &time, const FieldSet &fields)
{
    return {{u"manager"_qs, manager}, {u"operation"_qs, u"Apply"_qs}, {u"apiVersion"_qs, apiVersion},
            {u"time"_qs, time}, {u"fieldsType"_qs, u"FieldsV1"_qs}, {u"fieldsV1"_qs, fields.toFieldsV1()}};
}

bool isApplier(const QJsonObject &entry, const QString &manager)
{
    return entry.value(u"manager").toString() == manager && entry.value(u"operation").toString() == u"Apply";
}

// Upstream's NewApplyConflict: one cause per field; the message lists them, grouped by
// manager (in name order) when there are several. Details carry only the causes.
Status conflictStatus(const QList<Conflict> &conflicts)
{
    QString message;
    if (conflicts.size() == 1) {
        message = u"Apply failed with 1 conflict: conflict with %1: %2"_qs.arg(conflicts[0].manager, FieldSet::describe(conflicts[0].path));
    } else {
        QMap<QString, QStringList> byManager;
        for (const Conflict &c : conflicts)
            byManager[c.manager] << u"- "_qs + FieldSet::describe(c.path);
        QStringList lines;
        for (auto it = byManager.cbegin(); it != byManager.cend(); ++it)
            lines << u"conflicts with %1:"_qs.arg(it.key()) << it.value();
        message = u"Apply failed with %1 conflicts: %2"_qs.arg(conflicts.size()).arg(lines.join(u'\n'));
    }
    Status out(409, QString::fromLatin1(reason::Conflict), message);
    for (const Conflict &c : conflicts)
        out.addCause({u"FieldManagerConflict"_qs, u"conflict with "_qs + c.manager, FieldSet::describe(c.path)});
    return out;
}

// The applied configuration, read as YAML (JSON text included) the way upstream's apply patcher
// does: repeated keys are refused with Strict ("error strict decoding YAML: …"), sent as
// warnings with Warn (the default), accepted silently with Ignore; the last value wins.
Expected<QJsonObject> parseApplied(const ResourceRequest &request, ApiResponder &responder)
{
    const YamlKeyScan keys = scanYamlKeys(request.http.body);
    if (!keys.duplicates.isEmpty()) {
        const QString directive = request.http.param(u"fieldValidation"_qs);
        if (directive == u"Strict") {
            return Status::badRequest(u"error strict decoding YAML: error converting YAML to JSON: yaml: unmarshal errors:\n  "_qs
                                      + keys.duplicates.join(u"\n  "_qs));
        }
        if (directive != u"Ignore") {
            for (const QString &d : keys.duplicates)
                responder.addWarning(d);
        }
    }
    auto json = yamlToJson(keys.lastWins);
    if (!json.ok())
        return json.error();
    const QJsonDocument doc = QJsonDocument::fromJson(json.value());
    if (!doc.isObject())
        return Status::badRequest(u"the applied configuration must be an object"_qs);
    QJsonObject applied = doc.object();
    const QJsonObject metadata = applied.value(u"metadata").toObject();
    if (!metadata.value(u"managedFields").toArray().isEmpty()) {
        return Status::badRequest(u"metadata.managedFields must be nil"_qs);
    }
    const QString name = metadata.value(u"name").toString();
    if (!name.isEmpty() && name != request.name)
        return Status::badRequest(u"the name of the object (%1) does not match the name on the URL (%2)"_qs.arg(name, request.name));
    return applied;
}

} // namespace

void handleApply(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    const QString manager = request.http.param(u"fieldManager"_qs);
    if (manager.isEmpty()) {
        return responder.respondStatus(Status::invalid(u"meta.k8s.io"_qs, u"PatchOptions"_qs, QString(),
                                                       {{u"FieldValueRequired"_qs, u"Required value: is required for apply patch"_qs, u"fieldManager"_qs}}));
    }
    const bool force = parseGoBool(request.http.param(u"force"_qs));
    auto parsed = parseApplied(request, responder);
    if (!parsed.ok())
        return responder.respondStatus(parsed.error());
    QJsonObject applied = parsed.value();
    if (Status s = admitDecoded(applied, request, context, responder, u"PatchOptions"_qs); !s.isSuccess())
        return responder.respondStatus(s);
    const KindInfo &kind = *request.kind;
    const FieldSet fields = FieldSet::fromApplied(applied, kind.rootType, *context.registry);
    const QString now = formatKubeTime(context.clock->now());
    const CreateContext rules{kind, *context.registry, *context.clock, request.namespace_, request.subresource};
    const QString groupResource = kind.gvr().groupResource();

    for (int attempt = 0; attempt < 8; ++attempt) {
        const auto entry = context.store->entry(request.key());
        if (!entry) {
            // Absent: the applied configuration creates it.
            QJsonObject object = applied;
            QJsonObject metadata = object.value(u"metadata").toObject();
            metadata[u"name"_qs] = request.name;
            object[u"metadata"_qs] = metadata;
            if (Status s = prepareForCreate(object, rules); !s.isSuccess())
                return responder.respondStatus(s);
            if (Status s = admitNamespace(context, kind, request.namespace_); !s.isSuccess())
                return responder.respondStatus(s);
            defaultObject(object, kind, context);
            if (Status s = admitServiceAddresses(object, request, context, nullptr); !s.isSuccess())
                return responder.respondStatus(s);
            if (Status s = validateForStore(object, request, context); !s.isSuccess())
                return responder.respondStatus(s);
            metadata = object.value(u"metadata").toObject();
            metadata[u"managedFields"_qs] = QJsonArray{managerEntry(manager, kind.gvk.apiVersion(), now, fields)};
            object[u"metadata"_qs] = metadata;
            const Object created = Object::fromJson(object);
            if (request.isDryRun())
                return respondObject(responder, 201, created);
            auto stored = context.store->create(request.key(), created);
            if (!stored.ok() && stored.error().is(reason::AlreadyExists))
                continue;
            if (!stored.ok())
                return responder.respondStatus(stored.error());
            return respondObject(responder, 201, stored.value());
        }

        const QJsonObject live = entry->object.toJson();
        QJsonArray managed = live.value(u"metadata").toObject().value(u"managedFields").toArray();
        FieldSet previous;
        QList<Conflict> conflicts;
        QList<QPair<qsizetype, FieldSet>> others;
        // Only values can conflict: a struct or list item present on both sides is not a change.
        QList<FieldPath> leaves = fields.leaves().paths();
        std::sort(leaves.begin(), leaves.end(), [](const FieldPath &x, const FieldPath &y) {
            return FieldSet::describe(x) < FieldSet::describe(y); // upstream lists conflicts in path order
        });
        for (qsizetype i = 0; i < managed.size(); ++i) {
            const QJsonObject e = managed.at(i).toObject();
            const FieldSet owned = FieldSet::fromFieldsV1(e.value(u"fieldsV1").toObject());
            if (isApplier(e, manager)) {
                previous = owned;
                continue;
            }
            others.append({i, owned});
            // Appliers and updaters alike: changing a value someone else set is a conflict.
            for (const FieldPath &p : leaves) {
                if (owned.contains(p) && valueAtPath(live, p) != valueAtPath(applied, p))
                    conflicts.append({i, describeManager(e), p});
            }
        }
        if (!conflicts.isEmpty() && !force)
            return responder.respondStatus(conflictStatus(conflicts));

        // Merge the applied fields in, then drop what this manager stopped applying.
        QJsonObject patch = applied;
        patch.remove(u"status"_qs);
        auto merged = acceptsPatchType(kind, PatchType::StrategicMerge)
                          ? applyStrategicMergePatch(live, patch, *context.registry, kind.rootType)
                          : applyMergePatch(live, QJsonValue(patch));
        if (!merged.ok())
            return responder.respondStatus(merged.error());
        QJsonObject object = merged.value();
        // Shortest first, so a list item or struct this manager dropped goes as a whole before
        // its members are considered (set order would otherwise decide what remains).
        QList<FieldPath> dropped = previous.minus(fields).paths();
        std::sort(dropped.begin(), dropped.end(), [](const FieldPath &x, const FieldPath &y) {
            return x.size() != y.size() ? x.size() < y.size() : x < y;
        });
        for (const FieldPath &p : dropped) {
            // A dropped item stays while another manager owns it or something in it.
            bool ownedElsewhere = false;
            for (const auto &[index, owned] : others)
                ownedElsewhere = ownedElsewhere || owned.containsOrBelow(p);
            if (!ownedElsewhere)
                removeAtPath(object, p);
        }

        // managedFields: ours replaced; forced fields taken from the others.
        QJsonArray nextManaged;
        for (qsizetype i = 0; i < managed.size(); ++i) {
            QJsonObject e = managed.at(i).toObject();
            if (isApplier(e, manager))
                continue;
            if (force) {
                FieldSet owned = FieldSet::fromFieldsV1(e.value(u"fieldsV1").toObject());
                for (const Conflict &c : conflicts) {
                    if (c.entry == i)
                        owned.remove(c.path);
                }
                if (owned.isEmpty())
                    continue;
                e[u"fieldsV1"_qs] = owned.toFieldsV1();
            }
            nextManaged.append(e);
        }
        nextManaged.append(managerEntry(manager, kind.gvk.apiVersion(), now, fields));
        sortManagedFields(nextManaged);
        QJsonObject metadata = object.value(u"metadata").toObject();
        metadata[u"managedFields"_qs] = nextManaged;
        object[u"metadata"_qs] = metadata;

        if (Status s = prepareForUpdate(object, live, rules, request.name); !s.isSuccess())
            return responder.respondStatus(s);
        defaultObject(object, kind, context);
        if (Status s = admitServiceAddresses(object, request, context, &live); !s.isSuccess())
            return responder.respondStatus(s);
        if (Status s = validateForStore(object, request, context, &live); !s.isSuccess())
            return responder.respondStatus(s);
        const Object next = Object::fromJson(object);
        if (request.isDryRun())
            return respondObject(responder, 200, next);
        auto stored = context.store->update(request.key(), next, entry->modRevision);
        if (!stored.ok() && stored.error().is(reason::Conflict))
            continue;
        if (!stored.ok())
            return responder.respondStatus(stored.error());
        // As update and patch: an object being deleted that just lost its last finalizer goes now.
        deleteIfFinalized(context, kind, request.key(), stored.value());
        return respondObject(responder, 200, stored.value());
    }
    responder.respondStatus(Status::conflict(groupResource, request.name, u"the object kept changing during apply; try again"_qs));
}

} // namespace kube
