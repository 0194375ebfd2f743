#include "kube/api/object.h"
#include "kube/api/yaml.h"

#include "tests/support/testpaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTest>

using namespace kube;

Q_DECLARE_METATYPE(kube::YamlLimits)

class tst_Yaml : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scalars_data();
    void scalars();
    void keys_data();
    void keys();
    void structures_data();
    void structures();
    void multiDocument_data();
    void multiDocument();
    void singleDocument_data();
    void singleDocument();
    void anchorsAndMerges_data();
    void anchorsAndMerges();
    void errors_data();
    void errors();
    void guards_data();
    void guards();
    void encodings_data();
    void encodings();
    void emitYaml_data();
    void emitYaml();
    void roundTripYaml_data();
    void roundTripYaml();
    void roundTripJsonStrings_data();
    void roundTripJsonStrings();
    void mutatedInputs_data();
    void mutatedInputs();
    void fixtures_data();
    void fixtures();
    void parseManifests_data();
    void parseManifests();
    void manifestErrors_data();
    void manifestErrors();
    void toYamlOfObject();
};

// Qt's JSON parser drops a raw U+FEFF inside strings; spell it as an escape first.
static QJsonDocument parseJson(QByteArray json)
{
    json.replace("\xEF\xBB\xBF", "\\ufeff");
    return QJsonDocument::fromJson(json);
}

static QByteArray convert(const QByteArray &yaml)
{
    auto json = yamlToJson(yaml);
    if (!json)
        return "ERROR: " + json.error().message().toUtf8();
    return json.value();
}

// ---- YAML -> JSON --------------------------------------------------------------------------

