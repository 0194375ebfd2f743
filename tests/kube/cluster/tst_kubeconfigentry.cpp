#include "kube/cluster/kubeconfigentry.h"
#include "kube/api/yaml.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kube;

class tst_KubeconfigEntry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsNewFilePrivate();
    void mergesKeepingOtherEntries();
    void replacesItsOwnEntryOnRestart();
    void waitsForAnotherWritersLock();
    void refusesMalformedFileAndKeepsIt();

private:
    static QJsonObject read(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        auto json = yamlToJson(f.readAll());
        return json.ok() ? QJsonDocument::fromJson(json.value()).object() : QJsonObject();
    }
    static QJsonObject named(const QJsonObject &config, const QString &list, const QString &name)
    {
        for (const QJsonValue &v : config.value(list).toArray()) {
            if (v.toObject().value(u"name").toString() == name)
                return v.toObject();
        }
        return {};
    }
    static KubeconfigEntry entry(const QString &server)
    {
        KubeconfigEntry e;
        e.server = server;
        e.token = "tok";
        e.certificateAuthority = "-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n";
        return e;
    }
};

void tst_KubeconfigEntry::createsNewFilePrivate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"sub/config"_qs);
    QVERIFY(writeKubeconfigEntry(path, entry(u"https://127.0.0.1:1234"_qs)).isSuccess());
    QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());
    const QJsonObject config = read(path);
    QCOMPARE(config.value(u"current-context").toString(), u"timonel"_qs);
    QCOMPARE(named(config, u"clusters"_qs, u"timonel"_qs).value(u"cluster").toObject().value(u"server").toString(), u"https://127.0.0.1:1234"_qs);
    QVERIFY(!named(config, u"clusters"_qs, u"timonel"_qs).value(u"cluster").toObject().value(u"certificate-authority-data").toString().isEmpty());
    QCOMPARE(named(config, u"users"_qs, u"timonel"_qs).value(u"user").toObject().value(u"token").toString(), u"tok"_qs);
    QVERIFY(!QFile::exists(path + u".lock"_qs));
}

void tst_KubeconfigEntry::mergesKeepingOtherEntries()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config"_qs);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("apiVersion: v1\nkind: Config\ncurrent-context: prod\n"
            "clusters:\n- name: prod\n  cluster:\n    server: https://prod.example:6443\n"
            "users:\n- name: admin\n  user:\n    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: aws\n"
            "contexts:\n- name: prod\n  context:\n    cluster: prod\n    user: admin\n    namespace: shop\n"
            "preferences: {colors: true}\n");
    f.close();
    QVERIFY(writeKubeconfigEntry(path, entry(u"https://127.0.0.1:1"_qs)).isSuccess());
    const QJsonObject config = read(path);
    QCOMPARE(config.value(u"current-context").toString(), u"timonel"_qs);
    QCOMPARE(named(config, u"clusters"_qs, u"prod"_qs).value(u"cluster").toObject().value(u"server").toString(), u"https://prod.example:6443"_qs);
    QCOMPARE(named(config, u"users"_qs, u"admin"_qs).value(u"user").toObject().value(u"exec").toObject().value(u"command").toString(), u"aws"_qs);
    QCOMPARE(named(config, u"contexts"_qs, u"prod"_qs).value(u"context").toObject().value(u"namespace").toString(), u"shop"_qs);
    QCOMPARE(config.value(u"preferences").toObject().value(u"colors").toBool(), true);
    QCOMPARE(config.value(u"clusters").toArray().size(), 2);
}

void tst_KubeconfigEntry::replacesItsOwnEntryOnRestart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config"_qs);
    QVERIFY(writeKubeconfigEntry(path, entry(u"https://127.0.0.1:1"_qs)).isSuccess());
    QVERIFY(writeKubeconfigEntry(path, entry(u"https://127.0.0.1:2"_qs)).isSuccess());
    const QJsonObject config = read(path);
    QCOMPARE(config.value(u"clusters").toArray().size(), 1);
    QCOMPARE(named(config, u"clusters"_qs, u"timonel"_qs).value(u"cluster").toObject().value(u"server").toString(), u"https://127.0.0.1:2"_qs);
}

void tst_KubeconfigEntry::waitsForAnotherWritersLock()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config"_qs);
    QFile lock(path + u".lock"_qs);
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.close();
    const Status s = writeKubeconfigEntry(path, entry(u"https://127.0.0.1:1"_qs), 100);
    QVERIFY(!s.isSuccess());
    QVERIFY(s.message().contains(u".lock"));
    QVERIFY(!QFile::exists(path)); // nothing written while another writer holds the lock
    QVERIFY(QFile::exists(path + u".lock"_qs)); // and its lock is not ours to remove
}

void tst_KubeconfigEntry::refusesMalformedFileAndKeepsIt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"config"_qs);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray broken = "clusters: [unclosed\n";
    f.write(broken);
    f.close();
    const Status s = writeKubeconfigEntry(path, entry(u"https://127.0.0.1:1"_qs));
    QVERIFY(!s.isSuccess());
    QVERIFY(s.message().contains(path));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), broken);
}

QTEST_GUILESS_MAIN(tst_KubeconfigEntry)
#include "tst_kubeconfigentry.moc"
