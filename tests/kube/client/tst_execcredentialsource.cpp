#include "kube/client/execcredentialsource.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;
using timonel::test::dataPath;

namespace {
class FakeClock final : public Clock
{
public:
    QDateTime now() const override { return m_now; }
    void advance(int seconds) { m_now = m_now.addSecs(seconds); }
    QDateTime m_now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
};
} // namespace

class tst_ExecCredentialSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void returnsToken_data();
    void returnsToken();
    void returnsClientCertificate();
    void cachesUntilExpiry();
    void cachesWithoutExpiryUntilForced();
    void failureCarriesCommandAndStderr();
    void longStderrIsBounded();
    void outputErrorsNeverQuoteStdout();
    void refusesUnapprovedCommand();
    void approvalIsKeyedByArguments();
    void revokedApprovalStopsRuns();
    void bareCommandResolvedThroughSearchPath();
    void missingCommandShowsInstallHint();
    void interactiveModes_data();
    void interactiveModes();
    void timesOut();

private:
    // An approved source running plugins/<script> with args.
    std::unique_ptr<ExecCredentialSource> source(const QString &script, const QStringList &args,
                                                 const QString &apiVersion = QString::fromLatin1(ExecApiV1), bool approve = true);
    int runsRecorded() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<ExecApprovalStore> m_approvals;
    FakeClock m_clock;
    QString m_plugins;
    QString m_countFile;
};

void tst_ExecCredentialSource::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_approvals = std::make_shared<ExecApprovalStore>(m_dir->filePath(u"config"_qs));
    m_clock = FakeClock();
    m_plugins = m_dir->filePath(u"plugins"_qs);
    m_countFile = m_dir->filePath(u"runs"_qs);
    QDir().mkpath(m_plugins);
    const QDir source(dataPath(u"kubeconfig/plugins"_qs));
    for (const QString &name : source.entryList(QDir::Files)) {
        QVERIFY(QFile::copy(source.filePath(name), m_plugins + u'/' + name));
        QFile::setPermissions(m_plugins + u'/' + name, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
}

std::unique_ptr<ExecCredentialSource> tst_ExecCredentialSource::source(const QString &script, const QStringList &args,
                                                                      const QString &apiVersion, bool approve)
{
    ExecCredentialSource::Options o;
    o.exec.apiVersion = apiVersion;
    o.exec.command = m_plugins + u'/' + script;
    o.exec.args = args;
    o.exec.interactiveMode = ExecInteractiveMode::Never;
    o.kubeconfigPath = m_dir->filePath(u"kubeconfig"_qs);
    o.userName = u"dev"_qs;
    o.approvals = m_approvals;
    o.clock = &m_clock;
    o.environment.insert(u"EXEC_COUNT_FILE"_qs, m_countFile);
    auto s = std::make_unique<ExecCredentialSource>(o);
    if (approve)
        m_approvals->approve(s->approvalRequest().value());
    return s;
}

int tst_ExecCredentialSource::runsRecorded() const
{
    QFile f(m_countFile);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return int(f.readAll().count('\n'));
}

void tst_ExecCredentialSource::returnsToken_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<QString>("expiry");
    QTest::addColumn<QDateTime>("expectedExpiry");
    const QDateTime at(QDate(2026, 3, 1), QTime(13, 0), Qt::UTC);
    QTest::newRow("v1-with-expiry") << QString::fromLatin1(ExecApiV1) << u"2026-03-01T13:00:00Z"_qs << at;
    QTest::newRow("v1beta1-with-expiry") << QString::fromLatin1(ExecApiV1beta1) << u"2026-03-01T13:00:00Z"_qs << at;
    QTest::newRow("v1-offset-and-fraction") << QString::fromLatin1(ExecApiV1) << u"2026-03-01T14:00:00.500+01:00"_qs << at.addMSecs(500);
    QTest::newRow("v1-no-expiry") << QString::fromLatin1(ExecApiV1) << QString() << QDateTime();
}

