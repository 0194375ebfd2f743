#include "kube/client/execapprovalstore.h"
#include "kube/client/execcredentialsource.h"
#include "kube/client/kubeconfig.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;
using timonel::test::dataPath;

class tst_Kubeconfig : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void explicitFileWins();
    void explicitFileMustExist();
    void kubeconfigListMerges();
    void currentContextFromFirstFileSettingIt();
    void homeConfigIsTheFallback();
    void noFilesGiveAnEmptyConfig();
    void malformedFileInListFailsNamingIt();
    void defaultFile_data();
    void defaultFile();
    void clusterFields();
    void userFields_data();
    void userFields();
    void contextErrors_data();
    void contextErrors();
    void execUserRunsRelativePluginWithClusterInfo();

private:
    // A writable copy of tests/data/kubeconfig with the plugins made executable.
    QString copyFixtures();
    KubeconfigLoadOptions options(const QString &kubeconfigEnv = {}) const
    {
        KubeconfigLoadOptions o;
        o.kubeconfigEnv = kubeconfigEnv;
        o.homeDir = m_home->path();
        o.execApprovals = std::make_shared<ExecApprovalStore>(m_home->filePath(u"approvals"_qs));
        return o;
    }
    QString fixture(const QString &relative) const { return QFileInfo(dataPath(u"kubeconfig/"_qs + relative)).absoluteFilePath(); }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QTemporaryDir> m_copy;
};

void tst_Kubeconfig::init()
{
    m_home = std::make_unique<QTemporaryDir>();
}

