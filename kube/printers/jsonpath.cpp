#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>
#include <optional>

namespace kube::printers {

namespace {

// One step of a parsed path.
struct Step {
    enum class Kind { Field, Wildcard, Recursive, Index, Slice, Filter };
    Kind kind = Kind::Field;
    QString field;                 // Field
    qint64 index = 0;              // Index
    std::optional<qint64> from;    // Slice
    std::optional<qint64> to;      // Slice
    // Filter: @<filterPath> <op> <literal>, or existence of @<filterPath> when op is empty.
    QList<Step> filterPath;
    QString op;
    QJsonValue literal;
};

Step makeStep(Step::Kind kind)
{
    Step s;
    s.kind = kind;
    return s;
}

class Parser
{
public:
    explicit Parser(QStringView text) : m_text(text) {}

    std::optional<QList<Step>> parse(bool relative = false)
    {
        QList<Step> steps;
        skipSpaces();
        if (!relative && peek() == u'$')
            ++m_pos;
        if (relative && peek() == u'@')
            ++m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = peek();
            if (relative && (c == u' ' || c == u'=' || c == u'!' || c == u'<' || c == u'>' || c == u')'))
                break;
            if (c == u'.') {
                ++m_pos;
                if (peek() == u'.') {
                    ++m_pos;
                    steps.append(makeStep(Step::Kind::Recursive));
                }
                if (peek() == u'*') {
                    ++m_pos;
                    steps.append(makeStep(Step::Kind::Wildcard));
                    continue;
                }
                const QString name = readName();
                if (name.isEmpty()) {
                    if (m_pos >= m_text.size() && steps.isEmpty())
                        break; // "." alone selects the root
                    if (peek() == u'[')
                        continue;
                    return std::nullopt;
                }
                Step s;
                s.field = name;
                steps.append(s);
                continue;
            }
            if (c == u'[') {
                std::optional<Step> s = readBracket();
                if (!s)
                    return std::nullopt;
                steps.append(*s);
                continue;
            }
            if (steps.isEmpty() && !relative && (c.isLetterOrNumber() || c == u'_')) {
                Step s; // "spec.x" without the leading dot
                s.field = readName();
                steps.append(s);
                continue;
            }
            return std::nullopt;
        }
        return steps;
    }

    qsizetype position() const { return m_pos; }

private:
    QChar peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : QChar(); }
    void skipSpaces()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    QString readName()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == u'.' || c == u'[' || c == u']' || c == u' ' || c == u'=' || c == u'!' || c == u'<' || c == u'>' || c == u')')
                break;
            ++m_pos;
        }
        return m_text.mid(start, m_pos - start).toString();
    }

    std::optional<QString> readQuoted()
    {
        const QChar quote = peek();
        ++m_pos;
        QString out;
        while (m_pos < m_text.size() && m_text.at(m_pos) != quote) {
            if (m_text.at(m_pos) == u'\\' && m_pos + 1 < m_text.size())
                ++m_pos;
            out.append(m_text.at(m_pos++));
        }
        if (m_pos >= m_text.size())
            return std::nullopt;
        ++m_pos;
        return out;
    }

    std::optional<QJsonValue> readLiteral()
    {
        skipSpaces();
        if (peek() == u'"' || peek() == u'\'') {
            std::optional<QString> s = readQuoted();
            if (!s)
                return std::nullopt;
            return QJsonValue(*s);
        }
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && m_text.at(m_pos) != u')' && !m_text.at(m_pos).isSpace())
            ++m_pos;
        const QString word = m_text.mid(start, m_pos - start).toString();
        if (word == u"true" || word == u"false")
            return QJsonValue(word == u"true");
        bool ok = false;
        const double d = word.toDouble(&ok);
        if (!ok)
            return std::nullopt;
        return QJsonValue(d);
    }

    std::optional<Step> readBracket()
    {
        ++m_pos; // '['
        skipSpaces();
        Step s;
        if (peek() == u'\'' || peek() == u'"') {
            std::optional<QString> name = readQuoted();
            if (!name)
                return std::nullopt;
            s.field = *name;
        } else if (peek() == u'*') {
            ++m_pos;
            s.kind = Step::Kind::Wildcard;
        } else if (peek() == u'?') {
            ++m_pos;
            if (peek() != u'(')
                return std::nullopt;
            ++m_pos;
            skipSpaces();
            std::optional<QList<Step>> path = parse(true);
            if (!path)
                return std::nullopt;
            s.kind = Step::Kind::Filter;
            s.filterPath = *path;
            skipSpaces();
            const qsizetype opStart = m_pos;
            while (m_pos < m_text.size() && QStringView(u"=!<>").contains(m_text.at(m_pos)))
                ++m_pos;
            s.op = m_text.mid(opStart, m_pos - opStart).toString();
            if (!s.op.isEmpty()) {
                static const QStringList ops = {u"=="_qs, u"!="_qs, u"<"_qs, u">"_qs, u"<="_qs, u">="_qs};
                if (!ops.contains(s.op))
                    return std::nullopt;
                std::optional<QJsonValue> literal = readLiteral();
                if (!literal)
                    return std::nullopt;
                s.literal = *literal;
            }
            skipSpaces();
            if (peek() != u')')
                return std::nullopt;
            ++m_pos;
        } else {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && m_text.at(m_pos) != u']')
                ++m_pos;
            const QString inside = m_text.mid(start, m_pos - start).toString().trimmed();
            const QStringList parts = inside.split(u':');
            auto number = [](const QString &t) -> std::optional<qint64> {
                bool ok = false;
                const qint64 n = t.trimmed().toLongLong(&ok);
                return ok ? std::optional<qint64>(n) : std::nullopt;
            };
            if (parts.size() == 1) {
                const std::optional<qint64> n = number(inside);
                if (!n)
                    return std::nullopt;
                s.kind = Step::Kind::Index;
                s.index = *n;
            } else {
                s.kind = Step::Kind::Slice;
                if (!parts.at(0).trimmed().isEmpty() && !(s.from = number(parts.at(0))))
                    return std::nullopt;
                if (!parts.at(1).trimmed().isEmpty() && !(s.to = number(parts.at(1))))
                    return std::nullopt;
            }
        }
        skipSpaces();
        if (peek() != u']')
            return std::nullopt;
        ++m_pos;
        return s;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