void tst_Yaml::scalars_data()
{
    QTest::addColumn<QByteArray>("yaml");  // the value of key v
    QTest::addColumn<QByteArray>("json");  // the JSON value expected for v

    QTest::newRow("plain-string") << QByteArray("abc") << QByteArray(R"("abc")");
    QTest::newRow("plain-with-spaces") << QByteArray("hello world") << QByteArray(R"("hello world")");
    QTest::newRow("bool-true") << QByteArray("true") << QByteArray("true");
    QTest::newRow("bool-True") << QByteArray("True") << QByteArray("true");
    QTest::newRow("bool-FALSE") << QByteArray("FALSE") << QByteArray("false");
    QTest::newRow("yaml11-yes") << QByteArray("yes") << QByteArray("true");
    QTest::newRow("yaml11-y") << QByteArray("y") << QByteArray("true");
    QTest::newRow("yaml11-Y") << QByteArray("Y") << QByteArray("true");
    QTest::newRow("yaml11-on") << QByteArray("on") << QByteArray("true");
    QTest::newRow("yaml11-ON") << QByteArray("ON") << QByteArray("true");
    QTest::newRow("yaml11-no") << QByteArray("no") << QByteArray("false");
    QTest::newRow("yaml11-n") << QByteArray("n") << QByteArray("false");
    QTest::newRow("yaml11-off") << QByteArray("off") << QByteArray("false");
    QTest::newRow("mixed-case-yEs-is-string") << QByteArray("yEs") << QByteArray(R"("yEs")");
    QTest::newRow("quoted-true-is-string") << QByteArray(R"("true")") << QByteArray(R"("true")");
    QTest::newRow("single-quoted-yes-is-string") << QByteArray("'yes'") << QByteArray(R"("yes")");
    QTest::newRow("null-word") << QByteArray("null") << QByteArray("null");
    QTest::newRow("null-Null") << QByteArray("Null") << QByteArray("null");
    QTest::newRow("null-NULL") << QByteArray("NULL") << QByteArray("null");
    QTest::newRow("null-tilde") << QByteArray("~") << QByteArray("null");
    QTest::newRow("null-empty") << QByteArray("") << QByteArray("null");
    QTest::newRow("quoted-null-is-string") << QByteArray("'null'") << QByteArray(R"("null")");
    QTest::newRow("quoted-empty-is-string") << QByteArray(R"("")") << QByteArray(R"("")");
    QTest::newRow("int") << QByteArray("42") << QByteArray("42");
    QTest::newRow("int-negative") << QByteArray("-7") << QByteArray("-7");
    QTest::newRow("int-plus-sign") << QByteArray("+5") << QByteArray("5");
    QTest::newRow("int-zero") << QByteArray("0") << QByteArray("0");
    QTest::newRow("int-hex") << QByteArray("0x1F") << QByteArray("31");
    QTest::newRow("int-hex-upper-prefix") << QByteArray("0X1f") << QByteArray("31");
    QTest::newRow("int-hex-negative") << QByteArray("-0x10") << QByteArray("-16");
    QTest::newRow("int-octal-0o") << QByteArray("0o17") << QByteArray("15");
    QTest::newRow("int-octal-leading-zero") << QByteArray("017") << QByteArray("15");
    QTest::newRow("08-is-not-octal-reads-as-float") << QByteArray("08") << QByteArray("8");
    QTest::newRow("int-binary") << QByteArray("0b101") << QByteArray("5");
    QTest::newRow("int-underscores") << QByteArray("1_000_000") << QByteArray("1000000");
    QTest::newRow("int64-max") << QByteArray("9223372036854775807") << QByteArray("9223372036854775807");
    QTest::newRow("int64-min") << QByteArray("-9223372036854775808") << QByteArray("-9223372036854775808");
    QTest::newRow("uint64-max") << QByteArray("18446744073709551615") << QByteArray("18446744073709551615");
    QTest::newRow("beyond-uint64-becomes-float") << QByteArray("18446744073709551616") << QByteArray("18446744073709552000");
    QTest::newRow("huge-int-float-exponent") << QByteArray("1000000000000000000000000") << QByteArray("1e+24");
    QTest::newRow("hex-overflow-stays-string") << QByteArray("0xFFFFFFFFFFFFFFFFFF") << QByteArray(R"("0xFFFFFFFFFFFFFFFFFF")");
    QTest::newRow("float") << QByteArray("1.5") << QByteArray("1.5");
    QTest::newRow("float-1.0-prints-as-1") << QByteArray("1.0") << QByteArray("1");
    QTest::newRow("float-exponent") << QByteArray("1e3") << QByteArray("1000");
    QTest::newRow("float-leading-dot") << QByteArray(".5") << QByteArray("0.5");
    QTest::newRow("float-negative-leading-dot") << QByteArray("-.5") << QByteArray("-0.5");
    QTest::newRow("float-trailing-dot") << QByteArray("1.") << QByteArray("1");
    QTest::newRow("float-small-exponent-form") << QByteArray("1e-7") << QByteArray("1e-7");
    QTest::newRow("float-1e21-exponent-form") << QByteArray("1e21") << QByteArray("1e+21");
    QTest::newRow("float-1e20-fixed-form") << QByteArray("1e20") << QByteArray("100000000000000000000");
    QTest::newRow("float-avogadro") << QByteArray("6.02e23") << QByteArray("6.02e+23");
    QTest::newRow("float-underscores") << QByteArray("1_000.5") << QByteArray("1000.5");
    QTest::newRow("float-shortest-digits") << QByteArray("0.1") << QByteArray("0.1");
    QTest::newRow("float-negative-zero") << QByteArray("-0.0") << QByteArray("-0");
    QTest::newRow("quoted-float-is-string") << QByteArray(R"("1.0")") << QByteArray(R"("1.0")");
    QTest::newRow("version-like-string") << QByteArray("1.2.3") << QByteArray(R"("1.2.3")");
    QTest::newRow("date-stays-string") << QByteArray("2001-12-14") << QByteArray(R"("2001-12-14")");
    QTest::newRow("timestamp-stays-string") << QByteArray("2001-12-14T21:59:43.10Z") << QByteArray(R"("2001-12-14T21:59:43.10Z")");
    QTest::newRow("base60-stays-string") << QByteArray("1:20") << QByteArray(R"("1:20")");
    QTest::newRow("dot-inf-word-is-string") << QByteArray("inf") << QByteArray(R"("inf")");
    QTest::newRow("merge-word-as-value-is-string") << QByteArray("<<") << QByteArray(R"("<<")");
    QTest::newRow("single-quote-escape") << QByteArray("'it''s'") << QByteArray(R"("it's")");
    QTest::newRow("double-quote-escapes") << QByteArray(R"("tab\there\nnl \"q\" \\")") << QByteArray(R"("tab\there\nnl \"q\" \\")");
    QTest::newRow("control-char-escaped-in-json") << QByteArray(R"("\x01\e")") << QByteArray(R"("\u0001\u001b")");
    QTest::newRow("unicode-escape-bmp") << QByteArray(R"("\u00e9")") << QByteArray("\"\xC3\xA9\"");
    QTest::newRow("unicode-escape-non-bmp") << QByteArray(R"("\U0001F600")") << QByteArray("\"\xF0\x9F\x98\x80\"");
    QTest::newRow("raw-utf8") << QByteArray("caf\xC3\xA9") << QByteArray("\"caf\xC3\xA9\"");
    QTest::newRow("html-chars-not-escaped") << QByteArray("'<a & b>'") << QByteArray(R"("<a & b>")");
    QTest::newRow("plain-multiline-folds") << QByteArray("first\n  second") << QByteArray(R"("first second")");
    QTest::newRow("literal-block-clip") << QByteArray("|\n  a\n  b\n") << QByteArray(R"("a\nb\n")");
    QTest::newRow("literal-block-strip") << QByteArray("|-\n  a\n  b\n") << QByteArray(R"("a\nb")");
    QTest::newRow("literal-block-indent-indicator") << QByteArray("|2-\n    a\n  b\n") << QByteArray(R"("  a\nb")");
    QTest::newRow("folded-block") << QByteArray(">\n  a\n  b\n\n  c\n") << QByteArray(R"("a b\nc\n")");
    QTest::newRow("block-number-is-string") << QByteArray("|-\n  42\n") << QByteArray(R"("42")");
    QTest::newRow("tag-str-on-number") << QByteArray("!!str 123") << QByteArray(R"("123")");
    QTest::newRow("tag-str-on-bool") << QByteArray("!!str true") << QByteArray(R"("true")");
    QTest::newRow("tag-int-on-quoted") << QByteArray(R"(!!int "42")") << QByteArray("42");
    QTest::newRow("tag-float-on-int") << QByteArray("!!float 1") << QByteArray("1");
    QTest::newRow("tag-bool-on-quoted-yes") << QByteArray("!!bool 'yes'") << QByteArray("true");
    QTest::newRow("tag-null-on-tilde") << QByteArray("!!null ~") << QByteArray("null");
    QTest::newRow("tag-timestamp") << QByteArray("!!timestamp 2001-12-14") << QByteArray(R"("2001-12-14")");
    QTest::newRow("tag-binary-keeps-base64") << QByteArray("!!binary aGVsbG8=") << QByteArray(R"("aGVsbG8=")");
    QTest::newRow("tag-binary-block-drops-breaks") << QByteArray("!!binary |\n  aGVs\n  bG8=\n") << QByteArray(R"("aGVsbG8=")");
    QTest::newRow("local-tag-ignored") << QByteArray("!custom 12") << QByteArray(R"("12")");
    QTest::newRow("verbatim-str-tag") << QByteArray("!<tag:yaml.org,2002:str> 5") << QByteArray(R"("5")");
}

void tst_Yaml::scalars()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, json);
    QCOMPARE(convert("v: " + yaml + "\n"), "{\"v\":" + json + "}");
}

void tst_Yaml::keys_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("int-key") << QByteArray("1: a") << QByteArray(R"({"1":"a"})");
    QTest::newRow("hex-key-normalised") << QByteArray("0x10: a") << QByteArray(R"({"16":"a"})");
    QTest::newRow("bool-key") << QByteArray("true: a") << QByteArray(R"({"true":"a"})");
    QTest::newRow("yaml11-bool-key") << QByteArray("on: a") << QByteArray(R"({"true":"a"})");
    QTest::newRow("float-key") << QByteArray("1.5: a") << QByteArray(R"({"1.5":"a"})");
    QTest::newRow("float-key-go-g-format") << QByteArray("1e6: a") << QByteArray(R"({"1e+06":"a"})");
    QTest::newRow("float-key-float32-precision") << QByteArray("0.1: a") << QByteArray(R"({"0.1":"a"})");
    QTest::newRow("inf-key") << QByteArray(".inf: a") << QByteArray(R"({".inf":"a"})");
    QTest::newRow("quoted-int-key") << QByteArray("'1': a") << QByteArray(R"({"1":"a"})");
    QTest::newRow("quoted-merge-key-is-plain-key") << QByteArray("'<<': a") << QByteArray(R"({"<<":"a"})");
    QTest::newRow("timestamp-key") << QByteArray("2001-01-01: a") << QByteArray(R"({"2001-01-01":"a"})");
    QTest::newRow("key-with-spaces") << QByteArray("a b: c") << QByteArray(R"({"a b":"c"})");
    QTest::newRow("explicit-key") << QByteArray("? a\n: b") << QByteArray(R"({"a":"b"})");
    QTest::newRow("key-without-value") << QByteArray("a:") << QByteArray(R"({"a":null})");
    QTest::newRow("yaml11-y-key-is-true") << QByteArray("y: 1\nx: 2") << QByteArray(R"({"true":1,"x":2})");
    QTest::newRow("key-order-kept") << QByteArray("z: 1\na: 2\nm: 3") << QByteArray(R"({"z":1,"a":2,"m":3})");
}

