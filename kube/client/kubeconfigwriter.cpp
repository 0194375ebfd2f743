#include "kubeconfigwriter.h"

#include "kube/api/yaml.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QThread>

#include <cerrno>
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
            const int fd = ::open(QFile::encodeName(m_path).constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
            if (fd >= 0) {
                ::close(fd);
                m_held = true;
                return true;
            }
            if (errno != EEXIST || deadline.hasExpired())
                return false;
            QThread::msleep(20); // another writer holds it; kubectl's writes take milliseconds
        }
    }
    const QString &path() const { return m_path; }

private:
    QString m_path;
    bool m_held = false;
};

int indexOfNamed(const QJsonArray &list, const QString &name)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list.at(i).toObject().value(u"name").toString() == name)
            return int(i);
    }
    return -1;
}

} // namespace

KubeconfigWriter::KubeconfigWriter(QString path) : m_path(QFileInfo(path).absoluteFilePath()) {}

void KubeconfigWriter::upsertNamed(QJsonObject &config, const QString &list, const QString &field, const QString &name,
                                   const QJsonObject &value)
{
    QJsonArray items = config.value(list).toArray();
    const QJsonObject item{{u"name"_qs, name}, {field, value}};
    const int at = indexOfNamed(items, name);
    if (at >= 0)
        items.replace(at, item);
    else
        items.append(item);
    config[list] = items;
}

Status KubeconfigWriter::edit(const std::function<Status(QJsonObject &config)> &change)
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Status::internalError(u"cannot create the directory of %1"_qs.arg(m_path));
    LockFile lock(m_path);
    if (!lock.acquire(m_lockTimeoutMs))
        return Status(409, QString::fromLatin1(reason::Conflict),
                      u"cannot lock %1: %2 exists (kubectl or Timonel is writing it, or a crashed writer left it behind)"_qs
                          .arg(m_path, lock.path()));

    QJsonObject config;
    QFile existing(m_path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return Status::internalError(u"cannot read %1: %2"_qs.arg(m_path, existing.errorString()));
        const QByteArray text = existing.readAll();
        existing.close();
        if (!text.trimmed().isEmpty()) {
            auto json = yamlToJson(text);
            if (!json.ok())
                return Status::badRequest(u"%1 is not a valid kubeconfig: %2"_qs.arg(m_path, json.error().message()));
            const QJsonDocument doc = QJsonDocument::fromJson(json.value());
            if (!doc.isObject() && json.value() != "null")
                return Status::badRequest(u"%1 is not a valid kubeconfig: the document is not a mapping"_qs.arg(m_path));
            config = doc.object();
        }
    }
    for (const QString &list : {u"clusters"_qs, u"users"_qs, u"contexts"_qs}) {
        const QJsonValue v = config.value(list);
        if (!v.isUndefined() && !v.isNull() && !v.isArray())
            return Status::badRequest(u"%1 is not a valid kubeconfig: %2 must be a list"_qs.arg(m_path, list));
    }
    if (!config.contains(u"apiVersion"))
        config[u"apiVersion"_qs] = u"v1"_qs;
    if (!config.contains(u"kind"))
        config[u"kind"_qs] = u"Config"_qs;
    if (!config.contains(u"preferences"))
        config[u"preferences"_qs] = QJsonObject();

    if (Status s = change(config); !s.isSuccess())
        return s;

    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::internalError(u"cannot write %1: %2"_qs.arg(m_path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(jsonToYaml(QJsonDocument(config).toJson(QJsonDocument::Compact)));
    if (!file.commit())
        return Status::internalError(u"cannot write %1: %2"_qs.arg(m_path, file.errorString()));
    return {};
}

Status KubeconfigWriter::setCurrentContext(const QString &context)
{
    return edit([&](QJsonObject &config) {
        config[u"current-context"_qs] = context;
        return Status();
    });
}

Status KubeconfigWriter::setContextNamespace(const QString &context, const QString &namespace_)
{
    return edit([&](QJsonObject &config) {
        QJsonArray contexts = config.value(u"contexts").toArray();
        const int at = indexOfNamed(contexts, context);
        if (at < 0)
            return Status(404, QString::fromLatin1(reason::NotFound), u"%1: context \"%2\" is not defined in this file"_qs.arg(m_path, context));
        QJsonObject item = contexts.at(at).toObject();
        QJsonObject body = item.value(u"context").toObject();
        if (namespace_.isEmpty())
            body.remove(u"namespace"_qs);
        else
            body[u"namespace"_qs] = namespace_;
        item[u"context"_qs] = body;
        contexts.replace(at, item);
        config[u"contexts"_qs] = contexts;
        return Status();
    });
}

Status KubeconfigWriter::upsertContext(const KubeconfigContextEntry &entry)
{
    const QString clusterName = entry.clusterName.isEmpty() ? entry.contextName : entry.clusterName;
    const QString userName = entry.userName.isEmpty() ? entry.contextName : entry.userName;
    return edit([&](QJsonObject &config) {
        QJsonObject context{{u"cluster"_qs, clusterName}, {u"user"_qs, userName}};
        if (!entry.namespace_.isEmpty())
            context[u"namespace"_qs] = entry.namespace_;
        upsertNamed(config, u"clusters"_qs, u"cluster"_qs, clusterName, entry.cluster);
        upsertNamed(config, u"users"_qs, u"user"_qs, userName, entry.user);
        upsertNamed(config, u"contexts"_qs, u"context"_qs, entry.contextName, context);
        if (entry.makeCurrent == MakeCurrent::Yes)
            config[u"current-context"_qs] = entry.contextName;
        return Status();
    });
}

} // namespace kube
