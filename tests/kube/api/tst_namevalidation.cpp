#include "kube/api/ipaddress.h"
#include "kube/api/labels.h"
#include "kube/api/namevalidation.h"
#include "kube/api/object.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>

using namespace kube;
using namespace kube::validation;

Q_DECLARE_METATYPE(kube::validation::NameUse)
Q_DECLARE_METATYPE(kube::validation::Scope)

namespace {

using Check = QStringList (*)(QStringView);

const std::map<QString, Check> &checks()
{
    static const std::map<QString, Check> table = {
        {u"qualified-name"_qs, isQualifiedName},   {u"label-value"_qs, isValidLabelValue}, {u"dns1123-label"_qs, isDNS1123Label},
        {u"dns1123-subdomain"_qs, isDNS1123Subdomain}, {u"dns1035-label"_qs, isDNS1035Label}, {u"port-name"_qs, isValidPortName},
        {u"configmap-key"_qs, isConfigMapKey},     {u"http-header"_qs, isHTTPHeaderName},  {u"percent"_qs, isValidPercent},
        {u"c-identifier"_qs, isCIdentifier},       {u"ip"_qs, isValidIP},                  {u"cidr"_qs, isValidCIDR},
        {u"path-segment"_qs, isPathSegmentName},
    };
    return table;
}

const std::map<QString, NameValidator> &nameValidators()
{
    static const std::map<QString, NameValidator> table = {
        {u"dns-subdomain"_qs, nameIsDNSSubdomain}, {u"dns-label"_qs, nameIsDNSLabel},
        {u"dns1035-label"_qs, nameIsDNS1035Label}, {u"path-segment"_qs, nameIsPathSegment},
    };
    return table;
}

// Short, readable row names for long or empty values.
QByteArray shown(const QString &value)
{
    if (value.isEmpty())
        return "<empty>";
    if (value.size() > 20)
        return (value.left(8) + u"…(%1)"_qs.arg(value.size())).toUtf8();
    return value.toUtf8();
}

void addRows(const char *check, const QStringList &values)
{
    for (const QString &v : values)
        QTest::addRow("%s/%s", check, shown(v).constData()) << QString::fromLatin1(check) << v;
}

QString a(int n, QChar c = u'a') { return QString(n, c); }

QStringList rendered(const QList<StatusCause> &causes)
{
    QStringList out;
    for (const StatusCause &c : causes)
        out.append(c.reason + u' ' + c.field + u": "_qs + c.message);
    return out;
}

const QString kLabelKeyRegex = u"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"_qs;
const QString kLabelValueRegex = u"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"_qs;
const QString kSubdomainRegex = u"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"_qs;
const QString kLabelRegex = u"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"_qs;
const QString kDNS1035Regex = u"a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"_qs;
const QString kInvalidIP = u"must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"_qs;
const QString kInvalidCIDR = u"must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"_qs;

} // namespace

class tst_NameValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void accepts_data();
    void accepts();
    void rejects_data();
    void rejects();
    void messages_data();
    void messages();
    void portNumbers_data();
    void portNumbers();
    void ipAddressFormatting_data();
    void ipAddressFormatting();
    void names_data();
    void names();
    void maskTrailingDash_data();
    void maskTrailingDash();
    void causes();
    void labelsAndAnnotations();
    void finalizers_data();
    void finalizers();
    void objectMeta_data();
    void objectMeta();
};