void tst_Yaml::keys()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, json);
    QCOMPARE(convert(yaml), json);
}

void tst_Yaml::structures_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("nested-mappings") << QByteArray("a:\n  b:\n    c: 1\n") << QByteArray(R"({"a":{"b":{"c":1}}})");
    QTest::newRow("indentless-sequence") << QByteArray("a:\n- 1\n- two\n") << QByteArray(R"({"a":[1,"two"]})");
    QTest::newRow("indented-sequence") << QByteArray("a:\n  - 1\n  - 2\n") << QByteArray(R"({"a":[1,2]})");
    QTest::newRow("sequence-of-mappings")
        << QByteArray("containers:\n- name: web\n  image: nginx\n  ports:\n  - containerPort: 80\n- name: side\n")
        << QByteArray(R"({"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}]},{"name":"side"}]})");
    QTest::newRow("sequence-of-sequences") << QByteArray("- - 1\n  - 2\n- - 3\n") << QByteArray("[[1,2],[3]]");
    QTest::newRow("flow-collections") << QByteArray("{a: [1, {b: c}], d: []}") << QByteArray(R"({"a":[1,{"b":"c"}],"d":[]})");
    QTest::newRow("empty-flow-mapping") << QByteArray("a: {}") << QByteArray(R"({"a":{}})");
    QTest::newRow("root-sequence") << QByteArray("- a\n- b\n") << QByteArray(R"(["a","b"])");
    QTest::newRow("root-scalar") << QByteArray("hello\n") << QByteArray(R"("hello")");
    QTest::newRow("null-items") << QByteArray("-\n- ~\n") << QByteArray("[null,null]");
    QTest::newRow("comments-ignored") << QByteArray("# head\na: 1 # trailing\n# tail\n") << QByteArray(R"({"a":1})");
    QTest::newRow("hash-inside-value-kept") << QByteArray("a: b#c") << QByteArray(R"({"a":"b#c"})");
    QTest::newRow("json-is-yaml") << QByteArray(R"({"a": [1, 2.5, true, null, "x"]})") << QByteArray(R"({"a":[1,2.5,true,null,"x"]})");
    QTest::newRow("literal-block-keep") << QByteArray("v: |+\n  a\n\nx: 1\n") << QByteArray(R"({"v":"a\n\n","x":1})");
    QTest::newRow("crlf-line-endings") << QByteArray("a: 1\r\nb:\r\n  c: d\r\n") << QByteArray(R"({"a":1,"b":{"c":"d"}})");
}

void tst_Yaml::structures()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, json);
    QCOMPARE(convert(yaml), json);
}

void tst_Yaml::multiDocument_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArrayList>("documents");

    QTest::newRow("two-documents") << QByteArray("a: 1\n---\nb: 2\n") << QByteArrayList{R"({"a":1})", R"({"b":2})"};
    QTest::newRow("leading-marker") << QByteArray("---\na: 1\n") << QByteArrayList{R"({"a":1})"};
    QTest::newRow("empty-stream") << QByteArray("") << QByteArrayList{};
    QTest::newRow("whitespace-only") << QByteArray("  \n\n") << QByteArrayList{};
    QTest::newRow("comment-only-stream") << QByteArray("# nothing here\n") << QByteArrayList{};
    QTest::newRow("empty-documents-skipped") << QByteArray("---\n---\na: 1\n---\n---\n") << QByteArrayList{R"({"a":1})"};
    QTest::newRow("comment-only-document-skipped")
        << QByteArray("# Source: chart/a.yaml\n---\n# Source: chart/b.yaml\nkind: B\n") << QByteArrayList{R"({"kind":"B"})"};
    QTest::newRow("null-document-skipped") << QByteArray("null\n---\n~\n---\nx: 1\n") << QByteArrayList{R"({"x":1})"};
    QTest::newRow("document-end-markers") << QByteArray("a: 1\n...\n---\nb: 2\n...\n") << QByteArrayList{R"({"a":1})", R"({"b":2})"};
    QTest::newRow("directive") << QByteArray("%YAML 1.1\n---\na: 1\n") << QByteArrayList{R"({"a":1})"};
    QTest::newRow("scalar-and-list-documents") << QByteArray("x\n---\n- 1\n") << QByteArrayList{R"("x")", "[1]"};
    QTest::newRow("crlf-documents") << QByteArray("a: 1\r\n---\r\nb: 2\r\n") << QByteArrayList{R"({"a":1})", R"({"b":2})"};
    QTest::newRow("marker-with-content") << QByteArray("--- {a: 1}\n--- [2]\n--- 3\n") << QByteArrayList{R"({"a":1})", "[2]", "3"};
}

void tst_Yaml::multiDocument()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArrayList, documents);
    auto result = yamlToJsonDocuments(yaml);
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(result.value(), documents);
}

void tst_Yaml::singleDocument_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("json"); // or a message fragment after "ERROR: "

    QTest::newRow("empty-gives-null") << QByteArray("") << QByteArray("null");
    QTest::newRow("trailing-empty-document-ok") << QByteArray("a: 1\n---\n") << QByteArray(R"({"a":1})");
    QTest::newRow("two-documents-rejected") << QByteArray("a: 1\n---\nb: 2\n") << QByteArray("ERROR: error converting YAML to JSON: yaml: expected one document, found 2");
}

void tst_Yaml::singleDocument()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, json);
    QCOMPARE(convert(yaml), json);
}

