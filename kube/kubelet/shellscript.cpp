#include "shellscript.h"

#include <QSet>

namespace kube::kubelet {

bool ShellWord::hasQuotes() const
{
    for (const ShellWordPart &p : parts) {
        if (p.quoted)
            return true;
    }
    return false;
}

bool ShellWord::isPlainLiteral() const
{
    for (const ShellWordPart &p : parts) {
        if (p.quoted || p.kind != ShellWordPart::Kind::Literal)
            return false;
    }
    return true;
}

QString ShellWord::literalText() const
{
    QString out;
    for (const ShellWordPart &p : parts) {
        if (p.kind == ShellWordPart::Kind::Literal)
            out += p.text;
    }
    return out;
}

namespace {

struct Token {
    enum class Kind { Word, Operator, Newline, End };
    Kind kind = Kind::End;
    QString op;   // for operators: ";", "&&", "||", "!", ">", ">>", "<", ">&"
    int fd = -1;  // for redirections written as 2> / 2>&1
    ShellWord word;
    int line = 1;
};

Status syntaxError(const QString &what)
{
    return Status::badRequest(QStringLiteral("sh: syntax error: %1").arg(what));
}

Status unsupported(const QString &what, int line)
{
    return Status::badRequest(QStringLiteral("sh: unsupported syntax: %1 (line %2)").arg(what).arg(line));
}

bool isNameChar(QChar c, bool first)
{
    return c == QLatin1Char('_') || (c.isLetter() && c.unicode() < 128) || (!first && c.isDigit() && c.unicode() < 128);
}

class Lexer
{
public:
    explicit Lexer(QStringView s) : m_s(s) {}

    Expected<QList<Token>> run()
    {
        QList<Token> out;
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
                out.append(Token{Token::Kind::Newline, {}, -1, {}, m_line});
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
            out.append(Token{Token::Kind::Word, {}, -1, word.value(), m_line});
        }
        out.append(Token{Token::Kind::End, {}, -1, {}, m_line});
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
    std::optional<Expected<Token>> readOperator(int fd)
    {
        auto make = [&](const char *op, int len) {
            m_i += len;
            return Expected<Token>(Token{Token::Kind::Operator, QString::fromLatin1(op), fd, {}, m_line});
        };
        if (at(u"&&"))
            return make("&&", 2);
        if (at(u"||"))
            return make("||", 2);
        if (at(u"<<"))
            return Expected<Token>(unsupported(QStringLiteral("here-documents ('<<') are not simulated"), m_line));
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
            return Expected<Token>(unsupported(QStringLiteral("case statements are not simulated"), m_line));
        if (at(u";"))
            return make(";", 1);
        if (at(u"|"))
            return Expected<Token>(unsupported(QStringLiteral("pipes ('|') are not simulated"), m_line));
        if (at(u"&"))
            return Expected<Token>(unsupported(QStringLiteral("background jobs ('&') are not simulated"), m_line));
        if (at(u"(") || at(u")") || ((at(u"{") || at(u"}")) && isWordEnd(1)))
            return Expected<Token>(unsupported(QStringLiteral("subshells and command groups are not simulated"), m_line));
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
                return Expected<bool>(unsupported(QStringLiteral("arithmetic expansion $((…)) is not simulated"), m_line));
            return Expected<bool>(unsupported(QStringLiteral("command substitution $(…) is not simulated"), m_line));
        }
        if (c == QLatin1Char('{')) {
            const int close = m_s.indexOf(QLatin1Char('}'), m_i);
            if (close < 0)
                return Expected<bool>(syntaxError(QStringLiteral("bad substitution")));
            const QString name = m_s.mid(m_i + 1, close - m_i - 1).toString();
            bool valid = !name.isEmpty();
            for (int k = 0; k < name.size(); ++k)
                valid = valid && (isNameChar(name[k], k == 0) || name == QLatin1String("?"));
            if (!valid)
                return Expected<bool>(unsupported(QStringLiteral("parameter expansion ${%1} is not simulated").arg(name), m_line));
            w.parts.append({ShellWordPart::Kind::Variable, name, quoted});
            m_i = close + 1;
            return true;
        }
        if (c == QLatin1Char('?') || c == QLatin1Char('$') || c == QLatin1Char('#') || c.isDigit()) {
            w.parts.append({ShellWordPart::Kind::Variable, QString(c), quoted});
            ++m_i;
            return true;
        }
        if (!isNameChar(c, true)) {
            addLiteral(w, QLatin1Char('$'), quoted);
            return true;
        }
        const int start = m_i;
        while (m_i < m_s.size() && isNameChar(m_s[m_i], false))
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
                return unsupported(QStringLiteral("command substitution `…` is not simulated"), m_line);
            if (c == QLatin1Char('\\')) {
                if (m_i + 1 < m_s.size())
                    addLiteral(w, m_s[m_i + 1], true);
                m_i += 2;
                continue;
            }
            if (c == QLatin1Char('\'')) {
                const int close = m_s.indexOf(QLatin1Char('\''), m_i + 1);
                if (close < 0)
                    return syntaxError(QStringLiteral("unterminated quoted string"));
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
                        return unsupported(QStringLiteral("command substitution `…` is not simulated"), m_line);
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
                    return syntaxError(QStringLiteral("unterminated quoted string"));
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

const QSet<QString> &reservedWords()
{
    static const QSet<QString> words{QStringLiteral("do"), QStringLiteral("done"), QStringLiteral("then"),
                                     QStringLiteral("else"), QStringLiteral("elif"), QStringLiteral("fi"),
                                     QStringLiteral("in"), QStringLiteral("esac")};
    return words;
}

bool isAssignment(const ShellWord &w, QString *name, ShellWord *value)
{
    if (w.parts.isEmpty() || w.parts.first().quoted || w.parts.first().kind != ShellWordPart::Kind::Literal)
        return false;
    const QString &first = w.parts.first().text;
    const int eq = first.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return false;
    for (int k = 0; k < eq; ++k) {
        if (!isNameChar(first[k], k == 0))
            return false;
    }
    *name = first.left(eq);
    value->parts = w.parts;
    value->parts.first().text = first.mid(eq + 1);
    return true;
}

ShellInstruction instr(ShellInstruction::Op op)
{
    ShellInstruction i;
    i.op = op;
    return i;
}

} // namespace

class ShellParser
{
public:
    explicit ShellParser(QList<Token> tokens) : m_t(std::move(tokens)) {}

