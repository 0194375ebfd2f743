#pragma once
// YamlEditorPanel: the editor as the console shows it — a YamlEditor over its ProblemsList,
// with two banners above them:
//  - removed API versions: when a document uses one (extensions/v1beta1 Deployment…), the
//    banner explains it and offers "Convert to <version>", which rewrites the convertible
//    documents (apiversionmigration.h) as one undoable edit and lists what changed;
//  - conflicts: showConflict() after a 409 offers "Reload" (take the server's version) or
//    "Re-apply on the new version"; the panel only emits the intent, app/ carries it out.
// Activating a problem moves the editor's cursor to it.
//
// GUI thread.

#include "manifestproblem.h"

#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;

namespace timonel {

class ProblemsList;
class YamlEditor;

class YamlEditorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit YamlEditorPanel(QWidget *parent = nullptr);

    YamlEditor *editor() const { return m_editor; }
    ProblemsList *problemsList() const { return m_problems; }

    // The 409 banner: message is the server's (or the app's) explanation.
    void showConflict(const QString &message);
    void hideConflict();

public Q_SLOTS:
    // Converts every document using a convertible removed API version.
    void convertRemovedApis();

Q_SIGNALS:
    void reloadRequested();
    void reapplyRequested();
    // After a conversion: what changed (also shown in the banner).
    void converted(const QStringList &notes);

private:
    void updateRemovedApiBanner(const QList<ManifestProblem> &problems);

    YamlEditor *m_editor;
    ProblemsList *m_problems;
    QFrame *m_removedBanner;
    QLabel *m_removedText;
    QLabel *m_removedNotes;
    QPushButton *m_convert;
    QFrame *m_conflictBanner;
    QLabel *m_conflictText;
};

} // namespace timonel