QString tst_Kubeconfig::copyFixtures()
{
    m_copy = std::make_unique<QTemporaryDir>();
    const QDir source(dataPath(u"kubeconfig"_qs));
    QDirIterator it(source.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString to = m_copy->filePath(source.relativeFilePath(from));
        QDir().mkpath(QFileInfo(to).absolutePath());
        QFile::copy(from, to);
        if (to.endsWith(u".sh"))
            QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    return m_copy->path();
}

void tst_Kubeconfig::explicitFileWins()
{
    QDir().mkpath(m_home->filePath(u".kube"_qs));
    QFile::copy(fixture(u"merge/a.yaml"_qs), m_home->filePath(u".kube/config"_qs));
    KubeconfigLoadOptions o = options(fixture(u"merge/a.yaml"_qs) + u':' + fixture(u"merge/b.yaml"_qs));
    o.explicitPath = fixture(u"merge/c.yaml"_qs);
    auto config = Kubeconfig::load(o);
    QVERIFY2(config.ok(), qPrintable(config.error().message()));
    QCOMPARE(config->files(), QStringList{fixture(u"merge/c.yaml"_qs)});
    QCOMPARE(config->contextNames(), QStringList{u"ctx-c"_qs});
    QCOMPARE(config->defaultFile(), fixture(u"merge/c.yaml"_qs));
}

void tst_Kubeconfig::explicitFileMustExist()
{
    KubeconfigLoadOptions o = options();
    o.explicitPath = m_home->filePath(u"nope"_qs);
    auto config = Kubeconfig::load(o);
    QVERIFY(!config.ok());
    QVERIFY(config.error().message().contains(o.explicitPath));
}

void tst_Kubeconfig::kubeconfigListMerges()
{
    // Empty entries and missing files are skipped.
    const QString list = fixture(u"merge/a.yaml"_qs) + u"::"_qs + m_home->filePath(u"missing"_qs) + u':' + fixture(u"merge/b.yaml"_qs)
        + u':' + fixture(u"merge/c.yaml"_qs) + u':';
    auto config = Kubeconfig::load(options(list));
    QVERIFY2(config.ok(), qPrintable(config.error().message()));
    QCOMPARE(config->files(), (QStringList{fixture(u"merge/a.yaml"_qs), fixture(u"merge/b.yaml"_qs), fixture(u"merge/c.yaml"_qs)}));
    QCOMPARE(config->currentContext(), u"ctx-a"_qs);
    QCOMPARE(config->contextNames(), (QStringList{u"ctx-a"_qs, u"shared-ctx"_qs, u"ctx-b"_qs, u"ctx-c"_qs}));
    // The first file defining a name wins, for clusters, users and contexts alike.
    QCOMPARE(config->cluster(u"shared"_qs)->server, u"https://a.example:6443"_qs);
    QCOMPARE(config->user(u"shared-user"_qs)->token, QByteArray("token-from-a"));
    QCOMPARE(config->context(u"shared-ctx"_qs)->cluster, u"only-a"_qs);
    QCOMPARE(config->fileForContext(u"ctx-b"_qs), fixture(u"merge/b.yaml"_qs));

    auto ctxA = config->restConfig();
    QVERIFY2(ctxA.ok(), qPrintable(ctxA.error().message()));
    QCOMPARE(ctxA->contextName, u"ctx-a"_qs);
    QCOMPARE(ctxA->namespace_, u"team-a"_qs);
    QCOMPARE(ctxA->server, QUrl(u"https://a.example:6443"_qs));
    QCOMPARE(ctxA->bearerToken, QByteArray("token-from-a"));
    auto shared = config->restConfig(u"shared-ctx"_qs);
    QVERIFY(shared.ok());
    QCOMPARE(shared->namespace_, u"default"_qs); // a's shared-ctx has none; b's "from-b" lost
    auto ctxB = config->restConfig(u"ctx-b"_qs);
    QVERIFY(ctxB.ok());
    QCOMPARE(ctxB->bearerToken, QByteArray("token-b"));
}

void tst_Kubeconfig::currentContextFromFirstFileSettingIt()
{
    auto config = Kubeconfig::load(options(fixture(u"merge/c.yaml"_qs) + u':' + fixture(u"merge/b.yaml"_qs) + u':' + fixture(u"merge/a.yaml"_qs)));
    QVERIFY(config.ok());
    QCOMPARE(config->currentContext(), u"ctx-b"_qs);
    QCOMPARE(config->currentContextFile(), fixture(u"merge/b.yaml"_qs));
    QCOMPARE(config->cluster(u"shared"_qs)->server, u"https://b.example:6443"_qs);
}

void tst_Kubeconfig::homeConfigIsTheFallback()
{
    QDir().mkpath(m_home->filePath(u".kube"_qs));
    QVERIFY(QFile::copy(fixture(u"merge/b.yaml"_qs), m_home->filePath(u".kube/config"_qs)));
    auto config = Kubeconfig::load(options());
    QVERIFY(config.ok());
    QCOMPARE(config->files(), QStringList{m_home->filePath(u".kube/config"_qs)});
    QCOMPARE(config->currentContext(), u"ctx-b"_qs);
}

void tst_Kubeconfig::noFilesGiveAnEmptyConfig()
{
    auto config = Kubeconfig::load(options());
    QVERIFY(config.ok());
    QVERIFY(config->files().isEmpty());
    QVERIFY(config->contexts().isEmpty());
    QCOMPARE(config->defaultFile(), m_home->filePath(u".kube/config"_qs));
    auto rest = config->restConfig();
    QVERIFY(!rest.ok());
    QVERIFY2(rest.error().message().contains(u"current-context is not set"), qPrintable(rest.error().message()));
}

void tst_Kubeconfig::malformedFileInListFailsNamingIt()
{
    const QString bad = fixture(u"malformed/bad-base64.yaml"_qs);
    auto config = Kubeconfig::load(options(fixture(u"merge/a.yaml"_qs) + u':' + bad));
    QVERIFY(!config.ok());
    QCOMPARE(config.error().message(), bad + u": users[1] \"alice\": client-key-data: illegal base64 data at input byte 4"_qs);
}

void tst_Kubeconfig::defaultFile_data()
{
    QTest::addColumn<QStringList>("entries"); // relative to the temporary home; "!" prefix: create it
    QTest::addColumn<QString>("expected");
    QTest::newRow("single-entry-even-if-missing") << QStringList{u"one"_qs} << u"one"_qs;
    QTest::newRow("first-existing") << QStringList{u"one"_qs, u"!two"_qs, u"!three"_qs} << u"two"_qs;
    QTest::newRow("last-when-none-exists") << QStringList{u"one"_qs, u"two"_qs} << u"two"_qs;
}

void tst_Kubeconfig::defaultFile()
{
    QFETCH(QStringList, entries);
    QFETCH(QString, expected);
    QStringList paths;
    for (QString e : entries) {
        const bool create = e.startsWith(u'!');
        if (create)
            e.remove(0, 1);
        paths << m_home->filePath(e);
        if (create)
            QFile::copy(fixture(u"merge/c.yaml"_qs), paths.last());
    }
    auto config = Kubeconfig::load(options(paths.join(u':')));
    QVERIFY(config.ok());
    QCOMPARE(config->defaultFile(), m_home->filePath(expected));
}

void tst_Kubeconfig::clusterFields()
{
    KubeconfigLoadOptions o = options();
    o.explicitPath = fixture(u"fields.yaml"_qs);
    auto config = Kubeconfig::load(o);
    QVERIFY2(config.ok(), qPrintable(config.error().message()));
    QCOMPARE(config->currentContext(), u"token"_qs);

    auto caFile = config->restConfig(u"token"_qs);
    QVERIFY2(caFile.ok(), qPrintable(caFile.error().message()));
    QCOMPARE(caFile->server, QUrl(u"https://ca-file.example:6443/prefix"_qs));
    QCOMPARE(caFile->namespace_, u"apps"_qs);
    QVERIFY(caFile->certificateAuthorityPem.contains("ZmFrZSBjYSBmb3IgdGVzdHM="));
    QCOMPARE(caFile->tlsServerName, u"api.internal"_qs);
    QCOMPARE(caFile->proxyUrl, QUrl(u"socks5://proxy.example:1080"_qs));
    QVERIFY(!caFile->insecureSkipTlsVerify);

    auto caData = config->restConfig(u"basic"_qs);
    QVERIFY(caData.ok());
    QVERIFY(caData->certificateAuthorityPem.contains("ZmFrZSBjYSBmb3IgdGVzdHM="));
    QVERIFY(caData->proxyUrl.isEmpty());

    auto insecure = config->restConfig(u"cert-files"_qs);
    QVERIFY2(insecure.ok(), qPrintable(insecure.error().message()));
    QVERIFY(insecure->insecureSkipTlsVerify);
    QCOMPARE(insecure->server, QUrl(u"https://insecure.example:8443"_qs)); // no scheme: https
    QVERIFY(insecure->certificateAuthorityPem.isEmpty());
}

void tst_Kubeconfig::userFields_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("source"); // CredentialSource::describe() prefix; empty: none
    QTest::addColumn<bool>("clientCertificate");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("impersonate");
    QTest::newRow("token") << u"token"_qs << QByteArray("static-token") << QString() << false << QString() << QString();
    QTest::newRow("token-file-source") << u"token-file"_qs << QByteArray() << u"token file "_qs << false << QString() << QString();
    QTest::newRow("client-cert-files") << u"cert-files"_qs << QByteArray() << QString() << true << QString() << QString();
    QTest::newRow("client-cert-data") << u"cert-data"_qs << QByteArray() << QString() << true << QString() << QString();
    QTest::newRow("basic-auth") << u"basic"_qs << QByteArray() << QString() << false << u"admin"_qs << QString();
    QTest::newRow("impersonation") << u"impersonating"_qs << QByteArray("static-token") << QString() << false << QString() << u"jane"_qs;
    QTest::newRow("exec-v1") << u"exec-v1"_qs << QByteArray() << u"exec plugin "_qs << false << QString() << QString();
    QTest::newRow("exec-v1beta1") << u"exec-v1beta1"_qs << QByteArray() << u"exec plugin exec-credential.sh"_qs << false << QString() << QString();
    QTest::newRow("anonymous") << u"anonymous"_qs << QByteArray() << QString() << false << QString() << QString();
}