// Upstream's good values (validation_test.go, ip_test.go, path_test.go).
void tst_NameValidation::accepts_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("value");
    addRows("dns1123-label", {u"a"_qs, u"ab"_qs, u"abc"_qs, u"a1"_qs, u"a-1"_qs, u"a--1--2--b"_qs, u"0"_qs, u"01"_qs, u"012"_qs, u"1a"_qs, u"1-a"_qs, u"1--a--b--2"_qs, a(63)});
    addRows("dns1123-subdomain", {u"a"_qs, u"a--1--2--b"_qs, u"a.a"_qs, u"a--1--2--b.a"_qs, u"a.1"_qs, u"0.a"_qs, u"1--a--b--2"_qs, u"0.1"_qs, u"1--a--b--2.1"_qs,
                                  u"a.b.c.d.e"_qs, u"aa.bb.cc.dd.ee"_qs, u"1.2.3.4.5"_qs, u"11.22.33.44.55"_qs, a(253)});
    addRows("dns1035-label", {u"a"_qs, u"ab"_qs, u"abc"_qs, u"a1"_qs, u"a-1"_qs, u"a--1--2--b"_qs, a(63)});
    addRows("port-name", {u"telnet"_qs, u"re-mail-ck"_qs, u"pop3"_qs, u"a"_qs, u"a-1"_qs, u"1-a"_qs, u"a-1-b-2-c"_qs, u"1-a-2-b-3"_qs});
    addRows("qualified-name", {u"simple"_qs, u"now-with-dashes"_qs, u"1-starts-with-num"_qs, u"1234"_qs, u"simple/simple"_qs, u"now-with-dashes/simple"_qs,
                               u"now-with-dashes/now-with-dashes"_qs, u"now.with.dots/simple"_qs, u"now-with.dashes-and.dots/simple"_qs, u"1-num.2-num/3-num"_qs,
                               u"1234/5678"_qs, u"1.2.3.4/5678"_qs, u"Uppercase_Is_OK_123"_qs, u"example.com/Uppercase_Is_OK_123"_qs, u"requests.storage-foo"_qs,
                               a(63), a(253) + u'/' + a(63, u'b')});
    addRows("label-value", {u"simple"_qs, u"now-with-dashes"_qs, u"1-starts-with-num"_qs, u"end-with-num-1"_qs, u"1234"_qs, a(63), QString()});
    addRows("http-header", {u"Accept-Encoding"_qs, u"Host"_qs, u"If-Modified-Since"_qs, u"X-Forwarded-For"_qs, u"a"_qs, u"-a"_qs, u"a-"_qs, u"--abc-123"_qs, u"A--1--2--B"_qs});
    addRows("percent", {u"0%"_qs, u"00000%"_qs, u"1%"_qs, u"01%"_qs, u"99%"_qs, u"100%"_qs, u"101%"_qs});
    addRows("configmap-key", {u"a"_qs, u"good"_qs, u"good-good"_qs, u"still.good"_qs, u"this.is.also.good"_qs, u".so.is.this"_qs, u"THIS_IS_GOOD"_qs, u"so_is_this_17"_qs});
    addRows("c-identifier", {u"my_name"_qs, u"MY_NAME"_qs, u"MyName"_qs, u"_x1"_qs});
    addRows("ip", {u"1.2.3.4"_qs, u"0.0.0.0"_qs, u"255.255.255.255"_qs, u"1234::abcd"_qs, u"::"_qs, u"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"_qs, u"::1"_qs, u"2001:db8::2"_qs});
    addRows("cidr", {u"1.0.0.0/8"_qs, u"0.0.0.0/0"_qs, u"1.1.1.1/32"_qs, u"2001:4860:4860::/48"_qs, u"::/0"_qs, u"::1/128"_qs});
    addRows("path-segment", {QString(), u"foo"_qs, u"foo.bar.baz"_qs, u"sha256:ABCDEF012345@ABCDEF012345"_qs, u"Iñtërnâtiônàlizætiøn"_qs, u".test"_qs, u"..test"_qs});
}

void tst_NameValidation::accepts()
{
    QFETCH(QString, check);
    QFETCH(QString, value);
    QCOMPARE(checks().at(check)(value), QStringList());
}

