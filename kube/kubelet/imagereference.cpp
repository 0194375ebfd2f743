#include "imagereference.h"

#include <QCryptographicHash>

namespace kube::kubelet {

ImageReference ImageReference::parse(const QString &image)
{
    ImageReference r;
    r.m_original = image;
    QString rest = image.trimmed();
    if (const qsizetype at = rest.indexOf(QLatin1Char('@')); at >= 0) {
        r.m_digest = rest.mid(at + 1);
        rest = rest.left(at);
    }
    // A ':' after the last '/' separates the tag (a ':' before it belongs to a registry port).
    const qsizetype slash = rest.lastIndexOf(QLatin1Char('/'));
    if (const qsizetype colon = rest.lastIndexOf(QLatin1Char(':')); colon > slash) {
        r.m_tag = rest.mid(colon + 1);
        r.m_explicitTag = true;
        rest = rest.left(colon);
    }
    if (r.m_tag.isEmpty() && r.m_digest.isEmpty())
        r.m_tag = QStringLiteral("latest");
    const qsizetype firstSlash = rest.indexOf(QLatin1Char('/'));
    const QString first = rest.left(firstSlash);
    const bool hasRegistry = firstSlash > 0
        && (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':')) || first == QLatin1String("localhost"));
    if (!hasRegistry)
        rest = (firstSlash < 0 ? QStringLiteral("docker.io/library/") : QStringLiteral("docker.io/")) + rest;
    if (rest.startsWith(QLatin1String("index.docker.io/")))
        rest = QStringLiteral("docker.io/") + rest.mid(16);
    r.m_repository = rest.toLower();
    return r;
}

QString ImageReference::normalised() const
{
    if (!m_digest.isEmpty())
        return m_repository + (m_explicitTag ? QLatin1Char(':') + m_tag : QString()) + QLatin1Char('@') + m_digest;
    return m_repository + QLatin1Char(':') + m_tag;
}

QString ImageReference::imageId() const
{
    if (!m_digest.isEmpty())
        return m_repository + QLatin1Char('@') + m_digest;
    const QByteArray hash = QCryptographicHash::hash(normalised().toUtf8(), QCryptographicHash::Sha256).toHex();
    return m_repository + QStringLiteral("@sha256:") + QString::fromLatin1(hash);
}

QString ImageReference::version() const
{
    if (m_explicitTag || m_digest.isEmpty())
        return m_tag;
    return m_digest.section(QLatin1Char(':'), -1).left(12);
}

QString ImageReference::defaultPullPolicy() const
{
    return (!m_explicitTag && m_digest.isEmpty()) || m_tag == QLatin1String("latest") ? QStringLiteral("Always")
                                                                                       : QStringLiteral("IfNotPresent");
}

} // namespace kube::kubelet