    Expected<ShellScript> run()
    {
        auto st = parseList();
        if (!st.isSuccess())
            return st;
        if (peek().kind != Token::Kind::End)
            return unexpected();
        return std::move(m_script);
    }

private:
    const Token &peek() const { return m_t[m_pos]; }
    bool peekKeyword(const char *kw) const
    {
        const Token &t = peek();
        return t.kind == Token::Kind::Word && t.word.isPlainLiteral() && t.word.literalText() == QLatin1String(kw);
    }
    bool peekOperator(const char *op) const { return peek().kind == Token::Kind::Operator && peek().op == QLatin1String(op); }
    Status unexpected() const
    {
        const Token &t = peek();
        if (t.kind == Token::Kind::End)
            return syntaxError(QStringLiteral("unexpected end of file"));
        if (t.kind == Token::Kind::Newline)
            return syntaxError(QStringLiteral("unexpected newline"));
        if (t.kind == Token::Kind::Operator)
            return syntaxError(QStringLiteral("unexpected \"%1\"").arg(t.op));
        return syntaxError(QStringLiteral("unexpected \"%1\"").arg(t.word.literalText()));
    }
    void skipNewlines()
    {
        while (peek().kind == Token::Kind::Newline)
            ++m_pos;
    }
    int add(ShellInstruction i)
    {
        m_script.m_program.append(std::move(i));
        return int(m_script.m_program.size()) - 1;
    }
    int here() const { return int(m_script.m_program.size()); }
    Status expectKeyword(const char *kw)
    {
        skipNewlines();
        if (!peekKeyword(kw))
            return unexpected();
        ++m_pos;
        return {};
    }

    bool atListEnd() const
    {
        const Token &t = peek();
        if (t.kind == Token::Kind::End)
            return true;
        return t.kind == Token::Kind::Word && t.word.isPlainLiteral() && reservedWords().contains(t.word.literalText());
    }

