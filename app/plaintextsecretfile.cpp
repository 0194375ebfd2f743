#include "plaintextsecretfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace timonel {

namespace {

QJsonObject load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

kube::Status failure(const QString &path, int error)
{
    return kube::Status::internalError(
        QCoreApplication::translate("PlainTextSecretFile", "%1 could not be written: %2").arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(error))));
}

} // namespace

PlainTextSecretFile::PlainTextSecretFile(QString path) : m_path(std::move(path))
{
    if (m_path.isEmpty())
        m_path = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/tokens.json");
}

bool PlainTextSecretFile::exists() const
{
    return QFileInfo::exists(m_path);
}

std::optional<QByteArray> PlainTextSecretFile::read(const QString &account) const
{
    const QJsonValue value = load(m_path).value(account);
    if (!value.isString())
        return std::nullopt;
    return value.toString().toUtf8();
}

kube::Status PlainTextSecretFile::write(const QString &account, const QByteArray &secret)
{
    QJsonObject all = load(m_path);
    all.insert(account, QString::fromUtf8(secret));
    return save(QJsonDocument(all).toJson(QJsonDocument::Indented));
}

kube::Status PlainTextSecretFile::remove(const QString &account)
{
    QJsonObject all = load(m_path);
    if (!all.contains(account))
        return kube::Status();
    all.remove(account);
    if (all.isEmpty()) {
        if (::unlink(QFile::encodeName(m_path).constData()) != 0 && errno != ENOENT)
            return failure(m_path, errno);
        return kube::Status();
    }
    return save(QJsonDocument(all).toJson(QJsonDocument::Indented));
}

kube::Status PlainTextSecretFile::save(const QByteArray &bytes) const
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QFileInfo::exists(dir)) {
        if (!QDir().mkpath(dir))
            return failure(m_path, EACCES);
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    const QByteArray target = QFile::encodeName(m_path);
    const QByteArray temporary = target + ".tmp-" + QByteArray::number(qint64(::getpid()));
    ::unlink(temporary.constData()); // a leftover of a crashed write; O_EXCL below refuses reuse
    const int fd = ::open(temporary.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return failure(m_path, errno);
    auto fail = [&](int error) {
        ::close(fd);
        ::unlink(temporary.constData());
        return failure(m_path, error);
    };
    if (::fchmod(fd, 0600) != 0)
        return fail(errno);
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(errno);
        written += n;
    }
    if (::fsync(fd) != 0)
        return fail(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return failure(m_path, error);
    }
    if (::rename(temporary.constData(), target.constData()) != 0) {
        const int error = errno;
        ::unlink(temporary.constData());
        return failure(m_path, error);
    }
    return kube::Status();
}

} // namespace timonel
