#include "kube/client/kubeconfigwriter.h"
#include "kube/api/yaml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace kube;

namespace {

// Values that a careless round trip would change: quoted numbers and booleans, a multi-line
// string, non-ASCII text, unknown fields, extensions and long base64 data.
const QByteArray Existing = R"(apiVersion: v1
kind: Config
current-context: prod
preferences:
  colors: true
clusters:
- name: prod
  cluster:
    server: https://prod.example:6443
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJkekNDQVIyZ0F3SUJBZ0lCQURBS0JnZ3Foa2pPUFFRREFqQWpNU0V3SHdZRFZRUUREQmhyTTNNdGMyVnkKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=
    extensions:
    - name: client.authentication.k8s.io/exec
      extension:
        audience: "0123"
        nested: {enabled: "yes", list: [1, 2.5, "3"]}
    future-field: kept
users:
- name: admin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: aws
      args: ["eks", "get-token", "--cluster-name", "prod"]
      env:
      - name: AWS_PROFILE
        value: "true"
      interactiveMode: Never
    note: |
      first line
      ünïcödé line
contexts:
- name: prod
  context:
    cluster: prod
    user: admin
    namespace: shop
- name: staging
  context:
    cluster: prod
    user: admin
)";

QJsonObject parse(const QByteArray &yaml)
{
    auto json = yamlToJson(yaml);
    return json.ok() ? QJsonDocument::fromJson(json.value()).object() : QJsonObject();
}

QJsonObject readConfig(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return parse(f.readAll());
}

QJsonObject named(const QJsonObject &config, const QString &list, const QString &name)
{
    for (const QJsonValue &v : config.value(list).toArray()) {
        if (v.toObject().value(u"name").toString() == name)
            return v.toObject();
    }
    return {};
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

ino_t inode(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

bool privateMode(const QString &path)
{
    return (QFileInfo(path).permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)) == QFile::Permissions();
}

} // namespace

class tst_KubeconfigWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void createsNewFile();
    void setCurrentContextKeepsEverythingElse();
    void setContextNamespace_data();
    void setContextNamespace();
    void setNamespaceOfUnknownContextChangesNothing();
    void upsertAddsAndReplaces();
    void writesAtomicallyAndPrivately();
    void heldLockIsAClearError();
    void malformedFileIsRefusedAndKept();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_KubeconfigWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"config"_qs);
}

void tst_KubeconfigWriter::createsNewFile()
{
    const QString path = m_dir->filePath(u"new/dir/config"_qs);
    KubeconfigWriter writer(path);
    QVERIFY(writer.setCurrentContext(u"dev"_qs).isSuccess());
    const QJsonObject config = readConfig(path);
    QCOMPARE(config.value(u"apiVersion").toString(), u"v1"_qs);
    QCOMPARE(config.value(u"kind").toString(), u"Config"_qs);
    QCOMPARE(config.value(u"current-context").toString(), u"dev"_qs);
    QVERIFY(privateMode(path));
    QVERIFY(!QFile::exists(path + u".lock"_qs));
}

void tst_KubeconfigWriter::setCurrentContextKeepsEverythingElse()
{
    writeBytes(m_path, Existing);
    QVERIFY(KubeconfigWriter(m_path).setCurrentContext(u"staging"_qs).isSuccess());
    QJsonObject before = parse(Existing);
    QJsonObject after = readConfig(m_path);
    QCOMPARE(after.value(u"current-context").toString(), u"staging"_qs);
    before.remove(u"current-context"_qs);
    after.remove(u"current-context"_qs);
    QCOMPARE(after, before); // every other value survives exactly
    const QJsonObject extension = named(after, u"clusters"_qs, u"prod"_qs).value(u"cluster").toObject()
        .value(u"extensions").toArray().at(0).toObject().value(u"extension").toObject();
    QCOMPARE(extension.value(u"audience"), QJsonValue(u"0123"_qs));
    QCOMPARE(extension.value(u"nested").toObject().value(u"enabled"), QJsonValue(u"yes"_qs));
    QCOMPARE(named(after, u"users"_qs, u"admin"_qs).value(u"user").toObject().value(u"note").toString(),
             u"first line\nünïcödé line\n"_qs);
}

void tst_KubeconfigWriter::setContextNamespace_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("namespace_");
    QTest::newRow("change") << u"prod"_qs << u"billing"_qs;
    QTest::newRow("add") << u"staging"_qs << u"qa"_qs;
    QTest::newRow("remove") << u"prod"_qs << QString();
}

void tst_KubeconfigWriter::setContextNamespace()
{
    QFETCH(QString, context);
    QFETCH(QString, namespace_);
    writeBytes(m_path, Existing);
    QVERIFY(KubeconfigWriter(m_path).setContextNamespace(context, namespace_).isSuccess());
    QJsonObject before = parse(Existing);
    QJsonObject after = readConfig(m_path);
    const QJsonObject changed = named(after, u"contexts"_qs, context).value(u"context").toObject();
    QCOMPARE(changed.value(u"namespace").toString(), namespace_);
    QCOMPARE(changed.contains(u"namespace"), !namespace_.isEmpty());
    QCOMPARE(changed.value(u"cluster").toString(), u"prod"_qs);
    // Everything but the contexts list is untouched, and so is the other context.
    const QString other = context == u"prod" ? u"staging"_qs : u"prod"_qs;
    QCOMPARE(named(after, u"contexts"_qs, other), named(before, u"contexts"_qs, other));
    before.remove(u"contexts"_qs);
    after.remove(u"contexts"_qs);
    QCOMPARE(after, before);
}