// Upstream's bad values: each gives at least one message.
void tst_NameValidation::rejects_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("value");
    addRows("dns1123-label", {QString(), u"A"_qs, u"aBc"_qs, u"A-1"_qs, u"-"_qs, u"a-"_qs, u"-a"_qs, u"_"_qs, u"a_b"_qs, u"."_qs, u"a.b"_qs, u" "_qs, u"a b"_qs, a(64)});
    addRows("dns1123-subdomain", {QString(), u"A"_qs, u"-"_qs, u"a-"_qs, u"_a"_qs, u"."_qs, u"a."_qs, u".a"_qs, u"a..b"_qs, u"1..2"_qs, u"a b"_qs, u"A.a"_qs, u"ab.A"_qs,
                                  u"a.B.c.d.e"_qs, u"a@b"_qs, u"a,b"_qs, u"a;b"_qs, u"a:b"_qs, u"a%b"_qs, u"a?b"_qs, u"a$b"_qs, a(254)});
    addRows("dns1035-label", {u"0"_qs, u"01"_qs, u"1a"_qs, u"1-a"_qs, QString(), u"A"_qs, u"a-"_qs, u"-a"_qs, u"a_b"_qs, u"a.b"_qs, u"a b"_qs, a(64)});
    addRows("port-name", {u"longerthan15characters"_qs, QString(), a(16), u"12345"_qs, u"1-2-3-4"_qs, u"-begin"_qs, u"end-"_qs, u"two--hyphens"_qs, u"whois++"_qs});
    addRows("qualified-name", {u"nospecialchars%^=@"_qs, u"cantendwithadash-"_qs, u"-cantstartwithadash-"_qs, u"only/one/slash"_qs, u"Example.com/abc"_qs,
                               u"example_com/abc"_qs, u"example.com/"_qs, u"/simple"_qs, a(64), a(254) + u"/abc"_qs});
    addRows("label-value", {u"nospecialchars%^=@"_qs, u"Tama-nui-te-rā.is.Māori.sun"_qs, u"\\backslashes\\are\\bad"_qs, u"-starts-with-dash"_qs, u"ends-with-dash-"_qs,
                            u".starts.with.dot"_qs, u"ends.with.dot."_qs, a(64)});
    addRows("http-header", {u"Host:"_qs, u"X-@Home"_qs, QString(), u"_"_qs, u"a.b"_qs, u"a b"_qs, u"#a#"_qs, u"="_qs, u"{"_qs});
    addRows("percent", {QString(), u"0"_qs, u"100"_qs, u"0.0%"_qs, u"99.9%"_qs, u"hundred"_qs, u" 1%"_qs, u"1% "_qs, u"-0%"_qs, u"-1%"_qs, u"+1%"_qs});
    addRows("configmap-key", {u"."_qs, u".."_qs, u"..bad"_qs, u"b*d"_qs, u"bad!&bad"_qs, QString()});
    addRows("c-identifier", {QString(), u"1a"_qs, u"a-b"_qs});
    addRows("ip", {QString(), u"aaaaaaa"_qs, u"myhost.mydomain"_qs, u"1.2.3.0/24"_qs, u"1.2.3.400"_qs, u"-1.0.0.0"_qs, u"2001:db8::10005"_qs, u"1.2.3.4:80"_qs,
                   u"[2001:db8::1]"_qs, u"[2001:db8::1]:80"_qs, u"example.com:80"_qs, u"1234::abcd%eth0"_qs, u"169.254.0.0%eth0"_qs, u"1:2:3:4:5:6:7:8:9"_qs, u"1::2::3"_qs});
    addRows("cidr", {QString(), u"aaaaaaa"_qs, u"1.2.3.4"_qs, u"192.168.0.1/healthz"_qs, u"192.168.0.1/0/99"_qs, u"192.168.0.0/-16"_qs, u"192.168.0.0/+16"_qs,
                     u"1.0.0.0/33"_qs, u"::/129"_qs});
    addRows("path-segment", {u"."_qs, u".."_qs, u"foo/bar"_qs, u"foo%bar"_qs});
}

void tst_NameValidation::rejects()
{
    QFETCH(QString, check);
    QFETCH(QString, value);
    QVERIFY(!checks().at(check)(value).isEmpty());
}

