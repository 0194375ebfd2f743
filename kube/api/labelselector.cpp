#include "labelselector.h"

#include "namevalidation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QSharedData>

#include <algorithm>
#include <variant>

namespace kube {

using Op = LabelRequirement::Operator;

struct LabelSelector::Data : QSharedData {
    QList<LabelRequirement> requirements;
    bool nothing = false;
};

namespace {

// json.Marshal of a []string; an empty list was a nil slice upstream.
QString jsonStringList(const QStringList &values)
{
    if (values.isEmpty())
        return u"null"_qs;
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(validation::goQuoted(v));
    return u'[' + quoted.join(u',') + u']';
}

QString invalidValue(const QString &field, const QString &renderedValue, const QString &detail)
{
    return field + u": Invalid value: "_qs + renderedValue + u": "_qs + detail;
}

// utilerrors.NewAggregate(...).Error(): one message alone, several deduplicated in brackets.
QString aggregate(const QStringList &messages)
{
    QStringList unique;
    for (const QString &m : messages) {
        if (!unique.contains(m))
            unique.append(m);
    }
    return unique.size() == 1 ? unique.first() : u'[' + unique.join(u", "_qs) + u']';
}

bool parseInt64(QStringView s, qint64 *out)
{
    bool ok = false;
    *out = s.toLongLong(&ok, 10);
    // toLongLong accepts surrounding whitespace; strconv.ParseInt does not.
    return ok && !s.isEmpty() && !s.front().isSpace() && !s.back().isSpace();
}

} // namespace

// ---- LabelRequirement ----------------------------------------------------------------------

bool LabelRequirement::matches(const Labels &labels) const
{
    switch (op) {
    case Op::In:
    case Op::Equals:
    case Op::DoubleEquals: {
        if (!labels.contains(key))
            return false;
        return values.contains(labels.value(key));
    }
    case Op::NotIn:
    case Op::NotEquals:
        if (!labels.contains(key))
            return true;
        return !values.contains(labels.value(key));
    case Op::Exists:
        return labels.contains(key);
    case Op::DoesNotExist:
        return !labels.contains(key);
    case Op::GreaterThan:
    case Op::LessThan: {
        qint64 have = 0, want = 0;
        if (!labels.contains(key) || values.size() != 1)
            return false;
        if (!parseInt64(labels.value(key), &have) || !parseInt64(values.first(), &want))
            return false;
        return op == Op::GreaterThan ? have > want : have < want;
    }
    }
    return false;
}

QString LabelRequirement::toString() const
{
    QString out;
    if (op == Op::DoesNotExist)
        out += u'!';
    out += key;
    switch (op) {
    case Op::Equals: out += u'='; break;
    case Op::DoubleEquals: out += u"=="_qs; break;
    case Op::NotEquals: out += u"!="_qs; break;
    case Op::In: out += u" in "_qs; break;
    case Op::NotIn: out += u" notin "_qs; break;
    case Op::GreaterThan: out += u'>'; break;
    case Op::LessThan: out += u'<'; break;
    case Op::Exists:
    case Op::DoesNotExist:
        return out;
    }
    const bool set = op == Op::In || op == Op::NotIn;
    QStringList sorted = values;
    std::sort(sorted.begin(), sorted.end());
    if (set)
        out += u'(';
    out += sorted.join(u',');
    if (set)
        out += u')';
    return out;
}

// ---- LabelSelector ---------------------------------------------------------------------------

LabelSelector::LabelSelector() = default;
LabelSelector::~LabelSelector() = default;
LabelSelector::LabelSelector(const LabelSelector &) = default;
LabelSelector::LabelSelector(LabelSelector &&) noexcept = default;
LabelSelector &LabelSelector::operator=(const LabelSelector &) = default;
LabelSelector &LabelSelector::operator=(LabelSelector &&) noexcept = default;
LabelSelector::LabelSelector(Data *data) : d(data) {}

LabelSelector LabelSelector::nothing()
{
    auto *data = new Data;
    data->nothing = true;
    return LabelSelector(data);
}

LabelSelector LabelSelector::fromRequirements(QList<LabelRequirement> reqs)
{
    if (reqs.isEmpty())
        return {};
    // Stable, where upstream's sort is not, so equal keys keep their written order.
    std::stable_sort(reqs.begin(), reqs.end(), [](const LabelRequirement &a, const LabelRequirement &b) { return a.key < b.key; });
    auto *data = new Data;
    data->requirements = std::move(reqs);
    return LabelSelector(data);
}

LabelSelector LabelSelector::fromSet(const Labels &set)
{
    if (set.isEmpty())
        return {};
    auto *data = new Data;
    for (const auto &[key, value] : set)
        data->requirements.append({key, Op::Equals, {value}});
    return LabelSelector(data);
}

Expected<LabelRequirement> LabelSelector::makeRequirement(const QString &key, LabelRequirement::Operator op, const QStringList &values)
{
    QStringList errs;
    if (const QStringList e = validation::isQualifiedName(key); !e.isEmpty())
        errs.append(invalidValue(u"key"_qs, validation::goQuoted(key), e.join(u"; "_qs)));
    switch (op) {
    case Op::In:
    case Op::NotIn:
        if (values.isEmpty())
            errs.append(invalidValue(u"values"_qs, jsonStringList(values), u"for 'in', 'notin' operators, values set can't be empty"_qs));
        break;
    case Op::Equals:
    case Op::DoubleEquals:
    case Op::NotEquals:
        if (values.size() != 1)
            errs.append(invalidValue(u"values"_qs, jsonStringList(values), u"exact-match compatibility requires one single value"_qs));
        break;
    case Op::Exists:
    case Op::DoesNotExist:
        if (!values.isEmpty())
            errs.append(invalidValue(u"values"_qs, jsonStringList(values), u"values set must be empty for exists and does not exist"_qs));
        break;
    case Op::GreaterThan:
    case Op::LessThan:
        if (values.size() != 1)
            errs.append(invalidValue(u"values"_qs, jsonStringList(values), u"for 'Gt', 'Lt' operators, exactly one value is required"_qs));
        for (qsizetype i = 0; i < values.size(); ++i) {
            qint64 ignored = 0;
            if (!parseInt64(values[i], &ignored))
                errs.append(invalidValue(u"values[%1]"_qs.arg(i), validation::goQuoted(values[i]), u"for 'Gt', 'Lt' operators, the value must be an integer"_qs));
        }
        break;
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (const QStringList e = validation::isValidLabelValue(values[i]); !e.isEmpty())
            errs.append(invalidValue(u"values[%1][%2]"_qs.arg(i).arg(key), validation::goQuoted(values[i]), e.join(u"; "_qs)));
    }
    if (!errs.isEmpty())
        return Status::badRequest(aggregate(errs));
    return LabelRequirement{key, op, values};
}

// ---- the parser (labels.Parse: a lexer over tokens, then recursive descent) --------------------

namespace {

enum class Token { EndOfString, ClosedPar, Comma, DoesNotExist, DoubleEquals, Equals, GreaterThan, Identifier, In, LessThan, NotEquals, NotIn, OpenPar };

struct Item {
    Token token;
    QString literal;
};

bool isWhitespace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\r' || c == u'\n';
}

bool isSpecialSymbol(QChar c)
{
    return c == u'=' || c == u'!' || c == u'(' || c == u')' || c == u',' || c == u'>' || c == u'<';
}

std::optional<Token> symbolToken(QStringView s)
{
    static const std::pair<const char16_t *, Token> table[] = {
        {u")", Token::ClosedPar}, {u",", Token::Comma}, {u"!", Token::DoesNotExist}, {u"==", Token::DoubleEquals},
        {u"=", Token::Equals}, {u">", Token::GreaterThan}, {u"<", Token::LessThan}, {u"!=", Token::NotEquals},
        {u"(", Token::OpenPar},
    };
    for (const auto &[text, token] : table) {
        if (s == QStringView(text))
            return token;
    }
    return std::nullopt;
}

QList<Item> lex(QStringView s)
{
    QList<Item> items;
    qsizetype pos = 0;
    const qsizetype end = s.size();
    while (true) {
        while (pos < end && isWhitespace(s[pos]))
            ++pos;
        if (pos >= end) {
            items.append({Token::EndOfString, QString()});
            return items;
        }
        if (isSpecialSymbol(s[pos])) {
            // Longest run of symbols that is still a token ("!=" beats "!"); every single symbol is one.
            qsizetype len = 1;
            while (pos + len < end && isSpecialSymbol(s[pos + len]) && symbolToken(s.mid(pos, len + 1)))
                ++len;
            items.append({*symbolToken(s.mid(pos, len)), s.mid(pos, len).toString()});
            pos += len;
            continue;
        }
        const qsizetype start = pos;
        while (pos < end && !isSpecialSymbol(s[pos]) && !isWhitespace(s[pos]))
            ++pos;
        const QString word = s.mid(start, pos - start).toString();
        const Token token = word == u"in" ? Token::In : word == u"notin" ? Token::NotIn : Token::Identifier;
        items.append({token, word});
    }
}

class Parser
{
public:
    explicit Parser(QStringView text) : m_items(lex(text)) {}

