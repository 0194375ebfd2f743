#include "handlers.h"
#include "resourcerequest.h"

#include "codec.h"
#include "printers/tableprinter.h"

#include "kube/api/clock.h"
#include "kube/store/store.h"

#include <QJsonDocument>

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
        QJsonObject table = printTable(*request.kind, {object.value()}, options);
        table[u"metadata"_qs] = QJsonObject{{u"resourceVersion"_qs, object->resourceVersion()}};
        return responder.respondJson(200, QJsonDocument(table).toJson(QJsonDocument::Compact));
    }
    respondObject(responder, 200, object.value());
}

} // namespace kube
