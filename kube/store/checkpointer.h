#pragma once
// Checkpointer: folds the store's write-ahead log into the database file on its own thread and
// its own SQLite connection, so that a busy store's commits do not wait for it. SQLite lets a
// PASSIVE checkpoint run beside the writer (it copies only frames no reader still needs and never
// blocks the writer); once everything is copied, the writer's next transaction starts the WAL
// over from its beginning, which keeps the file small and rewritten in place.
//
// Thread affinity: request() and checkpoints() from any thread; the connection is used only by
// the checkpointer's thread. Ownership: owns its thread and connection; the destructor waits for
// a checkpoint in progress and closes the connection without checkpointing (the store's writer
// connection does that when it closes).
// Cost: request() is one mutex round and at most one wake-up; requests made while a checkpoint
// runs are merged into one more run.

#include "kube/api/expected.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace kube {

class SqliteDb;

class Checkpointer
{
public:
    // Opens a connection to the database at path (which the store has opened, checked and put in
    // WAL mode already) and starts the thread.
    static Expected<std::unique_ptr<Checkpointer>> start(const QString &path);
    ~Checkpointer();
    Checkpointer(const Checkpointer &) = delete;
    Checkpointer &operator=(const Checkpointer &) = delete;

    // Asks for a checkpoint soon; returns at once.
    void request();
    // Checkpoints completed so far (diagnostics and tests).
    qint64 checkpoints() const { return m_done.load(std::memory_order_acquire); }
    // Blocks until every request made before the call has been served (tests).
    void waitIdle();

private:
    explicit Checkpointer(std::unique_ptr<SqliteDb> db);
    void run();

    std::unique_ptr<SqliteDb> m_db; // the thread's
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    bool m_requested = false; // guarded by m_mutex
    bool m_running = false;   // guarded by m_mutex
    bool m_stop = false;      // guarded by m_mutex
    std::atomic<qint64> m_done = 0;
    std::thread m_thread;
};

} // namespace kube
