#include "kube/api/labelselector.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kube;
using Op = LabelRequirement::Operator;

namespace {

// "a=1,b=2" → Labels; test input only (no escaping needed).
Labels labelsFrom(const QString &text)
{
    Labels labels;
    for (const QString &pair : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(u'=');
        labels.insert(pair.left(eq), pair.mid(eq + 1));
    }
    return labels;
}

const QString kNameRegex = u"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"_qs;
const QString kValueRegex = u"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"_qs;
const QString kPrefixRegex = u"prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"_qs;

} // namespace

class tst_LabelSelector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseCanonical_data();
    void parseCanonical();
    void parseErrors_data();
    void parseErrors();
    void matches_data();
    void matches();
    void fromJson_data();
    void fromJson();
    void nullAndEmptySelectors();
    void requiresExactMatch_data();
    void requiresExactMatch();
    void fromSetAndAdd();
    void requirementsAreExposed();
};

// Parse then String(); rows from upstream TestSelectorParse, TestSetSelectorParser, TestToString.
void tst_LabelSelector::parseCanonical_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("canonical");
    QTest::newRow("equalities") << "x=a,y=b,z=c" << "x=a,y=b,z=c";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("only-whitespace") << "  \t" << "";
    QTest::newRow("not-equals") << "x!=a,y=b" << "x!=a,y=b";
    QTest::newRow("empty-value") << "x=" << "x=";
    QTest::newRow("empty-value-space") << "x= " << "x=";
    QTest::newRow("two-empty-values") << "x=,z= " << "x=,z=";
    QTest::newRow("two-empty-values-spaces") << "x= ,z= " << "x=,z=";
    QTest::newRow("does-not-exist") << "!x" << "!x";
    QTest::newRow("greater-than") << "x>1" << "x>1";
    QTest::newRow("greater-and-less") << "x>1,z<5" << "x>1,z<5";
    QTest::newRow("sorted-by-key") << "x=a,a=x" << "a=x,x=a";
    QTest::newRow("sorted-stably") << "b=1,a=2,b!=3" << "a=2,b=1,b!=3";
    QTest::newRow("exists-sorted") << "z,y,x" << "x,y,z";
    QTest::newRow("double-equals-kept") << "x==a" << "x==a";
    QTest::newRow("in-values-sorted") << "x in (b,a)" << "x in (a,b)";
    QTest::newRow("in-duplicates-dropped") << "x in (abc,abc)" << "x in (abc)";
    QTest::newRow("in-empty-parens") << "x in ()" << "x in ()";
    QTest::newRow("in-trailing-commas") << "x in (a,,)" << "x in (,a)";
    QTest::newRow("in-many-commas") << "x in (a,,a,,a,,a,,)" << "x in (,a)";
    QTest::newRow("mixed-terms") << "x notin (abc,,def),bar,z in (),w" << "bar,w,x notin (,abc,def),z in ()";
    QTest::newRow("carriage-return") << "\rx" << "x";
    QTest::newRow("tabs-and-spaces") << "foo  in\t (abc)" << "foo in (abc)";
    QTest::newRow("newline") << "x notin\n (abc)" << "x notin (abc)";
    QTest::newRow("keywords-as-values") << "a in (x,y,notin, z,in)" << "a in (in,notin,x,y,z)";
    QTest::newRow("keywords-as-key-and-value") << "notin=in" << "notin=in";
    QTest::newRow("prefixed-key") << "this-is-a-dns.domain.com/key-with-dash" << "this-is-a-dns.domain.com/key-with-dash";
    QTest::newRow("prefixed-key-notin") << "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)" << "0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)";
    QTest::newRow("trailing-space") << "a " << "a";
    QTest::newRow("notin-space-only") << "x notin ( )" << "x notin ()";
    QTest::newRow("notin-leading-empty") << "x notin (, a)" << "x notin (,a)";
    QTest::newRow("set-and-equality") << "x=a,y!=b,z in (h,i,j)" << "x=a,y!=b,z in (h,i,j)";
    QTest::newRow("exists-and-in") << "x,y in (a)" << "x,y in (a)";
    QTest::newRow("no-spaces-around-operators") << "app==web,tier!=db" << "app==web,tier!=db";
    QTest::newRow("value-with-dots-dashes") << "version=v1.2-rc_3" << "version=v1.2-rc_3";
}

