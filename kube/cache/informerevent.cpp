#include "informerevent.h"

namespace kube {

void ResourceEventHandler::dispatch(const InformerEventBatch &batch) const
{
    for (const InformerEvent &event : batch) {
        switch (event.type) {
        case InformerEvent::Type::Added:
            if (added)
                added(event.object);
            break;
        case InformerEvent::Type::Updated:
            if (updated)
                updated(event.oldObject, event.object);
            break;
        case InformerEvent::Type::Deleted:
            if (deleted)
                deleted(event.object, event.deleteState);
            break;
        case InformerEvent::Type::Synced:
            if (synced)
                synced();
            break;
        }
    }
    if (batchDelivered)
        batchDelivered();
}

} // namespace kube