void tst_Kubeconfig::userFields()
{
    QFETCH(QString, context);
    QFETCH(QByteArray, token);
    QFETCH(QString, source);
    QFETCH(bool, clientCertificate);
    QFETCH(QString, username);
    QFETCH(QString, impersonate);
    KubeconfigLoadOptions o = options();
    o.explicitPath = fixture(u"fields.yaml"_qs);
    auto config = Kubeconfig::load(o);
    QVERIFY(config.ok());
    auto rest = config->restConfig(context);
    QVERIFY2(rest.ok(), qPrintable(rest.error().message()));
    QCOMPARE(rest->bearerToken, token);
    QCOMPARE(bool(rest->credentialSource), !source.isEmpty());
    if (rest->credentialSource)
        QVERIFY2(rest->credentialSource->describe().startsWith(source), qPrintable(rest->credentialSource->describe()));
    QCOMPARE(!rest->clientCertificatePem.isEmpty() && !rest->clientKeyPem.isEmpty(), clientCertificate);
    if (clientCertificate)
        QVERIFY(rest->clientKeyPem.contains("PRIVATE KEY"));
    QCOMPARE(rest->username, username);
    QCOMPARE(rest->password.isEmpty(), username.isEmpty());
    QCOMPARE(rest->impersonateUser, impersonate);
    if (!impersonate.isEmpty())
        QCOMPARE(rest->impersonateGroups, (QStringList{u"developers"_qs, u"ops"_qs}));
    QVERIFY(!rest->redactedSummary().contains(u"static-token"));
    QVERIFY(!rest->redactedSummary().contains(u"s3cret"));
}

