#include "handlers.h"

#include "codec.h"
#include "continuetoken.h"
#include "listfilter.h"
#include "resourcerequest.h"

#include "kube/printers/tableprinter.h"

#include "kube/api/clock.h"
#include "kube/store/store.h"


namespace kube {

namespace {

struct ListPlan {
    qint64 revision = 0;   // 0: latest
    QByteArray startAfter;
    qsizetype limit = 0;
};

// Turns resourceVersion / resourceVersionMatch / limit / continue into what to read, with
// upstream's rules: a continue token pins the revision; "Exact" reads at that revision;
// otherwise (unset, "0", NotOlderThan) the latest state, which is never older than asked.
Expected<ListPlan> planList(const ResourceRequest &request, const Store &store)
{
    ListPlan plan;
    const QString limitText = request.http.param(u"limit"_qs);
    if (!limitText.isEmpty()) {
        bool ok = false;
        plan.limit = limitText.toLongLong(&ok);
        if (!ok || plan.limit < 0)
            return Status::badRequest(u"invalid limit: %1"_qs.arg(limitText));
    }
    const QString continueText = request.http.param(u"continue"_qs);
    const QString rvText = request.http.param(u"resourceVersion"_qs);
    const QString match = request.http.param(u"resourceVersionMatch"_qs);
    if (!continueText.isEmpty()) {
        if (!rvText.isEmpty() && rvText != u"0")
            return Status::badRequest(u"specifying resource version is not allowed when using continue"_qs);
        auto token = ContinueToken::decode(continueText);
        if (!token.ok())
            return token.error();
        plan.revision = token->revision;
        plan.startAfter = token->startAfterKey;
        return plan;
    }
    if (!match.isEmpty() && match != u"Exact" && match != u"NotOlderThan")
        return Status::badRequest(u"resourceVersionMatch: Unsupported value: \"%1\": supported values: \"Exact\", \"NotOlderThan\""_qs.arg(match));
    if (!match.isEmpty() && rvText.isEmpty())
        return Status::badRequest(u"resourceVersionMatch is forbidden unless resourceVersion is provided"_qs);
    auto rv = parseResourceVersion(rvText);
    if (!rv.ok())
        return rv.error();
    if (match == u"Exact") {
        if (*rv == 0)
            return Status::badRequest(u"resourceVersionMatch \"Exact\" is forbidden for resourceVersion \"0\""_qs);
        plan.revision = *rv;
        return plan;
    }
    if (*rv > store.currentRevision())
        return Status(504, QString::fromLatin1(reason::Timeout), u"Too large resource version: %1, current: %2"_qs.arg(*rv).arg(store.currentRevision()))
            .setRetryAfterSeconds(1);
    return plan;
}

} // namespace

void handleList(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    auto filter = ListFilter::fromRequest(request.http, *request.kind);
    if (!filter.ok())
        return responder.respondStatus(filter.error());
    auto plan = planList(request, *context.store);
    if (!plan.ok())
        return responder.respondStatus(plan.error());

    // Read pages from the store until `limit` objects matched or the keys ran out; every page
    // after the first is pinned to the first one's revision, so the list is one snapshot.
    QList<Object> items;
    ListOptions options;
    options.revision = plan->revision;
    options.continueKey = plan->startAfter;
    ListResult page;
    bool more = false;
    for (;;) {
        options.limit = plan->limit > 0 ? qMax<qsizetype>(plan->limit - items.size(), 64) : 0;
        auto result = context.store->list(request.prefix(), options);
        if (!result.ok()) {
            if (result.error().code() == 410)
                return responder.respondStatus(Status::expired(
                    u"The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."_qs));
            return responder.respondStatus(result.error());
        }
        page = result.value();
        options.revision = page.revision;
        for (const Object &object : page.items) {
            if (plan->limit > 0 && items.size() == plan->limit) {
                more = true;
                break;
            }
            if (filter->matches(object))
                items.append(object);
        }
        if (more)
            break;
        if (page.continueKey.isEmpty())
            break;
        options.continueKey = page.continueKey;
        if (plan->limit > 0 && items.size() == plan->limit) {
            more = true;
            break;
        }
    }

    ListMeta meta;
    meta.resourceVersion = QString::number(page.revision);
    if (more && !items.isEmpty()) {
        // Resume after the last object returned.
        ContinueToken token{page.revision, {}};
        const Object &last = items.last();
        token.startAfterKey = ResourceRequest{request.http, request.kind, last.namespace_(), last.name(), {}}.key();
        meta.continueToken = token.encode();
    }
    if (acceptsTable(request.http.header("Accept"))) {
        auto include = parseTableIncludeObject(request.http.param(u"includeObject"_qs));
        if (!include)
            return responder.respondStatus(Status::badRequest(u"includeObject: must be None, Metadata or Object"_qs));
        TablePrintOptions options;
        options.now = context.clock->now();
        options.includeObject = *include;
        return responder.respondJson(200, printTableJson(*request.kind, items, options, {meta.resourceVersion, meta.continueToken}));
    }
    responder.respondJson(200, encodeList(*request.kind, items, meta));
}

} // namespace kube
