#pragma once
// DescriptionView: the details pane's Overview — an ObjectDescription rendered as rich text
// (sections, indented rows, small tables, status words in their category's colour). Every
// value is HTML-escaped. Rows with an abbreviated value offer "Show all"; a Secret's key rows
// offer "Reveal", which decodes that one value from the object (text, or a hex preview for
// binary data) until "Hide" or until another object is shown.
//
// Keyboard: Tab moves between the links, Enter follows the focused one; arrows scroll.
//
// GUI thread only. Cost: one HTML document per setDescription() or link click (a pod: ~10 KB).

#include "kube/api/object.h"
#include "models/objectdescription.h"

#include <QSet>
#include <QTextBrowser>

namespace timonel {

class DescriptionView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DescriptionView(QWidget *parent = nullptr);

    // Shows d, described from object (which Reveal decodes from). sameObject keeps the scroll
    // position, the revealed keys and the expanded values (an update of what is shown); else
    // they are reset.
    void setDescription(const ObjectDescription &d, const kube::Object &object, bool sameObject);
    const ObjectDescription &description() const { return m_description; }

    void revealSecretKey(const QString &key);
    void hideSecretKey(const QString &key);
    QStringList revealedKeys() const;

private:
    void render();
    void followLink(const QUrl &url);
    QString rowsHtml(const QList<DescriptionRow> &rows, const QString &idPrefix, int depth) const;
    QString valueHtml(const DescriptionRow &row, const QString &id) const;
    QString tableHtml(const DescriptionTable &table) const;
    QString coloured(const QString &escapedText, StatusCategory category) const;

    ObjectDescription m_description;
    kube::Object m_object;
    QSet<QString> m_revealed; // secret keys shown decoded
    QSet<QString> m_expanded; // row ids shown in full
};

} // namespace timonel
