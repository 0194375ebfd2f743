#include "handlers.h"

#include "admission.h"
#include "deleteoptions.h"
#include "managedfields.h"
#include "objectrules.h"
#include "resourcerequest.h"
#include "serviceallocation.h"
#include "serversideapply.h"

#include "kube/api/jsonpatch.h"
#include "kube/api/mergepatch.h"
#include "kube/api/patchtype.h"
#include "kube/api/strategicmergepatch.h"
#include "kube/store/store.h"

#include <QJsonObject>

namespace kube {

namespace {

Expected<QJsonObject> applyPatch(PatchType type, const QJsonObject &current, const ApiContext &context,
                                 const ResourceRequest &request)
{
    switch (type) {
    case PatchType::Json:
        return applyJsonPatch(current, request.http.body);
    case PatchType::Merge:
        return applyMergePatch(current, request.http.body);
    case PatchType::StrategicMerge:
        return applyStrategicMergePatch(current, request.http.body, *context.registry, request.kind->rootType);
    case PatchType::ApplyYaml:
        break;
    }
    return Status::internalError(u"unexpected patch type"_qs);
}

} // namespace

void handlePatch(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    const auto type = patchTypeFromContentType(QString::fromLatin1(request.http.header("Content-Type")));
    const QList<PatchType> accepted = acceptedPatchTypes(*request.kind);
    if (!type || !accepted.contains(*type))
        return responder.respondStatus(unsupportedPatchType(accepted));
    if (*type == PatchType::ApplyYaml)
        return handleApply(context, request, responder);

    const QString groupResource = request.kind->gvr().groupResource();
    const CreateContext rules{*request.kind, *context.registry, *context.clock, request.namespace_, request.subresource};
    Object result;
    auto tryUpdate = [&](const Object &current) -> Expected<Object> {
        if (current.isNull())
            return Status::notFound(groupResource, request.name);
        const QJsonObject live = current.toJson();
        auto patched = applyPatch(*type, live, context, request);
        if (!patched.ok())
            return patched.error();
        QJsonObject object = patched.value();
        if (Status s = admitDecoded(object, request, context, responder, u"PatchOptions"_qs, &live); !s.isSuccess())
            return s;
        // A patch may carry a resourceVersion: then it is a precondition, as upstream checks.
        const QString wanted = object.value(u"metadata").toObject().value(u"resourceVersion").toString();
        if (!wanted.isEmpty() && wanted != current.resourceVersion())
            return Status::conflict(groupResource, request.name,
                                    u"the object has been modified; please apply your changes to the latest version and try again"_qs);
        if (Status s = prepareForUpdate(object, live, rules, request.name); !s.isSuccess())
            return s;
        defaultObject(object, *request.kind, context);
        if (Status s = admitServiceAddresses(object, request, context, &live); !s.isSuccess())
            return s;
        if (Status s = validateForStore(object, request, context, &live); !s.isSuccess())
            return s;
        recordUpdate(object, live, request, context);
        result = Object::fromJson(object);
        if (request.isDryRun())
            return current;
        return result;
    };
    auto stored = context.store->guaranteedUpdate(request.key(), tryUpdate);
    if (!stored.ok()) {
        if (stored.error().code() == 404)
            return responder.respondStatus(Status::notFound(groupResource, request.name));
        return responder.respondStatus(stored.error());
    }
    if (!request.isDryRun())
        deleteIfFinalized(context, *request.kind, request.key(), stored.value());
    respondObject(responder, 200, request.isDryRun() ? result : stored.value());
}

} // namespace kube