    // list: and_or ((';' | newline) and_or)*; stops before reserved words and end of input.
    Status parseList()
    {
        bool any = false;
        while (true) {
            skipNewlines();
            if (atListEnd())
                break;
            auto st = parseAndOr();
            if (!st.isSuccess())
                return st;
            any = true;
            if (peekOperator(";") || peek().kind == Token::Kind::Newline) {
                ++m_pos;
                continue;
            }
            break;
        }
        if (!any && m_requireCommands)
            return unexpected();
        return {};
    }

    Status parseAndOr()
    {
        auto st = parsePipeline();
        if (!st.isSuccess())
            return st;
        while (peekOperator("&&") || peekOperator("||")) {
            const bool isAnd = peek().op == QLatin1String("&&");
            ++m_pos;
            skipNewlines();
            const int jump = add(instr(isAnd ? ShellInstruction::Op::JumpIfFailed : ShellInstruction::Op::JumpIfSucceeded));
            st = parsePipeline();
            if (!st.isSuccess())
                return st;
            m_script.m_program[jump].target = here();
        }
        return {};
    }

    Status parsePipeline()
    {
        bool negate = false;
        if (peekKeyword("!")) {
            negate = true;
            ++m_pos;
        }
        auto st = parseCommand();
        if (!st.isSuccess())
            return st;
        if (negate)
            add(instr(ShellInstruction::Op::Negate));
        return {};
    }

    Status parseCommand()
    {
        if (peekKeyword("while") || peekKeyword("until"))
            return parseWhile();
        if (peekKeyword("for"))
            return parseFor();
        if (peekKeyword("if"))
            return parseIf();
        if (peekKeyword("case") || peekKeyword("function"))
            return unsupported(QStringLiteral("'%1' is not simulated").arg(peek().word.literalText()), peek().line);
        if (peek().kind == Token::Kind::Word && !peek().word.parts.isEmpty() && peek().word.isPlainLiteral()
            && peek().word.literalText().endsWith(QLatin1String("()")))
            return unsupported(QStringLiteral("functions are not simulated"), peek().line);
        return parseSimple();
    }

    Status parseBody()
    {
        const bool saved = m_requireCommands;
        m_requireCommands = true;
        auto st = parseList();
        m_requireCommands = saved;
        return st;
    }

    Status parseWhile()
    {
        const bool until = peekKeyword("until");
        ++m_pos;
        const int top = here();
        auto st = parseBody();
        if (!st.isSuccess())
            return st;
        const int exitJump = add(instr(until ? ShellInstruction::Op::JumpIfSucceeded : ShellInstruction::Op::JumpIfFailed));
        if (st = expectKeyword("do"); !st.isSuccess())
            return st;
        if (st = parseBody(); !st.isSuccess())
            return st;
        if (st = expectKeyword("done"); !st.isSuccess())
            return st;
        ShellInstruction back = instr(ShellInstruction::Op::Jump);
        back.target = top;
        add(back);
        m_script.m_program[exitJump].target = here();
        ShellInstruction status = instr(ShellInstruction::Op::SetStatus);
        status.target = 0;
        add(status);
        return {};
    }

    Status parseFor()
    {
        ++m_pos;
        if (peek().kind != Token::Kind::Word || !peek().word.isPlainLiteral())
            return unexpected();
        const QString var = peek().word.literalText();
        ++m_pos;
        ShellInstruction begin = instr(ShellInstruction::Op::ForBegin);
        begin.slot = m_script.m_loopSlots++;
        if (peekKeyword("in")) {
            ++m_pos;
            while (peek().kind == Token::Kind::Word) {
                begin.words.append(peek().word);
                ++m_pos;
            }
        } else {
            // `for x; do` iterates over the positional parameters, which are always empty here.
        }
        if (peekOperator(";") || peek().kind == Token::Kind::Newline)
            ++m_pos;
        add(begin);
        ShellInstruction next = instr(ShellInstruction::Op::ForNext);
        next.slot = begin.slot;
        next.variable = var;
        const int nextAt = add(next);
        Status st = expectKeyword("do");
        if (!st.isSuccess())
            return st;
        if (st = parseBody(); !st.isSuccess())
            return st;
        if (st = expectKeyword("done"); !st.isSuccess())
            return st;
        ShellInstruction back = instr(ShellInstruction::Op::Jump);
        back.target = nextAt;
        add(back);
        m_script.m_program[nextAt].target = here();
        ShellInstruction status = instr(ShellInstruction::Op::SetStatus);
        status.target = 0;
        add(status);
        return {};
    }

