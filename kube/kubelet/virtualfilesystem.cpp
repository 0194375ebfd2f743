#include "virtualfilesystem.h"

#include <QStringList>

#include <optional>

namespace kube::kubelet {

void VirtualFileSystem::removePrefix(const QString &prefix)
{
    for (auto it = m_files.begin(); it != m_files.end();) {
        if (it.key().startsWith(prefix))
            it = m_files.erase(it);
        else
            ++it;
    }
}

FileSystemView::FileSystemView(VirtualFileSystem *fs, QString container, QList<VolumeMount> mounts)
    : m_fs(fs), m_container(std::move(container)), m_mounts(std::move(mounts))
{
    for (VolumeMount &m : m_mounts)
        m.mountPath = normalise(m.mountPath);
}

QString FileSystemView::normalise(const QString &path)
{
    QStringList parts;
    for (const QString &part : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("."))
            continue;
        if (part == QLatin1String("..")) {
            if (!parts.isEmpty())
                parts.removeLast();
            continue;
        }
        parts.append(part);
    }
    return QLatin1Char('/') + parts.join(QLatin1Char('/'));
}

QString FileSystemView::resolve(const QString &path) const
{
    const QString p = normalise(path);
    // The longest mount path wins, as nested mounts shadow their parents.
    const VolumeMount *best = nullptr;
    for (const VolumeMount &m : m_mounts) {
        const bool under = p == m.mountPath || p.startsWith(m.mountPath + QLatin1Char('/')) || m.mountPath == QLatin1String("/");
        if (under && (!best || m.mountPath.size() > best->mountPath.size()))
            best = &m;
    }
    if (best)
        return QStringLiteral("volume/") + best->volume + p.mid(best->mountPath == QLatin1String("/") ? 0 : best->mountPath.size());
    return VirtualFileSystem::containerRootKey(m_container) + p;
}

bool FileSystemView::exists(const QString &path) const
{
    return m_fs && m_fs->exists(resolve(path));
}

std::optional<QByteArray> FileSystemView::read(const QString &path) const
{
    if (!exists(path))
        return std::nullopt;
    return m_fs->read(resolve(path));
}

void FileSystemView::write(const QString &path, const QByteArray &data)
{
    if (m_fs)
        m_fs->write(resolve(path), data);
}

void FileSystemView::append(const QString &path, const QByteArray &data)
{
    if (m_fs)
        m_fs->append(resolve(path), data);
}

bool FileSystemView::remove(const QString &path)
{
    return m_fs && m_fs->remove(resolve(path));
}

} // namespace kube::kubelet