    // Returns the requirements or the error message (without the Status wrapping).
    std::variant<QList<LabelRequirement>, QString> parse();

private:
    enum class Context { KeyAndOperator, Values };

    // In a value position "in" and "notin" are plain identifiers.
    Item lookahead(Context c) const { return adjust(m_items[m_pos], c); }
    Item consume(Context c) { return adjust(m_items[m_pos++], c); }
    static Item adjust(Item item, Context c)
    {
        if (c == Context::Values && (item.token == Token::In || item.token == Token::NotIn))
            item.token = Token::Identifier;
        return item;
    }

    std::variant<LabelRequirement, QString> parseRequirement();
    std::variant<QStringList, QString> parseValues();
    std::variant<QStringList, QString> parseIdentifiersList();
    std::variant<QStringList, QString> parseExactValue();

    static QString found(const QString &literal, const char16_t *expected) { return u"found '%1', expected: %2"_qs.arg(literal, QString::fromUtf16(expected)); }

    QList<Item> m_items;
    qsizetype m_pos = 0;
};

std::variant<QList<LabelRequirement>, QString> Parser::parse()
{
    QList<LabelRequirement> requirements;
    while (true) {
        const Item next = lookahead(Context::Values);
        if (next.token == Token::EndOfString)
            return requirements;
        if (next.token != Token::Identifier && next.token != Token::DoesNotExist)
            return found(next.literal, u"!, identifier, or 'end of string'");
        auto r = parseRequirement();
        if (auto *err = std::get_if<QString>(&r))
            return u"unable to parse requirement: "_qs + *err;
        requirements.append(std::get<LabelRequirement>(std::move(r)));
        const Item after = consume(Context::Values);
        if (after.token == Token::EndOfString)
            return requirements;
        if (after.token != Token::Comma)
            return found(after.literal, u"',' or 'end of string'");
        const Item following = lookahead(Context::Values);
        if (following.token != Token::Identifier && following.token != Token::DoesNotExist)
            return found(following.literal, u"identifier after ','");
    }
}

std::variant<LabelRequirement, QString> Parser::parseRequirement()
{
    // parseKeyAndInferOperator
    std::optional<Op> op;
    Item keyItem = consume(Context::Values);
    if (keyItem.token == Token::DoesNotExist) {
        op = Op::DoesNotExist;
        keyItem = consume(Context::Values);
    }
    if (keyItem.token != Token::Identifier)
        return found(keyItem.literal, u"identifier");
    if (const QStringList e = validation::isQualifiedName(keyItem.literal); !e.isEmpty())
        return invalidValue(u"<nil>"_qs, validation::goQuoted(keyItem.literal), e.join(u"; "_qs)); // upstream's path is nil here
    const Token t = lookahead(Context::Values).token;
    if ((t == Token::EndOfString || t == Token::Comma) && !op)
        op = Op::Exists;
    const auto make = [&](Op o, const QStringList &values) -> std::variant<LabelRequirement, QString> {
        Expected<LabelRequirement> r = LabelSelector::makeRequirement(keyItem.literal, o, values);
        if (!r)
            return r.error().message();
        return std::move(r).value();
    };
    if (op)
        return make(*op, {});

    // parseOperator
    const Item opItem = consume(Context::KeyAndOperator);
    Op parsed;
    switch (opItem.token) {
    case Token::In: parsed = Op::In; break;
    case Token::Equals: parsed = Op::Equals; break;
    case Token::DoubleEquals: parsed = Op::DoubleEquals; break;
    case Token::GreaterThan: parsed = Op::GreaterThan; break;
    case Token::LessThan: parsed = Op::LessThan; break;
    case Token::NotIn: parsed = Op::NotIn; break;
    case Token::NotEquals: parsed = Op::NotEquals; break;
    default:
        return found(opItem.literal, u"in, notin, =, ==, !=, >, <");
    }
    auto values = (parsed == Op::In || parsed == Op::NotIn) ? parseValues() : parseExactValue();
    if (auto *err = std::get_if<QString>(&values))
        return *err;
    // Upstream collects values in a set: sorted, no duplicates.
    QStringList list = std::get<QStringList>(values);
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return make(parsed, list);
}

std::variant<QStringList, QString> Parser::parseValues()
{
    const Item open = consume(Context::Values);
    if (open.token != Token::OpenPar)
        return u"found '%1' expected: '('"_qs.arg(open.literal);
    const Item next = lookahead(Context::Values);
    switch (next.token) {
    case Token::Identifier:
    case Token::Comma: {
        auto list = parseIdentifiersList();
        if (std::holds_alternative<QString>(list))
            return list;
        if (consume(Context::Values).token != Token::ClosedPar)
            return found(next.literal, u"')'");
        return list;
    }
    case Token::ClosedPar:
        consume(Context::Values);
        return QStringList{QString()}; // "()" is the empty value
    default:
        return found(next.literal, u"',', ')' or identifier");
    }
}

std::variant<QStringList, QString> Parser::parseIdentifiersList()
{
    QStringList values;
    while (true) {
        const Item item = consume(Context::Values);
        if (item.token == Token::Identifier) {
            values.append(item.literal);
            const Item next = lookahead(Context::Values);
            if (next.token == Token::Comma)
                continue;
            if (next.token == Token::ClosedPar)
                return values;
            return found(next.literal, u"',' or ')'");
        }
        if (item.token != Token::Comma)
            return found(item.literal, u"',', or identifier");
        // Empty entries around commas ("(,a)", "(a,)", "(a,,b)") are empty values.
        if (values.isEmpty())
            values.append(QString());
        const Token next = lookahead(Context::Values).token;
        if (next == Token::ClosedPar) {
            values.append(QString());
            return values;
        }
        if (next == Token::Comma)
            values.append(QString());
    }
}

std::variant<QStringList, QString> Parser::parseExactValue()
{
    const Token next = lookahead(Context::Values).token;
    if (next == Token::EndOfString || next == Token::Comma)
        return QStringList{QString()};
    const Item item = consume(Context::Values);
    if (item.token == Token::Identifier)
        return QStringList{item.literal};
    return found(item.literal, u"identifier");
}

} // namespace

