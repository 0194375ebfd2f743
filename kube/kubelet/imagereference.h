#pragma once
// ImageReference: a container image name as the container runtime normalises it
// ("nginx" → "docker.io/library/nginx:latest", "learnk8s/app:1.0.0" →
// "docker.io/learnk8s/app:1.0.0", "registry.k8s.io/pause@sha256:…" keeps its digest).
// Plain value type; any thread; cheap.

#include <QString>

namespace kube::kubelet {

class ImageReference
{
public:
    // Never fails: anything unparsable becomes a repository no catalogue knows.
    static ImageReference parse(const QString &image);

    const QString &original() const { return m_original; }
    const QString &repository() const { return m_repository; } // "docker.io/library/nginx"
    const QString &tag() const { return m_tag; }               // "latest" when neither tag nor digest
    const QString &digest() const { return m_digest; }         // "sha256:…" or empty
    // What status.image shows: "docker.io/library/nginx:1.25" (or "…@sha256:…").
    QString normalised() const;
    // What status.imageID shows: "docker.io/library/nginx@sha256:<64 hex>", stable per name.
    QString imageId() const;
    // The tag kubectl users think of as the version ("1.25"); the digest prefix without a tag.
    QString version() const;
    // imagePullPolicy's default: Always for ":latest" or no tag, else IfNotPresent.
    QString defaultPullPolicy() const;

private:
    QString m_original, m_repository, m_tag, m_digest;
    bool m_explicitTag = false;
};

} // namespace kube::kubelet
