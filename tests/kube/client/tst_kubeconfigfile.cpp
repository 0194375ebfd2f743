#include "kube/client/kubeconfigfile.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QTest>

using namespace kube;
using timonel::test::dataPath;

class tst_KubeconfigFile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void base64_data();
    void base64();
    void readsEveryField();
    void resolvesRelativePathsAgainstTheFile();
    void emptyFileIsEmptyConfig();
    void missingFileIsNotFound();
    void malformed_data();
    void malformed();
};

void tst_KubeconfigFile::base64_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("decoded");
    QTest::addColumn<QString>("error");
    QTest::newRow("padded-two") << QByteArray("Y2VydA==") << QByteArray("cert") << QString();
    QTest::newRow("padded-one") << QByteArray("a2V5cw==") << QByteArray("keys") << QString();
    QTest::newRow("no-padding-needed") << QByteArray("YWJj") << QByteArray("abc") << QString();
    QTest::newRow("line-breaks-skipped") << QByteArray("Y2Vy\ndA==\n") << QByteArray("cert") << QString();
    QTest::newRow("illegal-character") << QByteArray("abcd!efg") << QByteArray() << u"illegal base64 data at input byte 4"_qs;
    QTest::newRow("missing-padding") << QByteArray("Y2VydA") << QByteArray() << u"illegal base64 data at input byte 4"_qs;
    QTest::newRow("data-after-padding") << QByteArray("Y2VydA==YQ==") << QByteArray() << u"illegal base64 data at input byte 8"_qs;
    QTest::newRow("padding-too-early") << QByteArray("Y===") << QByteArray() << u"illegal base64 data at input byte 1"_qs;
}

void tst_KubeconfigFile::base64()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, decoded);
    QFETCH(QString, error);
    auto result = decodeKubeconfigBase64(input);
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result.value(), decoded);
    } else {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message(), error);
    }
}