// Exact wording, as clients show it.
void tst_NameValidation::messages_data()
{
    QTest::addColumn<QString>("check");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *name, const char *check, const QString &value, const QStringList &expected) {
        QTest::newRow(name) << QString::fromLatin1(check) << value << expected;
    };
    row("qualified-name-two-slashes", "qualified-name", u"only/one/slash"_qs,
        {u"a valid label key "_qs + kLabelKeyRegex + u" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"_qs});
    row("qualified-name-empty-prefix", "qualified-name", u"/simple"_qs, {u"prefix part must be non-empty"_qs});
    row("qualified-name-uppercase-prefix", "qualified-name", u"Example.com/abc"_qs, {u"prefix part "_qs + kSubdomainRegex});
    row("qualified-name-long-prefix-in-bytes", "qualified-name", a(254) + u"/abc"_qs, {u"prefix part must be no more than 253 bytes"_qs});
    row("qualified-name-empty-name", "qualified-name", u"example.com/"_qs, {u"name part must be non-empty"_qs, u"name part "_qs + kLabelKeyRegex});
    row("qualified-name-long-name", "qualified-name", a(64), {u"name part must be no more than 63 bytes"_qs});
    row("qualified-name-trailing-dash", "qualified-name", u"cantendwithadash-"_qs, {u"name part "_qs + kLabelKeyRegex});
    row("label-value-long-and-bad", "label-value", a(63) + u'-', {u"must be no more than 63 bytes"_qs, kLabelValueRegex});
    row("label-value-non-ascii-counts-bytes", "label-value", QString(32, QChar(0xe9)), {u"must be no more than 63 bytes"_qs, kLabelValueRegex});
    row("dns1123-label-with-dots", "dns1123-label", u"a.b"_qs, {u"must not contain dots"_qs});
    row("dns1123-label-uppercase", "dns1123-label", u"aBc"_qs, {kLabelRegex});
    row("dns1123-label-long-in-characters", "dns1123-label", a(64), {u"must be no more than 63 characters"_qs});
    row("dns1123-subdomain-long", "dns1123-subdomain", a(254), {u"must be no more than 253 characters"_qs});
    row("dns1123-subdomain-empty", "dns1123-subdomain", QString(), {kSubdomainRegex});
    row("dns1035-label-leading-digit", "dns1035-label", u"1a"_qs, {kDNS1035Regex});
    row("port-name-everything-wrong", "port-name", u"-1--2345678901234"_qs,
        {u"must be no more than 15 characters"_qs, u"must contain at least one letter (a-z)"_qs, u"must not contain consecutive hyphens"_qs,
         u"must not begin or end with a hyphen"_qs});
    row("port-name-bad-characters", "port-name", u"whois++"_qs, {u"must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"_qs});
    row("configmap-key-dot-dot", "configmap-key", u".."_qs, {u"must not be '..'"_qs});
    row("configmap-key-dot", "configmap-key", u"."_qs, {u"must not be '.'"_qs});
    row("configmap-key-bad-and-dot-dot-prefix", "configmap-key", u"..b*d"_qs,
        {u"a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"_qs,
         u"must not start with '..'"_qs});
    row("http-header-colon", "http-header", u"Host:"_qs,
        {u"a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"_qs});
    row("percent-decimal", "percent", u"99.9%"_qs,
        {u"a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"_qs});
    row("c-identifier-dash", "c-identifier", u"a-b"_qs,
        {u"a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')"_qs});
    row("path-segment-dot", "path-segment", u"."_qs, {u"may not be '.'"_qs});
    row("path-segment-dot-dot", "path-segment", u".."_qs, {u"may not be '..'"_qs});
    row("path-segment-slash-and-percent", "path-segment", u"a/b%c"_qs, {u"may not contain '/'"_qs, u"may not contain '%'"_qs});

    // ip_test.go
    row("ip-empty", "ip", QString(), {kInvalidIP});
    row("ip-with-port", "ip", u"1.2.3.4:80"_qs, {kInvalidIP});
    row("ip-ipv6-with-zone", "ip", u"1234::abcd%eth0"_qs, {kInvalidIP});
    row("ip-ipv6-all-zeros-expanded", "ip", u"0:0:0:0:0:0:0:0"_qs, {u"must be in canonical form (\"::\")"_qs});
    row("ip-ipv6-leading-zeros", "ip", u"0001:002:03:4::"_qs, {u"must be in canonical form (\"1:2:3:4::\")"_qs});
    row("ip-ipv6-capital-letters", "ip", u"1234::ABCD"_qs, {u"must be in canonical form (\"1234::abcd\")"_qs});
    row("ip-ipv6-zero-run-not-collapsed", "ip", u"2001:db8:0:0::2"_qs, {u"must be in canonical form (\"2001:db8::2\")"_qs});
    row("ip-ipv4-leading-zeros", "ip", u"1.1.1.01"_qs, {u"must not have leading 0s"_qs});
    row("ip-ipv4-mapped-ipv6", "ip", u"::ffff:1.1.1.1"_qs, {u"must not be an IPv4-mapped IPv6 address"_qs});
    row("cidr-ipv6-extra-zeros", "cidr", u"2a00:79e0:2:0::/64"_qs, {u"must be in canonical form (\"2a00:79e0:2::/64\")"_qs});
    row("cidr-ipv6-capital-letters", "cidr", u"2001:DB8::/64"_qs, {u"must be in canonical form (\"2001:db8::/64\")"_qs});
    row("cidr-ipv4-leading-zeros", "cidr", u"1.1.01.0/24"_qs, {u"must not have leading 0s in IP or prefix length"_qs});
    row("cidr-prefix-length-leading-zeros", "cidr", u"192.168.0.0/016"_qs, {u"must not have leading 0s in IP or prefix length"_qs});
    row("cidr-ipv4-mapped-ipv4-sized-prefix", "cidr", u"::ffff:1.1.1.0/24"_qs, {u"must not have an IPv4-mapped IPv6 address"_qs});
    row("cidr-ipv4-mapped-ipv6-sized-prefix", "cidr", u"::ffff:1.1.1.0/120"_qs, {u"must not have an IPv4-mapped IPv6 address"_qs});
    row("cidr-ipv4-ifaddr", "cidr", u"1.2.3.4/24"_qs, {u"must not have bits set beyond the prefix length"_qs});
    row("cidr-ipv6-ifaddr", "cidr", u"2001:db8::1/64"_qs, {u"must not have bits set beyond the prefix length"_qs});
    row("cidr-partial-url", "cidr", u"192.168.0.1/healthz"_qs, {kInvalidCIDR});
}

