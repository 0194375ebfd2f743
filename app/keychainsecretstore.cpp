#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace timonel {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)
};

SecretResult resultOf(const QKeychain::Job &job)
{
    SecretResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.outcome = SecretResult::Outcome::Ok;
        return result;
    case QKeychain::EntryNotFound:
        result.outcome = SecretResult::Outcome::NotFound;
        result.message = Tr::tr("No saved entry was found in the system keychain.");
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // OtherError is what QtKeychain reports when the session bus or the Secret Service is
        // missing (a headless machine, a desktop without a keyring daemon).
        result.outcome = SecretResult::Outcome::NoBackend;
        result.message = Tr::tr("No system keychain is available (%1).").arg(job.errorString());
        return result;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    result.outcome = SecretResult::Outcome::Failed;
    result.message = Tr::tr("The system keychain refused the request (%1).").arg(job.errorString());
    return result;
}

// Runs one job: delivers its answer (or a timeout) once, queued to `context`.
void run(QKeychain::Job *job, int timeoutMs, QObject *context, SecretStore::Callback done,
         std::function<void(const QKeychain::Job &, SecretResult &)> extract = {})
{
    struct Once {
        QPointer<QObject> context;
        SecretStore::Callback done;
        bool delivered = false;
        void deliver(SecretResult result)
        {
            if (delivered)
                return;
            delivered = true;
            if (!context)
                return;
            QMetaObject::invokeMethod(context, [c = context, d = std::move(done), r = std::move(result)]() mutable {
                if (c && d)
                    d(std::move(r));
            }, Qt::QueuedConnection);
        }
    };
    auto once = std::make_shared<Once>();
    once->context = context;
    once->done = std::move(done);

    auto *timer = new QTimer;
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, timer, [once, timer, timeoutMs] {
        SecretResult result;
        result.outcome = SecretResult::Outcome::Failed;
        result.message = Tr::tr("The system keychain did not answer within %1 seconds.").arg(timeoutMs / 1000);
        once->deliver(std::move(result));
        timer->deleteLater();
    });
    QPointer<QTimer> guardTimer(timer);
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, job, [once, guardTimer, extract = std::move(extract)](QKeychain::Job *j) {
        SecretResult result = resultOf(*j);
        if (result.ok() && extract)
            extract(*j, result);
        once->deliver(std::move(result));
        if (guardTimer && guardTimer->isActive()) { // else the timeout fired and deletes it
            guardTimer->stop();
            guardTimer->deleteLater();
        }
    });
    timer->start(timeoutMs);
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service)), m_timeoutMs(timeoutMs)
{
}

void KeychainSecretStore::read(const QString &account, QObject *context, Callback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(account);
    run(job, m_timeoutMs, context, std::move(done), [](const QKeychain::Job &j, SecretResult &result) {
        result.secret = static_cast<const QKeychain::ReadPasswordJob &>(j).binaryData();
    });
}

void KeychainSecretStore::write(const QString &account, const QByteArray &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(account);
    job->setBinaryData(secret);
    run(job, m_timeoutMs, context, std::move(done));
}

void KeychainSecretStore::remove(const QString &account, QObject *context, Callback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(account);
    run(job, m_timeoutMs, context, std::move(done));
}

QString KeychainSecretStore::describe() const
{
    return Tr::tr("the system keychain");
}

} // namespace timonel
