#include "namespacelifecycle.h"

#include "deleteoptions.h"
#include "resourcerequest.h"
#include "storagekeys.h"

#include "kube/store/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QThread>
#include <QTimer>

namespace kube {

Object markNamespaceTerminating(const Object &ns)
{
    QJsonObject o = ns.toJson();
    QJsonObject status = o.value(u"status").toObject();
    status[u"phase"_qs] = u"Terminating"_qs;
    o[u"status"_qs] = status;
    QJsonObject spec = o.value(u"spec").toObject();
    if (!spec.contains(u"finalizers"))
        spec[u"finalizers"_qs] = QJsonArray{u"kubernetes"_qs};
    o[u"spec"_qs] = spec;
    return Object::fromJson(o);
}

NamespaceLifecycle::NamespaceLifecycle(const ApiContext &context, QObject *parent) : QObject(parent), m_context(context) {}

void NamespaceLifecycle::finalizeLater(const QString &name)
{
    if (QThread::currentThread() != thread()) { // a DELETE handled on a worker thread
        QMetaObject::invokeMethod(this, [this, name] { finalizeLater(name); }, Qt::QueuedConnection);
        return;
    }
    if (m_pending.contains(name))
        return;
    m_pending.insert(name);
    QTimer::singleShot(0, this, [this, name] { finalize(name, 0); });
}

void NamespaceLifecycle::finalize(const QString &name, int attempt)
{
    const KindInfoPtr namespaces = m_context.registry->resource({QString(), u"v1"_qs, u"namespaces"_qs});
    const QByteArray nsKey = storageKey(*namespaces, QString(), name);

    // 1. Delete every namespaced object in it (background propagation, as the controller does).
    DeleteOptions options;
    options.propagation = DeleteOptions::Propagation::Background;
    bool remaining = false;
    for (const KindInfoPtr &kind : m_context.registry->kinds()) {
        if (!kind->namespaced || !kind->verbs.contains(u"delete"_qs))
            continue;
        auto list = m_context.store->list(storagePrefix(*kind, name));
        if (!list.ok())
            continue;
        for (const Object &object : list->items) {
            bool marked = false;
            deleteObject(m_context, *kind, storageKey(*kind, name, object.name()), object.name(), options, &marked);
            remaining = remaining || marked;
        }
    }
    if (remaining && attempt < 600) {
        QTimer::singleShot(attempt < 10 ? 100 : 1000, this, [this, name, attempt] { finalize(name, attempt + 1); });
        return;
    }

    // 2. Drop the "kubernetes" finalizer; with no other finalizers the namespace goes.
    m_pending.remove(name);
    for (int tries = 0; tries < 5; ++tries) {
        auto entry = m_context.store->entry(nsKey);
        if (!entry)
            return;
        QJsonObject o = entry->object.toJson();
        QJsonObject spec = o.value(u"spec").toObject();
        spec.remove(u"finalizers"_qs);
        o[u"spec"_qs] = spec;
        const bool held = !o.value(u"metadata").toObject().value(u"finalizers").toArray().isEmpty();
        auto result = held ? m_context.store->update(nsKey, Object::fromJson(o), entry->modRevision)
                           : m_context.store->remove(nsKey, entry->modRevision);
        if (result.ok() || !result.error().is(reason::Conflict))
            return;
    }
}

} // namespace kube
