// Bad input against a real embedded cluster (TLS, token, store on a temporary directory): each
// malformed or refused request gets its Status with upstream's code and reason, the server
// keeps answering other connections, and nothing stored changes.
#include "kube/cluster/embeddedcluster.h"
#include "kube/api/status.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace kube;

namespace {

struct Reply {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QList<QByteArray> header(QByteArrayView name) const
    {
        QList<QByteArray> out;
        for (const auto &[k, v] : headers) {
            if (k.compare(name, Qt::CaseInsensitive) == 0)
                out << v;
        }
        return out;
    }
};

// A blocking HTTPS/1.1 client on its own connection, so every header byte is the test's. The
// cluster serves from another thread, so blocking here is safe.
Reply send(quint16 port, const QByteArray &method, const QByteArray &target, const QList<QByteArray> &headers,
           const QByteArray &body = {})
{
    Reply r;
    QSslSocket socket;
    socket.setPeerVerifyMode(QSslSocket::VerifyNone); // the cluster's own CA; not under test here
    socket.connectToHostEncrypted(u"127.0.0.1"_qs, port);
    if (!socket.waitForEncrypted(10000))
        return r;
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    for (const QByteArray &h : headers)
        out += h + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket.write(out);
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    qsizetype headerEnd = -1;
    qsizetype length = -1;
    while (timer.elapsed() < 30000) {
        if (socket.bytesToWrite() > 0)
            socket.waitForBytesWritten(100);
        else
            socket.waitForReadyRead(100);
        buffer += socket.readAll();
        if (headerEnd < 0 && (headerEnd = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            r.status = lines.value(0).split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
            }
            length = r.header("Content-Length").value(0, "0").toLongLong();
        }
        if (headerEnd >= 0 && buffer.size() >= headerEnd + 4 + length) {
            r.body = buffer.mid(headerEnd + 4, length);
            return r;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
    }
    return r;
}

QByteArray nested(int depth)
{
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"deep\"},\"data\":" + QByteArray(depth, '[')
         + QByteArray(depth, ']') + "}";
}

QByteArray yamlBomb()
{
    QByteArray y = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\nx:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
        const char prev = char(c - 1);
        y += QByteArray("  ") + c + ": &" + c + " [";
        for (int i = 0; i < 9; ++i)
            y += QByteArray(i ? "," : "") + '*' + prev;
        y += "]\n";
    }
    return y;
}

const QByteArray kConfigMaps = "/api/v1/namespaces/default/configmaps";

} // namespace

class tst_ApiBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void refused_data();
    void refused();
    void unknownFieldWarns();
    void unknownFieldIgnored();
    void duplicateFieldStrict();
    void duplicateFieldWarns();
    void yamlDuplicateKeys_data();
    void yamlDuplicateKeys();

private:
    QList<QByteArray> headers(const QByteArray &contentType = "application/json") const;
    QString listRevision() const;
    Reply request(const QByteArray &method, const QByteArray &target, const QByteArray &body, const QByteArray &contentType = "application/json") const
    {
        return send(m_port, method, target, headers(contentType), body);
    }

    QTemporaryDir m_dir;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread
    EmbeddedCluster *m_cluster = nullptr;
    QByteArray m_token = "bad-input-test-token";
    quint16 m_port = 0;
};

QList<QByteArray> tst_ApiBadInput::headers(const QByteArray &contentType) const
{
    QList<QByteArray> h{"Host: 127.0.0.1", "Authorization: Bearer " + m_token, "Accept: application/json"};
    if (!contentType.isEmpty())
        h << "Content-Type: " + contentType;
    return h;
}

// The store's revision as a list reports it.
QString tst_ApiBadInput::listRevision() const
{
    const Reply r = send(m_port, "GET", kConfigMaps, headers({}));
    if (r.status != 200)
        return u"<GET answered %1>"_qs.arg(r.status);
    return r.json().value(u"metadata").toObject().value(u"resourceVersion").toString();
}

void tst_ApiBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_thread.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    Status started;
    QMetaObject::invokeMethod(m_context, [&] {
        ClusterOptions options;
        options.controllers = false; // the API alone: nothing else writes
        options.dataDir = m_dir.path();
        options.token = m_token;
        m_cluster = new EmbeddedCluster(options);
        started = m_cluster->start();
    }, Qt::BlockingQueuedConnection);
    QVERIFY2(started.isSuccess(), qPrintable(started.message()));
    m_port = m_cluster->port();

    const Reply created = request("POST", kConfigMaps,
                                  R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"existing"},"data":{"a":"1"}})");
    QCOMPARE(created.status, 201);
    const Reply updated = request("PUT", kConfigMaps + "/existing",
                                  R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"existing"},"data":{"a":"2"}})");
    QCOMPARE(updated.status, 200);
    const Reply deployment = request("POST", "/apis/apps/v1/namespaces/default/deployments", R"({"apiVersion":"apps/v1","kind":"Deployment",
        "metadata":{"name":"web"},"spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
        "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}})");
    QCOMPARE(deployment.status, 201);
}