void tst_ExecCredentialSource::returnsToken()
{
    QFETCH(QString, apiVersion);
    QFETCH(QString, expiry);
    QFETCH(QDateTime, expectedExpiry);
    QStringList args{apiVersion, u"tok"_qs};
    if (!expiry.isEmpty())
        args << expiry;
    auto s = source(u"exec-credential.sh"_qs, args, apiVersion);
    auto c = s->credential(false);
    QVERIFY2(c.ok(), qPrintable(c.error().message()));
    QCOMPARE(c->token, QByteArray("tok-1"));
    QCOMPARE(c->expiry, expectedExpiry);
    QVERIFY(c->clientCertificatePem.isEmpty());
}

void tst_ExecCredentialSource::returnsClientCertificate()
{
    auto s = source(u"exec-cert.sh"_qs, {QString::fromLatin1(ExecApiV1beta1)}, QString::fromLatin1(ExecApiV1beta1));
    auto c = s->credential(false);
    QVERIFY2(c.ok(), qPrintable(c.error().message()));
    QVERIFY(c->token.isEmpty());
    QVERIFY(c->clientCertificatePem.startsWith("-----BEGIN CERTIFICATE-----\n"));
    QVERIFY(c->clientKeyPem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
}

void tst_ExecCredentialSource::cachesUntilExpiry()
{
    auto s = source(u"exec-credential.sh"_qs, {QString::fromLatin1(ExecApiV1), u"tok"_qs, u"2026-03-01T12:10:00Z"_qs});
    QCOMPARE(s->credential(false).value().token, QByteArray("tok-1"));
    m_clock.advance(9 * 60);
    QCOMPARE(s->credential(false).value().token, QByteArray("tok-1"));
    QCOMPARE(runsRecorded(), 1);
    m_clock.advance(60); // now == expiry: expired
    QCOMPARE(s->credential(false).value().token, QByteArray("tok-2"));
    QCOMPARE(runsRecorded(), 2);
    QCOMPARE(s->credential(true).value().token, QByteArray("tok-3")); // after a 401
    QCOMPARE(runsRecorded(), 3);
    QCOMPARE(s->runCount(), 3);
}

void tst_ExecCredentialSource::cachesWithoutExpiryUntilForced()
{
    auto s = source(u"exec-credential.sh"_qs, {QString::fromLatin1(ExecApiV1), u"tok"_qs});
    QCOMPARE(s->credential(false).value().token, QByteArray("tok-1"));
    m_clock.advance(365 * 24 * 3600);
    QCOMPARE(s->credential(false).value().token, QByteArray("tok-1"));
    QCOMPARE(s->credential(true).value().token, QByteArray("tok-2"));
    QCOMPARE(runsRecorded(), 2);
}

void tst_ExecCredentialSource::failureCarriesCommandAndStderr()
{
    auto s = source(u"exec-fail.sh"_qs, {});
    auto c = s->credential(false);
    QVERIFY(!c.ok());
    const QString m = c.error().message();
    QVERIFY2(m.contains(m_plugins + u"/exec-fail.sh"_qs), qPrintable(m));
    QVERIFY2(m.contains(u"exit code 3"), qPrintable(m));
    QVERIFY2(m.endsWith(u"progress: refreshing the session\nerror: the SSO session for profile dev has expired; run: cloud login"), qPrintable(m));
}

void tst_ExecCredentialSource::longStderrIsBounded()
{
    const QString script = m_plugins + u"/noisy.sh"_qs;
    QFile f(script);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\ni=0\nwhile [ $i -lt 500 ]; do echo \"line $i of a very chatty plugin\" >&2; i=$((i+1)); done\necho 'final reason' >&2\nexit 1\n");
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    auto s = source(u"noisy.sh"_qs, {});
    auto c = s->credential(false);
    QVERIFY(!c.ok());
    QVERIFY(c.error().message().endsWith(u"final reason"));
    QVERIFY2(c.error().message().size() < 1400, qPrintable(QString::number(c.error().message().size())));
}

