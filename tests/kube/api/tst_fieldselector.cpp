#include "kube/api/fieldselector.h"
#include "kube/api/object.h"

#include <QHash>
#include <QTest>

using namespace kube;
using Op = FieldRequirement::Operator;

class tst_FieldSelector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseCanonical_data();
    void parseCanonical();
    void parseErrors_data();
    void parseErrors();
    void escaping_data();
    void escaping();
    void matchesFields_data();
    void matchesFields();
    void matchesObject_data();
    void matchesObject();
    void requirements();
    void requiresExactMatch_data();
    void requiresExactMatch();
    void checkSupported_data();
    void checkSupported();
    void everythingAndNothing();
};

// Parse then String(); rows from upstream fields/selector_test.go TestSelectorParse and
// TestSelectorString.
void tst_FieldSelector::parseCanonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("three-terms") << "x=a,y=b,z=c" << "x=a,y=b,z=c";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("not-equal") << "x!=a,y=b" << "x!=a,y=b";
    QTest::newRow("sorted-by-term-text") << "z=c,x=a,y=b" << "x=a,y=b,z=c";
    QTest::newRow("double-equals-prints-single") << "x==a" << "x=a";
    QTest::newRow("empty-value") << "x=" << "x=";
    QTest::newRow("empty-terms-skipped") << ",x=a,,y=b," << "x=a,y=b";
    QTest::newRow("bare-equals-dropped") << "=" << "";
    QTest::newRow("empty-field-kept") << "=a" << "=a";
    QTest::newRow("metadata-name") << "metadata.name=web" << "metadata.name=web";
    QTest::newRow("escaped-comma") << "x=a\\,b" << "x=a\\,b";
    QTest::newRow("escaped-equals") << "x=a\\=b" << "x=a\\=b";
    QTest::newRow("escaped-backslash") << "x=a\\\\b" << "x=a\\\\b";
    QTest::newRow("escaped-comma-does-not-split") << "b=x\\,y,a=z" << "a=z,b=x\\,y";
    QTest::newRow("bang-in-value") << "x=a!b" << "x=a!b";
    QTest::newRow("spaces-are-data") << "x = a" << "x = a";
    QTest::newRow("events") << "involvedObject.name=web,involvedObject.namespace=default,involvedObject.kind=Pod,involvedObject.uid=123"
                            << "involvedObject.kind=Pod,involvedObject.name=web,involvedObject.namespace=default,involvedObject.uid=123";
}

void tst_FieldSelector::parseCanonical()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    const Expected<FieldSelector> s = FieldSelector::parse(input);
    QVERIFY2(s.ok(), qPrintable(s.error().message()));
    QCOMPARE(s->toString(), canonical);
    const Expected<FieldSelector> again = FieldSelector::parse(canonical);
    QVERIFY(again.ok());
    QCOMPARE(*again, *s);
}

void tst_FieldSelector::parseErrors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("no-operator") << "x" << "invalid selector: 'x'; can't understand 'x'";
    QTest::newRow("no-operator-second-term") << "a=b,c" << "invalid selector: 'a=b,c'; can't understand 'c'";
    QTest::newRow("or-operator") << "x=a||y=b" << "invalid field selector: unescaped character in value: 61";
    QTest::newRow("double-value") << "x==a==b" << "invalid field selector: unescaped character in value: 61";
    QTest::newRow("bang-only") << "x!a" << "invalid selector: 'x!a'; can't understand 'x!a'";
    QTest::newRow("greater-than") << "x>1" << "invalid selector: 'x>1'; can't understand 'x>1'";
    QTest::newRow("bad-escape") << "x=a\\b" << "invalid field selector: invalid escape sequence: \\b";
    QTest::newRow("bang-escape-not-supported") << "x=a\\!" << "invalid field selector: invalid escape sequence: \\!";
    QTest::newRow("trailing-backslash") << "x=a\\" << "invalid field selector: invalid escape sequence: \\";
    QTest::newRow("unescaped-equals") << "x=a=b" << "invalid field selector: unescaped character in value: 61";
}

void tst_FieldSelector::parseErrors()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    const Expected<FieldSelector> s = FieldSelector::parse(input);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code(), 400);
    QVERIFY(s.error().is(reason::BadRequest));
    QCOMPARE(s.error().message(), message);
}

