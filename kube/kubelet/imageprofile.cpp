#include "imageprofile.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace kube::kubelet {

bool ImageProfile::listensOn(int port) const
{
    for (const ImagePort &p : ports) {
        if (p.port == port)
            return true;
    }
    return false;
}

bool ImageProfile::hasHttpPath(const QString &path) const
{
    const QString p = path.section(QLatin1Char('?'), 0, 0);
    return p == healthPath || httpPaths.contains(p) || httpPaths.contains(QStringLiteral("*"));
}

QString renderTemplate(const QString &text, const TemplateContext &c, const QDateTime &time)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-zA-Z]+)(?::([^}]*))?\\}"));
    QString out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString key = m.captured(1);
        const QString arg = m.captured(2);
        if (key == QLatin1String("pod"))
            out += c.pod;
        else if (key == QLatin1String("namespace"))
            out += c.namespace_;
        else if (key == QLatin1String("container"))
            out += c.container;
        else if (key == QLatin1String("image"))
            out += c.image;
        else if (key == QLatin1String("version"))
            out += c.version;
        else if (key == QLatin1String("podIP"))
            out += c.podIP;
        else if (key == QLatin1String("time"))
            out += QLocale::c().toString(time.toUTC(), arg);
        else if (key == QLatin1String("arg")) {
            QString value;
            for (const QString &a : c.args) {
                for (const QString &prefix : {QStringLiteral("-") + arg + QLatin1Char('='), QStringLiteral("--") + arg + QLatin1Char('=')}) {
                    if (a.startsWith(prefix))
                        value = a.mid(prefix.size());
                }
            }
            out += value;
        } else
            out += m.captured(0);
    }
    out += text.mid(last);
    return out;
}

} // namespace kube::kubelet