void tst_LabelSelector::parseCanonical()
{
    QFETCH(QString, input);
    QFETCH(QString, canonical);
    const Expected<LabelSelector> s = LabelSelector::parse(input);
    QVERIFY2(s.ok(), qPrintable(s.error().message()));
    QCOMPARE(s->toString(), canonical);
    // The canonical form is a fixed point.
    const Expected<LabelSelector> again = LabelSelector::parse(canonical);
    QVERIFY(again.ok());
    QCOMPARE(again->toString(), canonical);
    QCOMPARE(*again, *s);
}

void tst_LabelSelector::parseErrors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");
    const QString req = u"unable to parse requirement: "_qs;
    const QString ops = u"in, notin, =, ==, !=, >, <"_qs;
    QTest::newRow("or-operator") << "x=a||y=b" << req + u"values[0][x]: Invalid value: \"a||y\": "_qs + kValueRegex;
    QTest::newRow("chained-equals") << "x==a==b" << "found '==', expected: ',' or 'end of string'";
    QTest::newRow("not-with-value") << "!x=a" << "found '=', expected: ',' or 'end of string'";
    QTest::newRow("less-than-non-integer") << "x<a" << req + u"values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer"_qs;
    QTest::newRow("greater-than-overflow") << "x>99999999999999999999" << req + u"values[0]: Invalid value: \"99999999999999999999\": for 'Gt', 'Lt' operators, the value must be an integer"_qs;
    QTest::newRow("greater-than-negative-is-bad-label") << "x>-1" << req + u"values[0][x]: Invalid value: \"-1\": "_qs + kValueRegex;
    QTest::newRow("double-comma") << "x,,y" << "found ',', expected: identifier after ','";
    QTest::newRow("leading-comma") << ",x,y" << "found ',', expected: !, identifier, or 'end of string'";
    QTest::newRow("misspelled-operator") << "x nott in (y)" << req + u"found 'nott', expected: "_qs + ops;
    QTest::newRow("trailing-comma") << "a in (xyz)," << "found '', expected: identifier after ','";
    QTest::newRow("missing-comma-between-terms") << "a in (xyz)b notin ()" << "found 'b', expected: ',' or 'end of string'";
    QTest::newRow("missing-comma-in-set") << "a in (xyz abc)" << req + u"found 'abc', expected: ',' or ')'"_qs;
    QTest::newRow("unclosed-set") << "a notin(" << req + u"found '', expected: ',', ')' or identifier"_qs;
    QTest::newRow("set-without-operator") << "a (" << req + u"found '(', expected: "_qs + ops;
    QTest::newRow("open-paren") << "(" << "found '(', expected: !, identifier, or 'end of string'";
    QTest::newRow("in-without-parens") << "x in a" << req + u"found 'a' expected: '('"_qs;
    QTest::newRow("equals-paren") << "x=(" << req + u"found '(', expected: identifier"_qs;
    QTest::newRow("bang-at-end") << "x in (a),!" << req + u"found '', expected: identifier"_qs;
    QTest::newRow("key-starts-with-dash") << "-a" << req + u"<nil>: Invalid value: \"-a\": name part "_qs + kNameRegex;
    QTest::newRow("key-too-many-slashes") << "a/b/c=x"
                                          << req + u"<nil>: Invalid value: \"a/b/c\": a valid label key "_qs + kNameRegex
                                                 + u" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"_qs;
    QTest::newRow("key-empty-prefix") << "/a" << req + u"<nil>: Invalid value: \"/a\": prefix part must be non-empty"_qs;
    QTest::newRow("key-uppercase-prefix") << "Example.com/a" << req + u"<nil>: Invalid value: \"Example.com/a\": "_qs + kPrefixRegex;
    QTest::newRow("key-empty-name") << "a/" << req + u"<nil>: Invalid value: \"a/\": name part must be non-empty; name part "_qs + kNameRegex;
    QTest::newRow("key-name-too-long") << QString(64, u'k') << req + u"<nil>: Invalid value: \"%1\": name part must be no more than 63 bytes"_qs.arg(QString(64, u'k'));
    QTest::newRow("value-too-long") << u"a="_qs + QString(64, u'v') << req + u"values[0][a]: Invalid value: \"%1\": must be no more than 63 bytes"_qs.arg(QString(64, u'v'));
    QTest::newRow("value-with-space-in-set") << "x in (a b)" << req + u"found 'b', expected: ',' or ')'"_qs;
    QTest::newRow("value-bad-end") << "x=a-" << req + u"values[0][x]: Invalid value: \"a-\": "_qs + kValueRegex;
}

