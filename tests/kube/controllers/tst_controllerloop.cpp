// The loop every controller shares: keys synced at most MaxInFlight at once, and syncs that
// complete at once (a lister says nothing is to do) do not nest processReady() one stack frame
// per key — 10,000 of them used to overflow the controllers' thread.
#include "kube/api/clock.h"
#include "kube/controllers/controller.h"

#include <QTest>

using namespace kube;

namespace {

class CountingController : public Controller
{
public:
    explicit CountingController(const ControllerContext &context) : Controller(u"counting"_qs, context) {}

    std::vector<Done> parked; // syncs left running (completed by the test)
    int parkFirst = 0;        // how many of the first syncs stay in flight
    int depth = 0;
    int deepest = 0;
    int synced = 0;

protected:
    void sync(const QString &, Done done) override
    {
        ++synced;
        if (int(parked.size()) < parkFirst) {
            parked.push_back(std::move(done));
            return;
        }
        ++depth;
        deepest = std::max(deepest, depth);
        done(Status());
        --depth;
    }
};

} // namespace

class TestControllerLoop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void immediateCompletionsDoNotNest()
    {
        ControllerContext context;
        context.clock = &Clock::system();
        CountingController controller(context);
        // 31 syncs stay in flight, so every immediate completion brings the count back to
        // the limit minus one — where done() asks for more.
        controller.parkFirst = 31;
        for (int i = 0; i < 10000; ++i)
            controller.enqueue(u"ns/pod-%1"_qs.arg(i));
        QTRY_COMPARE_WITH_TIMEOUT(controller.synced, 10000, 20000);
        QVERIFY2(controller.deepest <= 2, qPrintable(QString::number(controller.deepest)));
        // The parked ones finish later; nothing is lost or synced twice.
        for (Controller::Done &done : controller.parked)
            done(Status());
        QCOMPARE(controller.syncCount(), 10000);
        QCOMPARE(controller.errorCount(), 0);
    }
};

QTEST_MAIN(TestControllerLoop)
#include "tst_controllerloop.moc"