void tst_NameValidation::messages()
{
    QFETCH(QString, check);
    QFETCH(QString, value);
    QFETCH(QStringList, expected);
    QCOMPARE(checks().at(check)(value), expected);
}

void tst_NameValidation::portNumbers_data()
{
    QTest::addColumn<qint64>("port");
    QTest::addColumn<QStringList>("expected");
    const QStringList range{u"must be between 1 and 65535, inclusive"_qs};
    for (qint64 good : {1, 2, 1000, 16384, 32768, 65535})
        QTest::addRow("good-%lld", good) << good << QStringList();
    for (qint64 bad : {0, -1, 65536, 100000})
        QTest::addRow("bad-%lld", bad) << bad << range;
}

void tst_NameValidation::portNumbers()
{
    QFETCH(qint64, port);
    QFETCH(QStringList, expected);
    QCOMPARE(isValidPortNum(port), expected);
}

// net.IP.String() of what ParseIPSloppy reads, as GetWarningsForIP suggests it.
void tst_NameValidation::ipAddressFormatting_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("ipv4-leading-zeros-read-as-decimal") << u"192.012.2.2"_qs << u"192.12.2.2"_qs;
    QTest::newRow("ipv4-mapped-prints-as-ipv4") << u"::ffff:192.12.2.2"_qs << u"192.12.2.2"_qs;
    QTest::newRow("first-of-equal-zero-runs") << u"1:0:0:2:0:0:3:4"_qs << u"1::2:0:0:3:4"_qs;
    QTest::newRow("longest-zero-run") << u"1:0:2:0:0:0:3:4"_qs << u"1:0:2::3:4"_qs;
    QTest::newRow("single-zero-field-stays") << u"1:0:2:3:4:5:6:7"_qs << u"1:0:2:3:4:5:6:7"_qs;
    QTest::newRow("trailing-zero-run") << u"fe80:1::"_qs << u"fe80:1::"_qs;
    QTest::newRow("embedded-ipv4-not-mapped") << u"::1.2.3.4"_qs << u"::102:304"_qs;
    QTest::newRow("five-hex-digits-sloppy") << u"00001::"_qs << u"1::"_qs;
}

void tst_NameValidation::ipAddressFormatting()
{
    QFETCH(QString, text);
    QFETCH(QString, formatted);
    const std::optional<IPAddress> ip = IPAddress::parse(text, IPAddress::Rules::Sloppy);
    QVERIFY(ip);
    QCOMPARE(ip->toString(), formatted);
}

