#include "handlers.h"
#include "resourcerequest.h"

#include "codec.h"
#include "kube/printers/tableprinter.h"

#include "kube/api/clock.h"
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
    if (acceptsTable(request.http.header("Accept"))) {
        TablePrintOptions options;
        options.now = context.clock->now();
        return responder.respondJson(200, printTableJson(*request.kind, {object.value()}, options, {object->resourceVersion(), {}}));
    }
    respondObject(responder, 200, object.value());
}

} // namespace kube
