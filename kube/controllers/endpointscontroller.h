#pragma once
// EndpointsController: for every Service with a selector, the addresses of the pods it selects —
// as core/v1 Endpoints of the same name (upstream pkg/controller/endpoint) and as
// discovery.k8s.io/v1 EndpointSlices labelled kubernetes.io/service-name (upstream
// pkg/controller/endpointslice). Ready pods go to subsets[].addresses, the others (running
// but failing readiness) to notReadyAddresses; ports are the Service's targetPorts resolved
// against each pod (a number as it is, a name through the pod's named container ports), so pods
// whose named ports differ land in different subsets / slices. Terminating pods leave Endpoints
// but stay in slices with conditions.terminating. Services without a selector are left alone:
// their Endpoints belong to whoever wrote them.
//
// Writes are minimal: the wanted objects are compared with the informers' copies and only
// differences are written. Slice names are `<service>-<suffix>` with a suffix derived from the
// Service's uid and port set instead of generateName, so a sync against a stale cache cannot
// create a second slice for the same ports (the create fails with AlreadyExists and retries).
//
// Thread affinity: the controllers' thread. Cost per sync: O(pods in the namespace).

#include "controller.h"

namespace kube {

class SharedInformer;

class EndpointsController : public Controller
{
    Q_OBJECT
public:
    explicit EndpointsController(const ControllerContext &context, QObject *parent = nullptr);

    // The resource EndpointSlices are served as.
    static GroupVersionResource endpointSlices();

protected:
    void sync(const QString &key, Done done) override;

private:
    // Services in the pod's namespace whose selector matches its labels.
    void enqueueServicesOf(const Object &pod);
    void syncEndpoints(const Object &service, const QJsonObject &wanted, const std::shared_ptr<WriteJoin> &join);
    void syncSlices(const Object &service, const QList<QJsonObject> &wanted, const std::shared_ptr<WriteJoin> &join);

    SharedInformer *m_services;
    SharedInformer *m_pods;
    SharedInformer *m_endpoints;
    SharedInformer *m_slices;
};

} // namespace kube
