#pragma once
// StoreDirectory: the store's folder on disk — created private (0700), held by one process at a
// time through an exclusive lock on "store.lock" (which records the holder's PID), and the place
// damaged database files are moved aside to (never deleted).
//
// Thread affinity: the Store opens it once on the opening thread; it is then read-only.
// Ownership: holds the lock file descriptor until destroyed (the kernel drops the lock if the
// process dies). Cost: a few syscalls.

#include "kube/api/expected.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace kube {

class StoreDirectory
{
public:
    // Creates the folder (0700) when missing and takes the lock. Fails clearly when another
    // process holds it (naming its PID) or the folder cannot be created or locked.
    static Expected<std::unique_ptr<StoreDirectory>> open(const QString &path);
    ~StoreDirectory();
    StoreDirectory(const StoreDirectory &) = delete;
    StoreDirectory &operator=(const StoreDirectory &) = delete;

    const QString &path() const { return m_path; }
    QString databasePath() const; // <path>/store.db

    // Moves store.db and its -wal and -shm files (those present) into a new
    // "damaged-<yyyyMMdd-hhmmss>[-n]" folder here. Returns the folder and the files moved.
    struct MovedAside {
        QString folder;
        QStringList files;
    };
    Expected<MovedAside> moveDatabaseAside();

private:
    StoreDirectory(QString path, int lockFd) : m_path(std::move(path)), m_lockFd(lockFd) {}

    const QString m_path; // absolute
    const int m_lockFd;   // holds an exclusive flock() for the object's lifetime
};

} // namespace kube