void tst_KubeconfigWriter::setNamespaceOfUnknownContextChangesNothing()
{
    writeBytes(m_path, Existing);
    const Status s = KubeconfigWriter(m_path).setContextNamespace(u"nope"_qs, u"x"_qs);
    QVERIFY(s.is(reason::NotFound));
    QVERIFY(s.message().contains(u"\"nope\""));
    QCOMPARE(readBytes(m_path), Existing);
    QVERIFY(!QFile::exists(m_path + u".lock"_qs));
}

void tst_KubeconfigWriter::upsertAddsAndReplaces()
{
    writeBytes(m_path, Existing);
    KubeconfigContextEntry entry;
    entry.contextName = u"timonel"_qs;
    entry.cluster = QJsonObject{{u"server"_qs, u"https://127.0.0.1:6443"_qs}};
    entry.user = QJsonObject{{u"token"_qs, u"t1"_qs}};
    entry.namespace_ = u"default"_qs;
    KubeconfigWriter writer(m_path);
    QVERIFY(writer.upsertContext(entry).isSuccess());
    QJsonObject config = readConfig(m_path);
    QCOMPARE(config.value(u"current-context").toString(), u"prod"_qs); // MakeCurrent::No
    QCOMPARE(config.value(u"clusters").toArray().size(), 2);

    entry.cluster = QJsonObject{{u"server"_qs, u"https://127.0.0.1:7443"_qs}};
    entry.makeCurrent = MakeCurrent::Yes;
    QVERIFY(writer.upsertContext(entry).isSuccess());
    config = readConfig(m_path);
    QCOMPARE(config.value(u"current-context").toString(), u"timonel"_qs);
    QCOMPARE(config.value(u"clusters").toArray().size(), 2);
    QCOMPARE(named(config, u"clusters"_qs, u"timonel"_qs).value(u"cluster").toObject().value(u"server").toString(), u"https://127.0.0.1:7443"_qs);
    QCOMPARE(named(config, u"contexts"_qs, u"timonel"_qs).value(u"context").toObject(),
             (QJsonObject{{u"cluster"_qs, u"timonel"_qs}, {u"user"_qs, u"timonel"_qs}, {u"namespace"_qs, u"default"_qs}}));
    const QJsonObject before = parse(Existing);
    QCOMPARE(named(config, u"users"_qs, u"admin"_qs), named(before, u"users"_qs, u"admin"_qs));
    QCOMPARE(named(config, u"clusters"_qs, u"prod"_qs), named(before, u"clusters"_qs, u"prod"_qs));
    QCOMPARE(config.value(u"preferences"), before.value(u"preferences"));
}

void tst_KubeconfigWriter::writesAtomicallyAndPrivately()
{
    writeBytes(m_path, Existing);
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    const ino_t original = inode(m_path);
    QVERIFY(original != 0);
    QVERIFY(KubeconfigWriter(m_path).setCurrentContext(u"staging"_qs).isSuccess());
    QVERIFY(inode(m_path) != original); // a new file renamed over the old one, never rewritten in place
    QVERIFY(privateMode(m_path));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"config"_qs}); // no temp or lock left
}

void tst_KubeconfigWriter::heldLockIsAClearError()
{
    writeBytes(m_path, Existing);
    writeBytes(m_path + u".lock"_qs, {});
    KubeconfigWriter writer(m_path);
    const Status s = writer.setCurrentContext(u"staging"_qs);
    QVERIFY(s.is(reason::Conflict));
    QVERIFY2(s.message().contains(m_path + u".lock"_qs), qPrintable(s.message()));
    QCOMPARE(readBytes(m_path), Existing);
    QVERIFY(QFile::exists(m_path + u".lock"_qs)); // not ours to remove

    QFile::remove(m_path + u".lock"_qs);
    QVERIFY(writer.setCurrentContext(u"staging"_qs).isSuccess());
}

void tst_KubeconfigWriter::malformedFileIsRefusedAndKept()
{
    const QByteArray broken = "clusters: [unclosed\n";
    writeBytes(m_path, broken);
    const Status s = KubeconfigWriter(m_path).setCurrentContext(u"x"_qs);
    QVERIFY(!s.isSuccess());
    QVERIFY(s.message().contains(m_path));
    QCOMPARE(readBytes(m_path), broken);

    const QByteArray wrongShape = "clusters: {prod: {}}\n";
    writeBytes(m_path, wrongShape);
    QVERIFY(!KubeconfigWriter(m_path).setCurrentContext(u"x"_qs).isSuccess());
    QCOMPARE(readBytes(m_path), wrongShape);
}

QTEST_GUILESS_MAIN(tst_KubeconfigWriter)
#include "tst_kubeconfigwriter.moc"