void tst_NameValidation::names_data()
{
    QTest::addColumn<QString>("validator");
    QTest::addColumn<NameUse>("use");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("expected");
    const NameUse name = NameUse::Name, prefix = NameUse::GenerateNamePrefix;
    QTest::newRow("subdomain-name-ok") << u"dns-subdomain"_qs << name << u"my.app-1"_qs << QStringList();
    QTest::newRow("subdomain-name-trailing-dash") << u"dns-subdomain"_qs << name << u"web-"_qs << QStringList{kSubdomainRegex};
    QTest::newRow("subdomain-prefix-trailing-dash-masked") << u"dns-subdomain"_qs << prefix << u"web-"_qs << QStringList();
    QTest::newRow("subdomain-prefix-single-dash-not-masked") << u"dns-subdomain"_qs << prefix << u"-"_qs << QStringList{kSubdomainRegex};
    QTest::newRow("subdomain-prefix-leading-dash") << u"dns-subdomain"_qs << prefix << u"-web-"_qs << QStringList{kSubdomainRegex};
    QTest::newRow("subdomain-prefix-upper-case") << u"dns-subdomain"_qs << prefix << u"Web-"_qs << QStringList{kSubdomainRegex};
    QTest::newRow("label-name-dots") << u"dns-label"_qs << name << u"kube.system"_qs << QStringList{u"must not contain dots"_qs};
    QTest::newRow("label-prefix-masked") << u"dns-label"_qs << prefix << u"job-"_qs << QStringList();
    QTest::newRow("label-prefix-64-masked-to-63") << u"dns-label"_qs << prefix << a(63) + u'-' << QStringList();
    QTest::newRow("dns1035-prefix-masked") << u"dns1035-label"_qs << prefix << u"svc-"_qs << QStringList();
    QTest::newRow("dns1035-name-leading-digit") << u"dns1035-label"_qs << name << u"1svc"_qs << QStringList{kDNS1035Regex};
    QTest::newRow("path-segment-name-dot-dot") << u"path-segment"_qs << name << u".."_qs << QStringList{u"may not be '..'"_qs};
    QTest::newRow("path-segment-prefix-dot-dot-allowed") << u"path-segment"_qs << prefix << u".."_qs << QStringList();
    QTest::newRow("path-segment-prefix-slash") << u"path-segment"_qs << prefix << u"system:a/b"_qs << QStringList{u"may not contain '/'"_qs};
    QTest::newRow("path-segment-name-colons-ok") << u"path-segment"_qs << name << u"system:controller:job"_qs << QStringList();
}

void tst_NameValidation::names()
{
    QFETCH(QString, validator);
    QFETCH(NameUse, use);
    QFETCH(QString, name);
    QFETCH(QStringList, expected);
    QCOMPARE(nameValidators().at(validator)(name, use), expected);
}

// generic_test.go, including upstream's dropping of the character before the dash.
void tst_NameValidation::maskTrailingDash_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("empty-string") << QString() << QString();
    QTest::newRow("only-a-single-dash") << u"-"_qs << u"-"_qs;
    QTest::newRow("has-leading-dash") << u"-foo"_qs << u"-foo"_qs;
    QTest::newRow("has-both-leading-and-trailing-dashes") << u"-foo-"_qs << u"-foa"_qs;
    QTest::newRow("has-trailing-dash") << u"b-"_qs << u"a"_qs;
    QTest::newRow("has-neither") << u"ab"_qs << u"ab"_qs;
}

void tst_NameValidation::maskTrailingDash()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QCOMPARE(validation::maskTrailingDash(before), after);
}

void tst_NameValidation::causes()
{
    QCOMPARE(rendered({invalidCause(u"metadata.name"_qs, u"a\"b\n"_qs, u"bad"_qs)}), QStringList{u"FieldValueInvalid metadata.name: Invalid value: \"a\\\"b\\n\": bad"_qs});
    QCOMPARE(rendered(invalidCauses(u"f"_qs, u"x"_qs, {u"one"_qs, u"two"_qs})),
             (QStringList{u"FieldValueInvalid f: Invalid value: \"x\": one"_qs, u"FieldValueInvalid f: Invalid value: \"x\": two"_qs}));
    QCOMPARE(rendered({requiredCause(u"metadata.namespace"_qs)}), QStringList{u"FieldValueRequired metadata.namespace: Required value"_qs});
    QCOMPARE(rendered({forbiddenCause(u"metadata.namespace"_qs, u"not allowed on this type"_qs)}),
             QStringList{u"FieldValueForbidden metadata.namespace: Forbidden: not allowed on this type"_qs});
    QCOMPARE(rendered({tooLongCause(u"metadata.annotations"_qs, TotalAnnotationSizeLimitB)}),
             QStringList{u"FieldValueTooLong metadata.annotations: Too long: may not be more than 262144 bytes"_qs});
    QCOMPARE(goQuoted(u"tab\there \x01 \x7f"_qs), u"\"tab\\there \\x01 \\x7f\""_qs);
    // The 422 message built from these causes.
    const Status s = Status::invalid(QString(), u"ConfigMap"_qs, u"Web"_qs, invalidCauses(u"metadata.name"_qs, u"Web"_qs, isDNS1123Subdomain(u"Web")));
    QCOMPARE(s.message(), u"ConfigMap \"Web\" is invalid: metadata.name: Invalid value: \"Web\": "_qs + kSubdomainRegex);
}