    Status parseIf()
    {
        ++m_pos; // if / elif
        QList<int> endJumps;
        while (true) {
            auto st = parseBody();
            if (!st.isSuccess())
                return st;
            const int elseJump = add(instr(ShellInstruction::Op::JumpIfFailed));
            if (st = expectKeyword("then"); !st.isSuccess())
                return st;
            if (st = parseBody(); !st.isSuccess())
                return st;
            endJumps.append(add(instr(ShellInstruction::Op::Jump)));
            m_script.m_program[elseJump].target = here();
            skipNewlines();
            if (peekKeyword("elif")) {
                ++m_pos;
                continue;
            }
            if (peekKeyword("else")) {
                ++m_pos;
                if (st = parseBody(); !st.isSuccess())
                    return st;
            } else {
                ShellInstruction status = instr(ShellInstruction::Op::SetStatus);
                status.target = 0;
                add(status);
            }
            if (st = expectKeyword("fi"); !st.isSuccess())
                return st;
            break;
        }
        for (int j : endJumps)
            m_script.m_program[j].target = here();
        return {};
    }

    Status parseSimple()
    {
        ShellCommand cmd;
        cmd.line = peek().line;
        while (true) {
            const Token &t = peek();
            if (t.kind == Token::Kind::Word) {
                QString name;
                ShellWord value;
                if (cmd.words.isEmpty() && isAssignment(t.word, &name, &value))
                    cmd.assignments.append({name, value});
                else
                    cmd.words.append(t.word);
                ++m_pos;
                continue;
            }
            if (t.kind == Token::Kind::Operator && (t.op == QLatin1String(">") || t.op == QLatin1String(">>")
                                                    || t.op == QLatin1String("<") || t.op == QLatin1String(">&"))) {
                ShellRedirect r;
                r.fd = t.fd >= 0 ? t.fd : (t.op == QLatin1String("<") ? 0 : 1);
                r.mode = t.op == QLatin1String(">>") ? ShellRedirect::Mode::Append
                    : t.op == QLatin1String("<")     ? ShellRedirect::Mode::Input
                    : t.op == QLatin1String(">&")    ? ShellRedirect::Mode::DuplicateOutput
                                                     : ShellRedirect::Mode::Truncate;
                ++m_pos;
                if (peek().kind != Token::Kind::Word)
                    return unexpected();
                r.target = peek().word;
                ++m_pos;
                cmd.redirects.append(r);
                continue;
            }
            break;
        }
        if (cmd.words.isEmpty() && cmd.assignments.isEmpty() && cmd.redirects.isEmpty())
            return unexpected();
        ShellInstruction run = instr(ShellInstruction::Op::Run);
        run.command = int(m_script.m_commands.size());
        m_script.m_commands.append(std::move(cmd));
        add(run);
        return {};
    }

    QList<Token> m_t;
    int m_pos = 0;
    bool m_requireCommands = false;
    ShellScript m_script;
};

Expected<ShellScript> ShellScript::parse(QStringView source)
{
    auto tokens = Lexer(source).run();
    if (!tokens.ok())
        return tokens.error();
    return ShellParser(std::move(tokens).value()).run();
}

ShellScript ShellScript::fromArgv(const QStringList &argv)
{
    ShellScript s;
    ShellCommand cmd;
    for (const QString &a : argv)
        cmd.words.append(ShellWord{{{ShellWordPart::Kind::Literal, a, true}}});
    s.m_commands.append(cmd);
    ShellInstruction run = instr(ShellInstruction::Op::Run);
    run.command = 0;
    s.m_program.append(run);
    return s;
}

} // namespace kube::kubelet
