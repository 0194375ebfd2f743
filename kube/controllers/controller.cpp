#include "controller.h"

#include "kube/api/clock.h"

namespace kube {

namespace {

constexpr int MaxInFlight = 32;

} // namespace

Controller::Controller(QString name, const ControllerContext &context, QObject *parent)
    : QObject(parent), m_context(context), m_name(std::move(name)), m_queue(WorkQueueOptions{&context.realClock(), std::chrono::milliseconds(5), std::chrono::milliseconds(60000)})
{
    connect(&m_queue, &WorkQueue::keysReady, this, &Controller::processReady);
}

Controller::~Controller()
{
    *m_alive = false;
    m_queue.shutDown();
}

void Controller::enqueue(const Object &object)
{
    m_queue.add(queueKey(object.namespace_(), object.name()));
}

void Controller::processReady()
{
    // A sync that completes at once calls back in here from its done(): the loop further up
    // the stack takes the next key instead of nesting one frame per key (thousands of
    // immediate completions used to overflow the controllers' stack).
    if (m_draining) {
        m_drainAgain = true;
        return;
    }
    m_draining = true;
    do {
        m_drainAgain = false;
        while (m_inFlight < MaxInFlight) {
            const std::optional<QString> key = m_queue.take();
            if (!key)
                break;
            ++m_inFlight;
            ++m_syncs;
            std::weak_ptr<bool> alive = m_alive;
            sync(*key, [this, alive, k = *key](const Status &status) {
                if (alive.expired() || !*alive.lock())
                    return;
                --m_inFlight;
                if (status.isSuccess()) {
                    m_queue.forget(k);
                } else {
                    ++m_errors;
                    m_queue.addRateLimited(k);
                }
                m_queue.done(k);
                if (m_inFlight == MaxInFlight - 1)
                    processReady();
            });
        }
    } while (m_drainAgain);
    m_draining = false;
}

WriteJoin::~WriteJoin()
{
    if (m_done)
        m_done(m_status);
}

std::function<void(const Status &)> WriteJoin::expect()
{
    auto self = shared_from_this();
    return [self](const Status &status) { self->fail(status); };
}

} // namespace kube
