#include "checkpointer.h"

#include "sqlitedb.h"

#include <QLoggingCategory>

#include <pthread.h>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace kube {

Expected<std::unique_ptr<Checkpointer>> Checkpointer::start(const QString &path)
{
    SqliteDb::OpenResult opened = SqliteDb::open(path, SqliteDb::Mode::Checkpointer);
    if (!opened.db)
        return opened.status;
    return std::unique_ptr<Checkpointer>(new Checkpointer(std::move(opened.db)));
}

Checkpointer::Checkpointer(std::unique_ptr<SqliteDb> db) : m_db(std::move(db))
{
    m_thread = std::thread([this] {
        pthread_setname_np(pthread_self(), "store-ckpt");
        run();
    });
}

Checkpointer::~Checkpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void Checkpointer::request()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_requested)
            return;
        m_requested = true;
    }
    m_wake.notify_one();
}

void Checkpointer::waitIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_stop || (!m_requested && !m_running); });
}

void Checkpointer::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || m_requested; });
        if (m_stop)
            break;
        m_requested = false;
        m_running = true;
        lock.unlock();
        if (Status s = m_db->checkpoint(SqliteDb::Checkpoint::Passive); !s.isSuccess())
            qCWarning(lcStore).noquote() << s.message();
        m_done.fetch_add(1, std::memory_order_release);
        lock.lock();
        m_running = false;
        if (!m_requested)
            m_idle.notify_all();
    }
    m_running = false;
    m_idle.notify_all();
}

} // namespace kube