void tst_NameValidation::labelsAndAnnotations()
{
    const QString field = u"metadata.labels"_qs;
    QVERIFY(validateLabels(Labels{{u"app"_qs, u"web"_qs}, {u"example.com/tier"_qs, QString()}}, field).isEmpty());
    QCOMPARE(rendered(validateLabels(Labels{{u"-bad"_qs, u"ok"_qs}, {u"good"_qs, u"bad value"_qs}}, field)),
             (QStringList{u"FieldValueInvalid metadata.labels: Invalid value: \"-bad\": name part "_qs + kLabelKeyRegex,
                          u"FieldValueInvalid metadata.labels: Invalid value: \"bad value\": "_qs + kLabelValueRegex}));

    // objectmeta_test.go TestValidateAnnotations
    const QString af = u"metadata.annotations"_qs;
    constexpr int limit = int(TotalAnnotationSizeLimitB);
    for (const QString &key : {u"simple"_qs, u"1.2.3.4/5678"_qs, u"UpperCase123"_qs, u"Example.COM/Upper"_qs})
        QVERIFY2(validateAnnotations(Labels{{key, u"bar"_qs}}, af).isEmpty(), qPrintable(key));
    QVERIFY(validateAnnotations(Labels{{u"a"_qs, a(limit - 1, u'b')}}, af).isEmpty());
    QVERIFY(validateAnnotations(Labels{{u"a"_qs, a(limit / 2 - 1, u'b')}, {u"c"_qs, a(limit / 2 - 1, u'd')}}, af).isEmpty());
    QCOMPARE(rendered(validateAnnotations(Labels{{u"only/one/slash"_qs, u"bar"_qs}}, af)),
             QStringList{u"FieldValueInvalid metadata.annotations: Invalid value: \"only/one/slash\": a valid label key "_qs + kLabelKeyRegex
                         + u" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"_qs});
    QCOMPARE(validateAnnotations(Labels{{a(254), u"bar"_qs}}, af).size(), 1);
    const QStringList tooLong{u"FieldValueTooLong metadata.annotations: Too long: may not be more than 262144 bytes"_qs};
    QCOMPARE(rendered(validateAnnotations(Labels{{u"a"_qs, a(limit, u'b')}}, af)), tooLong);
    QCOMPARE(rendered(validateAnnotations(Labels{{u"a"_qs, a(limit / 2, u'b')}, {u"c"_qs, a(limit / 2, u'd')}}, af)), tooLong);
    // Bytes, not characters: 131072 two-byte characters plus the key.
    QCOMPARE(rendered(validateAnnotations(Labels{{u"a"_qs, a(limit / 2, QChar(0xe9))}}, af)), tooLong);
}

void tst_NameValidation::finalizers_data()
{
    QTest::addColumn<QStringList>("finalizers");
    QTest::addColumn<QStringList>("expected");
    const QString conflict = u"FieldValueInvalid metadata.finalizers: Invalid value: [\"orphan\",\"foregroundDeletion\"]: finalizer orphan and foregroundDeletion cannot be both set"_qs;
    QTest::newRow("none") << QStringList() << QStringList();
    QTest::newRow("qualified-names") << QStringList{u"kubernetes"_qs, u"example.com/cleanup"_qs, u"orphan"_qs} << QStringList();
    QTest::newRow("bad-name") << QStringList{u"example.com/"_qs}
                              << QStringList{u"FieldValueInvalid metadata.finalizers: Invalid value: \"example.com/\": name part must be non-empty"_qs,
                                             u"FieldValueInvalid metadata.finalizers: Invalid value: \"example.com/\": name part "_qs + kLabelKeyRegex};
    QTest::newRow("orphan-and-foreground-conflict") << QStringList{u"orphan"_qs, u"foregroundDeletion"_qs} << QStringList{conflict};
}