void tst_LabelSelector::parseErrors()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    const Expected<LabelSelector> s = LabelSelector::parse(input);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code(), 400);
    QVERIFY(s.error().is(reason::BadRequest));
    QCOMPARE(s.error().message(), message);
}

// Rows from upstream TestSelectorMatches and TestRequirementSelectorMatching.
void tst_LabelSelector::matches_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<bool>("expected");
    QTest::newRow("empty-matches-all") << "" << "x=y" << true;
    QTest::newRow("equal") << "x=y" << "x=y" << true;
    QTest::newRow("two-equal") << "x=y,z=w" << "x=y,z=w" << true;
    QTest::newRow("two-not-equal") << "x!=y,z!=w" << "x=z,z=a" << true;
    QTest::newRow("keywords-exact") << "notin=in" << "notin=in" << true;
    QTest::newRow("exists") << "x" << "x=z" << true;
    QTest::newRow("does-not-exist") << "!x" << "y=z" << true;
    QTest::newRow("greater") << "x>1" << "x=2" << true;
    QTest::newRow("less") << "x<1" << "x=0" << true;
    QTest::newRow("equal-missing") << "x=z" << "" << false;
    QTest::newRow("equal-other-value") << "x=y" << "x=z" << false;
    QTest::newRow("one-of-two") << "x=y,z=w" << "x=w,z=w" << false;
    QTest::newRow("not-equal-fails") << "x!=y,z!=w" << "x=z,z=w" << false;
    QTest::newRow("exists-missing") << "x" << "y=z" << false;
    QTest::newRow("does-not-exist-present") << "!x" << "x=z" << false;
    QTest::newRow("greater-fails") << "x>1" << "x=0" << false;
    QTest::newRow("less-fails") << "x<1" << "x=2" << false;
    QTest::newRow("greater-missing") << "x>1" << "" << false;
    QTest::newRow("greater-non-integer-label") << "z>1" << "z=v2" << false;
    QTest::newRow("extra-requirement") << "foo=bar,foobar=bar,baz=blah" << "foo=bar,baz=blah" << false;
    QTest::newRow("in-and-notin") << "x in (foo),y notin (alpha)" << "x=foo,y=baz" << true;
    QTest::newRow("in-fails") << "x in (foo),y in (alpha)" << "x=foo,y=baz" << false;
    QTest::newRow("notin-empty-missing-key") << "x notin (),y" << "y=" << true;
    QTest::newRow("does-not-exist-and-exists") << "!x,y" << "y=" << true;
    QTest::newRow("notin-and-does-not-exist") << "x notin (),!y" << "y=" << false;
    QTest::newRow("in-empty-value") << "x in ()" << "y=baz" << false;
    QTest::newRow("in-empty-value-matches-empty") << "x in ()" << "x=" << true;
    QTest::newRow("empty-value-equality") << "x=" << "x=" << true;
    QTest::newRow("not-equal-missing-key") << "x!=a" << "" << true;
}

void tst_LabelSelector::matches()
{
    QFETCH(QString, selector);
    QFETCH(QString, labels);
    QFETCH(bool, expected);
    const Expected<LabelSelector> s = LabelSelector::parse(selector);
    QVERIFY2(s.ok(), qPrintable(s.error().message()));
    QCOMPARE(s->matches(labelsFrom(labels)), expected);
}