void tst_ApiBadInput::cleanupTestCase()
{
    if (m_context) {
        QMetaObject::invokeMethod(m_context, [&] { delete m_cluster; m_cluster = nullptr; }, Qt::BlockingQueuedConnection);
        delete m_context; // no events pending for it
    }
    m_thread.quit();
    m_thread.wait();
}

void tst_ApiBadInput::refused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QList<QByteArray>>("extraHeaders"); // replace the defaults when non-empty
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("causeField"); // one cause on this field, when not empty
    QTest::addColumn<QString>("message");    // a part of the message, when not empty

    const QByteArray cm = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"fresh"},"data":{"a":"1"}})";
    const QByteArray deployments = "/apis/apps/v1/namespaces/default/deployments";
    const QList<QByteArray> none;
    const QByteArray json = "application/json";

    QTest::newRow("malformed JSON") << QByteArray("POST") << kConfigMaps << none << json << QByteArray("{\"apiVersion\":\"v1\",")
                                    << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("JSON not an object") << QByteArray("POST") << kConfigMaps << none << json << QByteArray("[1,2]")
                                        << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("empty body") << QByteArray("POST") << kConfigMaps << none << json << QByteArray()
                                << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("malformed YAML") << QByteArray("POST") << kConfigMaps << none << QByteArray("application/yaml")
                                    << QByteArray("apiVersion: v1\nkind: [ConfigMap\n") << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("truncated protobuf") << QByteArray("POST") << kConfigMaps << none << QByteArray("application/vnd.kubernetes.protobuf")
                                        << QByteArray("k8s\0\x0a\x0c\x0a\x02v1\x12", 9) << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("protobuf without envelope") << QByteArray("POST") << kConfigMaps << none << QByteArray("application/vnd.kubernetes.protobuf")
                                               << QByteArray("\x0a\x05hello") << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("wrong Content-Type") << QByteArray("POST") << kConfigMaps << none << QByteArray("text/plain") << cm
                                        << 415 << u"UnsupportedMediaType"_qs << QString() << QString();
    QTest::newRow("invalid name") << QByteArray("POST") << kConfigMaps << none << json
                                  << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}})")
                                  << 422 << u"Invalid"_qs << u"metadata.name"_qs << u"ConfigMap \"Bad_Name\" is invalid"_qs;
    QTest::newRow("invalid label") << QByteArray("POST") << kConfigMaps << none << json
                                   << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ok","labels":{"a":"b c"}}})")
                                   << 422 << u"Invalid"_qs << u"metadata.labels"_qs << QString();
    QTest::newRow("invalid field type") << QByteArray("POST") << kConfigMaps << none << json
                                        << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ok"},"data":{"a":1}})")
                                        << 400 << u"BadRequest"_qs << QString()
                                        << u"ConfigMap in version \"v1\" cannot be handled as a ConfigMap: json: cannot unmarshal number"_qs;
    QTest::newRow("replicas as string") << QByteArray("POST") << deployments << none << json
                                        << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":"x"}})")
                                        << 400 << u"BadRequest"_qs << QString() << u"spec.replicas of type int32"_qs;
    QTest::newRow("negative replicas") << QByteArray("POST") << deployments << none << json
                                       << QByteArray(R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicas":-1,
                                          "selector":{"matchLabels":{"app":"d"}},"template":{"metadata":{"labels":{"app":"d"}},
                                          "spec":{"containers":[{"name":"c","image":"nginx"}]}}}})")
                                       << 422 << u"Invalid"_qs << u"spec.replicas"_qs << u"Invalid value: -1: must be greater than or equal to 0"_qs;
    QTest::newRow("unknown field, Strict") << QByteArray("POST") << kConfigMaps + "?fieldValidation=Strict" << none << json
                                           << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ok"},"spec":{"foo":1}})")
                                           << 400 << u"BadRequest"_qs << QString() << u"strict decoding error: unknown field \"spec\""_qs;
    QTest::newRow("bad fieldValidation") << QByteArray("POST") << kConfigMaps + "?fieldValidation=Loud" << none << json << cm
                                         << 422 << u"Invalid"_qs << u"fieldValidation"_qs << QString();
    QTest::newRow("stale resourceVersion") << QByteArray("PUT") << kConfigMaps + "/existing" << none << json
                                           << QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"existing","resourceVersion":"2"},"data":{"a":"3"}})")
                                           << 409 << u"Conflict"_qs << QString() << u"the object has been modified"_qs;
    QTest::newRow("immutable selector") << QByteArray("PATCH") << deployments + "/web" << none << QByteArray("application/merge-patch+json")
                                        << QByteArray(R"({"spec":{"selector":{"matchLabels":{"app":"other"}},"template":{"metadata":{"labels":{"app":"other"}}}}})")
                                        << 422 << u"Invalid"_qs << u"spec.selector"_qs << u"field is immutable"_qs;
    QTest::newRow("patch unknown field, Strict") << QByteArray("PATCH") << deployments + "/web?fieldValidation=Strict" << none
                                                 << QByteArray("application/merge-patch+json") << QByteArray(R"({"spec":{"foo":1}})")
                                                 << 400 << u"BadRequest"_qs << QString() << u"unknown field \"spec.foo\""_qs;
    QTest::newRow("unknown resource") << QByteArray("GET") << QByteArray("/api/v1/namespaces/default/widgets") << none << QByteArray()
                                      << QByteArray() << 404 << u"NotFound"_qs << QString() << QString();
    QTest::newRow("unknown group") << QByteArray("GET") << QByteArray("/apis/nope.example.com/v1/widgets") << none << QByteArray()
                                   << QByteArray() << 404 << u"NotFound"_qs << QString() << QString();
    QTest::newRow("unknown path") << QByteArray("GET") << QByteArray("/no/such/path") << none << QByteArray() << QByteArray()
                                  << 404 << u"NotFound"_qs << QString() << QString();
    QTest::newRow("method not allowed") << QByteArray("POST") << kConfigMaps + "/existing" << none << json << cm
                                        << 405 << u"MethodNotAllowed"_qs << QString() << QString();
    QTest::newRow("deep JSON") << QByteArray("POST") << kConfigMaps << none << json << nested(10000)
                               << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("deep JSON below parser limits") << QByteArray("POST") << kConfigMaps << none << json << nested(500)
                                                   << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("deep YAML") << QByteArray("POST") << kConfigMaps << none << QByteArray("application/yaml")
                               << QByteArray("apiVersion: v1\nkind: ConfigMap\ndata: " + QByteArray(5000, '[') + QByteArray(5000, ']') + "\n")
                               << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("self-referential YAML alias") << QByteArray("POST") << kConfigMaps << none << QByteArray("application/yaml")
                                                 << QByteArray("apiVersion: v1\nkind: ConfigMap\ndata: &a [*a]\n")
                                                 << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("YAML alias bomb") << QByteArray("POST") << kConfigMaps << none << QByteArray("application/yaml") << yamlBomb()
                                     << 400 << u"BadRequest"_qs << QString() << QString();
    QTest::newRow("body over 3 MiB") << QByteArray("POST") << kConfigMaps << none << json
                                     << QByteArray("{\"data\":{\"a\":\"" + QByteArray(3 * 1024 * 1024 + 16, 'x') + "\"}}")
                                     << 413 << u"RequestEntityTooLarge"_qs << QString() << QString();
    QTest::newRow("missing token") << QByteArray("POST") << kConfigMaps << QList<QByteArray>{"Host: 127.0.0.1", "Content-Type: application/json"}
                                   << json << cm << 401 << u"Unauthorized"_qs << QString() << QString();
    QTest::newRow("wrong token") << QByteArray("POST") << kConfigMaps
                                 << QList<QByteArray>{"Host: 127.0.0.1", "Authorization: Bearer nope", "Content-Type: application/json"}
                                 << json << cm << 401 << u"Unauthorized"_qs << QString() << QString();
    QTest::newRow("foreign Host") << QByteArray("POST") << kConfigMaps
                                  << QList<QByteArray>{"Host: evil.example", "Authorization: Bearer " + m_token, "Content-Type: application/json"}
                                  << json << cm << 403 << u"Forbidden"_qs << QString() << QString();
    QTest::newRow("web page Origin") << QByteArray("POST") << kConfigMaps
                                     << QList<QByteArray>{"Host: 127.0.0.1", "Origin: https://evil.example", "Authorization: Bearer " + m_token,
                                                          "Content-Type: application/json"}
                                     << json << cm << 403 << u"Forbidden"_qs << QString() << QString();
}

