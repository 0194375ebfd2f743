#include "editor/plainscalar.h"
#include "editor/yamlsourcemap.h"

#include "kube/api/yaml.h"

#include <QTest>

Q_DECLARE_METATYPE(timonel::SourceRange)

namespace timonel {
char *toString(const SourceRange &r)
{
    return qstrdup(QStringLiteral("(line %1, column %2, length %3)").arg(r.line).arg(r.column).arg(r.length).toUtf8().constData());
}
} // namespace timonel

using timonel::ScalarType;
using timonel::SourceRange;
using timonel::YamlSourceMap;

namespace {

const QString kTwoDocuments = QStringLiteral(
    "# leading comment\n"                   // 0
    "apiVersion: apps/v1\n"                 // 1
    "kind: Deployment\n"                    // 2
    "metadata:\n"                           // 3
    "  name: web\n"                         // 4
    "  labels:\n"                           // 5
    "    app.kubernetes.io/name: web\n"     // 6
    "spec:\n"                               // 7
    "  template:\n"                         // 8
    "    spec:\n"                           // 9
    "      containers:\n"                   // 10
    "      - name: nginx\n"                 // 11
    "        image: \"nginx:1.25\"  # pin\n" // 12
    "      - name: sidecar\n"               // 13
    "        image: busybox\n"              // 14
    "---\n"                                 // 15
    "apiVersion: v1\n"                      // 16
    "kind: ConfigMap\n"                     // 17
    "data: {a: '1', b: [x, y]}\n");         // 18

SourceRange range(int line, int column, int length) { return {line, column, length}; }

} // namespace