Expected<LabelSelector> LabelSelector::parse(QStringView text)
{
    auto result = Parser(text).parse();
    if (auto *err = std::get_if<QString>(&result))
        return Status::badRequest(*err);
    return fromRequirements(std::get<QList<LabelRequirement>>(std::move(result)));
}

Expected<LabelSelector> LabelSelector::fromLabelSelectorJson(const QJsonValue &selector)
{
    if (selector.isNull() || selector.isUndefined())
        return nothing();
    if (!selector.isObject())
        return Status::badRequest(u"a label selector must be a JSON object"_qs);
    return fromLabelSelectorJson(selector.toObject());
}

Expected<LabelSelector> LabelSelector::fromLabelSelectorJson(const QJsonObject &selector)
{
    const QJsonValue matchLabels = selector.value(u"matchLabels");
    const QJsonValue matchExpressions = selector.value(u"matchExpressions");
    if (!matchLabels.isNull() && !matchLabels.isUndefined() && !matchLabels.isObject())
        return Status::badRequest(u"matchLabels: must be an object of strings"_qs);
    if (!matchExpressions.isNull() && !matchExpressions.isUndefined() && !matchExpressions.isArray())
        return Status::badRequest(u"matchExpressions: must be a list"_qs);

    QList<LabelRequirement> reqs;
    const QJsonObject labels = matchLabels.toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (!it.value().isString())
            return Status::badRequest(u"matchLabels.%1: must be a string"_qs.arg(it.key()));
        Expected<LabelRequirement> r = makeRequirement(it.key(), Op::Equals, {it.value().toString()});
        if (!r)
            return r.error();
        reqs.append(std::move(r).value());
    }
    for (const QJsonValue &v : matchExpressions.toArray()) {
        const QJsonObject expr = v.toObject();
        static const std::pair<const char16_t *, Op> operators[] = {{u"In", Op::In}, {u"NotIn", Op::NotIn}, {u"Exists", Op::Exists}, {u"DoesNotExist", Op::DoesNotExist}};
        const QString opName = expr.value(u"operator").toString();
        const auto known = std::find_if(std::begin(operators), std::end(operators), [&](const auto &o) { return opName == QStringView(o.first); });
        if (known == std::end(operators))
            return Status::badRequest(u"%1 is not a valid label selector operator"_qs.arg(validation::goQuoted(opName)));
        const Op op = known->second;
        QStringList values;
        for (const QJsonValue &value : expr.value(u"values").toArray()) {
            if (!value.isString())
                return Status::badRequest(u"matchExpressions.values: must be strings"_qs);
            values.append(value.toString());
        }
        Expected<LabelRequirement> r = makeRequirement(expr.value(u"key").toString(), op, values);
        if (!r)
            return r.error();
        reqs.append(std::move(r).value());
    }
    return fromRequirements(std::move(reqs));
}

