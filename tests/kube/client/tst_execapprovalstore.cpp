#include "kube/client/execapprovalstore.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;

class tst_ExecApprovalStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nothingApprovedAtFirst();
    void approveAndRevoke();
    void keyIsFileCommandAndArgs_data();
    void keyIsFileCommandAndArgs();
    void persistsPrivately();
    void corruptFileApprovesNothing();
};

static const ExecApproval aws{u"/home/u/.kube/config"_qs, u"/usr/bin/aws"_qs, {u"eks"_qs, u"get-token"_qs}};

void tst_ExecApprovalStore::nothingApprovedAtFirst()
{
    QTemporaryDir dir;
    ExecApprovalStore store(dir.path());
    QVERIFY(!store.isApproved(aws));
    QVERIFY(store.approvals().isEmpty());
    QVERIFY(!QFile::exists(store.filePath()));
}

void tst_ExecApprovalStore::approveAndRevoke()
{
    QTemporaryDir dir;
    ExecApprovalStore store(dir.path());
    QVERIFY(store.approve(aws).isSuccess());
    QVERIFY(store.approve(aws).isSuccess()); // idempotent
    QVERIFY(store.isApproved(aws));
    QCOMPARE(store.approvals().size(), 1);
    QVERIFY(store.revoke(aws).isSuccess());
    QVERIFY(!store.isApproved(aws));
    QVERIFY(store.revoke(aws).isSuccess()); // nothing to revoke is fine
}

void tst_ExecApprovalStore::keyIsFileCommandAndArgs_data()
{
    QTest::addColumn<ExecApproval>("other");
    QTest::newRow("same") << aws;
    QTest::newRow("other-kubeconfig") << ExecApproval{u"/tmp/evil/config"_qs, aws.command, aws.args};
    QTest::newRow("other-command") << ExecApproval{aws.kubeconfig, u"/tmp/aws"_qs, aws.args};
    QTest::newRow("other-args") << ExecApproval{aws.kubeconfig, aws.command, {u"eks"_qs, u"get-token"_qs, u"--role"_qs, u"admin"_qs}};
    QTest::newRow("reordered-args") << ExecApproval{aws.kubeconfig, aws.command, {u"get-token"_qs, u"eks"_qs}};
}

void tst_ExecApprovalStore::keyIsFileCommandAndArgs()
{
    QFETCH(ExecApproval, other);
    QTemporaryDir dir;
    ExecApprovalStore store(dir.path());
    QVERIFY(store.approve(aws).isSuccess());
    QCOMPARE(store.isApproved(other), other == aws);
}

void tst_ExecApprovalStore::persistsPrivately()
{
    QTemporaryDir dir;
    {
        ExecApprovalStore store(dir.filePath(u"nested/config"_qs));
        QVERIFY(store.approve(aws).isSuccess());
    }
    ExecApprovalStore reopened(dir.filePath(u"nested/config"_qs));
    QVERIFY(reopened.isApproved(aws));
    QCOMPARE(QFileInfo(reopened.filePath()).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

void tst_ExecApprovalStore::corruptFileApprovesNothing()
{
    QTemporaryDir dir;
    ExecApprovalStore store(dir.path());
    QFile f(store.filePath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{not json");
    f.close();
    QVERIFY(!store.isApproved(aws));
    QVERIFY(store.approve(aws).isSuccess());
    QVERIFY(store.isApproved(aws));
}

QTEST_GUILESS_MAIN(tst_ExecApprovalStore)
#include "tst_execapprovalstore.moc"