// metav1.LabelSelector → selector (LabelSelectorAsSelector).
void tst_LabelSelector::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("canonical"); // or the error message
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty-object") << QByteArray("{}") << "" << true;
    QTest::newRow("empty-lists") << QByteArray(R"({"matchLabels":{},"matchExpressions":[]})") << "" << true;
    QTest::newRow("match-labels") << QByteArray(R"({"matchLabels":{"app":"web"}})") << "app=web" << true;
    QTest::newRow("labels-and-expressions-sorted")
        << QByteArray(R"({"matchLabels":{"b":"2","a":"1"},"matchExpressions":[{"key":"tier","operator":"In","values":["fe","be"]}]})")
        << "a=1,b=2,tier in (be,fe)" << true;
    QTest::newRow("exists-and-does-not-exist")
        << QByteArray(R"({"matchExpressions":[{"key":"y","operator":"DoesNotExist"},{"key":"x","operator":"Exists"}]})") << "x,!y" << true;
    QTest::newRow("notin") << QByteArray(R"({"matchExpressions":[{"key":"env","operator":"NotIn","values":["prod"]}]})") << "env notin (prod)" << true;
    QTest::newRow("in-without-values")
        << QByteArray(R"({"matchExpressions":[{"key":"x","operator":"In"}]})")
        << "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty" << false;
    QTest::newRow("exists-with-values")
        << QByteArray(R"({"matchExpressions":[{"key":"x","operator":"Exists","values":["a"]}]})")
        << "values: Invalid value: [\"a\"]: values set must be empty for exists and does not exist" << false;
    QTest::newRow("unknown-operator") << QByteArray(R"({"matchExpressions":[{"key":"x","operator":"Equals","values":["a"]}]})")
                                      << "\"Equals\" is not a valid label selector operator" << false;
    QTest::newRow("bad-key") << QByteArray(R"({"matchLabels":{"-x":"a"}})") << u"key: Invalid value: \"-x\": name part "_qs + kNameRegex << false;
    QTest::newRow("bad-value") << QByteArray(R"({"matchLabels":{"app":"-x"}})") << u"values[0][app]: Invalid value: \"-x\": "_qs + kValueRegex << false;
    QTest::newRow("bad-key-and-values")
        << QByteArray(R"({"matchExpressions":[{"key":"a b","operator":"In"}]})")
        << u"[key: Invalid value: \"a b\": name part "_qs + kNameRegex + u", values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty]"_qs
        << false;
}

void tst_LabelSelector::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, canonical);
    QFETCH(bool, valid);
    const Expected<LabelSelector> s = LabelSelector::fromLabelSelectorJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(s.ok(), valid);
    if (!valid) {
        QCOMPARE(s.error().code(), 400);
        QCOMPARE(s.error().message(), canonical);
        return;
    }
    QCOMPARE(s->toString(), canonical);
    QVERIFY(!s->matchesNothing());
    QCOMPARE(s->isEmpty(), canonical.isEmpty());
}

void tst_LabelSelector::nullAndEmptySelectors()
{
    const Labels some{{u"app"_qs, u"web"_qs}};
    // A null metav1.LabelSelector selects nothing; an empty one selects everything.
    const Expected<LabelSelector> null = LabelSelector::fromLabelSelectorJson(QJsonValue(QJsonValue::Null));
    QVERIFY(null.ok());
    QVERIFY(null->matchesNothing());
    QVERIFY(!null->isEmpty());
    QVERIFY(!null->matches(some));
    QVERIFY(!null->matches(Labels()));
    QCOMPARE(null->toString(), QString());

    const Expected<LabelSelector> absent = LabelSelector::fromLabelSelectorJson(QJsonObject().value(u"selector"));
    QVERIFY(absent.ok());
    QVERIFY(absent->matchesNothing());

    const Expected<LabelSelector> empty = LabelSelector::fromLabelSelectorJson(QJsonValue(QJsonObject()));
    QVERIFY(empty.ok());
    QVERIFY(empty->isEmpty());
    QVERIFY(empty->matches(some));
    QVERIFY(empty->matches(Labels()));

    QVERIFY(LabelSelector().isEmpty());
    QVERIFY(LabelSelector::everything().matches(some));
    QVERIFY(!(LabelSelector::nothing() == LabelSelector::everything()));
    QVERIFY(!LabelSelector::fromLabelSelectorJson(QJsonValue(u"app=web"_qs)).ok());
}