QList<QJsonValue> apply(const QList<QJsonValue> &input, const QList<Step> &steps);

void collectDescendants(const QJsonValue &v, QList<QJsonValue> &out)
{
    out.append(v);
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectDescendants(it.value(), out);
    } else if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            collectDescendants(e, out);
    }
}

bool compare(const QJsonValue &left, const QString &op, const QJsonValue &right)
{
    if (left.isDouble() && right.isDouble()) {
        const double a = left.toDouble();
        const double b = right.toDouble();
        if (op == u"==")
            return a == b;
        if (op == u"!=")
            return a != b;
        if (op == u"<")
            return a < b;
        if (op == u">")
            return a > b;
        if (op == u"<=")
            return a <= b;
        return a >= b;
    }
    if (op == u"==")
        return left == right;
    if (op == u"!=")
        return left != right;
    if (left.isString() && right.isString()) {
        const int c = left.toString().compare(right.toString());
        return op == u"<" ? c < 0 : op == u">" ? c > 0 : op == u"<=" ? c <= 0 : c >= 0;
    }
    return false;
}

QList<QJsonValue> applyStep(const QList<QJsonValue> &input, const Step &step)
{
    QList<QJsonValue> out;
    for (const QJsonValue &v : input) {
        switch (step.kind) {
        case Step::Kind::Field: {
            const QJsonValue child = v.toObject().value(step.field);
            if (v.isObject() && !child.isUndefined())
                out.append(child);
            break;
        }
        case Step::Kind::Wildcard:
            if (v.isArray()) {
                for (const QJsonValue &e : v.toArray())
                    out.append(e);
            } else if (v.isObject()) {
                const QJsonObject o = v.toObject();
                for (auto it = o.begin(); it != o.end(); ++it)
                    out.append(it.value());
            }
            break;
        case Step::Kind::Recursive:
            collectDescendants(v, out);
            break;
        case Step::Kind::Index: {
            const QJsonArray a = v.toArray();
            const qint64 i = step.index < 0 ? a.size() + step.index : step.index;
            if (v.isArray() && i >= 0 && i < a.size())
                out.append(a.at(i));
            break;
        }
        case Step::Kind::Slice: {
            const QJsonArray a = v.toArray();
            auto clamp = [&](qint64 i) { return std::clamp<qint64>(i < 0 ? a.size() + i : i, 0, a.size()); };
            const qint64 from = clamp(step.from.value_or(0));
            const qint64 to = clamp(step.to.value_or(a.size()));
            for (qint64 i = from; i < to; ++i)
                out.append(a.at(i));
            break;
        }
        case Step::Kind::Filter:
            for (const QJsonValue &e : v.toArray()) {
                const QList<QJsonValue> left = apply({e}, step.filterPath);
                if (step.op.isEmpty() ? !left.isEmpty() : (!left.isEmpty() && compare(left.first(), step.op, step.literal)))
                    out.append(e);
            }
            break;
        }
    }
    return out;
}

QList<QJsonValue> apply(const QList<QJsonValue> &input, const QList<Step> &steps)
{
    QList<QJsonValue> current = input;
    for (const Step &step : steps) {
        current = applyStep(current, step);
        if (current.isEmpty())
            break;
    }
    return current;
}

// Go's %v for a float64 (strconv 'g', shortest): exponent form below 1e-4 or from 1e6 on.
QString goFloat(double d)
{
    if (std::isinf(d))
        return d > 0 ? u"+Inf"_qs : u"-Inf"_qs;
    const QString e = QString::number(d, 'e', QLocale::FloatingPointShortest);
    const int exponent = e.mid(e.indexOf(u'e') + 1).toInt();
    if (exponent < -4 || exponent >= 6)
        return e;
    return QString::number(d, 'f', QLocale::FloatingPointShortest);
}

} // namespace

QList<QJsonValue> evaluateJsonPath(const QJsonValue &root, QStringView path, bool *ok)
{
    QStringView text = path.trimmed();
    if (text.startsWith(u'{') && text.endsWith(u'}'))
        text = text.mid(1, text.size() - 2).trimmed();
    Parser parser(text);
    const std::optional<QList<Step>> steps = parser.parse();
    if (ok)
        *ok = steps.has_value();
    if (!steps)
        return {};
    return apply({root}, *steps);
}

QString jsonPathText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_qs : u"false"_qs;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"null"_qs;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Whole numbers decode as int64 in unstructured content.
        if (std::trunc(d) == d && std::abs(d) < 9.2e18)
            return QString::number(value.toInteger());
        return goFloat(d);
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return QString();
}

} // namespace kube::printers
