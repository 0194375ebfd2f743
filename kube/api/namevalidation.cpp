#include "namevalidation.h"

#include "ipaddress.h"
#include "labels.h"
#include "object.h"

#include <algorithm>
#include <optional>

namespace kube::validation {

namespace {

// ---- characters and messages -----------------------------------------------------------------

bool isDigit(QChar c) { return c >= u'0' && c <= u'9'; }
bool isLower(QChar c) { return c >= u'a' && c <= u'z'; }
bool isLowerAlnum(QChar c) { return isLower(c) || isDigit(c); }
bool isAlpha(QChar c) { return isLower(c) || (c >= u'A' && c <= u'Z'); }
bool isAlnum(QChar c) { return isAlpha(c) || isDigit(c); }

// Go's len(): bytes of UTF-8.
qsizetype byteLength(QStringView s)
{
    return s.toUtf8().size();
}

template<typename Pred>
bool allOf(QStringView s, Pred pred)
{
    return std::all_of(s.begin(), s.end(), pred);
}

// first (middle)* last, or first alone: the shape of every DNS and label regex here.
template<typename First, typename Middle, typename Last>
bool matchesToken(QStringView s, First first, Middle middle, Last last)
{
    if (s.isEmpty() || !first(s.front()) || !last(s.back()))
        return false;
    return allOf(s.sliced(1), middle);
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool matchesDNS1123Label(QStringView s)
{
    return matchesToken(s, isLowerAlnum, [](QChar c) { return isLowerAlnum(c) || c == u'-'; }, isLowerAlnum);
}

// dns1123Label(\.dns1123Label)*
bool matchesDNS1123Subdomain(QStringView s)
{
    const QList<QStringView> labels = s.split(u'.');
    return std::all_of(labels.begin(), labels.end(), matchesDNS1123Label);
}

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool matchesLabelKeyName(QStringView s)
{
    return matchesToken(s, isAlnum, [](QChar c) { return isAlnum(c) || c == u'-' || c == u'_' || c == u'.'; }, isAlnum);
}

// The two wordings of upstream's MaxLenError: pkg/util/validation says characters,
// pkg/api/validate/content (label keys and values) says bytes.
enum class LengthUnit { Characters, Bytes };

QString maxLenError(qsizetype length, LengthUnit unit)
{
    return u"must be no more than %1 %2"_qs.arg(length).arg(unit == LengthUnit::Bytes ? u"bytes"_qs : u"characters"_qs);
}

QString regexError(const QString &msg, const QString &re, std::initializer_list<const char16_t *> examples = {})
{
    if (examples.size() == 0)
        return msg + u" (regex used for validation is '"_qs + re + u"')"_qs;
    QString out = msg + u" (e.g. "_qs;
    bool first = true;
    for (const char16_t *e : examples) {
        if (!first)
            out += u" or "_qs;
        first = false;
        out += u'\'' + QString::fromUtf16(e) + u"', "_qs;
    }
    return out + u"regex used for validation is '"_qs + re + u"')"_qs;
}

const QString kLabelKeyFmt = u"([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"_qs;
const QString kLabelKeyErrMsg = u"must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"_qs;
const QString kDNS1123LabelFmt = u"[a-z0-9]([-a-z0-9]*[a-z0-9])?"_qs;
const QString kDNS1123SubdomainFmt = u"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"_qs;

QString labelKeyRegexError()
{
    return regexError(kLabelKeyErrMsg, kLabelKeyFmt, {u"MyName", u"my.name", u"123-abc"});
}

QStringList dns1123Subdomain(QStringView value, LengthUnit unit)
{
    QStringList errs;
    if (byteLength(value) > 253)
        errs.append(maxLenError(253, unit));
    if (!matchesDNS1123Subdomain(value))
        errs.append(regexError(u"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"_qs,
                               kDNS1123SubdomainFmt, {u"example.com"}));
    return errs;
}

QStringList hasChDirPrefix(QStringView value)
{
    if (value == u".")
        return {u"must not be '.'"_qs};
    if (value == u"..")
        return {u"must not be '..'"_qs};
    if (value.startsWith(u".."))
        return {u"must not start with '..'"_qs};
    return {};
}

QString childField(const QString &parent, const char16_t *child)
{
    return parent.isEmpty() ? QString::fromUtf16(child) : parent + u'.' + QString::fromUtf16(child);
}

StatusCause invalidRendered(const QString &field, const QString &renderedValue, const QString &detail)
{
    return {u"FieldValueInvalid"_qs, u"Invalid value: "_qs + renderedValue + u": "_qs + detail, field};
}

} // namespace

// ---- formats ---------------------------------------------------------------------------------

QStringList isQualifiedName(QStringView value)
{
    QStringList errs;
    const QList<QStringView> parts = value.split(u'/');
    if (parts.size() > 2)
        return {u"a valid label key "_qs + labelKeyRegexError() + u" with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"_qs};
    const QStringView name = parts.back();
    if (parts.size() == 2) {
        const QStringView prefix = parts.front();
        if (prefix.isEmpty())
            errs.append(u"prefix part must be non-empty"_qs);
        for (const QString &msg : prefix.isEmpty() ? QStringList() : dns1123Subdomain(prefix, LengthUnit::Bytes))
            errs.append(u"prefix part "_qs + msg);
    }
    if (name.isEmpty())
        errs.append(u"name part must be non-empty"_qs);
    else if (byteLength(name) > 63)
        errs.append(u"name part "_qs + maxLenError(63, LengthUnit::Bytes));
    if (!matchesLabelKeyName(name))
        errs.append(u"name part "_qs + labelKeyRegexError());
    return errs;
}

QStringList isValidLabelValue(QStringView value)
{
    QStringList errs;
    if (byteLength(value) > 63)
        errs.append(maxLenError(63, LengthUnit::Bytes));
    if (!value.isEmpty() && !matchesLabelKeyName(value))
        errs.append(regexError(u"a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"_qs,
                               u"("_qs + kLabelKeyFmt + u")?"_qs, {u"MyValue", u"my_value", u"12345"}));
    return errs;
}

QStringList isDNS1123Label(QStringView value)
{
    QStringList errs;
    if (byteLength(value) > 63)
        errs.append(maxLenError(63, LengthUnit::Characters));
    if (matchesDNS1123Label(value))
        return errs;
    if (matchesDNS1123Subdomain(value)) // a subdomain but not a label: length is checked, so dots
        errs.append(u"must not contain dots"_qs);
    else
        errs.append(regexError(u"a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"_qs,
                               kDNS1123LabelFmt, {u"my-name", u"123-abc"}));
    return errs;
}

QStringList isDNS1123Subdomain(QStringView value)
{
    return dns1123Subdomain(value, LengthUnit::Characters);
}

QStringList isDNS1035Label(QStringView value)
{
    QStringList errs;
    if (byteLength(value) > 63)
        errs.append(maxLenError(63, LengthUnit::Characters));
    if (!matchesToken(value, isLower, [](QChar c) { return isLowerAlnum(c) || c == u'-'; }, isLowerAlnum))
        errs.append(regexError(u"a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"_qs,
                               u"[a-z]([-a-z0-9]*[a-z0-9])?"_qs, {u"my-name", u"abc-123"}));
    return errs;
}

QStringList isValidPortName(QStringView value)
{
    QStringList errs;
    if (byteLength(value) > 15)
        errs.append(maxLenError(15, LengthUnit::Characters));
    if (value.isEmpty() || !allOf(value, [](QChar c) { return isLowerAlnum(c) || c == u'-'; }))
        errs.append(u"must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"_qs);
    if (!std::any_of(value.begin(), value.end(), isLower))
        errs.append(u"must contain at least one letter (a-z)"_qs);
    if (value.contains(u"--"))
        errs.append(u"must not contain consecutive hyphens"_qs);
    if (!value.isEmpty() && (value.front() == u'-' || value.back() == u'-'))
        errs.append(u"must not begin or end with a hyphen"_qs);
    return errs;
}

QStringList isValidPortNum(qint64 port)
{
    return isInRange(port, 1, 65535);
}

QStringList isInRange(qint64 value, qint64 min, qint64 max)
{
    if (value >= min && value <= max)
        return {};
    return {u"must be between %1 and %2, inclusive"_qs.arg(min).arg(max)};
}

QStringList isConfigMapKey(QStringView value)
{
    QStringList errs;
    if (byteLength(value) > 253)
        errs.append(maxLenError(253, LengthUnit::Characters));
    if (value.isEmpty() || !allOf(value, [](QChar c) { return isAlnum(c) || c == u'-' || c == u'.' || c == u'_'; }))
        errs.append(regexError(u"a valid config key must consist of alphanumeric characters, '-', '_' or '.'"_qs, u"[-._a-zA-Z0-9]+"_qs,
                               {u"key.name", u"KEY_NAME", u"key-name"}));
    return errs + hasChDirPrefix(value);
}

QStringList isHTTPHeaderName(QStringView value)
{
    if (!value.isEmpty() && allOf(value, [](QChar c) { return isAlnum(c) || c == u'-'; }))
        return {};
    return {regexError(u"a valid HTTP header must consist of alphanumeric characters or '-'"_qs, u"[-A-Za-z0-9]+"_qs, {u"X-Header-Name"})};
}

QStringList isValidPercent(QStringView value)
{
    if (value.size() >= 2 && value.back() == u'%' && allOf(value.chopped(1), isDigit))
        return {};
    return {regexError(u"a valid percent string must be a numeric string followed by an ending '%'"_qs, u"[0-9]+%"_qs, {u"1%", u"93%"})};
}

QStringList isCIdentifier(QStringView value)
{
    const auto identChar = [](QChar c) { return isAlnum(c) || c == u'_'; };
    if (!value.isEmpty() && (isAlpha(value.front()) || value.front() == u'_') && allOf(value, identChar))
        return {};
    return {regexError(u"a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'"_qs,
                       u"[A-Za-z_][A-Za-z0-9_]*"_qs, {u"my_name", u"MY_NAME", u"MyName"})};
}

QStringList isValidIP(QStringView value)
{
    const std::optional<IPAddress> ip = IPAddress::parse(value, IPAddress::Rules::Sloppy);
    if (!ip)
        return {u"must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"_qs};
    if (!IPAddress::parse(value, IPAddress::Rules::Strict))
        return {u"must not have leading 0s"_qs}; // all that sloppy accepts and strict does not
    if (ip->is4In6())
        return {u"must not be an IPv4-mapped IPv6 address"_qs};
    if (const QString canonical = ip->toString(); value != canonical)
        return {u"must be in canonical form (%1)"_qs.arg(goQuoted(canonical))};
    return {};
}

QStringList isValidCIDR(QStringView value)
{
    const std::optional<IPPrefix> prefix = IPAddress::parseCIDR(value);
    if (!prefix)
        return {u"must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"_qs};
    // What netip.ParsePrefix refuses beyond that: leading zeros in the address or the length.
    const QStringView length = value.sliced(value.indexOf(u'/') + 1);
    if (!IPAddress::parse(value.first(value.indexOf(u'/')), IPAddress::Rules::Strict) || (length.size() > 1 && length.front() == u'0'))
        return {u"must not have leading 0s in IP or prefix length"_qs};
    if (prefix->address.is4In6())
        return {u"must not have an IPv4-mapped IPv6 address"_qs};
    const IPAddress network = prefix->address.masked(prefix->bits);
    if (network != prefix->address)
        return {u"must not have bits set beyond the prefix length"_qs};
    if (const QString canonical = network.toString() + u'/' + QString::number(prefix->bits); value != canonical)
        return {u"must be in canonical form (%1)"_qs.arg(goQuoted(canonical))};
    return {};
}

QStringList isPathSegmentName(QStringView value)
{
    if (value == u"." || value == u"..")
        return {u"may not be '%1'"_qs.arg(value)};
    return isPathSegmentPrefix(value);
}

QStringList isPathSegmentPrefix(QStringView value)
{
    QStringList errs;
    if (value.contains(u'/'))
        errs.append(u"may not contain '/'"_qs);
    if (value.contains(u'%'))
        errs.append(u"may not contain '%'"_qs);
    return errs;
}

// ---- names per kind --------------------------------------------------------------------------

QString maskTrailingDash(QStringView name)
{
    if (name.size() > 1 && name.endsWith(u'-'))
        return name.first(name.size() - 2).toString() + u'a';
    return name.toString();
}

QStringList nameIsDNSSubdomain(QStringView name, NameUse use)
{
    return use == NameUse::GenerateNamePrefix ? isDNS1123Subdomain(maskTrailingDash(name)) : isDNS1123Subdomain(name);
}

QStringList nameIsDNSLabel(QStringView name, NameUse use)
{
    return use == NameUse::GenerateNamePrefix ? isDNS1123Label(maskTrailingDash(name)) : isDNS1123Label(name);
}

QStringList nameIsDNS1035Label(QStringView name, NameUse use)
{
    return use == NameUse::GenerateNamePrefix ? isDNS1035Label(maskTrailingDash(name)) : isDNS1035Label(name);
}

QStringList nameIsPathSegment(QStringView name, NameUse use)
{
    return use == NameUse::GenerateNamePrefix ? isPathSegmentPrefix(name) : isPathSegmentName(name);
}

// ---- field errors ----------------------------------------------------------------------------

QString goQuoted(QStringView value)
{
    QString out = u"\""_qs;
    for (QChar c : value) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'"': out += u"\\\""_qs; continue;
        case u'\\': out += u"\\\\"_qs; continue;
        case u'\a': out += u"\\a"_qs; continue;
        case u'\b': out += u"\\b"_qs; continue;
        case u'\f': out += u"\\f"_qs; continue;
        case u'\n': out += u"\\n"_qs; continue;
        case u'\r': out += u"\\r"_qs; continue;
        case u'\t': out += u"\\t"_qs; continue;
        case u'\v': out += u"\\v"_qs; continue;
        default: break;
        }
        if (u < 0x20 || u == 0x7f)
            out += u"\\x"_qs + QString::number(u, 16).rightJustified(2, u'0');
        else if (u >= 0x80 && u < 0xa0)
            out += u"\\u"_qs + QString::number(u, 16).rightJustified(4, u'0');
        else
            out += c;
    }
    return out + u'"';
}

