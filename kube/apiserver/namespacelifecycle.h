#pragma once
// NamespaceLifecycle: what happens after a namespace is deleted — upstream's namespace
// controller in miniature. The namespace turns Terminating at once (the DELETE answers it
// that way); then everything in it is deleted, and when nothing is left the namespace's
// "kubernetes" finalizer is removed and the namespace goes. Objects held by their own
// finalizers are retried until they are gone.
//
// Thread affinity: the API server's thread (it runs from the event loop, never inside a
// request); finalizeLater() may be called from any thread (a DELETE on a worker) and posts
// itself there. Holds no state but the namespaces still being emptied.

#include "kube/api/object.h"

#include <QObject>
#include <QSet>

namespace kube {

struct ApiContext;

// status.phase = Terminating (and spec.finalizers = ["kubernetes"] when absent).
Object markNamespaceTerminating(const Object &ns);

class NamespaceLifecycle : public QObject
{
    Q_OBJECT
public:
    explicit NamespaceLifecycle(const ApiContext &context, QObject *parent = nullptr);

    // Empties and then removes the namespace from the event loop, soon. Any thread.
    void finalizeLater(const QString &name);

private:
    void finalize(const QString &name, int attempt);
    const ApiContext &m_context;
    QSet<QString> m_pending;
};

} // namespace kube