// Rows from upstream TestEscapeValue / TestUnescapeValue.
void tst_FieldSelector::escaping_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << "foo" << "foo";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("backslash") << "\\" << "\\\\";
    QTest::newRow("comma") << "," << "\\,";
    QTest::newRow("equals") << "=" << "\\=";
    QTest::newRow("mixed") << "a\\b,c=d" << "a\\\\b\\,c\\=d";
    QTest::newRow("bang-untouched") << "a!b" << "a!b";
    QTest::newRow("unicode") << u"caf\u00e9"_qs << u"caf\u00e9"_qs;
}

void tst_FieldSelector::escaping()
{
    QFETCH(QString, raw);
    QFETCH(QString, escaped);
    QCOMPARE(FieldSelector::escapeValue(raw), escaped);
    const Expected<QString> back = FieldSelector::unescapeValue(escaped);
    QVERIFY(back.ok());
    QCOMPARE(*back, raw);
    // A selector built from the escaped text matches the raw value.
    const FieldSelector s = *FieldSelector::parse(u"f="_qs + escaped);
    QVERIFY(s.matches([&](QStringView) { return std::optional<QString>(raw); }));
}

void tst_FieldSelector::matchesFields_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("fields"); // "a=1;b=2"
    QTest::addColumn<bool>("expected");
    QTest::newRow("equal") << "x=y" << "x=y" << true;
    QTest::newRow("two-equal") << "x=y,z=w" << "x=y;z=w" << true;
    QTest::newRow("not-equal") << "x!=y,z!=w" << "x=z;z=a" << true;
    QTest::newRow("empty-selector") << "" << "x=y" << true;
    QTest::newRow("equal-fails") << "x=y" << "x=z" << false;
    QTest::newRow("one-of-two-fails") << "x=y,z=w" << "x=w;z=w" << false;
    QTest::newRow("not-equal-fails") << "x!=y,z!=w" << "x=z;z=w" << false;
    QTest::newRow("missing-is-empty-equal") << "x=" << "" << true;
    QTest::newRow("missing-is-empty-not-equal") << "x!=" << "" << false;
    QTest::newRow("missing-not-equal-value") << "x!=a" << "" << true;
    QTest::newRow("missing-equal-value") << "x=a" << "" << false;
    QTest::newRow("escaped-comma-value") << "x=a\\,b" << "x=a,b" << true;
}

void tst_FieldSelector::matchesFields()
{
    QFETCH(QString, selector);
    QFETCH(QString, fields);
    QFETCH(bool, expected);
    QHash<QString, QString> set;
    for (const QString &pair : fields.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        set.insert(pair.left(eq), pair.mid(eq + 1));
    }
    const Expected<FieldSelector> s = FieldSelector::parse(selector);
    QVERIFY2(s.ok(), qPrintable(s.error().message()));
    const auto getter = [&](QStringView field) -> std::optional<QString> {
        const auto it = set.constFind(field.toString());
        return it == set.cend() ? std::nullopt : std::optional<QString>(*it);
    };
    QCOMPARE(s->matches(getter), expected);
}

void tst_FieldSelector::matchesObject_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("expected");
    QTest::newRow("name") << "metadata.name=web-0" << true;
    QTest::newRow("name-and-namespace") << "metadata.name=web-0,metadata.namespace=prod" << true;
    QTest::newRow("wrong-namespace") << "metadata.namespace=default" << false;
    QTest::newRow("node-name") << "spec.nodeName=node-1" << true;
    QTest::newRow("phase-not-running") << "status.phase!=Running" << false;
    QTest::newRow("phase-not-pending") << "status.phase!=Pending" << true;
    QTest::newRow("missing-field-is-empty") << "spec.serviceAccountName=" << true;
    QTest::newRow("missing-field-not-empty") << "spec.serviceAccountName!=" << false;
    QTest::newRow("number-as-text") << "spec.priority=5" << true;
    QTest::newRow("boolean-as-text") << "spec.hostNetwork=true" << true;
    QTest::newRow("object-is-not-a-scalar") << "spec=" << true;
}

void tst_FieldSelector::matchesObject()
{
    QFETCH(QString, selector);
    QFETCH(bool, expected);
    const Expected<Object> pod = Object::parse(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-0","namespace":"prod"},
        "spec":{"nodeName":"node-1","priority":5,"hostNetwork":true},"status":{"phase":"Running"}})");
    QVERIFY(pod.ok());
    const Expected<FieldSelector> s = FieldSelector::parse(selector);
    QVERIFY2(s.ok(), qPrintable(s.error().message()));
    QCOMPARE(s->matches(*pod), expected);
}

