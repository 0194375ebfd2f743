#pragma once
// ProblemsList: the list of the manifest's problems under the editor. Enter, Return or a
// double click on a row emits problemActivated, which the panel turns into a cursor move to
// the problem (YamlEditor::goToProblem).
//
// GUI thread. Owns its ProblemsModel.

#include "manifestproblem.h"

#include <QTreeView>

namespace timonel {

class ProblemsModel;

class ProblemsList : public QTreeView
{
    Q_OBJECT
public:
    explicit ProblemsList(QWidget *parent = nullptr);

    ProblemsModel *problemsModel() const { return m_model; }

public Q_SLOTS:
    void setProblems(const QList<timonel::ManifestProblem> &problems);

Q_SIGNALS:
    void problemActivated(const timonel::ManifestProblem &problem);

private:
    ProblemsModel *m_model;
};

} // namespace timonel
