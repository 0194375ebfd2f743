#pragma once
// WriteSerialization: which API writes must not overlap now that writes run on worker threads.
// When every handler ran on the server's one thread no two requests interleaved; some write
// paths still rely on that, and this keeps exactly those serial:
//   - writes to one object (same storage key) run one at a time: server-side apply and delete
//     read the object and write it back with its revision as precondition, and would answer 409
//     to two clients racing on one object where kube-apiserver retries internally;
//   - writes that allocate Service addresses (a core/v1 Service, not its status) run one at a
//     time: the allocator reads every used cluster IP and node port, then writes (serviceallocation.h).
// Writes to different objects proceed together, which is what lets their store commits share
// one fsync.
//
// Thread safety: any thread; a request takes its locks through one Guard, in a fixed order
// (services, then the object's stripe), and holds one stripe at most: no deadlock. Cost: a
// hash of the key and an uncontended mutex; 64 stripes, so unrelated objects rarely wait.

#include <QByteArrayView>
#include <QHashFunctions>
#include <QMutex>

#include <array>

namespace kube {

class WriteSerialization
{
public:
    static constexpr size_t kStripes = 64;

    // Holds the locks one write needs until destroyed. An empty key takes no object lock.
    class Guard
    {
    public:
        Guard(WriteSerialization &owner, QByteArrayView objectKey, bool allocatesServiceAddresses)
        {
            if (allocatesServiceAddresses) {
                m_services = &owner.m_services;
                m_services->lock();
            }
            if (!objectKey.isEmpty()) {
                m_object = &owner.m_objects[qHash(objectKey) % kStripes];
                m_object->lock();
            }
        }
        ~Guard()
        {
            if (m_object)
                m_object->unlock();
            if (m_services)
                m_services->unlock();
        }
        Guard(const Guard &) = delete;
        Guard &operator=(const Guard &) = delete;

    private:
        QMutex *m_services = nullptr;
        QMutex *m_object = nullptr;
    };

private:
    QMutex m_services;
    std::array<QMutex, kStripes> m_objects;
};

} // namespace kube