void tst_Kubeconfig::contextErrors_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown-context") << u"nope"_qs << u"context \"nope\" does not exist"_qs;
    QTest::newRow("missing-cluster") << u"missing-cluster"_qs << u"context \"missing-cluster\": cluster \"nowhere\" is not defined"_qs;
    QTest::newRow("missing-user") << u"missing-user"_qs << u"context \"missing-user\": user \"nobody\" is not defined"_qs;
    QTest::newRow("auth-provider-gcp") << u"gcp"_qs << u"gke-gcloud-auth-plugin"_qs;
    QTest::newRow("auth-provider-azure") << u"azure"_qs << u"kubelogin"_qs;
    // kubectl still ships the oidc provider: without its issuer it fails as client-go does.
    QTest::newRow("auth-provider-oidc-incomplete") << u"oidc"_qs << u"auth-provider oidc: Must provide idp-issuer-url"_qs;
}

void tst_Kubeconfig::contextErrors()
{
    QFETCH(QString, context);
    QFETCH(QString, message);
    KubeconfigLoadOptions o = options();
    o.explicitPath = fixture(u"fields.yaml"_qs);
    auto config = Kubeconfig::load(o);
    QVERIFY(config.ok());
    auto rest = config->restConfig(context);
    QVERIFY(!rest.ok());
    QVERIFY2(rest.error().message().contains(message), qPrintable(rest.error().message()));
}

void tst_Kubeconfig::execUserRunsRelativePluginWithClusterInfo()
{
    const QString dir = copyFixtures();
    KubeconfigLoadOptions o = options();
    o.explicitPath = dir + u"/fields.yaml"_qs;
    auto config = Kubeconfig::load(o);
    QVERIFY2(config.ok(), qPrintable(config.error().message()));
    // The plugin inherits the process environment as it is when the RestConfig is made.
    const QString infoFile = m_home->filePath(u"exec-info"_qs);
    qputenv("EXEC_INFO_FILE", QFile::encodeName(infoFile));
    auto rest = config->restConfig(u"exec-v1"_qs);
    qunsetenv("EXEC_INFO_FILE");
    QVERIFY2(rest.ok(), qPrintable(rest.error().message()));
    auto *exec = dynamic_cast<ExecCredentialSource *>(rest->credentialSource.get());
    QVERIFY(exec);
    // Every RestConfig of this user shares the plugin and its cached credential.
    const Kubeconfig copy = config.value();
    QCOMPARE(copy.restConfig(u"exec-v1"_qs).value().credentialSource, rest->credentialSource);

    auto refused = exec->credential(false);
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().is(reason::ExecPluginNotApproved));
    auto request = exec->approvalRequest();
    QVERIFY(request.ok());
    QCOMPARE(request->command, dir + u"/plugins/exec-credential.sh"_qs); // relative to the kubeconfig
    QCOMPARE(request->kubeconfig, dir + u"/fields.yaml"_qs);
    QVERIFY(o.execApprovals->approve(request.value()).isSuccess());

    auto credential = exec->credential(false);
    QVERIFY2(credential.ok(), qPrintable(credential.error().message()));
    QCOMPARE(credential->token, QByteArray("exec-token-0"));

    QFile info(infoFile);
    QVERIFY(info.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = info.readAll().split('\n');
    const QJsonObject execInfo = QJsonDocument::fromJson(lines.value(0)).object();
    QCOMPARE(execInfo.value(u"apiVersion").toString(), u"client.authentication.k8s.io/v1"_qs);
    QCOMPARE(execInfo.value(u"kind").toString(), u"ExecCredential"_qs);
    const QJsonObject spec = execInfo.value(u"spec").toObject();
    QCOMPARE(spec.value(u"interactive").toBool(true), false);
    const QJsonObject cluster = spec.value(u"cluster").toObject();
    QCOMPARE(cluster.value(u"server").toString(), u"https://ca-file.example:6443/prefix"_qs);
    QCOMPARE(cluster.value(u"tls-server-name").toString(), u"api.internal"_qs);
    QCOMPARE(cluster.value(u"proxy-url").toString(), u"socks5://proxy.example:1080"_qs);
    QVERIFY(QByteArray::fromBase64(cluster.value(u"certificate-authority-data").toString().toLatin1()).contains("BEGIN CERTIFICATE"));
    QCOMPARE(cluster.value(u"config").toObject().value(u"audience").toString(), u"timonel-tests"_qs);
    QCOMPARE(lines.value(1), QByteArray("dev")); // exec env merged onto the process env
}

QTEST_GUILESS_MAIN(tst_Kubeconfig)
#include "tst_kubeconfig.moc"
