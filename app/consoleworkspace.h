#pragma once
// ConsoleController::Workspace: what the console holds for one open cluster — its session, the
// navigator and namespace models, the table on screen with its filter and informer, and the
// credentials the session was opened with. Private to ConsoleController's .cpp files.
// Thread affinity: the GUI thread.

#include "app/clustersession.h"
#include "app/consolecontroller.h"

#include "kube/cache/sharedinformer.h"
#include "models/namespacemodel.h"
#include "models/navigatormodel.h"
#include "models/resourcefiltermodel.h"
#include "models/resourcetablemodel.h"

#include <QTimer>

#include <memory>

namespace timonel {

struct ConsoleController::Workspace {
    QString id;
    QString displayName;
    QString account;               // kubeconfig contexts: the account of a signed-in token
    bool hasOwnCredentials = true; // the kubeconfig gives the context a way to authenticate
    bool signedIn = false;         // a signed-in token replaced them
    std::unique_ptr<ClusterSession> session;
    std::unique_ptr<NavigatorModel> navigator;
    std::unique_ptr<NamespaceModel> namespaces;
    kube::SharedInformer *namespacesInformer = nullptr;
    // CustomResourceDefinitions: a change refreshes discovery so the navigator follows.
    kube::SharedInformer *crdInformer = nullptr;
    quint64 crdHandler = 0;
    QTimer discoveryDebounce;
    QString resourceId;
    std::unique_ptr<ResourceTableModel> table;
    std::unique_ptr<ResourceFilterModel> filter;
    kube::SharedInformer *tableInformer = nullptr;
    // The clock ages are shown with: the embedded cluster's when it runs faster than real time
    // (--speed), else null (the system clock, as kubectl). Owned by the cluster's host, which
    // outlives every workspace.
    const kube::Clock *clock = nullptr;
    QString textFilter;
    QString selector;

    void dropTable()
    {
        filter.reset();
        table.reset(); // detaches from the informer
        if (session && tableInformer)
            session->releaseInformer(tableInformer);
        tableInformer = nullptr;
    }

    ~Workspace()
    {
        dropTable();
        namespaces.reset();
        if (session && namespacesInformer)
            session->releaseInformer(namespacesInformer);
        if (crdInformer) {
            crdInformer->removeEventHandler(crdHandler);
            session->releaseInformer(crdInformer);
        }
        session.reset();
    }
};

} // namespace timonel