void tst_ExecCredentialSource::outputErrorsNeverQuoteStdout()
{
    auto garbage = source(u"exec-secret-garbage.sh"_qs, {});
    auto c = garbage->credential(false);
    QVERIFY(!c.ok());
    QVERIFY2(c.error().message().contains(u"not an ExecCredential"), qPrintable(c.error().message()));
    QVERIFY(!c.error().message().contains(u"secret-token-value"));

    // The plugin answers v1beta1 while the kubeconfig asks for v1.
    auto mismatch = source(u"exec-credential.sh"_qs, {QString::fromLatin1(ExecApiV1beta1), u"secret"_qs});
    auto m = mismatch->credential(false);
    QVERIFY(!m.ok());
    QVERIFY2(m.error().message().contains(u"apiVersion \"client.authentication.k8s.io/v1beta1\""), qPrintable(m.error().message()));
    QVERIFY(!m.error().message().contains(u"secret-1"));
}

void tst_ExecCredentialSource::refusesUnapprovedCommand()
{
    auto s = source(u"exec-credential.sh"_qs, {QString::fromLatin1(ExecApiV1), u"tok"_qs}, QString::fromLatin1(ExecApiV1), false);
    auto c = s->credential(false);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().reason(), u"ExecPluginNotApproved"_qs);
    QVERIFY(c.error().message().contains(m_plugins + u"/exec-credential.sh"_qs));
    QCOMPARE(c.error().detailsName(), m_plugins + u"/exec-credential.sh"_qs);
    QCOMPARE(runsRecorded(), 0);

    QVERIFY(m_approvals->approve(s->approvalRequest().value()).isSuccess());
    auto approved = s->credential(false);
    QVERIFY2(approved.ok(), qPrintable(approved.error().message()));
    QCOMPARE(runsRecorded(), 1);
}

void tst_ExecCredentialSource::approvalIsKeyedByArguments()
{
    auto first = source(u"exec-credential.sh"_qs, {QString::fromLatin1(ExecApiV1), u"tok"_qs});
    QVERIFY(first->credential(false).ok());
    auto otherArgs = source(u"exec-credential.sh"_qs, {QString::fromLatin1(ExecApiV1), u"other"_qs}, QString::fromLatin1(ExecApiV1), false);
    QVERIFY(otherArgs->credential(false).error().is(reason::ExecPluginNotApproved));
}

void tst_ExecCredentialSource::revokedApprovalStopsRuns()
{
    auto s = source(u"exec-credential.sh"_qs, {QString::fromLatin1(ExecApiV1), u"tok"_qs});
    QVERIFY(s->credential(false).ok());
    QVERIFY(m_approvals->revoke(s->approvalRequest().value()).isSuccess());
    QVERIFY(s->credential(true).error().is(reason::ExecPluginNotApproved));
    QCOMPARE(runsRecorded(), 1);
}

void tst_ExecCredentialSource::bareCommandResolvedThroughSearchPath()
{
    ExecCredentialSource::Options o;
    o.exec.apiVersion = QString::fromLatin1(ExecApiV1beta1); // interactiveMode defaults to IfAvailable
    o.exec.command = u"exec-credential.sh"_qs;
    o.exec.args = QStringList{QString::fromLatin1(ExecApiV1beta1), u"path"_qs};
    o.kubeconfigPath = m_dir->filePath(u"kubeconfig"_qs);
    o.searchPath = m_dir->filePath(u"empty-dir"_qs) + u"::"_qs + m_plugins;
    o.approvals = m_approvals;
    o.clock = &m_clock;
    ExecCredentialSource s(o);
    auto refused = s.credential(false);
    QVERIFY(refused.error().is(reason::ExecPluginNotApproved));
    QVERIFY2(refused.error().message().contains(m_plugins + u"/exec-credential.sh"_qs), qPrintable(refused.error().message()));
    auto request = s.approvalRequest();
    QVERIFY(request.ok());
    QCOMPARE(request->command, m_plugins + u"/exec-credential.sh"_qs);
    QVERIFY(m_approvals->approve(request.value()).isSuccess());
    auto c = s.credential(false);
    QVERIFY2(c.ok(), qPrintable(c.error().message()));
    QCOMPARE(c->token, QByteArray("path-0"));
}

