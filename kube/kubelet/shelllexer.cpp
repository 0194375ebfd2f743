#include "shelllexer.h"

namespace kube::kubelet {

Status shellSyntaxError(const QString &what)
{
    return Status::badRequest(QStringLiteral("sh: syntax error: %1").arg(what));
}

Status shellUnsupported(const QString &what, int line)
{
    return Status::badRequest(QStringLiteral("sh: unsupported syntax: %1 (line %2)").arg(what).arg(line));
}

bool isShellNameChar(QChar c, bool first)
{
    return c == QLatin1Char('_') || (c.isLetter() && c.unicode() < 128) || (!first && c.isDigit() && c.unicode() < 128);
}

namespace {

class Lexer
{
public:
    explicit Lexer(QStringView s) : m_s(s) {}

    Expected<QList<ShellToken>> run()
    {
        QList<ShellToken> out;
        while (true) {
            skipBlanks();
            if (m_i >= m_s.size())
                break;
            const QChar c = m_s[m_i];
            if (c == QLatin1Char('#')) {
                while (m_i < m_s.size() && m_s[m_i] != QLatin1Char('\n'))
                    ++m_i;
                continue;
            }
            if (c == QLatin1Char('\n')) {
                out.append(ShellToken{ShellToken::Kind::Newline, {}, -1, {}, m_line});
                ++m_line;
                ++m_i;
                continue;
            }
            if (auto op = readOperator(-1)) {
                if (!op->ok())
                    return op->error();
                out.append(op->value());
                continue;
            }
            // "2>file", "2>&1": a digit directly followed by '>'.
            if (c.isDigit() && m_i + 1 < m_s.size() && m_s[m_i + 1] == QLatin1Char('>')) {
                const int fd = c.digitValue();
                ++m_i;
                auto op = readOperator(fd);
                if (!op->ok())
                    return op->error();
                out.append(op->value());
                continue;
            }
            auto word = readWord();
            if (!word.ok())
                return word.error();
            out.append(ShellToken{ShellToken::Kind::Word, {}, -1, word.value(), m_line});
        }
        out.append(ShellToken{ShellToken::Kind::End, {}, -1, {}, m_line});
        return out;
    }

private:
    void skipBlanks()
    {
        while (m_i < m_s.size()) {
            const QChar c = m_s[m_i];
            if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r')) {
                ++m_i;
            } else if (c == QLatin1Char('\\') && m_i + 1 < m_s.size() && m_s[m_i + 1] == QLatin1Char('\n')) {
                m_i += 2; // line continuation
                ++m_line;
            } else {
                break;
            }
        }
    }

    bool at(QStringView text) const { return m_s.mid(m_i).startsWith(text); }

    // nullopt when no operator starts here.
    std::optional<Expected<ShellToken>> readOperator(int fd)
    {
        auto make = [&](const char *op, int len) {
            m_i += len;
            return Expected<ShellToken>(ShellToken{ShellToken::Kind::Operator, QString::fromLatin1(op), fd, {}, m_line});
        };
        if (at(u"&&"))
            return make("&&", 2);
        if (at(u"||"))
            return make("||", 2);
        if (at(u"<<"))
            return Expected<ShellToken>(shellUnsupported(QStringLiteral("here-documents ('<<') are not simulated"), m_line));
        if (at(u">>"))
            return make(">>", 2);
        if (at(u">&"))
            return make(">&", 2);
        if (at(u">"))
            return make(">", 1);
        if (fd >= 0)
            return std::nullopt;
        if (at(u"<"))
            return make("<", 1);
        if (at(u";;"))
            return Expected<ShellToken>(shellUnsupported(QStringLiteral("case statements are not simulated"), m_line));
        if (at(u";"))
            return make(";", 1);
        if (at(u"|"))
            return Expected<ShellToken>(shellUnsupported(QStringLiteral("pipes ('|') are not simulated"), m_line));
        if (at(u"&"))
            return Expected<ShellToken>(shellUnsupported(QStringLiteral("background jobs ('&') are not simulated"), m_line));
        if (at(u"(") || at(u")") || ((at(u"{") || at(u"}")) && isWordEnd(1)))
            return Expected<ShellToken>(shellUnsupported(QStringLiteral("subshells and command groups are not simulated"), m_line));
        return std::nullopt;
    }

    bool isWordEnd(int offset) const
    {
        const int j = m_i + offset;
        return j >= m_s.size() || m_s[j].isSpace() || m_s[j] == QLatin1Char(';');
    }

    static bool endsWord(QChar c)
    {
        return c.isSpace() || QStringView(u";&|<>()").contains(c);
    }

    void addLiteral(ShellWord &w, QChar c, bool quoted)
    {
        if (!w.parts.isEmpty() && w.parts.last().kind == ShellWordPart::Kind::Literal && w.parts.last().quoted == quoted)
            w.parts.last().text.append(c);
        else
            w.parts.append({ShellWordPart::Kind::Literal, QString(c), quoted});
    }

