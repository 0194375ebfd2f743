#include "storedirectory.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kube {

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

QString readHolderPid(int fd)
{
    char buffer[32] = {};
    const ssize_t n = pread(fd, buffer, sizeof buffer - 1, 0);
    return n > 0 ? QString::fromLatin1(buffer, n).trimmed() : QString();
}

} // namespace

Expected<std::unique_ptr<StoreDirectory>> StoreDirectory::open(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QByteArray native = QFile::encodeName(absolute);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return Status::internalError(u"cannot create the store folder %1: %2"_qs.arg(absolute, errnoText()));

    const QByteArray lockPath = QFile::encodeName(absolute + u"/store.lock"_qs);
    const int fd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Status::internalError(u"cannot open the lock file %1: %2"_qs.arg(QFile::decodeName(lockPath), errnoText()));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int lockErrno = errno;
        const QString holder = readHolderPid(fd);
        ::close(fd);
        if (lockErrno != EWOULDBLOCK)
            return Status::internalError(u"cannot lock %1: %2"_qs.arg(QFile::decodeName(lockPath), QString::fromLocal8Bit(std::strerror(lockErrno))));
        const QString who = holder.isEmpty() ? u"another process"_qs : u"process %1"_qs.arg(holder);
        return Status::internalError(u"the store at %1 is already open in %2; only one process may use a store"_qs.arg(absolute, who));
    }
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, pid.constData(), size_t(pid.size()), 0) != pid.size()) {
        // The lock holds regardless; only the PID shown to a second process is missing.
    }
    return std::unique_ptr<StoreDirectory>(new StoreDirectory(absolute, fd));
}

StoreDirectory::~StoreDirectory()
{
    ::close(m_lockFd); // releases the flock
}

QString StoreDirectory::databasePath() const
{
    return m_path + u"/store.db"_qs;
}

Expected<StoreDirectory::MovedAside> StoreDirectory::moveDatabaseAside()
{
    QDir dir(m_path);
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-hhmmss"_qs);
    QString folder = u"damaged-"_qs + stamp;
    for (int n = 2; dir.exists(folder); ++n)
        folder = u"damaged-%1-%2"_qs.arg(stamp).arg(n);
    if (!dir.mkdir(folder))
        return Status::internalError(u"cannot create %1 to keep the damaged store files"_qs.arg(dir.filePath(folder)));

    MovedAside moved{dir.filePath(folder), {}};
    for (const QString &name : {u"store.db"_qs, u"store.db-wal"_qs, u"store.db-shm"_qs}) {
        if (!dir.exists(name))
            continue;
        if (!dir.rename(name, folder + u'/' + name)) {
            return Status::internalError(u"cannot move %1 into %2 (moved so far: %3)"_qs.arg(
                dir.filePath(name), moved.folder, moved.files.join(u", "_qs)));
        }
        moved.files.append(name);
    }
    return moved;
}

} // namespace kube
