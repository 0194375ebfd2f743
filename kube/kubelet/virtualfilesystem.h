#pragma once
// VirtualFileSystem: the files of one simulated pod. Each container has its own root file
// system (discarded when the container restarts, as a fresh container image layer would be);
// emptyDir volumes are shared by every container that mounts them and live as long as the pod.
// FileSystemView is one container's window on it: paths under a volume mount resolve into the
// volume, everything else into the container's root.
//
// Thread affinity: none; owned by a PodSimulation and used from its thread only.
// Cost: files are QByteArrays in a hash keyed by resolved path; lookups are O(mounts).

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace kube::kubelet {

struct VolumeMount {
    QString volume;    // spec.volumes[].name
    QString mountPath; // absolute, without trailing '/'
    friend bool operator==(const VolumeMount &, const VolumeMount &) = default;
};

class VirtualFileSystem
{
public:
    bool exists(const QString &key) const { return m_files.contains(key); }
    QByteArray read(const QString &key) const { return m_files.value(key); }
    void write(const QString &key, const QByteArray &data) { m_files.insert(key, data); }
    void append(const QString &key, const QByteArray &data) { m_files[key].append(data); }
    bool remove(const QString &key) { return m_files.remove(key) > 0; }
    // Drops every file under a key prefix (a container's root after a restart).
    void removePrefix(const QString &prefix);

    static QString containerRootKey(const QString &container) { return QStringLiteral("container/") + container; }

private:
    QHash<QString, QByteArray> m_files;
};

class FileSystemView
{
public:
    FileSystemView() = default;
    FileSystemView(VirtualFileSystem *fs, QString container, QList<VolumeMount> mounts);

    // An absolute, normalised path ("a/../b" → "/b"; relative paths are taken from "/").
    static QString normalise(const QString &path);

    bool exists(const QString &path) const;
    // nullopt when the file does not exist.
    std::optional<QByteArray> read(const QString &path) const;
    void write(const QString &path, const QByteArray &data);
    void append(const QString &path, const QByteArray &data);
    bool remove(const QString &path);
    bool isValid() const { return m_fs != nullptr; }

private:
    QString resolve(const QString &path) const;

    VirtualFileSystem *m_fs = nullptr; // not owned; outlives the view (both belong to the pod)
    QString m_container;
    QList<VolumeMount> m_mounts;
};

} // namespace kube::kubelet