void tst_ApiBadInput::refused()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QList<QByteArray>, extraHeaders);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, code);
    QFETCH(QString, reason);
    QFETCH(QString, causeField);
    QFETCH(QString, message);

    const QString before = listRevision();
    const Reply r = send(m_port, method, target, extraHeaders.isEmpty() ? headers(contentType) : extraHeaders, body);
    const QJsonObject status = r.json();
    QVERIFY2(r.status == code, qPrintable(u"HTTP %1: %2"_qs.arg(r.status).arg(QString::fromUtf8(r.body.left(600)))));
    QCOMPARE(status.value(u"kind").toString(), u"Status"_qs);
    QCOMPARE(status.value(u"code").toInt(), code);
    QCOMPARE(status.value(u"reason").toString(), reason);
    QCOMPARE(status.value(u"status").toString(), u"Failure"_qs);
    if (!message.isEmpty())
        QVERIFY2(status.value(u"message").toString().contains(message), qPrintable(status.value(u"message").toString()));
    if (!causeField.isEmpty()) {
        const QJsonArray causes = status.value(u"details").toObject().value(u"causes").toArray();
        QVERIFY2(!causes.isEmpty(), r.body.constData());
        for (const QJsonValue &c : causes)
            QVERIFY2(c.toObject().value(u"field").toString().startsWith(causeField), r.body.constData());
    }
    // The server still answers another connection, and nothing was written.
    QCOMPARE(listRevision(), before);
    QCOMPARE(send(m_port, "GET", "/readyz", headers({})).status, 200);
}