void tst_FieldSelector::requirements()
{
    const FieldSelector s = *FieldSelector::parse(u"status.phase!=Running,metadata.name==a\\=b");
    const QList<FieldRequirement> reqs = s.requirements();
    QCOMPARE(reqs.size(), 2);
    QCOMPARE(reqs[0].field, u"metadata.name"_qs);
    QCOMPARE(reqs[0].op, Op::Equals);
    QCOMPARE(reqs[0].value, u"a=b"_qs);
    QCOMPARE(reqs[1].field, u"status.phase"_qs);
    QCOMPARE(reqs[1].op, Op::NotEquals);
    QCOMPARE(reqs[1].value, u"Running"_qs);
}

void tst_FieldSelector::requiresExactMatch_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value"); // null when not pinned
    QTest::newRow("name") << "metadata.name=web" << "metadata.name" << "web";
    QTest::newRow("namespace-among-others") << "metadata.namespace=prod,status.phase=Running" << "metadata.namespace" << "prod";
    QTest::newRow("double-equals") << "metadata.name==web" << "metadata.name" << "web";
    QTest::newRow("not-equal-does-not-pin") << "metadata.name!=web" << "metadata.name" << QString();
    QTest::newRow("other-field") << "status.phase=Running" << "metadata.name" << QString();
    QTest::newRow("empty-selector") << "" << "metadata.name" << QString();
    QTest::newRow("empty-value") << "metadata.name=" << "metadata.name" << "";
}

void tst_FieldSelector::requiresExactMatch()
{
    QFETCH(QString, selector);
    QFETCH(QString, field);
    QFETCH(QString, value);
    const std::optional<QString> got = FieldSelector::parse(selector)->requiresExactMatch(field);
    QCOMPARE(got.has_value(), !value.isNull());
    if (got)
        QCOMPARE(*got, value);
}

void tst_FieldSelector::checkSupported_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QStringList>("supported");
    QTest::addColumn<QString>("error"); // empty when supported
    const QStringList pods{u"spec.nodeName"_qs, u"status.phase"_qs, u"spec.restartPolicy"_qs};
    QTest::newRow("metadata-always") << "metadata.name=a,metadata.namespace=b" << QStringList() << QString();
    QTest::newRow("pod-fields") << "spec.nodeName=n,status.phase!=Running" << pods << QString();
    QTest::newRow("unsupported") << "spec.nodeName=n,spec.foo=bar" << pods << "field label not supported: spec.foo";
    QTest::newRow("label-style-field") << "app=web" << pods << "field label not supported: app";
    QTest::newRow("empty-selector") << "" << QStringList() << QString();
}

void tst_FieldSelector::checkSupported()
{
    QFETCH(QString, selector);
    QFETCH(QStringList, supported);
    QFETCH(QString, error);
    const Status st = FieldSelector::parse(selector)->checkSupported(supported);
    QCOMPARE(st.isSuccess(), error.isEmpty());
    if (error.isEmpty())
        return;
    QCOMPARE(st.code(), 400);
    QVERIFY(st.is(reason::BadRequest));
    QCOMPARE(st.message(), error);
}

void tst_FieldSelector::everythingAndNothing()
{
    const auto getter = [](QStringView) { return std::optional<QString>(u"x"_qs); };
    QVERIFY(FieldSelector().isEmpty());
    QVERIFY(FieldSelector().matches(getter));
    QVERIFY(!FieldSelector::nothing().isEmpty());
    QVERIFY(FieldSelector::nothing().matchesNothing());
    QVERIFY(!FieldSelector::nothing().matches(getter));
    QCOMPARE(FieldSelector::nothing().toString(), QString());
    const FieldSelector one = FieldSelector::oneTermEqual(u"metadata.name"_qs, u"a,b"_qs);
    QCOMPARE(one.toString(), u"metadata.name=a\\,b"_qs);
    QCOMPARE(one.requiresExactMatch(u"metadata.name"), std::optional<QString>(u"a,b"_qs));
    QCOMPARE(*FieldSelector::parse(one.toString()), one);
}

QTEST_GUILESS_MAIN(tst_FieldSelector)
#include "tst_fieldselector.moc"