void tst_ExecCredentialSource::missingCommandShowsInstallHint()
{
    ExecCredentialSource::Options o;
    o.exec.apiVersion = QString::fromLatin1(ExecApiV1);
    o.exec.interactiveMode = ExecInteractiveMode::IfAvailable;
    o.exec.command = u"no-such-credential-plugin"_qs;
    o.exec.installHint = u"Install it with: brew install no-such-credential-plugin"_qs;
    o.searchPath = m_plugins;
    o.approvals = m_approvals;
    ExecCredentialSource s(o);
    auto c = s.credential(false);
    QVERIFY(!c.ok());
    QVERIFY(c.error().is(reason::NotFound));
    QVERIFY(c.error().message().contains(u"no-such-credential-plugin not found"));
    QVERIFY(c.error().message().contains(u"brew install no-such-credential-plugin"));
}

void tst_ExecCredentialSource::interactiveModes_data()
{
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<ExecInteractiveMode>("mode");
    QTest::addColumn<QString>("error"); // empty: runs
    const QString v1 = QString::fromLatin1(ExecApiV1);
    const QString beta = QString::fromLatin1(ExecApiV1beta1);
    QTest::newRow("never-runs") << v1 << ExecInteractiveMode::Never << QString();
    QTest::newRow("if-available-runs-non-interactively") << v1 << ExecInteractiveMode::IfAvailable << QString();
    QTest::newRow("always-needs-a-terminal") << v1 << ExecInteractiveMode::Always << u"needs a terminal"_qs;
    QTest::newRow("v1-must-choose") << v1 << ExecInteractiveMode::Unspecified << u"interactiveMode must be specified"_qs;
    QTest::newRow("v1beta1-defaults-to-if-available") << beta << ExecInteractiveMode::Unspecified << QString();
    QTest::newRow("unknown-api-version") << u"client.authentication.k8s.io/v1alpha1"_qs << ExecInteractiveMode::Never << u"invalid apiVersion"_qs;
}

void tst_ExecCredentialSource::interactiveModes()
{
    QFETCH(QString, apiVersion);
    QFETCH(ExecInteractiveMode, mode);
    QFETCH(QString, error);
    ExecCredentialSource::Options o;
    o.exec.apiVersion = apiVersion;
    o.exec.interactiveMode = mode;
    o.exec.command = m_plugins + u"/exec-credential.sh"_qs;
    o.exec.args = QStringList{apiVersion, u"tok"_qs};
    o.kubeconfigPath = m_dir->filePath(u"kubeconfig"_qs);
    o.approvals = m_approvals;
    o.clock = &m_clock;
    ExecCredentialSource s(o);
    QVERIFY(m_approvals->approve(s.approvalRequest().value()).isSuccess());
    auto c = s.credential(false);
    if (error.isEmpty()) {
        QVERIFY2(c.ok(), qPrintable(c.error().message()));
    } else {
        QVERIFY(!c.ok());
        QVERIFY2(c.error().message().contains(error), qPrintable(c.error().message()));
    }
}

void tst_ExecCredentialSource::timesOut()
{
    ExecCredentialSource::Options o;
    o.exec.apiVersion = QString::fromLatin1(ExecApiV1);
    o.exec.interactiveMode = ExecInteractiveMode::Never;
    o.exec.command = m_plugins + u"/exec-hang.sh"_qs;
    o.approvals = m_approvals;
    o.timeoutMs = 200;
    ExecCredentialSource s(o);
    QVERIFY(m_approvals->approve(s.approvalRequest().value()).isSuccess());
    auto c = s.credential(false);
    QVERIFY(!c.ok());
    QVERIFY2(c.error().message().contains(u"no answer within 0.2 s"), qPrintable(c.error().message()));
}

QTEST_GUILESS_MAIN(tst_ExecCredentialSource)
#include "tst_execcredentialsource.moc"
