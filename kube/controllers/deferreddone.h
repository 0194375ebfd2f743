#pragma once
// deferredDone: a sync's completion that always runs on a later turn of the controller's event
// loop. Controller::processReady takes the next key from inside done(), so a run of syncs that
// finish synchronously (no write needed) nests one processReady per sync: with thousands of
// keys queued (a kubelet's pods, the scheduler's) that overflowed the controllers' thread's
// stack at 10,000 pods. Deferring the completion keeps the stack flat, at the cost of one
// posted call per sync.
//
// Thread affinity: the controller's thread. Header-only.

#include "controller.h"

#include <QMetaObject>
#include <QPointer>

namespace kube {

// A completion that arrives after the controller is gone (its pending writes are dropped when
// the client is destroyed, after the controllers) is ignored, as Controller's own done() does.
inline Controller::Done deferredDone(Controller *controller, Controller::Done done)
{
    return [controller = QPointer<Controller>(controller), done = std::move(done)](const Status &status) {
        if (controller)
            QMetaObject::invokeMethod(controller.data(), [done, status] { done(status); }, Qt::QueuedConnection);
    };
}

} // namespace kube