void tst_Yaml::anchorsAndMerges_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("scalar-alias") << QByteArray("a: &x hello\nb: *x\n") << QByteArray(R"({"a":"hello","b":"hello"})");
    QTest::newRow("mapping-alias") << QByteArray("a: &m {k: 1}\nb: *m\n") << QByteArray(R"({"a":{"k":1},"b":{"k":1}})");
    QTest::newRow("alias-as-key") << QByteArray("a: &k name\n*k : v\n") << QByteArray(R"({"a":"name","name":"v"})");
    QTest::newRow("anchor-redefined-uses-latest") << QByteArray("a: &x 1\nb: &x 2\nc: *x\n") << QByteArray(R"({"a":1,"b":2,"c":2})");
    QTest::newRow("anchored-null") << QByteArray("a: &n\nb: *n\n") << QByteArray(R"({"a":null,"b":null})");
    QTest::newRow("merge-one")
        << QByteArray("base: &b {x: 1, w: 2}\nuse:\n  <<: *b\n  z: 3\n")
        << QByteArray(R"({"base":{"x":1,"w":2},"use":{"x":1,"w":2,"z":3}})");
    QTest::newRow("merge-explicit-key-wins-even-before")
        << QByteArray("base: &b {x: 1, w: 2}\nuse:\n  w: 9\n  <<: *b\n")
        << QByteArray(R"({"base":{"x":1,"w":2},"use":{"w":9,"x":1}})");
    QTest::newRow("merge-explicit-key-wins-after")
        << QByteArray("base: &b {x: 1, w: 2}\nuse:\n  <<: *b\n  w: 9\n")
        << QByteArray(R"({"base":{"x":1,"w":2},"use":{"x":1,"w":9}})");
    QTest::newRow("merge-list-earlier-wins")
        << QByteArray("a: &a {k: a, p: 1}\nb: &b {k: b, q: 2}\nc:\n  <<: [*a, *b]\n")
        << QByteArray(R"({"a":{"k":"a","p":1},"b":{"k":"b","q":2},"c":{"k":"a","p":1,"q":2}})");
    QTest::newRow("merge-inline-mapping") << QByteArray("c:\n  <<: {x: 1}\n  w: 2\n") << QByteArray(R"({"c":{"x":1,"w":2}})");
    QTest::newRow("merge-chained")
        << QByteArray("a: &a {x: 1}\nb: &b\n  <<: *a\n  w: 2\nc:\n  <<: *b\n  z: 3\n")
        << QByteArray(R"({"a":{"x":1},"b":{"x":1,"w":2},"c":{"x":1,"w":2,"z":3}})");
    QTest::newRow("merge-tag") << QByteArray("a: &a {x: 1}\nb:\n  !!merge <<: *a\n") << QByteArray(R"({"a":{"x":1},"b":{"x":1}})");
    QTest::newRow("sequence-alias-in-sequence")
        << QByteArray("a: &l [1, 2]\nb: [*l, *l]\n") << QByteArray(R"({"a":[1,2],"b":[[1,2],[1,2]]})");
}

void tst_Yaml::anchorsAndMerges()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QByteArray, json);
    QCOMPARE(convert(yaml), json);
}

void tst_Yaml::errors_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("message"); // the whole message after "error converting YAML to JSON: "

    QTest::newRow("duplicate-key")
        << QByteArray("a: 1\nb: 2\na: 3\n") << u"yaml: line 3: key \"a\" already set in map (column 1)"_qs;
    QTest::newRow("duplicate-key-after-conversion")
        << QByteArray("1: a\n'1': b\n") << u"yaml: line 2: key \"1\" already set in map (column 1)"_qs;
    QTest::newRow("duplicate-key-large-map")
        << [] { QByteArray y; for (int i = 0; i < 40; ++i) y += "k" + QByteArray::number(i) + ": 1\n"; return y + "k7: 2\n"; }()
        << u"yaml: line 41: key \"k7\" already set in map (column 1)"_qs;
    QTest::newRow("self-alias-sequence")
        << QByteArray("&a [*a]") << u"yaml: line 1: anchor 'a' value contains itself (column 5)"_qs;
    QTest::newRow("self-alias-mapping")
        << QByteArray("&a {k: *a}") << u"yaml: line 1: anchor 'a' value contains itself (column 8)"_qs;
    QTest::newRow("self-alias-nested-block")
        << QByteArray("top: &t\n  child:\n    again: *t\n") << u"yaml: line 3: anchor 't' value contains itself (column 12)"_qs;
    QTest::newRow("unknown-alias")
        << QByteArray("a: *nope\n") << u"yaml: line 1: the referenced anchor is not defined (column 4)"_qs;
    QTest::newRow("infinity-value")
        << QByteArray("a: .inf\n") << u"yaml: line 1: json: unsupported value: +Inf (column 4)"_qs;
    QTest::newRow("nan-value")
        << QByteArray("a:\n  b: .NaN\n") << u"yaml: line 2: json: unsupported value: NaN (column 6)"_qs;
    QTest::newRow("int-tag-on-word")
        << QByteArray("a: !!int abc\n") << u"yaml: line 1: cannot decode !!str `abc` as a !!int (column 4)"_qs;
    QTest::newRow("bool-tag-on-number")
        << QByteArray("a: !!bool 1\n") << u"yaml: line 1: cannot decode !!int `1` as a !!bool (column 4)"_qs;
    QTest::newRow("invalid-binary")
        << QByteArray("a: !!binary '@@@'\n") << u"yaml: line 1: !!binary value contains invalid base64 data (column 4)"_qs;
    QTest::newRow("merge-of-scalar")
        << QByteArray("a:\n  <<: 1\n") << u"yaml: line 2: map merge requires map or sequence of maps as the value (column 7)"_qs;
    QTest::newRow("merge-of-list-with-scalar")
        << QByteArray("m: &m {x: 1}\na:\n  <<: [*m, 2]\n") << u"yaml: line 3: map merge requires map or sequence of maps as the value (column 7)"_qs;
    QTest::newRow("sequence-as-key")
        << QByteArray("? [a]\n: 1\n") << u"yaml: line 1: invalid map key: a sequence (column 3)"_qs;
    QTest::newRow("null-key")
        << QByteArray("~: 1\n") << u"yaml: line 1: unsupported map key: null (column 1)"_qs;
    QTest::newRow("unclosed-flow-sequence")
        << QByteArray("a: 1\nb: [1, 2\nc: 3\n") << u"yaml: line 3: end of sequence flow not found (column 2)"_qs;
    QTest::newRow("bad-indentation")
        << QByteArray("a:\n  b: 1\n c: 2\n") << u"yaml: line 3: end of map not found (column 2)"_qs;
    QTest::newRow("mapping-in-plain-value")
        << QByteArray("a: b: c\n") << u"yaml: line 1: illegal map value (column 5)"_qs;
}

void tst_Yaml::errors()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, message);
    auto result = yamlToJson(yaml);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code(), 400);
    QVERIFY(result.error().is(reason::BadRequest));
    QCOMPARE(result.error().message(), u"error converting YAML to JSON: "_qs + message);
}