void tst_ApiBadInput::unknownFieldWarns()
{
    const Reply r = request("POST", kConfigMaps, R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"warned"},
        "data":{"a":"1"},"spec":{"foo":1},"bogus":true})");
    QCOMPARE(r.status, 201);
    const QList<QByteArray> warnings = r.header("Warning");
    QCOMPARE(warnings.size(), 2);
    const QByteArray specWarning = "299 - \"unknown field \\\"spec\\\"\"";
    const QByteArray bogusWarning = "299 - \"unknown field \\\"bogus\\\"\"";
    QVERIFY2(warnings.contains(specWarning), warnings.join('\n').constData());
    QVERIFY2(warnings.contains(bogusWarning), warnings.join('\n').constData());
    // Dropped from what is stored.
    const QJsonObject stored = send(m_port, "GET", kConfigMaps + "/warned", headers({})).json();
    QVERIFY(!stored.contains(u"spec"));
    QVERIFY(!stored.contains(u"bogus"));
    QCOMPARE(stored.value(u"data").toObject().value(u"a").toString(), u"1"_qs);
}

void tst_ApiBadInput::unknownFieldIgnored()
{
    const Reply r = request("POST", kConfigMaps + "?fieldValidation=Ignore",
                            R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ignored"},"bogus":true})");
    QCOMPARE(r.status, 201);
    QVERIFY(r.header("Warning").isEmpty());
    QVERIFY(!r.json().contains(u"bogus"));
}

void tst_ApiBadInput::duplicateFieldStrict()
{
    const QString before = listRevision();
    const Reply r = request("POST", kConfigMaps + "?fieldValidation=Strict",
                            R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dup"},"data":{"a":"1","a":"2"}})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(u"reason").toString(), u"BadRequest"_qs);
    QCOMPARE(r.json().value(u"message").toString(),
             u"ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: duplicate field \"data.a\""_qs);
    QCOMPARE(listRevision(), before);
    // Patches are bodies too.
    const Reply patched = request("PATCH", kConfigMaps + "/existing?fieldValidation=Strict", R"({"data":{"b":"1","b":"2"}})",
                                  "application/merge-patch+json");
    QCOMPARE(patched.status, 400);
    QVERIFY2(patched.json().value(u"message").toString().endsWith(u"strict decoding error: duplicate field \"data.b\""_qs), patched.body.constData());
}

void tst_ApiBadInput::duplicateFieldWarns()
{
    const Reply r = request("POST", kConfigMaps, R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dupwarn"},"data":{"a":"1","a":"2"}})");
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("Warning"), QList<QByteArray>{"299 - \"duplicate field \\\"data.a\\\"\""});
    QCOMPARE(r.json().value(u"data").toObject().value(u"a").toString(), u"2"_qs); // the last one wins, as in Go
    const Reply ignored = request("POST", kConfigMaps + "?fieldValidation=Ignore",
                                  R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dupignore"},"data":{"a":"1","a":"2"}})");
    QCOMPARE(ignored.status, 201);
    QVERIFY(ignored.header("Warning").isEmpty());
}

