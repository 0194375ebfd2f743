#include "shellprocess.h"

#include <QLocale>
#include <QTimeZone>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace kube::kubelet {

namespace {

constexpr qint64 InfinityMs = qint64(100) * 365 * 24 * 3600 * 1000;

// busybox `date` default output: "Thu Nov 27 10:00:00 UTC 2026".
QString formatDate(const QDateTime &t, const QString &format)
{
    const QDateTime u = t.toUTC();
    const QLocale c = QLocale::c();
    if (format.isEmpty()) {
        return QStringLiteral("%1 %2 %3 %4 UTC %5")
            .arg(c.toString(u, QStringLiteral("ddd")), c.toString(u, QStringLiteral("MMM")))
            .arg(u.date().day(), 2, 10, QLatin1Char(' '))
            .arg(u.toString(QStringLiteral("HH:mm:ss")))
            .arg(u.date().year());
    }
    QString out;
    for (int i = 0; i < format.size(); ++i) {
        if (format[i] != QLatin1Char('%') || i + 1 >= format.size()) {
            out += format[i];
            continue;
        }
        const QChar f = format[++i];
        switch (f.unicode()) {
        case 'Y': out += QString::number(u.date().year()); break;
        case 'm': out += u.toString(QStringLiteral("MM")); break;
        case 'd': out += u.toString(QStringLiteral("dd")); break;
        case 'H': out += u.toString(QStringLiteral("HH")); break;
        case 'M': out += u.toString(QStringLiteral("mm")); break;
        case 'S': out += u.toString(QStringLiteral("ss")); break;
        case 's': out += QString::number(u.toSecsSinceEpoch()); break;
        case 'T': out += u.toString(QStringLiteral("HH:mm:ss")); break;
        case 'F': out += u.toString(QStringLiteral("yyyy-MM-dd")); break;
        case 'Z': out += QStringLiteral("UTC"); break;
        case '%': out += QLatin1Char('%'); break;
        default: out += QLatin1Char('%') + f;
        }
    }
    return out;
}

// sleep's argument: "5", "0.5", "2m", "1h", "infinity". nullopt when invalid.
std::optional<qint64> parseSleep(const QString &arg)
{
    if (arg == QLatin1String("infinity") || arg == QLatin1String("inf"))
        return InfinityMs;
    static const QRegularExpression re(QStringLiteral("^([0-9]*\\.?[0-9]+)([smhd]?)$"));
    const auto m = re.match(arg);
    if (!m.hasMatch())
        return std::nullopt;
    double seconds = m.captured(1).toDouble();
    const QString unit = m.captured(2);
    if (unit == QLatin1String("m"))
        seconds *= 60;
    else if (unit == QLatin1String("h"))
        seconds *= 3600;
    else if (unit == QLatin1String("d"))
        seconds *= 86400;
    return qint64(seconds * 1000.0 + 0.5);
}

QString echoEscapes(const QString &s)
{
    QString out;
    for (int i = 0; i < s.size(); ++i) {
        if (s[i] != QLatin1Char('\\') || i + 1 >= s.size()) {
            out += s[i];
            continue;
        }
        const QChar n = s[++i];
        if (n == QLatin1Char('n'))
            out += QLatin1Char('\n');
        else if (n == QLatin1Char('t'))
            out += QLatin1Char('\t');
        else if (n == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        else
            out += QLatin1Char('\\') + n;
    }
    return out;
}

} // namespace

struct ShellProcess::Io {
    QString out;
    QString err;
    std::optional<QString> input; // stdin from `< file`
};

ShellProcess::ShellProcess(ShellScript script, QHash<QString, QString> environment, FileSystemView files, int maxStepsWithoutSleep)
    : m_script(std::move(script)), m_vars(std::move(environment)), m_files(std::move(files)), m_stepCap(maxStepsWithoutSleep)
{
    m_loopItems.resize(m_script.loopSlots());
    m_loopIndex.resize(m_script.loopSlots());
}

std::optional<QDateTime> ShellProcess::wakeUpAt() const
{
    if (isExited() || !m_wakeMs)
        return std::nullopt;
    return QDateTime::fromMSecsSinceEpoch(*m_wakeMs, Qt::UTC);
}

QList<ShellOutputLine> ShellProcess::takeOutput()
{
    return std::exchange(m_output, {});
}

void ShellProcess::write(const QString &text, const QDateTime &now)
{
    if (text.isEmpty())
        return;
    if (m_partial.isEmpty())
        m_partialTime = now;
    m_partial += text;
    qsizetype nl;
    while ((nl = m_partial.indexOf(QLatin1Char('\n'))) >= 0) {
        m_output.append({m_partialTime, m_partial.left(nl)});
        m_partial.remove(0, nl + 1);
        m_partialTime = now;
    }
}

void ShellProcess::finish(int code, const QDateTime &now)
{
    if (!m_partial.isEmpty())
        m_output.append({m_partialTime, std::exchange(m_partial, {})});
    m_exitCode = code;
    m_wakeMs.reset();
    Q_UNUSED(now);
}

QString ShellProcess::variable(const QString &name) const
{
    if (name == QLatin1String("?"))
        return QString::number(m_status);
    if (name == QLatin1String("$"))
        return QStringLiteral("1"); // PID 1 in its container
    if (name == QLatin1String("#"))
        return QStringLiteral("0");
    if (name == QLatin1String("0"))
        return QStringLiteral("sh");
    return m_vars.value(name);
}

QStringList ShellProcess::expand(const ShellWord &word) const
{
    // Unquoted expansions are split on whitespace; quoted text joins the current field.
    QStringList fields;
    QString current;
    bool haveField = false;
    for (const ShellWordPart &p : word.parts) {
        const QString text = p.kind == ShellWordPart::Kind::Variable ? variable(p.text) : p.text;
        if (p.quoted || p.kind == ShellWordPart::Kind::Literal) {
            current += text;
            haveField = haveField || p.quoted || !text.isEmpty();
            continue;
        }
        const QStringList pieces = text.split(QRegularExpression(QStringLiteral("[ \\t\\n]+")));
        for (int i = 0; i < pieces.size(); ++i) {
            if (i > 0) {
                if (haveField)
                    fields.append(current);
                current.clear();
                haveField = false;
            }
            current += pieces[i];
            haveField = haveField || !pieces[i].isEmpty();
        }
    }
    if (haveField)
        fields.append(current);
    return fields;
}

QString ShellProcess::expandJoined(const ShellWord &word) const
{
    return expand(word).join(QLatin1Char(' '));
}

void ShellProcess::run(const QDateTime &now)
{
    if (isExited())
        return;
    if (m_wakeMs) {
        if (now.toMSecsSinceEpoch() < *m_wakeMs)
            return;
        m_wakeMs.reset();
    }
    const QList<ShellInstruction> &program = m_script.program();
    int steps = 0;
    while (m_pc < program.size()) {
        if (++steps > m_stepCap) {
            write(QStringLiteral("timonel: script stopped after %1 steps without sleeping (simulation limit)\n").arg(m_stepCap), now);
            finish(2, now);
            return;
        }
        const ShellInstruction &in = program[m_pc++];
        switch (in.op) {
        case ShellInstruction::Op::Run:
            m_status = execute(m_script.commands()[in.command], now);
            if (isExited() || m_wakeMs)
                return;
            break;
        case ShellInstruction::Op::Jump:
            m_pc = in.target;
            break;
        case ShellInstruction::Op::JumpIfFailed:
            if (m_status != 0)
                m_pc = in.target;
            break;
        case ShellInstruction::Op::JumpIfSucceeded:
            if (m_status == 0)
                m_pc = in.target;
            break;
        case ShellInstruction::Op::Negate:
            m_status = m_status == 0 ? 1 : 0;
            break;
        case ShellInstruction::Op::SetStatus:
            m_status = in.target;
            break;
        case ShellInstruction::Op::ForBegin: {
            QStringList items;
            for (const ShellWord &w : in.words)
                items += expand(w);
            m_loopItems[in.slot] = items;
            m_loopIndex[in.slot] = 0;
            break;
        }
        case ShellInstruction::Op::ForNext:
            if (m_loopIndex[in.slot] >= m_loopItems[in.slot].size()) {
                m_pc = in.target;
                break;
            }
            m_vars.insert(in.variable, m_loopItems[in.slot][m_loopIndex[in.slot]++]);
            break;
        }
    }
    finish(m_status, now);
}

int ShellProcess::execute(const ShellCommand &cmd, const QDateTime &now)
{
    for (const auto &[name, value] : cmd.assignments)
        m_vars.insert(name, expandJoined(value));
    QStringList argv;
    for (const ShellWord &w : cmd.words)
        argv += expand(w);

    Io io;
    struct Target { enum class Kind { Log, Null, File } kind = Kind::Log; QString path; bool append = false; };
    Target out, err;
    bool errToOut = false;
    for (const ShellRedirect &r : cmd.redirects) {
        const QString target = expandJoined(r.target);
        if (r.mode == ShellRedirect::Mode::Input) {
            const auto data = m_files.read(target);
            if (!data) {
                write(QStringLiteral("sh: can't open '%1': No such file or directory\n").arg(target), now);
                return 1;
            }
            io.input = QString::fromUtf8(*data);
            continue;
        }
        if (r.mode == ShellRedirect::Mode::DuplicateOutput) {
            if (r.fd == 2 && target == QLatin1String("1"))
                errToOut = true;
            continue; // 1>&2 ends in the same log anyway
        }
        Target t;
        if (target == QLatin1String("/dev/null")) {
            t.kind = Target::Kind::Null;
        } else if (target != QLatin1String("/dev/stdout") && target != QLatin1String("/dev/stderr")) {
            t.kind = Target::Kind::File;
            t.path = target;
            t.append = r.mode == ShellRedirect::Mode::Append;
            // The shell opens (and truncates or creates) the file before the command runs.
            if (t.append && !m_files.exists(target))
                m_files.write(target, {});
            if (!t.append)
                m_files.write(target, {});
        }
        (r.fd == 2 ? err : out) = t;
    }
    if (errToOut)
        err = out;

    const int status = argv.isEmpty() ? 0 : builtin(argv, io, now);

    auto deliver = [&](const Target &t, const QString &text) {
        if (text.isEmpty())
            return;
        switch (t.kind) {
        case Target::Kind::Log: write(text, now); break;
        case Target::Kind::Null: break;
        case Target::Kind::File: m_files.append(t.path, text.toUtf8()); break;
        }
    };
    deliver(out, io.out);
    deliver(err, io.err);
    return status;
}

int ShellProcess::builtin(const QStringList &argv, Io &io, const QDateTime &now)
{
    const QString &cmd = argv.first();
    const QString name = cmd.section(QLatin1Char('/'), -1); // /bin/echo → echo
    const QStringList args = argv.mid(1);

    if (name == QLatin1String("echo")) {
        bool newline = true, escapes = false;
        int i = 0;
        for (; i < args.size(); ++i) {
            if (args[i] == QLatin1String("-n"))
                newline = false;
            else if (args[i] == QLatin1String("-e"))
                escapes = true;
            else if (args[i] == QLatin1String("-ne") || args[i] == QLatin1String("-en"))
                newline = false, escapes = true;
            else
                break;
        }
        QString text = args.mid(i).join(QLatin1Char(' '));
        io.out += (escapes ? echoEscapes(text) : text) + (newline ? QStringLiteral("\n") : QString());
        return 0;
    }
    if (name == QLatin1String("sleep")) {
        if (args.isEmpty()) {
            io.err += QStringLiteral("sleep: missing operand\n");
            return 1;
        }
        qint64 total = 0;
        for (const QString &a : args) {
            const auto ms = parseSleep(a);
            if (!ms) {
                io.err += QStringLiteral("sleep: invalid number '%1'\n").arg(a);
                return 1;
            }
            total = std::min(InfinityMs, total + *ms);
        }
        m_wakeMs = now.toMSecsSinceEpoch() + total;
        return 0;
    }
    if (name == QLatin1String("exit")) {
        int code = m_status;
        if (!args.isEmpty()) {
            bool ok = false;
            code = args.first().toInt(&ok) & 0xff;
            if (!ok) {
                io.err += QStringLiteral("sh: exit: Illegal number: %1\n").arg(args.first());
                code = 2;
            }
        }
        write(io.out + io.err, now);
        io.out.clear();
        io.err.clear();
        finish(code, now);
        return code;
    }
    if (name == QLatin1String("true") || name == QLatin1String(":"))
        return 0;
    if (name == QLatin1String("false"))
        return 1;
    if (name == QLatin1String("date")) {
        QString format;
        for (const QString &a : args) {
            if (a.startsWith(QLatin1Char('+')))
                format = a.mid(1);
        }
        io.out += formatDate(now, format) + QLatin1Char('\n');
        return 0;
    }
    if (name == QLatin1String("hostname")) {
        io.out += m_vars.value(QStringLiteral("HOSTNAME")) + QLatin1Char('\n');
        return 0;
    }
    if (name == QLatin1String("printenv") || name == QLatin1String("env")) {
        if (name == QLatin1String("env") || args.isEmpty()) {
            QStringList keys = m_vars.keys();
            std::sort(keys.begin(), keys.end());
            for (const QString &k : keys)
                io.out += k + QLatin1Char('=') + m_vars.value(k) + QLatin1Char('\n');
            return 0;
        }
        int status = 0;
        for (const QString &a : args) {
            if (!m_vars.contains(a)) {
                status = 1;
                continue;
            }
            io.out += m_vars.value(a) + QLatin1Char('\n');
        }
        return status;
    }
    if (name == QLatin1String("export")) {
        for (const QString &a : args) {
            const qsizetype eq = a.indexOf(QLatin1Char('='));
            if (eq > 0)
                m_vars.insert(a.left(eq), a.mid(eq + 1));
        }
        return 0;
    }
    if (name == QLatin1String("cat") || name == QLatin1String("tail")) {
        const bool tail = name == QLatin1String("tail");
        int lines = 10;
        QStringList files;
        for (int i = 0; i < args.size(); ++i) {
            if (tail && args[i] == QLatin1String("-n") && i + 1 < args.size())
                lines = args[++i].toInt();
            else if (tail && args[i].startsWith(QLatin1String("-n")))
                lines = args[i].mid(2).toInt();
            else if (tail && args[i] == QLatin1String("-f")) {
                io.err += QStringLiteral("tail: -f is not simulated; use a loop with sleep\n");
                return 1;
            } else
                files.append(args[i]);
        }
        QString content;
        int status = 0;
        if (files.isEmpty())
            content = io.input.value_or(QString());
        for (const QString &f : files) {
            const auto data = m_files.read(f);
            if (!data) {
                io.err += QStringLiteral("%1: can't open '%2': No such file or directory\n").arg(name, f);
                status = 1;
                continue;
            }
            content += QString::fromUtf8(*data);
        }
        if (tail) {
            QStringList all = content.split(QLatin1Char('\n'));
            if (!all.isEmpty() && all.last().isEmpty())
                all.removeLast();
            content = all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
            if (!content.isEmpty())
                content += QLatin1Char('\n');
        }
        io.out += content;
        return status;
    }
    if (name == QLatin1String("touch")) {
        for (const QString &f : args) {
            if (!m_files.exists(f))
                m_files.write(f, {});
        }
        return 0;
    }
    if (name == QLatin1String("rm")) {
        bool force = false;
        int status = 0;
        for (const QString &a : args) {
            if (a.startsWith(QLatin1Char('-'))) {
                force = force || a.contains(QLatin1Char('f'));
                continue;
            }
            if (!m_files.remove(a) && !force) {
                io.err += QStringLiteral("rm: can't remove '%1': No such file or directory\n").arg(a);
                status = 1;
            }
        }
        return status;
    }
    if (name == QLatin1String("mkdir"))
        return 0; // directories are implicit in the virtual file system
    if (name == QLatin1String("test") || name == QLatin1String("[")) {
        QStringList t = args;
        if (name == QLatin1String("[")) {
            if (t.isEmpty() || t.last() != QLatin1String("]")) {
                io.err += QStringLiteral("sh: [: missing ]\n");
                return 2;
            }
            t.removeLast();
        }
        bool negate = false;
        if (!t.isEmpty() && t.first() == QLatin1String("!")) {
            negate = true;
            t.removeFirst();
        }
        bool result = false;
        if (t.isEmpty()) {
            result = false;
        } else if (t.size() == 1) {
            result = !t[0].isEmpty();
        } else if (t.size() == 2) {
            if (t[0] == QLatin1String("-f") || t[0] == QLatin1String("-e") || t[0] == QLatin1String("-s"))
                result = m_files.exists(t[1]) && (t[0] != QLatin1String("-s") || !m_files.read(t[1])->isEmpty());
            else if (t[0] == QLatin1String("-z"))
                result = t[1].isEmpty();
            else if (t[0] == QLatin1String("-n"))
                result = !t[1].isEmpty();
            else if (t[0] == QLatin1String("-d"))
                result = true; // directories are implicit
            else {
                io.err += QStringLiteral("sh: %1: unknown operand\n").arg(t[0]);
                return 2;
            }
        } else if (t.size() == 3) {
            const QString &op = t[1];
            const qint64 a = t[0].toLongLong(), b = t[2].toLongLong();
            if (op == QLatin1String("=") || op == QLatin1String("=="))
                result = t[0] == t[2];
            else if (op == QLatin1String("!="))
                result = t[0] != t[2];
            else if (op == QLatin1String("-eq"))
                result = a == b;
            else if (op == QLatin1String("-ne"))
                result = a != b;
            else if (op == QLatin1String("-lt"))
                result = a < b;
            else if (op == QLatin1String("-le"))
                result = a <= b;
            else if (op == QLatin1String("-gt"))
                result = a > b;
            else if (op == QLatin1String("-ge"))
                result = a >= b;
            else {
                io.err += QStringLiteral("sh: %1: unknown operand\n").arg(op);
                return 2;
            }
        } else {
            io.err += QStringLiteral("sh: test: too many arguments\n");
            return 2;
        }
        return (result != negate) ? 0 : 1;
    }
    if (name == QLatin1String("sh") || name == QLatin1String("bash") || name == QLatin1String("ash")) {
        io.err += QStringLiteral("timonel: nested shells are not simulated\n");
        return 2;
    }
    io.err += QStringLiteral("sh: %1: not found\n").arg(cmd);
    return 127;
}

std::optional<ShellProcess::Result> ShellProcess::runToCompletion(ShellScript script, QHash<QString, QString> environment,
                                                                  FileSystemView files, const QDateTime &now, qint64 timeoutMs)
{
    ShellProcess p(std::move(script), std::move(environment), std::move(files));
    QDateTime t = now;
    while (true) {
        p.run(t);
        if (p.isExited())
            break;
        const auto wake = p.wakeUpAt();
        if (!wake || now.msecsTo(*wake) > timeoutMs)
            return std::nullopt;
        t = *wake;
    }
    Result r;
    r.exitCode = p.exitCode();
    QStringList lines;
    for (const ShellOutputLine &l : p.takeOutput())
        lines.append(l.text);
    r.output = lines.join(QLatin1Char('\n'));
    return r;
}

} // namespace kube::kubelet
