#pragma once
// ServiceAccountController: every Active namespace has a ServiceAccount named "default" —
// created when a namespace appears, and again whenever it is deleted (upstream's
// serviceaccounts-controller). Terminating namespaces are left alone.
//
// Thread affinity: the controllers' thread. Cost: informers on namespaces and service
// accounts; one create per missing account.

#include "controller.h"

namespace kube {

class SharedInformer;

class ServiceAccountController : public Controller
{
    Q_OBJECT
public:
    explicit ServiceAccountController(const ControllerContext &context, QObject *parent = nullptr);

protected:
    // key: a namespace name.
    void sync(const QString &key, Done done) override;

private:
    SharedInformer *m_namespaces;
    SharedInformer *m_serviceAccounts;
};

} // namespace kube
