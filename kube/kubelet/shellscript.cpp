#include "shellscript.h"
#include "shelllexer.h"

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

using Token = ShellToken;

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
        if (!isShellNameChar(first[k], k == 0))
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
            return shellSyntaxError(QStringLiteral("unexpected end of file"));
        if (t.kind == Token::Kind::Newline)
            return shellSyntaxError(QStringLiteral("unexpected newline"));
        if (t.kind == Token::Kind::Operator)
            return shellSyntaxError(QStringLiteral("unexpected \"%1\"").arg(t.op));
        return shellSyntaxError(QStringLiteral("unexpected \"%1\"").arg(t.word.literalText()));
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
            return shellUnsupported(QStringLiteral("'%1' is not simulated").arg(peek().word.literalText()), peek().line);
        if (peek().kind == Token::Kind::Word && !peek().word.parts.isEmpty() && peek().word.isPlainLiteral()
            && peek().word.literalText().endsWith(QLatin1String("()")))
            return shellUnsupported(QStringLiteral("functions are not simulated"), peek().line);
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
    auto tokens = tokenizeShell(source);
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