StatusCause invalidCause(const QString &field, QStringView value, const QString &detail)
{
    return invalidRendered(field, goQuoted(value), detail);
}

QList<StatusCause> invalidCauses(const QString &field, QStringView value, const QStringList &details)
{
    QList<StatusCause> causes;
    for (const QString &detail : details)
        causes.append(invalidCause(field, value, detail));
    return causes;
}

StatusCause requiredCause(const QString &field, const QString &detail)
{
    return {u"FieldValueRequired"_qs, detail.isEmpty() ? u"Required value"_qs : u"Required value: "_qs + detail, field};
}

StatusCause forbiddenCause(const QString &field, const QString &detail)
{
    return {u"FieldValueForbidden"_qs, detail.isEmpty() ? u"Forbidden"_qs : u"Forbidden: "_qs + detail, field};
}

StatusCause tooLongCause(const QString &field, qint64 maxBytes)
{
    return {u"FieldValueTooLong"_qs, u"Too long: may not be more than %1 %2"_qs.arg(maxBytes).arg(maxBytes == 1 ? u"byte"_qs : u"bytes"_qs), field};
}

// ---- metadata --------------------------------------------------------------------------------

QList<StatusCause> validateLabels(const Labels &labels, const QString &field)
{
    QList<StatusCause> causes;
    for (const auto &[key, value] : labels) {
        causes += invalidCauses(field, key, isQualifiedName(key));
        causes += invalidCauses(field, value, isValidLabelValue(value));
    }
    return causes;
}

