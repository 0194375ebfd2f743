#include "kubeconfigentry.h"

#include "kube/api/yaml.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QThread>

#include <fcntl.h>
#include <unistd.h>

namespace kube {

namespace {

// kubectl's convention: "<file>.lock" created with O_EXCL, removed when done.
class LockFile
{
public:
    explicit LockFile(const QString &target) : m_path(target + u".lock"_qs) {}
    ~LockFile()
    {
        if (m_held)
            ::unlink(QFile::encodeName(m_path).constData());
    }
    bool acquire(int timeoutMs)
    {
        QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            const int fd = ::open(QFile::encodeName(m_path).constData(), O_CREAT | O_EXCL | O_WRONLY, 0600);
            if (fd >= 0) {
                ::close(fd);
                m_held = true;
                return true;
            }
            if (deadline.hasExpired())
                return false;
            QThread::msleep(20);
        }
    }
    const QString &path() const { return m_path; }

private:
    QString m_path;
    bool m_held = false;
};

// Replaces (or appends) the entry named `name` in a kubeconfig list such as "clusters".
QJsonArray upsertNamed(QJsonArray list, const QString &name, const QString &field, const QJsonObject &value)
{
    const QJsonObject item{{u"name"_qs, name}, {field, value}};
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).toObject().value(u"name").toString() == name) {
            list.replace(i, item);
            return list;
        }
    }
    list.append(item);
    return list;
}

} // namespace

Status writeKubeconfigEntry(const QString &path, const KubeconfigEntry &entry, int lockTimeoutMs)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    LockFile lock(path);
    if (!lock.acquire(lockTimeoutMs))
        return Status::internalError(u"cannot lock %1: %2 exists (another kubectl or Timonel is writing it, or it was left behind)"_qs
                                         .arg(path, lock.path()));

    QJsonObject config;
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return Status::internalError(u"cannot read %1: %2"_qs.arg(path, existing.errorString()));
        const QByteArray text = existing.readAll();
        if (!text.trimmed().isEmpty()) {
            auto json = yamlToJson(text);
            if (!json.ok())
                return Status::badRequest(u"%1 is not a valid kubeconfig: %2"_qs.arg(path, json.error().message()));
            config = QJsonDocument::fromJson(json.value()).object();
        }
    }
    if (!config.contains(u"apiVersion"))
        config[u"apiVersion"_qs] = u"v1"_qs;
    if (!config.contains(u"kind"))
        config[u"kind"_qs] = u"Config"_qs;
    if (!config.contains(u"preferences"))
        config[u"preferences"_qs] = QJsonObject();

    QJsonObject cluster{{u"server"_qs, entry.server}};
    if (!entry.certificateAuthority.isEmpty())
        cluster[u"certificate-authority-data"_qs] = QString::fromLatin1(entry.certificateAuthority.toBase64());
    QJsonObject context{{u"cluster"_qs, entry.name}, {u"user"_qs, entry.name}};
    if (!entry.namespace_.isEmpty())
        context[u"namespace"_qs] = entry.namespace_;
    config[u"clusters"_qs] = upsertNamed(config.value(u"clusters").toArray(), entry.name, u"cluster"_qs, cluster);
    config[u"users"_qs] = upsertNamed(config.value(u"users").toArray(), entry.name, u"user"_qs,
                                       QJsonObject{{u"token"_qs, QString::fromLatin1(entry.token)}});
    config[u"contexts"_qs] = upsertNamed(config.value(u"contexts").toArray(), entry.name, u"context"_qs, context);
    config[u"current-context"_qs] = entry.name;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::internalError(u"cannot write %1: %2"_qs.arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(jsonToYaml(QJsonDocument(config).toJson(QJsonDocument::Compact)));
    if (!file.commit())
        return Status::internalError(u"cannot write %1: %2"_qs.arg(path, file.errorString()));
    return {};
}

} // namespace kube
