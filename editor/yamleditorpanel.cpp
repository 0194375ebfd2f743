#include "yamleditorpanel.h"

#include "apiversionmigration.h"
#include "problemslist.h"
#include "removedapis.h"
#include "yamleditor.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace timonel {

namespace {

QFrame *makeBanner(QWidget *parent, const QString &objectName)
{
    auto *banner = new QFrame(parent);
    banner->setObjectName(objectName);
    banner->setFrameShape(QFrame::StyledPanel);
    banner->setAutoFillBackground(true);
    banner->setBackgroundRole(QPalette::ToolTipBase); // the palette's "notice" colours
    banner->setForegroundRole(QPalette::ToolTipText);
    banner->hide();
    return banner;
}

QLabel *makeLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

YamlEditorPanel::YamlEditorPanel(QWidget *parent) : QWidget(parent)
{
    m_editor = new YamlEditor(this);
    m_problems = new ProblemsList(this);

    m_removedBanner = makeBanner(this, u"removedApiBanner"_qs);
    m_removedText = makeLabel(m_removedBanner);
    m_removedNotes = makeLabel(m_removedBanner);
    m_removedNotes->hide();
    m_convert = new QPushButton(m_removedBanner);
    m_convert->setObjectName(u"convertButton"_qs);
    connect(m_convert, &QPushButton::clicked, this, &YamlEditorPanel::convertRemovedApis);
    auto *dismiss = new QPushButton(tr("&Dismiss"), m_removedBanner);
    dismiss->setObjectName(u"dismissButton"_qs);
    connect(dismiss, &QPushButton::clicked, this, [this] {
        m_removedNotes->hide();
        m_removedBanner->hide();
    });
    auto *removedLayout = new QHBoxLayout(m_removedBanner);
    auto *removedTexts = new QVBoxLayout;
    removedTexts->addWidget(m_removedText);
    removedTexts->addWidget(m_removedNotes);
    removedLayout->addLayout(removedTexts, 1);
    removedLayout->addWidget(m_convert, 0, Qt::AlignTop);
    removedLayout->addWidget(dismiss, 0, Qt::AlignTop);

    m_conflictBanner = makeBanner(this, u"conflictBanner"_qs);
    m_conflictText = makeLabel(m_conflictBanner);
    auto *reload = new QPushButton(tr("&Reload"), m_conflictBanner);
    reload->setObjectName(u"reloadButton"_qs);
    reload->setToolTip(tr("Replace your edits with the object as the server has it now"));
    auto *reapply = new QPushButton(tr("Re-&apply on the New Version"), m_conflictBanner);
    reapply->setObjectName(u"reapplyButton"_qs);
    reapply->setToolTip(tr("Apply your edits again on top of the object's new version"));
    connect(reload, &QPushButton::clicked, this, [this] {
        hideConflict();
        emit reloadRequested();
    });
    connect(reapply, &QPushButton::clicked, this, [this] {
        hideConflict();
        emit reapplyRequested();
    });
    auto *conflictLayout = new QHBoxLayout(m_conflictBanner);
    conflictLayout->addWidget(m_conflictText, 1);
    conflictLayout->addWidget(reload, 0, Qt::AlignTop);
    conflictLayout->addWidget(reapply, 0, Qt::AlignTop);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_editor);
    splitter->addWidget(m_problems);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_conflictBanner);
    layout->addWidget(m_removedBanner);
    layout->addWidget(splitter, 1);
    setFocusProxy(m_editor);

    connect(m_editor, &YamlEditor::problemsChanged, m_problems, &ProblemsList::setProblems);
    connect(m_editor, &YamlEditor::problemsChanged, this, &YamlEditorPanel::updateRemovedApiBanner);
    connect(m_problems, &ProblemsList::problemActivated, m_editor, &YamlEditor::goToProblem);
}

void YamlEditorPanel::showConflict(const QString &message)
{
    m_conflictText->setText(message.isEmpty() ? tr("The object changed on the server since you opened it.") : message);
    m_conflictBanner->show();
}

void YamlEditorPanel::hideConflict()
{
    m_conflictBanner->hide();
}

void YamlEditorPanel::updateRemovedApiBanner(const QList<ManifestProblem> &problems)
{
    QStringList explanations;
    QStringList replacements;
    bool convertible = false;
    const YamlSourceMap &map = m_editor->sourceMap();
    for (const ManifestProblem &p : problems) {
        if (p.kind != ProblemKind::RemovedApiVersion || p.document >= map.documents().size())
            continue;
        explanations << p.message;
        const YamlDocument &doc = map.documents()[p.document];
        const RemovedApi *api = findRemovedApi(doc.scalarText(doc.value(0, u"apiVersion")), doc.scalarText(doc.value(0, u"kind")));
        if (api && api->convertible) {
            convertible = true;
            if (!replacements.contains(api->replacement))
                replacements << api->replacement;
        }
    }
    if (explanations.isEmpty()) {
        if (m_removedNotes->isHidden()) // keep the notes of a conversion until dismissed
            m_removedBanner->hide();
        return;
    }
    explanations.removeDuplicates();
    m_removedText->setText(explanations.join(u'\n'));
    m_removedNotes->hide();
    m_convert->setVisible(convertible);
    m_convert->setText(replacements.size() == 1 ? tr("&Convert to %1").arg(replacements.first()) : tr("&Convert to Current Versions"));
    m_removedBanner->show();
}

void YamlEditorPanel::convertRemovedApis()
{
    const MigrationResult result = migrateRemovedApis(m_editor->toPlainText());
    if (result.converted == 0)
        return;
    m_editor->replaceText(result.text);
    m_editor->validateNow();
    m_removedText->setText(tr("Converted %n document(s); undo with Ctrl+Z. What changed:", nullptr, result.converted));
    QStringList bullets;
    for (const QString &note : result.notes)
        bullets << u"• "_qs + note;
    m_removedNotes->setText(bullets.join(u'\n'));
    m_removedNotes->show();
    m_convert->hide();
    m_removedBanner->show();
    emit converted(result.notes);
}

} // namespace timonel