void tst_NameValidation::finalizers()
{
    QFETCH(QStringList, finalizers);
    QFETCH(QStringList, expected);
    QCOMPARE(rendered(validateFinalizers(finalizers, u"metadata.finalizers"_qs)), expected);
}

void tst_NameValidation::objectMeta_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Scope>("scope");
    QTest::addColumn<QString>("validator");
    QTest::addColumn<QStringList>("expected");
    const Scope ns = Scope::Namespaced, cluster = Scope::Cluster;
    const auto meta = [](const char *metadata) { return QByteArray(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":)") + metadata + '}'; };
    QTest::newRow("valid-namespaced") << meta(R"({"name":"web","namespace":"default","labels":{"app":"web"}})") << ns << u"dns-subdomain"_qs << QStringList();
    QTest::newRow("valid-cluster-scoped") << meta(R"({"name":"system:admin"})") << cluster << u"path-segment"_qs << QStringList();
    QTest::newRow("no-name-nor-generate-name")
        << meta(R"({"namespace":"default"})") << ns << u"dns-subdomain"_qs
        << QStringList{u"FieldValueRequired metadata.name: Required value: name or generateName is required"_qs};
    QTest::newRow("generate-name-and-generated-name-both-checked")
        << meta(R"({"generateName":"a.b-","name":"a.b-x7k2q","namespace":"default"})") << ns << u"dns-label"_qs
        << QStringList{u"FieldValueInvalid metadata.generateName: Invalid value: \"a.b-\": must not contain dots"_qs,
                       u"FieldValueInvalid metadata.name: Invalid value: \"a.b-x7k2q\": must not contain dots"_qs};
    QTest::newRow("upper-case-name")
        << meta(R"({"name":"Web","namespace":"default"})") << ns << u"dns-subdomain"_qs
        << QStringList{u"FieldValueInvalid metadata.name: Invalid value: \"Web\": "_qs + kSubdomainRegex};
    QTest::newRow("namespace-missing")
        << meta(R"({"name":"web"})") << ns << u"dns-subdomain"_qs << QStringList{u"FieldValueRequired metadata.namespace: Required value"_qs};
    QTest::newRow("namespace-with-dots")
        << meta(R"({"name":"web","namespace":"a.b"})") << ns << u"dns-subdomain"_qs
        << QStringList{u"FieldValueInvalid metadata.namespace: Invalid value: \"a.b\": must not contain dots"_qs};
    QTest::newRow("namespace-on-cluster-scoped")
        << meta(R"({"name":"web","namespace":"default"})") << cluster << u"dns-subdomain"_qs
        << QStringList{u"FieldValueForbidden metadata.namespace: Forbidden: not allowed on this type"_qs};
    QTest::newRow("negative-generation")
        << meta(R"({"name":"web","namespace":"default","generation":-1})") << ns << u"dns-subdomain"_qs
        << QStringList{u"FieldValueInvalid metadata.generation: Invalid value: -1: must be greater than or equal to 0"_qs};
    QTest::newRow("labels-annotations-finalizers")
        << meta(R"({"name":"web","namespace":"default","labels":{"app":"-web"},"annotations":{"a/b/c":"x"},"finalizers":["orphan","foregroundDeletion"]})")
        << ns << u"dns-subdomain"_qs
        << QStringList{u"FieldValueInvalid metadata.labels: Invalid value: \"-web\": "_qs + kLabelValueRegex,
                       u"FieldValueInvalid metadata.annotations: Invalid value: \"a/b/c\": a valid label key "_qs + kLabelKeyRegex
                           + u" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"_qs,
                       u"FieldValueInvalid metadata.finalizers: Invalid value: [\"orphan\",\"foregroundDeletion\"]: finalizer orphan and foregroundDeletion cannot be both set"_qs};
}

void tst_NameValidation::objectMeta()
{
    QFETCH(QByteArray, json);
    QFETCH(Scope, scope);
    QFETCH(QString, validator);
    QFETCH(QStringList, expected);
    const Object object = Object::fromJson(QJsonDocument::fromJson(json).object());
    QCOMPARE(object.kind(), u"ConfigMap"_qs); // the JSON above parsed
    QCOMPARE(rendered(validateObjectMeta(object, scope, nameValidators().at(validator))), expected);
}

QTEST_GUILESS_MAIN(tst_NameValidation)
#include "tst_namevalidation.moc"
