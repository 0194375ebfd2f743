#include "execapprovalstore.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QSaveFile>
#include <QStandardPaths>

namespace kube {

ExecApprovalStore::ExecApprovalStore(const QString &directory)
{
    const QString dir = directory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) : directory;
    m_path = QDir(dir).filePath(u"exec-approvals.json"_qs);
}

bool ExecApprovalStore::isApproved(const ExecApproval &approval) const
{
    QMutexLocker lock(&m_mutex);
    return readLocked().contains(approval);
}

QList<ExecApproval> ExecApprovalStore::approvals() const
{
    QMutexLocker lock(&m_mutex);
    return readLocked();
}

Status ExecApprovalStore::approve(const ExecApproval &approval)
{
    QMutexLocker lock(&m_mutex);
    QList<ExecApproval> all = readLocked();
    if (all.contains(approval))
        return {};
    all.append(approval);
    return writeLocked(all);
}

Status ExecApprovalStore::revoke(const ExecApproval &approval)
{
    QMutexLocker lock(&m_mutex);
    QList<ExecApproval> all = readLocked();
    if (all.removeAll(approval) == 0)
        return {};
    return writeLocked(all);
}

// A missing or unreadable file approves nothing: failing closed is the safe direction.
QList<ExecApproval> ExecApprovalStore::readLocked() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<ExecApproval> out;
    const QJsonArray list = QJsonDocument::fromJson(file.readAll()).object().value(u"approved").toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        ExecApproval a{o.value(u"kubeconfig").toString(), o.value(u"command").toString(), {}};
        for (const QJsonValue &arg : o.value(u"args").toArray())
            a.args << arg.toString();
        if (!a.command.isEmpty())
            out.append(a);
    }
    return out;
}

Status ExecApprovalStore::writeLocked(const QList<ExecApproval> &approvals)
{
    QJsonArray list;
    for (const ExecApproval &a : approvals)
        list.append(QJsonObject{{u"kubeconfig"_qs, a.kubeconfig}, {u"command"_qs, a.command}, {u"args"_qs, QJsonArray::fromStringList(a.args)}});
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Status::internalError(u"cannot create the directory of %1"_qs.arg(m_path));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::internalError(u"cannot write %1: %2"_qs.arg(m_path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(QJsonObject{{u"approved"_qs, list}}).toJson());
    if (!file.commit())
        return Status::internalError(u"cannot write %1: %2"_qs.arg(m_path, file.errorString()));
    return {};
}

} // namespace kube