static QByteArray billionLaughs(int levels)
{
    QByteArray y = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (int i = 1; i < levels; ++i) {
        const QByteArray prev = "*l" + QByteArray::number(i - 1);
        y += "l" + QByteArray::number(i) + ": &l" + QByteArray::number(i) + " [";
        for (int k = 0; k < 10; ++k)
            y += (k ? ", " : "") + prev;
        y += "]\n";
    }
    return y;
}

void tst_Yaml::guards_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<YamlLimits>("limits");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message"); // expected message fragment

    const YamlLimits defaults;
    // yaml-cpp 0.7: LoadAll(",") never ends; the stray-token inputs it accepts silently.
    QTest::newRow("lone-comma-terminates") << QByteArray(",") << defaults << 400
                                           << u"yaml: line 1: did not find expected <document start> (column 1, document 2)"_qs;
    QTest::newRow("leading-comma") << QByteArray(",foo") << defaults << 400 << u"did not find expected <document start>"_qs;
    QTest::newRow("two-quoted-scalars") << QByteArray(R"("foo" "bar")") << defaults << 400
                                        << u"yaml: line 1: did not find expected <document start> (column 7, document 2)"_qs;
    QTest::newRow("quoted-comma-plain") << QByteArray(R"("foo",bar)") << defaults << 400 << u"did not find expected <document start>"_qs;
    QTest::newRow("quoted-trailing-comma") << QByteArray(R"("foo",)") << defaults << 400 << u"did not find expected <document start>"_qs;
    QTest::newRow("content-after-document-end") << QByteArray("a: 1\n...\nb: 2\n") << defaults << 400
                                                << u"yaml: line 3: did not find expected <document start> (column 1, document 2)"_qs;
    QTest::newRow("billion-laughs-10-levels") << billionLaughs(10) << defaults << 400
                                              << u"document contains excessive aliasing (more than 1000000 nodes after alias expansion)"_qs;
    QTest::newRow("flow-nesting-1000") << QByteArray(1000, '[') + QByteArray(1000, ']') << defaults << 400
                                       << u"yaml: line 1: exceeded max depth of 100 (column 101, document 1)"_qs;
    QTest::newRow("mapping-nesting-1000") << QByteArray(1000, '{') << defaults << 400 << u"exceeded max depth of 100"_qs;
    QTest::newRow("block-nesting-names-line") << [] {
        QByteArray y;
        for (int i = 0; i < 150; ++i)
            y += QByteArray(i, ' ') + "k:\n";
        return y + QByteArray(150, ' ') + "v\n";
    }() << defaults << 400 << u"yaml: line 101: exceeded max depth of 100 (column 101, document 1)"_qs;
    QTest::newRow("depth-through-aliases") << QByteArray("a: &a [[[[1]]]]\nb: [[[[*a]]]]\n") << YamlLimits{.maxDepth = 6} << 400
                                           << u"yaml: line 1: exceeded max depth of 6"_qs;
    QTest::newRow("oversize-input") << QByteArray(1025, 'a') << YamlLimits{.maxBytes = 1024} << 413
                                    << u"error converting YAML to JSON: the input is 1025 bytes, more than the limit of 1024"_qs;
    QTest::newRow("too-many-nodes-while-parsing") << QByteArray("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]") << YamlLimits{.maxNodes = 5}
                                                  << 400 << u"document has more than 5 nodes"_qs;
    QTest::newRow("merge-bomb-counted") << [] {
        QByteArray y = "a0: &a0 {";
        for (int i = 0; i < 100; ++i)
            y += (i ? ", k" : "k") + QByteArray::number(i) + ": 1";
        y += "}\n";
        for (int level = 1; level < 5; ++level) {
            y += "a" + QByteArray::number(level) + ": &a" + QByteArray::number(level) + "\n  <<: [";
            for (int k = 0; k < 100; ++k)
                y += (k ? ", *a" : "*a") + QByteArray::number(level - 1);
            y += "]\n";
        }
        return y;
    }() << defaults << 400 << u"excessive aliasing"_qs;
    QTest::newRow("output-budget") << QByteArray("s: &s '") + QByteArray(1000, 'x') + "'\nl: [*s, *s, *s, *s, *s, *s, *s, *s, *s, *s]\n"
                                   << YamlLimits{.maxOutputBytes = 5000} << 413 << u"document expands to more than 5000 bytes of JSON"_qs;
    QTest::newRow("too-many-documents") << QByteArray("a: 1\n---\nb: 1\n---\nc: 1\n---\nd: 1\n") << YamlLimits{.maxDocuments = 3}
                                        << 400 << u"yaml: line 6: the stream has more than 3 documents (document 4)"_qs;
}

void tst_Yaml::guards()
{
    QFETCH(QByteArray, yaml);
    QFETCH(YamlLimits, limits);
    QFETCH(int, code);
    QFETCH(QString, message);
    QElapsedTimer timer;
    timer.start();
    auto result = yamlToJsonDocuments(yaml, limits);
    QVERIFY2(!result.ok(), "the guard did not trigger");
    QCOMPARE(result.error().code(), code);
    QVERIFY2(result.error().message().contains(message), qPrintable(result.error().message()));
    QVERIFY2(result.error().message().startsWith(u"error converting YAML to JSON: "_qs), qPrintable(result.error().message()));
    // A generous bound: the point is that hostile input cannot make conversion spin.
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void tst_Yaml::encodings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("utf8-bom") << QByteArray("\xEF\xBB\xBF" "a: caf\xC3\xA9\n---\nb: 2\n") << QByteArray("{\"a\":\"caf\xC3\xA9\"}|{\"b\":2}");
    const QString text = u"a: caf\u00e9\n---\nb: 2\n"_qs;
    QByteArray utf16le("\xFF\xFE");
    utf16le.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    QTest::newRow("utf16le-bom") << utf16le << QByteArray("{\"a\":\"caf\xC3\xA9\"}|{\"b\":2}");
    QTest::newRow("invalid-utf8-replaced") << QByteArray("a: \"x\xFFy\"\n") << QByteArray("{\"a\":\"x\xEF\xBF\xBDy\"}");
}

void tst_Yaml::encodings()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, json);
    auto result = yamlToJsonDocuments(input);
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(result->join('|'), json);
}

// ---- JSON -> YAML --------------------------------------------------------------------------