bool LabelSelector::matches(const Labels &labels) const
{
    if (!d)
        return true;
    if (d->nothing)
        return false;
    return std::all_of(d->requirements.cbegin(), d->requirements.cend(), [&](const LabelRequirement &r) { return r.matches(labels); });
}

bool LabelSelector::isEmpty() const
{
    return !d || (!d->nothing && d->requirements.isEmpty());
}

bool LabelSelector::matchesNothing() const
{
    return d && d->nothing;
}

const QList<LabelRequirement> &LabelSelector::requirements() const
{
    static const QList<LabelRequirement> none;
    return d ? d->requirements : none;
}

std::optional<QString> LabelSelector::requiresExactMatch(QStringView label) const
{
    for (const LabelRequirement &r : requirements()) {
        if (r.key != label)
            continue;
        // Upstream decides on the first requirement for the key.
        const bool pins = r.op == Op::Equals || r.op == Op::DoubleEquals || r.op == Op::In;
        if (pins && r.values.size() == 1)
            return r.values.first();
        return std::nullopt;
    }
    return std::nullopt;
}

Labels LabelSelector::exactMatchLabels() const
{
    Labels out;
    for (const LabelRequirement &r : requirements()) {
        if (out.contains(r.key))
            continue;
        if (const auto value = requiresExactMatch(r.key))
            out.insert(r.key, *value);
    }
    return out;
}

LabelSelector LabelSelector::add(const QList<LabelRequirement> &more) const
{
    if (matchesNothing())
        return *this;
    return fromRequirements(requirements() + more);
}

QString LabelSelector::toString() const
{
    QStringList parts;
    for (const LabelRequirement &r : requirements())
        parts.append(r.toString());
    return parts.join(u',');
}

bool operator==(const LabelSelector &a, const LabelSelector &b)
{
    return a.matchesNothing() == b.matchesNothing() && a.requirements() == b.requirements();
}

} // namespace kube
