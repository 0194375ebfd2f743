#include "handlers.h"
#include "resourcerequest.h"

#include "kube/store/store.h"

namespace kube {

void handleGet(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    auto object = context.store->get(request.key());
    if (!object.ok()) {
        if (object.error().code() == 404)
            return responder.respondStatus(Status::notFound(request.kind->gvr().groupResource(), request.name));
        return responder.respondStatus(object.error());
    }
    respondObject(responder, 200, object.value());
}

} // namespace kube