    // After '$': a variable reference, or an error for the unsupported substitutions.
    Expected<bool> readDollar(ShellWord &w, bool quoted)
    {
        ++m_i; // '$'
        if (m_i >= m_s.size()) {
            addLiteral(w, QLatin1Char('$'), quoted);
            return true;
        }
        const QChar c = m_s[m_i];
        if (c == QLatin1Char('(')) {
            if (at(u"(("))
                return Expected<bool>(shellUnsupported(QStringLiteral("arithmetic expansion $((…)) is not simulated"), m_line));
            return Expected<bool>(shellUnsupported(QStringLiteral("command substitution $(…) is not simulated"), m_line));
        }
        if (c == QLatin1Char('{')) {
            const int close = m_s.indexOf(QLatin1Char('}'), m_i);
            if (close < 0)
                return Expected<bool>(shellSyntaxError(QStringLiteral("bad substitution")));
            const QString name = m_s.mid(m_i + 1, close - m_i - 1).toString();
            bool valid = !name.isEmpty();
            for (int k = 0; k < name.size(); ++k)
                valid = valid && (isShellNameChar(name[k], k == 0) || name == QLatin1String("?"));
            if (!valid)
                return Expected<bool>(shellUnsupported(QStringLiteral("parameter expansion ${%1} is not simulated").arg(name), m_line));
            w.parts.append({ShellWordPart::Kind::Variable, name, quoted});
            m_i = close + 1;
            return true;
        }
        if (c == QLatin1Char('?') || c == QLatin1Char('$') || c == QLatin1Char('#') || c.isDigit()) {
            w.parts.append({ShellWordPart::Kind::Variable, QString(c), quoted});
            ++m_i;
            return true;
        }
        if (!isShellNameChar(c, true)) {
            addLiteral(w, QLatin1Char('$'), quoted);
            return true;
        }
        const int start = m_i;
        while (m_i < m_s.size() && isShellNameChar(m_s[m_i], false))
            ++m_i;
        w.parts.append({ShellWordPart::Kind::Variable, m_s.mid(start, m_i - start).toString(), quoted});
        return true;
    }

    Expected<ShellWord> readWord()
    {
        ShellWord w;
        while (m_i < m_s.size()) {
            const QChar c = m_s[m_i];
            if (endsWord(c))
                break;
            if (c == QLatin1Char('`'))
                return shellUnsupported(QStringLiteral("command substitution `…` is not simulated"), m_line);
            if (c == QLatin1Char('\\')) {
                if (m_i + 1 < m_s.size())
                    addLiteral(w, m_s[m_i + 1], true);
                m_i += 2;
                continue;
            }
            if (c == QLatin1Char('\'')) {
                const int close = m_s.indexOf(QLatin1Char('\''), m_i + 1);
                if (close < 0)
                    return shellSyntaxError(QStringLiteral("unterminated quoted string"));
                // An empty '' still makes a (quoted, empty) field.
                w.parts.append({ShellWordPart::Kind::Literal, m_s.mid(m_i + 1, close - m_i - 1).toString(), true});
                m_line += int(m_s.mid(m_i, close - m_i).count(QLatin1Char('\n')));
                m_i = close + 1;
                continue;
            }
            if (c == QLatin1Char('"')) {
                ++m_i;
                w.parts.append({ShellWordPart::Kind::Literal, QString(), true});
                bool closed = false;
                while (m_i < m_s.size()) {
                    const QChar d = m_s[m_i];
                    if (d == QLatin1Char('"')) {
                        closed = true;
                        ++m_i;
                        break;
                    }
                    if (d == QLatin1Char('`'))
                        return shellUnsupported(QStringLiteral("command substitution `…` is not simulated"), m_line);
                    if (d == QLatin1Char('\\') && m_i + 1 < m_s.size() && QStringView(u"\"\\$`\n").contains(m_s[m_i + 1])) {
                        addLiteral(w, m_s[m_i + 1], true);
                        m_i += 2;
                        continue;
                    }
                    if (d == QLatin1Char('$')) {
                        auto r = readDollar(w, true);
                        if (!r.ok())
                            return r.error();
                        continue;
                    }
                    if (d == QLatin1Char('\n'))
                        ++m_line;
                    addLiteral(w, d, true);
                    ++m_i;
                }
                if (!closed)
                    return shellSyntaxError(QStringLiteral("unterminated quoted string"));
                continue;
            }
            if (c == QLatin1Char('$')) {
                auto r = readDollar(w, false);
                if (!r.ok())
                    return r.error();
                continue;
            }
            addLiteral(w, c, false);
            ++m_i;
        }
        return w;
    }

    QStringView m_s;
    int m_i = 0;
    int m_line = 1;
};

} // namespace

Expected<QList<ShellToken>> tokenizeShell(QStringView source)
{
    return Lexer(source).run();
}

} // namespace kube::kubelet
