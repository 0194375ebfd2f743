#include "nodeimagecache.h"

#include <QStringList>

#include <algorithm>

namespace kube::kubelet {

QStringList NodeImageCache::images() const
{
    QStringList out(m_images.cbegin(), m_images.cend());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace kube::kubelet