void tst_Yaml::emitYaml_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("yaml");

    QTest::newRow("scalars") << QByteArray(R"({"s":"b","n":1,"f":2.5,"t":true,"z":null})")
                             << QByteArray("s: b\n\"n\": 1\nf: 2.5\nt: true\nz: null\n");
    QTest::newRow("key-order-kept") << QByteArray(R"({"z":1,"a":2})") << QByteArray("z: 1\na: 2\n");
    QTest::newRow("number-text-kept") << QByteArray(R"({"a":1.0,"b":1E5,"c":-0})") << QByteArray("a: 1.0\nb: 1E5\nc: -0\n");
    QTest::newRow("nested-mapping") << QByteArray(R"({"metadata":{"name":"x","labels":{"app":"web"}}})")
                                    << QByteArray("metadata:\n  name: x\n  labels:\n    app: web\n");
    QTest::newRow("sequence-under-key-not-indented") << QByteArray(R"({"args":["a","b"]})") << QByteArray("args:\n- a\n- b\n");
    QTest::newRow("sequence-of-mappings")
        << QByteArray(R"({"spec":{"containers":[{"name":"web","ports":[{"containerPort":80,"protocol":"TCP"}]},{"name":"side"}]}})")
        << QByteArray("spec:\n  containers:\n  - name: web\n    ports:\n    - containerPort: 80\n      protocol: TCP\n  - name: side\n");
    QTest::newRow("sequence-of-sequences") << QByteArray("[[1,2],[3],[]]") << QByteArray("- - 1\n  - 2\n- - 3\n- []\n");
    QTest::newRow("empty-collections") << QByteArray(R"({"a":{},"b":[],"c":[{}]})") << QByteArray("a: {}\nb: []\nc:\n- {}\n");
    QTest::newRow("empty-root-object") << QByteArray("{}") << QByteArray("{}\n");
    QTest::newRow("root-scalar-string") << QByteArray(R"("hi")") << QByteArray("hi\n");
    QTest::newRow("root-number") << QByteArray("12") << QByteArray("12\n");
    QTest::newRow("quote-bool-words") << QByteArray(R"({"a":"true","b":"yes","c":"N","d":"off"})")
                                      << QByteArray("a: \"true\"\nb: \"yes\"\nc: \"N\"\nd: \"off\"\n");
    QTest::newRow("quote-number-words") << QByteArray(R"({"a":"1.0","b":"0x1F","c":"1e3","d":"017","e":"1_000","f":"+1",".5":".5"})")
                                        << QByteArray("a: \"1.0\"\nb: \"0x1F\"\nc: \"1e3\"\nd: \"017\"\ne: \"1_000\"\nf: \"+1\"\n\".5\": \".5\"\n");
    QTest::newRow("quote-null-words") << QByteArray(R"({"a":"null","b":"~","c":"","d":"NULL"})")
                                      << QByteArray("a: \"null\"\nb: \"~\"\nc: \"\"\nd: \"NULL\"\n");
    QTest::newRow("quote-timestamps") << QByteArray(R"({"t":"2008-01-01T01:01:01Z","d":"2001-12-14","x":"2001-13-14"})")
                                      << QByteArray("t: \"2008-01-01T01:01:01Z\"\nd: \"2001-12-14\"\nx: 2001-13-14\n");
    QTest::newRow("quote-base60-and-merge") << QByteArray(R"({"a":"1:20","b":"<<","c":"8080:80"})")
                                            << QByteArray("a: \"1:20\"\nb: \"<<\"\nc: 8080:80\n");
    QTest::newRow("single-quote-spaces") << QByteArray(R"({"a":" lead","b":"trail ","c":"in side"})")
                                         << QByteArray("a: ' lead'\nb: 'trail '\nc: in side\n");
    QTest::newRow("single-quote-indicators")
        << QByteArray(R"({"a":"k: v","b":"x #y","c":"#c","d":"*r","e":"&r","f":"!t","g":"- x","h":"@x","i":"`x","j":"%x","k":"{x","l":"'q","m":"\"q","n":"|x","o":">x","p":"? x","q":": x","r":"---","s":"..."})")
        << QByteArray("a: 'k: v'\nb: 'x #y'\nc: '#c'\nd: '*r'\ne: '&r'\nf: '!t'\ng: '- x'\nh: '@x'\ni: '`x'\nj: '%x'\nk: '{x'\n"
                      "l: '''q'\nm: '\"q'\n\"n\": '|x'\no: '>x'\np: '? x'\nq: ': x'\nr: '---'\ns: '...'\n");
    QTest::newRow("plain-allowed-specials")
        << QByteArray(R"({"a":"-x","b":"x#y","c":"a:b","d":"it's","e":"x-y: ","f":"http://h:80/p?q=1","g":"café"})")
        << QByteArray("a: -x\nb: x#y\nc: a:b\nd: it's\ne: 'x-y: '\nf: http://h:80/p?q=1\ng: café\n");
    QTest::newRow("double-quote-controls")
        << QByteArray(R"({"a":"tab\there","b":"bell\u0007","c":"nul\u0000","d":"cr\r","e":"\u0085","f":"\ufeff"})")
        << QByteArray("a: \"tab\\there\"\nb: \"bell\\a\"\nc: \"nul\\0\"\nd: \"cr\\r\"\ne: \"\\N\"\nf: \"\\uFEFF\"\n");
    QTest::newRow("double-quote-non-bmp") << QByteArray(R"({"e":"smile 😀"})") << QByteArray("e: \"smile \\U0001F600\"\n");
    QTest::newRow("literal-strip") << QByteArray(R"({"a":"x\ny"})") << QByteArray("a: |-\n  x\n  y\n");
    QTest::newRow("literal-clip") << QByteArray(R"({"a":"x\ny\n"})") << QByteArray("a: |\n  x\n  y\n");
    QTest::newRow("literal-keep") << QByteArray(R"({"a":"x\n\n","b":1})") << QByteArray("a: |+\n  x\n\nb: 1\n");
    QTest::newRow("literal-blank-line-inside") << QByteArray(R"({"a":"x\n\ny"})") << QByteArray("a: |-\n  x\n\n  y\n");
    QTest::newRow("literal-leading-space-indicator") << QByteArray(R"({"a":"  x\ny"})") << QByteArray("a: |2-\n    x\n  y\n");
    QTest::newRow("literal-nested-indent") << QByteArray(R"({"d":{"script":"a\nb\n"}})") << QByteArray("d:\n  script: |\n    a\n    b\n");
    QTest::newRow("literal-in-sequence") << QByteArray(R"({"l":["a\nb"]})") << QByteArray("l:\n- |-\n  a\n  b\n");
    QTest::newRow("multiline-trailing-space-double-quoted") << QByteArray(R"({"a":"x \ny"})") << QByteArray("a: \"x \\ny\"\n");
    QTest::newRow("multiline-with-tab-double-quoted") << QByteArray(R"({"a":"x\ty\nz"})") << QByteArray("a: \"x\\ty\\nz\"\n");
    QTest::newRow("keys-quoted-like-values") << QByteArray(R"({"1":"a","true":"b","":"c","a b":"d","k: v":"e"})")
                                             << QByteArray("\"1\": a\n\"true\": b\n\"\": c\na b: d\n'k: v': e\n");
    QTest::newRow("multiline-key-explicit-form") << QByteArray(R"({"a\nb":1})") << QByteArray("? |-\n  a\n  b\n: 1\n");
    QTest::newRow("long-key-explicit-form") << ("{\"" + QByteArray(130, 'k') + "\":{\"x\":1}}")
                                            << ("? " + QByteArray(130, 'k') + "\n:\n  x: 1\n");
    QTest::newRow("invalid-json-gives-empty") << QByteArray("{\"a\":") << QByteArray();
}

void tst_Yaml::emitYaml()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, yaml);
    QCOMPARE(jsonToYaml(json), yaml);
    if (yaml.isEmpty())
        return;
    // What we print must read back as the same JSON (numbers compared as numbers).
    auto back = yamlToJson(yaml);
    QVERIFY2(back.ok(), qPrintable(back.error().message()));
    QCOMPARE(parseJson(back.value()), parseJson(json));
}

