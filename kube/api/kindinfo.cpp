#include "kindinfo.h"

namespace kube {

const SubresourceInfo *KindInfo::subresource(QStringView name) const
{
    for (const SubresourceInfo &s : subresources) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

} // namespace kube