QList<StatusCause> validateAnnotations(const Labels &annotations, const QString &field)
{
    QList<StatusCause> causes;
    qint64 totalBytes = 0;
    for (const auto &[key, value] : annotations) {
        causes += invalidCauses(field, key, isQualifiedName(key.toLower())); // case does not matter
        totalBytes += byteLength(key) + byteLength(value);
    }
    if (totalBytes > TotalAnnotationSizeLimitB)
        causes.append(tooLongCause(field, TotalAnnotationSizeLimitB));
    return causes;
}

QList<StatusCause> validateFinalizers(const QStringList &finalizers, const QString &field)
{
    QList<StatusCause> causes;
    for (const QString &finalizer : finalizers)
        causes += invalidCauses(field, finalizer, isQualifiedName(finalizer));
    if (!finalizers.contains(u"orphan"_qs) || !finalizers.contains(u"foregroundDeletion"_qs))
        return causes;
    QStringList quoted; // the bad value is the list, as JSON
    for (const QString &finalizer : finalizers)
        quoted.append(goQuoted(finalizer));
    causes.append(invalidRendered(field, u'[' + quoted.join(u',') + u']', u"finalizer orphan and foregroundDeletion cannot be both set"_qs));
    return causes;
}

QList<StatusCause> validateObjectMeta(const Object &object, Scope scope, NameValidator nameFn, const QString &fieldPath)
{
    QList<StatusCause> causes;
    const QString generateName = object.generateName();
    if (!generateName.isEmpty())
        causes += invalidCauses(childField(fieldPath, u"generateName"), generateName, nameFn(generateName, NameUse::GenerateNamePrefix));
    const QString name = object.name();
    if (name.isEmpty())
        causes.append(requiredCause(childField(fieldPath, u"name"), u"name or generateName is required"_qs));
    else
        causes += invalidCauses(childField(fieldPath, u"name"), name, nameFn(name, NameUse::Name));

    const QString ns = object.namespace_();
    const QString nsField = childField(fieldPath, u"namespace");
    if (scope == Scope::Namespaced && ns.isEmpty())
        causes.append(requiredCause(nsField));
    else if (scope == Scope::Namespaced)
        causes += invalidCauses(nsField, ns, nameIsDNSLabel(ns, NameUse::Name));
    else if (!ns.isEmpty())
        causes.append(forbiddenCause(nsField, u"not allowed on this type"_qs));

    if (const qint64 generation = object.generation(); generation < 0)
        causes.append(invalidRendered(childField(fieldPath, u"generation"), QString::number(generation), u"must be greater than or equal to 0"_qs));
    causes += validateLabels(object.labels(), childField(fieldPath, u"labels"));
    causes += validateAnnotations(object.annotations(), childField(fieldPath, u"annotations"));
    causes += validateFinalizers(object.finalizers(), childField(fieldPath, u"finalizers"));
    return causes;
}

} // namespace kube::validation