class TestYamlSourceMap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentsAndBoundaries()
    {
        const YamlSourceMap map = YamlSourceMap::parse(kTwoDocuments);
        QCOMPARE(map.documents().size(), 2);
        QCOMPARE(map.documents()[0].firstLine, 0);
        QCOMPARE(map.documents()[0].lastLine, 14);
        QCOMPARE(map.documents()[1].index, 1);
        QCOMPARE(map.documents()[1].firstLine, 15);
        QCOMPARE(map.documents()[1].lastLine, 18 + 1); // the empty line after the final newline
        QCOMPARE(map.documentAt(12), 0);
        QCOMPARE(map.documentAt(17), 1);
        QVERIFY(!map.hasErrors());
    }

    void nestedPaths_data()
    {
        QTest::addColumn<int>("document");
        QTest::addColumn<QString>("path");
        QTest::addColumn<SourceRange>("key");
        QTest::addColumn<SourceRange>("value");
        QTest::newRow("top-level") << 0 << "kind" << range(2, 0, 4) << range(2, 6, 10);
        QTest::newRow("second container image, quoted") << 0 << "spec.template.spec.containers[0].image"
                                                        << range(12, 8, 5) << range(12, 15, 12);
        QTest::newRow("list item in brackets") << 0 << "spec.template.spec.containers[1].image"
                                               << range(14, 8, 5) << range(14, 15, 7);
        QTest::newRow("dotted key written plainly") << 0 << "metadata.labels.app.kubernetes.io/name"
                                                    << range(6, 4, 22) << range(6, 28, 3);
        QTest::newRow("dotted key in brackets") << 0 << "metadata.labels[app.kubernetes.io/name]"
                                                << range(6, 4, 22) << range(6, 28, 3);
        QTest::newRow("flow mapping value") << 1 << "data.a" << range(18, 7, 1) << range(18, 10, 3);
        QTest::newRow("flow list item") << 1 << "data.b[1]" << SourceRange{} << range(18, 22, 1);
    }
    void nestedPaths()
    {
        QFETCH(int, document);
        QFETCH(QString, path);
        QFETCH(SourceRange, key);
        QFETCH(SourceRange, value);
        const YamlSourceMap map = YamlSourceMap::parse(kTwoDocuments);
        const auto found = map.find(document, path);
        QVERIFY2(found.has_value(), qPrintable(path));
        QCOMPARE(found->key, key);
        QCOMPARE(found->value, value);
    }

    void missingPaths()
    {
        const YamlSourceMap map = YamlSourceMap::parse(kTwoDocuments);
        QVERIFY(!map.find(0, u"spec.template.spec.containers[2]").has_value());
        QVERIFY(!map.find(0, u"spec.replicas").has_value());
        QVERIFY(!map.find(1, u"kind.x").has_value());
        QVERIFY(!map.find(5, u"kind").has_value());
    }

    void pathAtPosition()
    {
        const YamlSourceMap map = YamlSourceMap::parse(kTwoDocuments);
        QCOMPARE(map.pathAt(14, 17), u"spec.template.spec.containers[1].image"_qs);
        QCOMPARE(map.pathAt(11, 9), u"spec.template.spec.containers[0].name"_qs);
        QCOMPARE(map.pathAt(11, 6), u"spec.template.spec.containers[0]"_qs); // on the dash: the item
        QCOMPARE(map.pathAt(6, 10), u"metadata.labels[app.kubernetes.io/name]"_qs);
        QCOMPARE(map.pathAt(17, 2), u"kind"_qs);
    }

    void everyPathListed()
    {
        const YamlSourceMap map = YamlSourceMap::parse(kTwoDocuments);
        QStringList paths;
        for (const auto &e : map.paths(1))
            paths << e.path;
        QCOMPARE(paths, QStringList({u""_qs, u"apiVersion"_qs, u"kind"_qs, u"data"_qs, u"data.a"_qs, u"data.b"_qs,
                                     u"data.b[0]"_qs, u"data.b[1]"_qs}));
    }

    // yaml-cpp reports UTF-8 byte columns; the editor needs UTF-16 ones.
    void nonAsciiColumns()
    {
        const YamlSourceMap map = YamlSourceMap::parse(u"a: \"ñandú 🐧\"\nb: después\n"_qs);
        const auto b = map.find(0, u"b");
        QVERIFY(b.has_value());
        QCOMPARE(b->value, range(1, 3, 7));
        const auto a = map.find(0, u"a");
        QCOMPARE(a->value, range(0, 3, 10)); // the penguin is two UTF-16 units
        QCOMPARE(map.documents()[0].scalarText(a->valueNode), u"ñandú 🐧"_qs);
    }

    void syntaxErrorStaysInItsDocument()
    {
        const QString text = u"a: 1\n---\nb: 2\n  c: 3\n---\nd: [1, 2\n---\ne: 5\n"_qs;
        const YamlSourceMap map = YamlSourceMap::parse(text);
        QCOMPARE(map.documents().size(), 4);
        QVERIFY(!map.documents()[0].error);
        QVERIFY(map.documents()[1].error.has_value());
        QCOMPARE(map.documents()[1].error->range.line, 3);
        QVERIFY(map.documents()[2].error.has_value());
        QVERIFY(!map.documents()[3].error);
        QVERIFY(map.find(3, u"e").has_value());
        QCOMPARE(map.find(3, u"e")->key.line, 7);
    }

    // Reusing unchanged documents gives the same map as a fresh parse, lines shifted.
    void incrementalParseMatchesFresh()
    {
        const YamlSourceMap before = YamlSourceMap::parse(kTwoDocuments);
        QString edited = kTwoDocuments;
        edited.replace(u"  name: web\n"_qs, u"  name: web\n  namespace: shop\n"_qs); // one line more in document 0
        const YamlSourceMap incremental = YamlSourceMap::parse(edited, before);
        const YamlSourceMap fresh = YamlSourceMap::parse(edited);
        QCOMPARE(incremental.documents().size(), fresh.documents().size());
        for (int d = 0; d < fresh.documents().size(); ++d) {
            QCOMPARE(incremental.documents()[d].firstLine, fresh.documents()[d].firstLine);
            QCOMPARE(incremental.documents()[d].lastLine, fresh.documents()[d].lastLine);
            const auto a = incremental.paths(d);
            const auto b = fresh.paths(d);
            QCOMPARE(a.size(), b.size());
            for (int i = 0; i < a.size(); ++i) {
                QCOMPARE(a[i].path, b[i].path);
                QCOMPARE(a[i].key, b[i].key);
                QCOMPARE(a[i].value, b[i].value);
            }
        }
        QCOMPARE(incremental.find(1, u"data.a")->key.line, 19); // document 1 was reused, one line lower
        // Reused, not re-read: the second document's nodes are the same scalars (shared text).
        QVERIFY(incremental.documents()[1].nodes[2].text.isSharedWith(before.documents()[1].nodes[2].text));
    }

    void tabIndentationExplained()
    {
        const YamlSourceMap map = YamlSourceMap::parse(u"a:\n\tb: 1\n"_qs);
        QVERIFY(map.documents()[0].error.has_value());
        QCOMPARE(map.documents()[0].error->range.line, 1);
        QVERIFY(map.documents()[0].error->message.contains(u"Tabs"_qs));
    }

    void unterminatedQuote()
    {
        const YamlSourceMap map = YamlSourceMap::parse(u"a: \"open\nb: 1\n"_qs);
        QVERIFY(map.documents()[0].error.has_value());
        QCOMPARE(map.documents()[0].error->range, range(0, 3, 1));
    }

    // yaml-cpp 0.7 never stops producing documents for ","; the map must end with an error.
    void strayCommaEnds()
    {
        const YamlSourceMap map = YamlSourceMap::parse(u","_qs);
        QCOMPARE(map.documents().size(), 1);
        QVERIFY(map.documents()[0].error.has_value());
    }

    void depthLimit()
    {
        const QString deep = QString(300, u'[') + QString(300, u']');
        const YamlSourceMap map = YamlSourceMap::parse(deep);
        QVERIFY(map.documents()[0].error.has_value());
        QVERIFY(map.documents()[0].error->message.contains(u"100"_qs));
    }

    void aliasesAndMerges()
    {
        const YamlSourceMap map = YamlSourceMap::parse(u"base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n"_qs);
        const auto &doc = map.documents()[0];
        const int use = map.find(0, u"use")->valueNode;
        const auto entries = doc.entries(use);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(doc.scalarText(entries[0].key), u"y"_qs);
        QCOMPARE(doc.scalarText(entries[0].value), u"3"_qs); // written keys win over merged ones
        QCOMPARE(doc.scalarText(entries[1].key), u"x"_qs);
        QCOMPARE(map.find(0, u"use.x")->value.line, 0);    // the merged value is where it was written
    }

    // Our scalar typing must agree with the codec kubectl-compatible conversion uses.
    void scalarTypesAgreeWithCodec_data()
    {
        QTest::addColumn<QString>("scalar");
        for (const char *s : {"yes", "No", "on", "OFF", "y", "true", "~", "null", "", "0x1F", "0o17", "017", "08",
                              "1_000", "-12", "+3", "1.5", ".5", "1e3", "1.", "9223372036854775808",
                              "2001-12-14", "1.2.3", "1:20", "+", "-a", "abc", "0b101", "'1'", "\"true\"", "!!str 12",
                              "!!int 12", ".inf"}) {
            QTest::newRow(*s ? s : "(empty)") << QString::fromUtf8(s);
        }
    }
    void scalarTypesAgreeWithCodec()
    {
        QFETCH(QString, scalar);
        const YamlSourceMap map = YamlSourceMap::parse(u"v: "_qs + scalar + u'\n');
        const auto found = map.find(0, u"v");
        QVERIFY(found.has_value());
        const auto &node = map.documents()[0].deref(found->valueNode);
        const auto json = kube::yamlToJson((u"v: "_qs + scalar).toUtf8());
        if (!json.ok()) { // .inf: the codec refuses it; we call it a float
            QCOMPARE(node.scalarType, ScalarType::Float);
            return;
        }
        const QByteArray value = json->mid(5, json->size() - 6); // {"v":…}
        // JSON cannot tell 1e3 from 1000: integers and floats are one class, numbers.
        ScalarType expected = ScalarType::Int;
        if (value.startsWith('"'))
            expected = ScalarType::String;
        else if (value == "null")
            expected = ScalarType::Null;
        else if (value == "true" || value == "false")
            expected = ScalarType::Bool;
        ScalarType actual = node.kind == timonel::YamlNodeKind::Null ? ScalarType::Null : node.scalarType;
        if (actual == ScalarType::Float)
            actual = ScalarType::Int;
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(TestYamlSourceMap)
#include "tst_yamlsourcemap.moc"
