#pragma once
// ShellScript: the `sh -c` subset busybox-style simulated containers run, parsed once into a
// flat program of instructions (run command, jumps, for-loop steps) so that ShellProcess can
// stop at any `sleep` and resume later against the virtual clock.
//
// Supported: simple commands with words in '…', "…" (with $VAR, ${VAR}, $?), backslash escapes,
// NAME=value assignments, redirections > >> < and 2>/2>&1, `;`, newlines, `&&`, `||`, `!`,
// `while/until LIST; do LIST; done`, `for x in WORDS; do LIST; done`,
// `if LIST; then LIST; [elif …;] [else LIST;] fi`, and # comments.
// Not supported (a parse error naming the construct): pipes, background jobs `&`, subshells and
// groups, command substitution $(…) and `…`, arithmetic $((…)), here-documents, functions, case.
//
// Thread affinity: none (immutable value after parse). Cost: parse is linear in the source.

#include "kube/api/expected.h"

#include <QList>
#include <QString>

namespace kube::kubelet {

struct ShellWordPart {
    enum class Kind { Literal, Variable };
    Kind kind = Kind::Literal;
    QString text;        // the literal text, or the variable name
    bool quoted = false; // inside quotes: no field splitting
};

struct ShellWord {
    QList<ShellWordPart> parts;
    bool hasQuotes() const;
    // The unquoted literal text when the word is a plain literal (keywords, NAME=value checks).
    QString literalText() const;
    bool isPlainLiteral() const;
};

struct ShellRedirect {
    enum class Mode { Truncate, Append, Input, DuplicateOutput };
    Mode mode = Mode::Truncate;
    int fd = 1;
    ShellWord target;
};

struct ShellCommand {
    QList<std::pair<QString, ShellWord>> assignments;
    QList<ShellWord> words;
    QList<ShellRedirect> redirects;
    int line = 1;
};

struct ShellInstruction {
    enum class Op {
        Run,             // run commands[command]; sets the status
        Jump,            // go to target
        JumpIfFailed,    // go to target when the status is not 0
        JumpIfSucceeded, // go to target when the status is 0
        Negate,          // status = status == 0 ? 1 : 0
        ForBegin,        // expand words into loop slot `slot`
        ForNext,         // assign the next item of `slot` to variable, or go to target
        SetStatus,       // status = target (loops end with status 0)
    };
    Op op = Op::Run;
    int command = -1;
    int target = -1;
    int slot = -1;
    QString variable;
    QList<ShellWord> words;
};

class ShellScript
{
public:
    // Errors are 400 BadRequest with a shell-like message: `sh: syntax error: unexpected "done"`
    // or `sh: unsupported syntax: pipes ('|') are not simulated (line 1)`.
    static Expected<ShellScript> parse(QStringView source);
    // A script from an argv that is not run through `sh -c` (["sleep", "3600"]): each argument
    // becomes one literal word.
    static ShellScript fromArgv(const QStringList &argv);

    const QList<ShellInstruction> &program() const { return m_program; }
    const QList<ShellCommand> &commands() const { return m_commands; }
    int loopSlots() const { return m_loopSlots; }

private:
    friend class ShellParser;
    QList<ShellInstruction> m_program;
    QList<ShellCommand> m_commands;
    int m_loopSlots = 0;
};

} // namespace kube::kubelet
