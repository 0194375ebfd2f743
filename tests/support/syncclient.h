#pragma once
// SyncClient: the RestClient calls tests make, one line each, waiting for the answer while the
// event loop runs (awaitResult). A timeout comes back as an InternalError "timed out" so a
// QVERIFY on ok() fails with a message instead of hanging. Tests that include it link
// kube_client (and kube_cluster when they start an embedded cluster).

#include "tests/support/clusterfixture.h"
#include "kube/client/restclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

class SyncClient
{
public:
    explicit SyncClient(kube::RestClient *client, int timeoutMs = 15000) : m_client(client), m_timeoutMs(timeoutMs) {}

    kube::Expected<kube::Object> get(const kube::GroupVersionResource &gvr, const QString &ns, const QString &name,
                                     const QString &subresource = {})
    {
        return object([&](kube::RestClient::ObjectCallback cb) { m_client->get({gvr, ns, name, subresource}, cb); });
    }
    kube::Expected<kube::Object> create(const kube::GroupVersionResource &gvr, const QString &ns, const kube::Object &object_)
    {
        return object([&](kube::RestClient::ObjectCallback cb) { m_client->create({gvr, ns, QString(), QString()}, object_, cb); });
    }
    kube::Expected<kube::Object> create(const kube::GroupVersionResource &gvr, const QString &ns, const QJsonObject &json)
    {
        return create(gvr, ns, kube::Object::fromJson(json));
    }
    kube::Expected<kube::Object> update(const kube::GroupVersionResource &gvr, const QString &ns, const kube::Object &object_,
                                        const QString &subresource = {})
    {
        return object([&](kube::RestClient::ObjectCallback cb) {
            m_client->update({gvr, ns, object_.name(), subresource}, object_, cb);
        });
    }
    kube::Expected<kube::Object> patch(const kube::GroupVersionResource &gvr, const QString &ns, const QString &name,
                                       kube::PatchType type, const QJsonObject &body, const QString &subresource = {})
    {
        const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return object([&](kube::RestClient::ObjectCallback cb) { m_client->patch({gvr, ns, name, subresource}, type, bytes, cb); });
    }
    kube::Expected<kube::Object> remove(const kube::GroupVersionResource &gvr, const QString &ns, const QString &name,
                                        const kube::DeleteOptions &options = {})
    {
        return object([&](kube::RestClient::ObjectCallback cb) { m_client->remove({gvr, ns, name, QString()}, cb, options); });
    }
    kube::Expected<kube::Object> remove(const kube::GroupVersionResource &gvr, const QString &ns, const QString &name,
                                        kube::PropagationPolicy policy)
    {
        kube::DeleteOptions options;
        options.propagationPolicy = policy;
        return remove(gvr, ns, name, options);
    }
    // The items, or an empty list when the call failed.
    QList<kube::Object> list(const kube::GroupVersionResource &gvr, const QString &ns, const QString &labelSelector = {})
    {
        kube::ListRequest request;
        request.labelSelector = labelSelector;
        auto r = awaitResult<kube::Expected<kube::ListPage>>(
            [&](kube::RestClient::ListCallback cb) { m_client->list({gvr, ns, QString(), QString()}, request, cb); }, m_timeoutMs);
        return r && r->ok() ? r->value().items : QList<kube::Object>();
    }
    // The items' JSON, or an empty list when the call failed.
    QList<QJsonObject> jsonList(const kube::GroupVersionResource &gvr, const QString &ns, const QString &labelSelector = {})
    {
        QList<QJsonObject> out;
        for (const kube::Object &o : list(gvr, ns, labelSelector))
            out.append(o.toJson());
        return out;
    }
    // The object's JSON, or an empty object when it could not be read.
    QJsonObject json(const kube::GroupVersionResource &gvr, const QString &ns, const QString &name)
    {
        const auto r = get(gvr, ns, name);
        return r ? r->toJson() : QJsonObject();
    }
    bool isGone(const kube::GroupVersionResource &gvr, const QString &ns, const QString &name)
    {
        const auto r = get(gvr, ns, name);
        return !r && r.error().is(kube::reason::NotFound);
    }
    // Pumps the event loop until predicate() holds; false after timeoutMs.
    static bool waitUntil(const std::function<bool()> &predicate, int timeoutMs = 60000)
    {
        return QTest::qWaitFor(predicate, timeoutMs);
    }

private:
    template<typename Start>
    kube::Expected<kube::Object> object(Start start)
    {
        auto r = awaitResult<kube::Expected<kube::Object>>(start, m_timeoutMs);
        return r ? *r : kube::Expected<kube::Object>(kube::Status::internalError(u"timed out"_qs));
    }

    kube::RestClient *m_client;
    int m_timeoutMs;
};
