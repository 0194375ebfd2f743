#pragma once
// The shell subset's lexer: a script's text → words (with their quoting and $-expansions) and
// operators, with line numbers for messages. Internal to kube/kubelet (ShellScript::parse is
// the public entry). Pure functions; any thread; O(length of the script).

#include "shellscript.h"

#include "kube/api/expected.h"

#include <QList>
#include <QStringView>

namespace kube::kubelet {

struct ShellToken {
    enum class Kind { Word, Operator, Newline, End };
    Kind kind = Kind::End;
    QString op;   // for operators: ";", "&&", "||", "!", ">", ">>", "<", ">&"
    int fd = -1;  // for redirections written as 2> / 2>&1
    ShellWord word;
    int line = 1;
};

// The script's tokens, ending with an End token; a BadRequest Status for what the subset
// cannot lex (here-documents, case, pipes) or an unterminated quote.
Expected<QList<ShellToken>> tokenizeShell(QStringView source);

// "sh: syntax error: <what>"
Status shellSyntaxError(const QString &what);
// "sh: unsupported syntax: <what> (line N)"
Status shellUnsupported(const QString &what, int line);
// A character of a variable name ([A-Za-z_][A-Za-z0-9_]*).
bool isShellNameChar(QChar c, bool first);

} // namespace kube::kubelet