void tst_KubeconfigFile::readsEveryField()
{
    auto file = KubeconfigFile::read(dataPath(u"kubeconfig/fields.yaml"_qs));
    QVERIFY2(file.ok(), qPrintable(file.error().message()));
    QCOMPARE(file->currentContext, u"token"_qs);
    QCOMPARE(file->clusters.size(), 3);
    QCOMPARE(file->users.size(), 11);
    QCOMPARE(file->contexts.size(), 14);

    const KubeconfigCluster &caFile = file->clusters.at(0);
    QCOMPARE(caFile.name, u"ca-file"_qs);
    QCOMPARE(caFile.origin, file->path);
    QCOMPARE(caFile.tlsServerName, u"api.internal"_qs);
    QCOMPARE(caFile.proxyUrl, u"socks5://proxy.example:1080"_qs);
    QCOMPARE(caFile.execExtension.toObject().value(u"audience").toString(), u"timonel-tests"_qs);
    QVERIFY(file->clusters.at(1).certificateAuthorityData.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(file->clusters.at(2).insecureSkipTlsVerify);

    const KubeconfigUser &impersonating = file->users.at(5);
    QCOMPARE(impersonating.impersonate, u"jane"_qs);
    QCOMPARE(impersonating.impersonateGroups, (QStringList{u"developers"_qs, u"ops"_qs}));
    const KubeconfigUser &execV1 = file->users.at(6);
    QVERIFY(execV1.exec.has_value());
    QCOMPARE(execV1.exec->apiVersion, QString::fromLatin1(ExecApiV1));
    QCOMPARE(execV1.exec->args, (QStringList{u"client.authentication.k8s.io/v1"_qs, u"exec-token"_qs}));
    QCOMPARE(execV1.exec->env, (QList<ExecEnvVar>{{u"PLUGIN_PROFILE"_qs, u"dev"_qs}}));
    QCOMPARE(execV1.exec->interactiveMode, ExecInteractiveMode::Never);
    QVERIFY(execV1.exec->provideClusterInfo);
    QCOMPARE(execV1.exec->installHint, u"install it with your package manager"_qs);
    const KubeconfigUser &execBeta = file->users.at(7);
    QCOMPARE(execBeta.exec->command, u"exec-credential.sh"_qs); // bare names are looked up in PATH later
    QCOMPARE(execBeta.exec->interactiveMode, ExecInteractiveMode::Unspecified);
    QCOMPARE(file->users.at(8).authProvider, u"gcp"_qs);
    QCOMPARE(file->contexts.at(0).namespace_, u"apps"_qs);
    QCOMPARE(file->contexts.at(11).user, QString());
}

void tst_KubeconfigFile::resolvesRelativePathsAgainstTheFile()
{
    auto file = KubeconfigFile::read(dataPath(u"kubeconfig/fields.yaml"_qs));
    QVERIFY2(file.ok(), qPrintable(file.error().message()));
    const QDir dir = QFileInfo(file->path).absoluteDir();
    QCOMPARE(file->clusters.at(0).certificateAuthority, dir.filePath(u"certs/ca.pem"_qs));
    QCOMPARE(file->users.at(1).tokenFile, dir.filePath(u"tokens/token"_qs));
    QCOMPARE(file->users.at(2).clientCertificate, dir.filePath(u"certs/client.crt"_qs));
    QCOMPARE(file->users.at(2).clientKey, dir.filePath(u"certs/client.key"_qs));
    QCOMPARE(file->users.at(6).exec->command, dir.filePath(u"plugins/exec-credential.sh"_qs));
}

void tst_KubeconfigFile::emptyFileIsEmptyConfig()
{
    auto file = KubeconfigFile::parse("# nothing yet\n", u"/tmp/empty"_qs);
    QVERIFY(file.ok());
    QVERIFY(file->contexts.isEmpty());
}

void tst_KubeconfigFile::missingFileIsNotFound()
{
    auto file = KubeconfigFile::read(u"/nonexistent/kubeconfig"_qs);
    QVERIFY(!file.ok());
    QVERIFY(file.error().is(reason::NotFound));
    QVERIFY(file.error().message().contains(u"/nonexistent/kubeconfig"));
}

void tst_KubeconfigFile::malformed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message"); // after "<absolute path>: "
    QTest::newRow("bad-base64-names-user-and-field") << u"bad-base64.yaml"_qs
                                                     << u"users[1] \"alice\": client-key-data: illegal base64 data at input byte 4"_qs;
    QTest::newRow("yaml-syntax") << u"bad-yaml.yaml"_qs << u"error converting YAML to JSON: yaml: line"_qs;
    QTest::newRow("duplicate-name") << u"duplicate-cluster.yaml"_qs << u"clusters[1] \"prod\": duplicate name (also clusters[0])"_qs;
    QTest::newRow("server-not-a-string") << u"server-not-string.yaml"_qs << u"clusters[0] \"prod\": server: must be a string"_qs;
    QTest::newRow("clusters-not-a-list") << u"clusters-not-list.yaml"_qs << u"clusters: must be a list"_qs;
    QTest::newRow("exec-interactive-mode") << u"exec-bad-mode.yaml"_qs
                                           << u"users[0] \"dev\": exec: interactiveMode: invalid value \"Sometimes\""_qs;
    QTest::newRow("exec-env-not-pairs") << u"exec-env-not-pairs.yaml"_qs << u"users[0] \"dev\": exec: env[0]: must be a mapping"_qs;
    QTest::newRow("document-not-a-mapping") << u"not-a-mapping.yaml"_qs << u"not a kubeconfig"_qs;
}

void tst_KubeconfigFile::malformed()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const QString path = QFileInfo(dataPath(u"kubeconfig/malformed/"_qs + file)).absoluteFilePath();
    auto parsed = KubeconfigFile::read(path);
    QVERIFY(!parsed.ok());
    const QString expected = path + u": "_qs + message;
    QVERIFY2(parsed.error().message().startsWith(expected), qPrintable(parsed.error().message()));
}

QTEST_GUILESS_MAIN(tst_KubeconfigFile)
#include "tst_kubeconfigfile.moc"
