#include "descriptionview.h"

#include "models/secretmasking.h"
#include "views/statusdelegate.h"

#include <QScrollBar>
#include <QUrl>

namespace timonel {

namespace {

QString escaped(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(u'\n', u"<br>"_qs);
    return html;
}

QString link(const QString &scheme, const QString &target, const QString &text)
{
    return u"<a href=\""_qs + scheme + u':' + QString::fromLatin1(QUrl::toPercentEncoding(target)) + u"\">"_qs + text.toHtmlEscaped() +
           u"</a>"_qs;
}

} // namespace

DescriptionView::DescriptionView(QWidget *parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setTextInteractionFlags(Qt::TextBrowserInteraction | Qt::TextSelectableByKeyboard);
    setAccessibleName(tr("Overview"));
    connect(this, &QTextBrowser::anchorClicked, this, &DescriptionView::followLink);
}

void DescriptionView::setDescription(const ObjectDescription &d, const kube::Object &object, bool sameObject)
{
    m_description = d;
    m_object = object;
    if (!sameObject) {
        m_revealed.clear();
        m_expanded.clear();
    }
    const int scroll = sameObject ? verticalScrollBar()->value() : 0;
    render();
    verticalScrollBar()->setValue(scroll);
}

void DescriptionView::revealSecretKey(const QString &key)
{
    m_revealed.insert(key);
    const int scroll = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scroll);
}

void DescriptionView::hideSecretKey(const QString &key)
{
    m_revealed.remove(key);
    const int scroll = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scroll);
}

QStringList DescriptionView::revealedKeys() const
{
    QStringList keys(m_revealed.cbegin(), m_revealed.cend());
    keys.sort();
    return keys;
}

void DescriptionView::followLink(const QUrl &url)
{
    const QString target = QUrl::fromPercentEncoding(url.path().toUtf8());
    const QString scheme = url.scheme();
    if (scheme == u"reveal")
        return revealSecretKey(target);
    if (scheme == u"hide")
        return hideSecretKey(target);
    if (scheme == u"expand")
        m_expanded.insert(target);
    else if (scheme == u"collapse")
        m_expanded.remove(target);
    else
        return;
    const int scroll = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scroll);
}

QString DescriptionView::coloured(const QString &escapedText, StatusCategory category) const
{
    const QColor colour = StatusDelegate::colour(category, palette());
    if (!colour.isValid())
        return escapedText;
    return u"<span style=\"color:"_qs + colour.name() + u"\">"_qs + escapedText + u"</span>"_qs;
}

QString DescriptionView::valueHtml(const DescriptionRow &row, const QString &id) const
{
    if (!row.secretKey.isEmpty()) {
        if (!m_revealed.contains(row.secretKey))
            return escaped(row.value) + u" &nbsp; "_qs + link(u"reveal"_qs, row.secretKey, tr("Reveal"));
        const RevealedSecretValue v = revealSecretValue(m_object, row.secretKey);
        QString shown;
        switch (v.form) {
        case RevealedSecretValue::Form::Text: shown = u"<tt>"_qs + escaped(v.text) + u"</tt>"_qs; break;
        case RevealedSecretValue::Form::Hex: shown = tr("binary, hex: %1").arg(u"<tt>"_qs + escaped(v.text) + u"</tt>"_qs); break;
        case RevealedSecretValue::Form::Invalid: shown = escaped(tr("<not valid base64>")); break;
        case RevealedSecretValue::Form::Missing: shown = escaped(tr("<gone>")); break;
        }
        return shown + u" &nbsp; "_qs + link(u"hide"_qs, row.secretKey, tr("Hide"));
    }
    if (!row.fullValue.isEmpty()) {
        if (m_expanded.contains(id))
            return escaped(row.fullValue) + u" &nbsp; "_qs + link(u"collapse"_qs, id, tr("Show less"));
        return coloured(escaped(row.value), row.category) + u" &nbsp; "_qs + link(u"expand"_qs, id, tr("Show all"));
    }
    return coloured(escaped(row.value), row.category);
}

QString DescriptionView::tableHtml(const DescriptionTable &table) const
{
    QString html = u"<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" style=\"border-collapse:collapse\"><tr>"_qs;
    for (const QString &column : table.columns)
        html += u"<th align=\"left\">"_qs + escaped(column) + u"</th>"_qs;
    html += u"</tr>"_qs;
    for (const QList<DescriptionCell> &cells : table.rows) {
        html += u"<tr>"_qs;
        for (const DescriptionCell &cell : cells)
            html += u"<td valign=\"top\">"_qs + coloured(escaped(cell.text), cell.category) + u"</td>"_qs;
        html += u"</tr>"_qs;
    }
    return html + u"</table>"_qs;
}

QString DescriptionView::rowsHtml(const QList<DescriptionRow> &rows, const QString &idPrefix, int depth) const
{
    QString html;
    const QString indent = QString(u"&nbsp;"_qs).repeated(4 * depth);
    for (int i = 0; i < rows.size(); ++i) {
        const DescriptionRow &row = rows.at(i);
        const QString id = idPrefix + u'.' + QString::number(i);
        const QString label = row.label.isEmpty() ? QString() : escaped(row.label) + u':';
        html += u"<tr><td valign=\"top\" style=\"white-space:pre\">"_qs + indent + (depth == 0 ? u"<b>"_qs + label + u"</b>"_qs : label) +
                u"</td><td valign=\"top\">"_qs + valueHtml(row, id) + u"</td></tr>"_qs;
        if (!row.table.isEmpty())
            html += u"<tr><td></td><td>"_qs + tableHtml(row.table) + u"</td></tr>"_qs;
        html += rowsHtml(row.children, id, depth + 1);
    }
    return html;
}

void DescriptionView::render()
{
    QString html;
    for (int s = 0; s < m_description.sections.size(); ++s) {
        const DescriptionSection &section = m_description.sections.at(s);
        html += u"<h3>"_qs + escaped(section.title) + u"</h3>"_qs;
        if (!section.rows.isEmpty())
            html += u"<table cellspacing=\"0\" cellpadding=\"2\">"_qs + rowsHtml(section.rows, QString::number(s), 0) + u"</table>"_qs;
        if (!section.table.isEmpty())
            html += tableHtml(section.table);
    }
    setHtml(html);
}

} // namespace timonel