static const char *const kRoundTripDocs[][2] = {
    {"deployment", R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, "tier": front}
  annotations:
    note: |
      multi
        indented
      text
    empty: ""
    ver: "1.10"
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    spec:
      containers:
      - name: web
        image: nginx:1.25
        args: ["--port", "8080", "--flag=yes"]
        env:
        - {name: A, value: "true"}
        - name: B
          value: 'it''s'
        resources:
          limits: {cpu: 500m, memory: 1Gi}
        command:
        - sh
        - -c
        - |
          echo hi
          exit 0
)"},
    {"awkward-strings", R"(a: " lead"
b: "trail "
c: "a: b"
d: "x #y"
e: "tab\there"
f: "\U0001F600"
g: "line\n  indented"
h: "\n starts with break"
i: "ends with breaks\n\n"
j: "- dash"
k: "? q"
l: "%"
m: "'"
n: '"'
o: "\\"
p: "null"
q: "0o17"
r: "1:20"
s: "2001-12-14 21:59:43.10"
t: "x\r\ny"
u: "\u2028sep"
v: "a\n\tb"
w: ""
x: "@"
)"},
    {"nested-sequences", "- - - 1\n    - 2\n  - []\n- {}\n- - {a: [x, {b: c}]}\n"},
    {"numbers", "a: [0, -1, 1.5, 1e3, 0x10, 017, 1_000, 9223372036854775807, 18446744073709551615, 1e21, 1e-7, 123456789012345678901234567890]\n"},
    {"leading-space-block-in-sequence", "l:\n- \"  a\\nb\"\n- k: \"  c\\nd\\n\"\n"},
    {"merge-and-alias", "base: &b {x: 1}\nuse: {<<: *b, y: [*b]}\n"},
};

void tst_Yaml::roundTripYaml_data()
{
    QTest::addColumn<QByteArray>("yaml");
    for (const auto &doc : kRoundTripDocs)
        QTest::newRow(doc[0]) << QByteArray(doc[1]);
}

void tst_Yaml::roundTripYaml()
{
    QFETCH(QByteArray, yaml);
    auto json1 = yamlToJson(yaml);
    QVERIFY2(json1.ok(), qPrintable(json1.error().message()));
    const QByteArray emitted = jsonToYaml(json1.value());
    QVERIFY(!emitted.isEmpty());
    auto json2 = yamlToJson(emitted);
    QVERIFY2(json2.ok(), qPrintable(json2.error().message() + u"\n"_qs + QString::fromUtf8(emitted)));
    QCOMPARE(json2.value(), json1.value());
    QCOMPARE(jsonToYaml(json2.value()), emitted); // printing is stable too
}

void tst_Yaml::roundTripJsonStrings_data()
{
    QTest::addColumn<QString>("value");
    const QStringList values = {
        u""_qs, u" "_qs, u"  x  "_qs, u"true"_qs, u"False"_qs, u"y"_qs, u"~"_qs, u"null"_qs, u"1"_qs, u"-1.5e3"_qs,
        u".inf"_qs, u".5"_qs, u"0b11"_qs, u"<<"_qs, u"---"_qs, u"--- x"_qs, u"..."_qs, u"-"_qs, u"- "_qs, u":"_qs,
        u"a:"_qs, u"a: "_qs, u"#"_qs, u"a #"_qs, u"a#"_qs, u"?"_qs, u"? "_qs, u"[x]"_qs, u"{x}"_qs, u"x,y"_qs,
        u"'"_qs, u"\""_qs, u"\\"_qs, u"\n"_qs, u"\n\n"_qs, u"x\n"_qs, u"\nx"_qs, u" \nx"_qs, u"x\n "_qs,
        u"x\n \ny"_qs, u"\t"_qs, u"\r"_qs, u"a\u0085b"_qs, u"a\u2028b"_qs, u"a\u2029b"_qs, u"\u00a0"_qs,
        u"\ufeffbom"_qs, u"\U0001F600"_qs, u"\u0001"_qs, u"\u007f"_qs, u"2001-01-01"_qs, u"2001-1-1 1:2:3"_qs,
        u"2001-01-01t01:02:03.5+01:00"_qs, u"12:30:45"_qs, u"0:0"_qs, u"!x"_qs, u"&a"_qs, u"*a"_qs, u"|"_qs,
        u">"_qs, u"%YAML"_qs, u"@"_qs, u"`"_qs, u"very long line "_qs.repeated(20),
    };
    for (const QString &v : values)
        QTest::newRow(qPrintable(u"value-"_qs + QString::fromLatin1(v.toUtf8().toHex()))) << v;
}

void tst_Yaml::roundTripJsonStrings()
{
    QFETCH(QString, value);
    // The string as a value, as a key, and inside a sequence and a nested mapping.
    QJsonObject o{{u"v"_qs, value}, {value, 1}, {u"l"_qs, QJsonArray{value, value}},
                  {u"m"_qs, QJsonObject{{u"k"_qs, value}}}};
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Compact);
    const QByteArray yaml = jsonToYaml(json);
    auto back = yamlToJson(yaml);
    QVERIFY2(back.ok(), qPrintable(back.error().message() + u"\n"_qs + QString::fromUtf8(yaml)));
    QCOMPARE(parseJson(back.value()).object(), o);
}

