// Store access for tst_restlistwatch, in its own translation unit: kube/store/watchevent.h
// and kube/client/listwatch.h both define kube::WatchEvent, so one file cannot include both.
#include "kube/cluster/embeddedcluster.h"
#include "kube/store/store.h"

bool compactStoreToCurrentRevision(kube::EmbeddedCluster &cluster)
{
    kube::Store *store = cluster.store();
    return store->compact(store->currentRevision()).isSuccess();
}
