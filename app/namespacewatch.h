#pragma once
// NamespaceWatch: the live state the canary and blue-green workflows read — the session's shared
// informers for Deployments, Services, Endpoints and Pods of one namespace — with one coalesced
// changed() signal after any of them delivers a batch.
//
// GUI thread. Ownership: holds one reference on each informer (released in the destructor or on
// setNamespace()). Cost: the informers are shared with the console's tables when they watch the
// same scope; lookups are lister reads.

#include "kube/api/object.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace kube {
class SharedInformer;
}

namespace timonel {

class ClusterSession;

class NamespaceWatch : public QObject
{
    Q_OBJECT
public:
    NamespaceWatch(ClusterSession *session, const QString &namespace_, QObject *parent = nullptr);
    ~NamespaceWatch() override;

    QString namespace_() const { return m_namespace; }
    ClusterSession *session() const { return m_session; }
    // Every informer has listed once (until then "absent" means "not known yet").
    bool isSynced() const;

    kube::Object deployment(const QString &name) const;
    kube::Object service(const QString &name) const;
    kube::Object endpoints(const QString &name) const;
    kube::Object pod(const QString &name) const;
    QList<kube::Object> pods() const;

Q_SIGNALS:
    void changed();

private:
    kube::Object get(const QString &resource, const QString &name) const;

    QPointer<ClusterSession> m_session;
    QString m_namespace;
    QHash<QString, kube::SharedInformer *> m_informers;
    QList<quint64> m_handlers; // same order as m_informers' iteration at acquisition
    QList<kube::SharedInformer *> m_order;
};

} // namespace timonel
