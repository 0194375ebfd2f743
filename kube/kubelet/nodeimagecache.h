#pragma once
// NodeImageCache: the images already pulled on one simulated node, shared by every
// PodSimulation the driver runs on that node (std::shared_ptr), so a second pod with the same
// image skips the pull ("Container image … already present on machine").
// Thread affinity: none; used from the driver's thread only. Cost: a hash set of image names.

#include <QSet>
#include <QString>

namespace kube::kubelet {

class NodeImageCache
{
public:
    // Keys are normalised references ("docker.io/library/nginx:1.25").
    bool contains(const QString &normalisedImage) const { return m_images.contains(normalisedImage); }
    void insert(const QString &normalisedImage) { m_images.insert(normalisedImage); }
    void remove(const QString &normalisedImage) { m_images.remove(normalisedImage); }
    QStringList images() const;

private:
    QSet<QString> m_images;
};

} // namespace kube::kubelet