void tst_ApiBadInput::yamlDuplicateKeys_data()
{
    // Upstream (test/integration/apiserver/field_validation_test.go): YAML bodies and apply
    // patches (JSON text included, read as YAML) report repeated keys as go-yaml does.
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");       // Strict: the error's message
    QTest::addColumn<QList<QByteArray>>("warnings"); // Warn: the Warning headers
    const QByteArray yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %1\ndata:\n  k: one\n  k: two\n";
    const QByteArray json = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\n\"metadata\":{\"name\":\"%1\"},\n\"data\":{\"k\":\"one\",\n\"k\":\"two\"}}";
    const auto named = [](QByteArray body, const char *name) { return body.replace("%1", name); };
    const QList<QByteArray> line7{"299 - \"line 7: key \\\"k\\\" already set in map\""};
    const QList<QByteArray> line4{"299 - \"line 4: key \\\"k\\\" already set in map\""};
    QTest::newRow("yaml-create-strict") << QByteArray("POST") << kConfigMaps + "?fieldValidation=Strict" << QByteArray("application/yaml")
                                        << named(yaml, "y-strict") << 400
                                        << u"ConfigMap in version \"v1\" cannot be handled as a ConfigMap: strict decoding error: "
                                           "yaml: unmarshal errors:\n  line 7: key \"k\" already set in map"_qs
                                        << QList<QByteArray>();
    QTest::newRow("yaml-create-warn") << QByteArray("POST") << kConfigMaps + "?fieldValidation=Warn" << QByteArray("application/yaml")
                                      << named(yaml, "y-warn") << 201 << QString() << line7;
    QTest::newRow("yaml-create-default-warns") << QByteArray("POST") << kConfigMaps << QByteArray("application/yaml")
                                               << named(yaml, "y-default") << 201 << QString() << line7;
    QTest::newRow("yaml-create-ignore") << QByteArray("POST") << kConfigMaps + "?fieldValidation=Ignore" << QByteArray("application/yaml")
                                        << named(yaml, "y-ignore") << 201 << QString() << QList<QByteArray>();
    const QByteArray apply = "application/apply-patch+yaml";
    QTest::newRow("apply-yaml-strict") << QByteArray("PATCH") << kConfigMaps + "/a-strict?fieldManager=t&fieldValidation=Strict" << apply
                                       << named(yaml, "a-strict") << 400
                                       << u"error strict decoding YAML: error converting YAML to JSON: yaml: unmarshal errors:\n"
                                          "  line 7: key \"k\" already set in map"_qs
                                       << QList<QByteArray>();
    QTest::newRow("apply-yaml-warn") << QByteArray("PATCH") << kConfigMaps + "/a-warn?fieldManager=t&fieldValidation=Warn" << apply
                                     << named(yaml, "a-warn") << 201 << QString() << line7;
    QTest::newRow("apply-yaml-ignore") << QByteArray("PATCH") << kConfigMaps + "/a-ignore?fieldManager=t&fieldValidation=Ignore" << apply
                                       << named(yaml, "a-ignore") << 201 << QString() << QList<QByteArray>();
    QTest::newRow("apply-json-strict") << QByteArray("PATCH") << kConfigMaps + "/j-strict?fieldManager=t&fieldValidation=Strict" << apply
                                       << named(json, "j-strict") << 400
                                       << u"error strict decoding YAML: error converting YAML to JSON: yaml: unmarshal errors:\n"
                                          "  line 4: key \"k\" already set in map"_qs
                                       << QList<QByteArray>();
    QTest::newRow("apply-json-warn") << QByteArray("PATCH") << kConfigMaps + "/j-warn?fieldManager=t&fieldValidation=Warn" << apply
                                     << named(json, "j-warn") << 201 << QString() << line4;
    QTest::newRow("apply-json-ignore") << QByteArray("PATCH") << kConfigMaps + "/j-ignore?fieldManager=t&fieldValidation=Ignore" << apply
                                       << named(json, "j-ignore") << 201 << QString() << QList<QByteArray>();
}

void tst_ApiBadInput::yamlDuplicateKeys()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(QList<QByteArray>, warnings);
    const QString before = listRevision();
    const Reply r = request(method, target, body, contentType);
    QVERIFY2(r.status == status, r.body.constData());
    if (status == 400) {
        QCOMPARE(r.json().value(u"reason").toString(), u"BadRequest"_qs);
        QCOMPARE(r.json().value(u"message").toString(), message);
        QCOMPARE(listRevision(), before);
        return;
    }
    QCOMPARE(r.header("Warning"), warnings);
    QCOMPARE(r.json().value(u"data").toObject().value(u"k").toString(), u"two"_qs); // the last one wins, as in go-yaml
}

QTEST_GUILESS_MAIN(tst_ApiBadInput)
#include "tst_apibadinput.moc"
