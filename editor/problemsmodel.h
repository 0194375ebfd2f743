#pragma once
// ProblemsModel: the problems of the manifest being edited as a table — severity, line and
// column (1-based, as people count), message and field path — for ProblemsList. Each
// validation replaces the list; rows that did not change (the common head and tail) are
// kept, so the selection survives typing elsewhere.
//
// GUI thread (icons come from the application style). Cost: setProblems compares the old and
// new lists once.

#include "manifestproblem.h"

#include <QAbstractTableModel>

namespace timonel {

class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, LocationColumn, MessageColumn, PathColumn, ColumnCount };
    enum Role { ProblemRole = Qt::UserRole + 1 };

    explicit ProblemsModel(QObject *parent = nullptr);

    void setProblems(const QList<ManifestProblem> &problems);
    const QList<ManifestProblem> &problems() const { return m_problems; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ManifestProblem> m_problems;
};

} // namespace timonel
