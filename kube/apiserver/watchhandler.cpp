#include "handlers.h"

#include "apirequest.h"
#include "codec.h"
#include "listfilter.h"
#include "requestinfo.h"
#include "resourcerequest.h"
#include "watchstream.h"

#include "kube/store/store.h"

#include <QRandomGenerator>

namespace kube {

namespace {

constexpr int kBookmarkIntervalMs = 60 * 1000;
constexpr int kDefaultTimeoutSeconds = 1800;

struct WatchPlan {
    bool initialEvents = false;      // synthetic ADDED for the current state first
    bool initialEventsEndBookmark = false;
    qint64 fromRevision = 0;         // when !initialEvents: events after this revision
    bool bookmarks = false;
    int timeoutSeconds = kDefaultTimeoutSeconds;
};

Expected<WatchPlan> planWatch(const ApiRequest &http)
{
    WatchPlan plan;
    const QString rvText = http.param(u"resourceVersion"_qs);
    const QString match = http.param(u"resourceVersionMatch"_qs);
    plan.bookmarks = parseGoBool(http.param(u"allowWatchBookmarks"_qs));
    const QString timeout = http.param(u"timeoutSeconds"_qs);
    if (!timeout.isEmpty()) {
        bool ok = false;
        plan.timeoutSeconds = timeout.toInt(&ok);
        if (!ok || plan.timeoutSeconds < 0)
            return Status::badRequest(u"invalid timeoutSeconds: %1"_qs.arg(timeout));
        if (plan.timeoutSeconds == 0)
            plan.timeoutSeconds = kDefaultTimeoutSeconds;
    }
    auto rv = parseResourceVersion(rvText);
    if (!rv.ok())
        return rv.error();

    if (http.hasParam(u"sendInitialEvents"_qs)) {
        // The WatchList protocol (client-go 1.35 informers): the current state as ADDED events,
        // then a bookmark marking its end, then changes.
        const bool send = parseGoBool(http.param(u"sendInitialEvents"_qs));
        if (match != u"NotOlderThan") {
            return Status::invalid(QString(), u"ListOptions"_qs, QString(),
                                   {{u"FieldValueForbidden"_qs, u"Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"_qs,
                                     u"sendInitialEvents"_qs}});
        }
        if (send && !plan.bookmarks) {
            return Status::invalid(QString(), u"ListOptions"_qs, QString(),
                                   {{u"FieldValueForbidden"_qs, u"Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true"_qs,
                                     u"allowWatchBookmarks"_qs}});
        }
        plan.initialEvents = send;
        plan.initialEventsEndBookmark = send;
        plan.fromRevision = *rv;
        return plan;
    }
    if (!match.isEmpty())
        return Status::badRequest(u"resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"_qs);
    // Unset or "0": start with the current state (synthetic ADDED events), as upstream.
    plan.initialEvents = *rv == 0;
    plan.fromRevision = *rv;
    return plan;
}

} // namespace

void handleWatch(const ApiContext &context, const ResourceRequest &request, ApiResponder &responder)
{
    auto filter = ListFilter::fromRequest(request.http, *request.kind);
    if (!filter.ok())
        return responder.respondStatus(filter.error());
    auto plan = planWatch(request.http);
    if (!plan.ok())
        return responder.respondStatus(plan.error());

    // A watch on a single name (kubectl get x -w) reads the same prefix and filters by name.
    qint64 startRevision = plan->fromRevision;
    QList<Object> initial;
    if (plan->initialEvents) {
        auto list = context.store->list(request.prefix());
        if (!list.ok())
            return responder.respondStatus(list.error());
        startRevision = list->revision;
        for (const Object &o : list->items) {
            if (filter->matches(o))
                initial.append(o);
        }
    }

    ChunkedStream *http = responder.startStream(200, "application/json");
    // Clients (client-go's Watch, curl) wait for the headers before they go on, and a watch from
    // the current revision may have nothing to say for minutes: kube-apiserver flushes them at once.
    http->sendHeadersNow();
    WatchStream *stream = context.watches->create(request.kind, filter.value(), http);
    if (acceptsTable(request.http.header("Accept")))
        stream->setTableOutput(context.clock);
    for (const Object &o : initial)
        stream->sendEvent("ADDED", o);
    if (plan->initialEventsEndBookmark)
        stream->sendBookmark(startRevision, true);

    WatchOptions options;
    WatchStreams *streams = context.watches;
    const quint64 id = stream->id();
    options.notify = [streams, id] { streams->notify(id); };
    auto watcher = context.store->watch(request.prefix(), startRevision, options);
    if (!watcher.ok()) {
        // Too old a resourceVersion: upstream answers 200 with an ERROR event, then ends.
        stream->end(watcher.error());
        return;
    }
    stream->setWatcher(watcher.value());
    stream->setBookmarks(plan->bookmarks, kBookmarkIntervalMs);
    // Spread reconnections like upstream does, between the timeout and twice it… capped.
    stream->setTimeout(request.http.hasParam(u"timeoutSeconds"_qs)
                           ? plan->timeoutSeconds
                           : plan->timeoutSeconds + int(QRandomGenerator::global()->bounded(plan->timeoutSeconds)));
    stream->drain(); // events replayed from history are already queued
}

} // namespace kube