void tst_LabelSelector::requiresExactMatch_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("value"); // null when not pinned
    QTest::newRow("equals") << "app=web,tier in (fe),env in (a,b),x!=y" << "app" << "web";
    QTest::newRow("in-single") << "app=web,tier in (fe),env in (a,b),x!=y" << "tier" << "fe";
    QTest::newRow("in-two-values") << "app=web,tier in (fe),env in (a,b),x!=y" << "env" << QString();
    QTest::newRow("not-equals") << "app=web,tier in (fe),env in (a,b),x!=y" << "x" << QString();
    QTest::newRow("absent-label") << "app=web" << "other" << QString();
    QTest::newRow("double-equals") << "a==b" << "a" << "b";
    QTest::newRow("empty-value") << "a=" << "a" << "";
    QTest::newRow("exists") << "a" << "a" << QString();
    QTest::newRow("first-requirement-decides") << "a!=x,a=y" << "a" << QString();
}

void tst_LabelSelector::requiresExactMatch()
{
    QFETCH(QString, selector);
    QFETCH(QString, label);
    QFETCH(QString, value);
    const LabelSelector s = *LabelSelector::parse(selector);
    const std::optional<QString> got = s.requiresExactMatch(label);
    QCOMPARE(got.has_value(), !value.isNull());
    if (got)
        QCOMPARE(*got, value);
}

void tst_LabelSelector::fromSetAndAdd()
{
    const LabelSelector fromSet = LabelSelector::fromSet({{u"tier"_qs, u"fe"_qs}, {u"app"_qs, u"web"_qs}});
    QCOMPARE(fromSet.toString(), u"app=web,tier=fe"_qs);
    QVERIFY(fromSet.matches({{u"app"_qs, u"web"_qs}, {u"tier"_qs, u"fe"_qs}, {u"x"_qs, u"y"_qs}}));
    QVERIFY(!fromSet.matches({{u"app"_qs, u"web"_qs}}));
    QCOMPARE(fromSet.exactMatchLabels(), (Labels{{u"app"_qs, u"web"_qs}, {u"tier"_qs, u"fe"_qs}}));
    QVERIFY(LabelSelector::fromSet({}).isEmpty());

    const Expected<LabelRequirement> r = LabelSelector::makeRequirement(u"a"_qs, Op::Exists, {});
    QVERIFY(r.ok());
    QCOMPARE(fromSet.add({*r}).toString(), u"a,app=web,tier=fe"_qs);
    QCOMPARE(fromSet.toString(), u"app=web,tier=fe"_qs); // unchanged
    QVERIFY(LabelSelector::nothing().add({*r}).matchesNothing());

    const Expected<LabelRequirement> bad = LabelSelector::makeRequirement(u"a"_qs, Op::Equals, {u"x"_qs, u"y"_qs});
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().message(), u"values: Invalid value: [\"x\",\"y\"]: exact-match compatibility requires one single value"_qs);
    const Expected<LabelRequirement> gt = LabelSelector::makeRequirement(u"a"_qs, Op::GreaterThan, {});
    QCOMPARE(gt.error().message(), u"values: Invalid value: null: for 'Gt', 'Lt' operators, exactly one value is required"_qs);
}

void tst_LabelSelector::requirementsAreExposed()
{
    const LabelSelector s = *LabelSelector::parse(u"tier notin (b,a),app=web,!canary");
    const QList<LabelRequirement> reqs = s.requirements();
    QCOMPARE(reqs.size(), 3);
    QCOMPARE(reqs[0].key, u"app"_qs);
    QCOMPARE(reqs[0].op, Op::Equals);
    QCOMPARE(reqs[0].values, QStringList{u"web"_qs});
    QCOMPARE(reqs[1].key, u"canary"_qs);
    QCOMPARE(reqs[1].op, Op::DoesNotExist);
    QVERIFY(reqs[1].values.isEmpty());
    QCOMPARE(reqs[2].op, Op::NotIn);
    QCOMPARE(reqs[2].values, (QStringList{u"a"_qs, u"b"_qs}));
    QCOMPARE(reqs[2].toString(), u"tier notin (a,b)"_qs);
}

QTEST_GUILESS_MAIN(tst_LabelSelector)
#include "tst_labelselector.moc"
