#include "serviceaccountcontroller.h"

#include "kube/cache/sharedinformer.h"
#include "kube/client/restclient.h"

#include <QJsonObject>

namespace kube {

namespace {

const QString DefaultAccount = u"default"_qs;

// Until the accounts' cache has its first list, "missing" means "not seen yet".
constexpr qint64 NotSyncedRetryMs = 200;

} // namespace

ServiceAccountController::ServiceAccountController(const ControllerContext &context, QObject *parent)
    : Controller(u"serviceaccount-controller"_qs, context, parent)
    , m_namespaces(context.informer(gvr::namespaces()))
    , m_serviceAccounts(context.informer(gvr::serviceAccounts()))
{
    ResourceEventHandler namespaces;
    namespaces.added = [this](const Object &ns) { enqueue(ns.name()); };
    namespaces.updated = [this](const Object &, const Object &ns) { enqueue(ns.name()); };
    m_namespaces->addEventHandler(this, namespaces);

    ResourceEventHandler accounts;
    accounts.deleted = [this](const Object &sa, DeleteState) {
        if (sa.name() == DefaultAccount)
            enqueue(sa.namespace_());
    };
    m_serviceAccounts->addEventHandler(this, accounts);
}

void ServiceAccountController::sync(const QString &key, Done done)
{
    const std::optional<Object> ns = m_namespaces->lister().get(QString(), key);
    if (!ns || ns->isBeingDeleted() || ns->scalarAt(u"status.phase").value_or(u"Active"_qs) != u"Active") {
        done({});
        return;
    }
    if (!m_serviceAccounts->hasSynced()) {
        enqueueAfterRealTime(key, NotSyncedRetryMs);
        done({});
        return;
    }
    if (m_serviceAccounts->lister().get(key, DefaultAccount)) {
        done({});
        return;
    }
    const QJsonObject account{{u"apiVersion"_qs, u"v1"_qs}, {u"kind"_qs, u"ServiceAccount"_qs},
                              {u"metadata"_qs, QJsonObject{{u"name"_qs, DefaultAccount}, {u"namespace"_qs, key}}}};
    m_context.client->create({gvr::serviceAccounts(), key, QString(), QString()}, Object::fromJson(account),
                             [done](Expected<Object> created) {
        // AlreadyExists: the cache lagged; Forbidden: the namespace began terminating.
        if (created.ok() || created.error().is(reason::AlreadyExists) || created.error().code() == 403)
            done({});
        else
            done(created.error());
    });
}

} // namespace kube
