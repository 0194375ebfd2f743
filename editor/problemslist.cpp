#include "problemslist.h"

#include "problemsmodel.h"

#include <QHeaderView>

namespace timonel {

ProblemsList::ProblemsList(QWidget *parent) : QTreeView(parent), m_model(new ProblemsModel(this))
{
    setAccessibleName(tr("Problems"));
    setModel(m_model);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFocusPolicy(Qt::StrongFocus);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(ProblemsModel::SeverityColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(ProblemsModel::LocationColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(ProblemsModel::MessageColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(ProblemsModel::PathColumn, QHeaderView::Interactive);
    // activated: Enter and Return, and a double click (or a single one where the style says so).
    connect(this, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit problemActivated(index.data(ProblemsModel::ProblemRole).value<ManifestProblem>());
    });
}

void ProblemsList::setProblems(const QList<ManifestProblem> &problems)
{
    m_model->setProblems(problems);
}

} // namespace timonel