void tst_Yaml::mutatedInputs_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 2u, 3u, 4u})
        QTest::newRow(qPrintable(u"seed-"_qs + QString::number(seed))) << seed;
}

// Seeded random edits of valid documents: every input must end in a value or a clean error,
// and whatever converts must survive JSON -> YAML -> JSON unchanged.
void tst_Yaml::mutatedInputs()
{
    QFETCH(quint32, seed);
    QRandomGenerator rng(seed);
    static const char alphabet[] = "-:,[]{}&*!|>'\"%@`#? \n\t\r0123456789aby.~<\\";
    int converted = 0;
    for (int i = 0; i < 150; ++i) {
        QByteArray input(kRoundTripDocs[rng.bounded(int(std::size(kRoundTripDocs)))][1]);
        for (int edits = 1 + rng.bounded(5); edits > 0 && !input.isEmpty(); --edits) {
            const int pos = rng.bounded(int(input.size()));
            const char c = alphabet[rng.bounded(int(sizeof alphabet - 1))];
            switch (rng.bounded(3)) {
            case 0: input[pos] = c; break;
            case 1: input.insert(pos, c); break;
            default: input.remove(pos, 1 + rng.bounded(3)); break;
            }
        }
        auto documents = yamlToJsonDocuments(input);
        if (!documents) {
            QVERIFY2(documents.error().message().startsWith(u"error converting YAML to JSON: "_qs), input.constData());
            continue;
        }
        ++converted;
        for (const QByteArray &json : documents.value()) {
            auto back = yamlToJson(jsonToYaml(json));
            QVERIFY2(back.ok(), input.constData());
            QCOMPARE(back.value(), json);
        }
    }
    QVERIFY(converted > 0); // the edits leave some documents valid, so the round trip is exercised
}

// ---- upstream fixtures ---------------------------------------------------------------------

void tst_Yaml::fixtures_data()
{
    QTest::addColumn<QString>("base");
    const QString dir = timonel::test::roundtripFixturesDir();
    if (dir.isEmpty())
        QSKIP("the k8s-roundtrip fixtures are not available");
    const QStringList files = QDir(dir).entryList({u"*.json"_qs}, QDir::Files, QDir::Name);
    QVERIFY(files.size() > 10);
    for (const QString &f : files)
        QTest::newRow(qPrintable(f.chopped(5))) << dir + u'/' + f.chopped(5);
}

static QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void tst_Yaml::fixtures()
{
    QFETCH(QString, base);
    const QByteArray json = readFile(base + u".json"_qs);
    const QByteArray yaml = readFile(base + u".yaml"_qs);
    QVERIFY(!json.isEmpty());
    QVERIFY(!yaml.isEmpty());

    // The upstream YAML reads as the upstream JSON.
    auto fromYaml = yamlToJson(yaml);
    QVERIFY2(fromYaml.ok(), qPrintable(fromYaml.error().message()));
    QCOMPARE(QJsonDocument::fromJson(fromYaml.value()), QJsonDocument::fromJson(json));

    // JSON -> YAML -> JSON gives back the same bytes (minified, key order kept).
    auto minified = Object::parse(json);
    const QByteArray expected = minified ? minified->json() : QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
    const QByteArray emitted = jsonToYaml(json);
    auto back = yamlToJson(emitted);
    QVERIFY2(back.ok(), qPrintable(back.error().message()));
    QCOMPARE(back.value(), expected);

    // With keys sorted (as Go maps print) our YAML is byte-for-byte what upstream printed.
    const QByteArray sorted = QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact);
    QCOMPARE(QString::fromUtf8(jsonToYaml(sorted)), QString::fromUtf8(yaml));
}

// ---- manifests -----------------------------------------------------------------------------

void tst_Yaml::parseManifests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("yaml-stream") << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n# c\n---\n"
                                               "apiVersion: v1\nkind: Secret\nmetadata:\n  name: b\n")
                                 << QStringList{u"a"_qs, u"b"_qs};
    QTest::newRow("json-object") << QByteArray("  {\"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}}\n") << QStringList{u"p"_qs};
    QTest::newRow("json-concatenated") << QByteArray(R"({"metadata":{"name":"x"}} {"metadata":{"name":"y"}})")
                                       << QStringList{u"x"_qs, u"y"_qs};
    QTest::newRow("yaml-flow-mapping-falls-back") << QByteArray("{metadata: {name: f}}\n") << QStringList{u"f"_qs};
    QTest::newRow("empty") << QByteArray("") << QStringList{};
}

void tst_Yaml::parseManifests()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, names);
    auto objects = kube::parseManifests(input);
    QVERIFY2(objects.ok(), qPrintable(objects.error().message()));
    QStringList got;
    for (const Object &o : objects.value())
        got << o.name();
    QCOMPARE(got, names);
}

void tst_Yaml::manifestErrors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("list-document")
        << QByteArray("kind: A\n---\n- a\n- b\n")
        << u"error converting YAML to JSON: yaml: line 3: expected a mapping (a Kubernetes object), found a sequence (column 1, document 2)"_qs;
    QTest::newRow("scalar-document")
        << QByteArray("hello\n") << u"error converting YAML to JSON: yaml: line 1: expected a mapping (a Kubernetes object), found a scalar (column 1, document 1)"_qs;
    QTest::newRow("syntax-error-names-document")
        << QByteArray("a: 1\n---\nb: [1\n") << u"error converting YAML to JSON: yaml: line 4: end of sequence flow not found (column 1, document 2)"_qs;
    QTest::newRow("json-array-in-stream")
        << QByteArray(R"({"a":1} [1])") << u"invalid object: the JSON document is not an object (document 2)"_qs;
}

void tst_Yaml::manifestErrors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, message);
    auto objects = kube::parseManifests(input);
    QVERIFY(!objects.ok());
    QCOMPARE(objects.error().code(), 400);
    QCOMPARE(objects.error().message(), message);
}

void tst_Yaml::toYamlOfObject()
{
    auto o = Object::parse(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"k":"1"}})");
    QVERIFY(o.ok());
    QCOMPARE(toYaml(o.value()), QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: \"1\"\n"));
    QCOMPARE(toYaml(Object()), QByteArray());
}

QTEST_GUILESS_MAIN(tst_Yaml)
#include "tst_yaml.moc"
