#include "problemsmodel.h"

#include <QApplication>
#include <QStyle>

namespace timonel {

ProblemsModel::ProblemsModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProblemsModel::setProblems(const QList<ManifestProblem> &problems)
{
    const int oldCount = int(m_problems.size());
    const int newCount = int(problems.size());
    int head = 0;
    while (head < oldCount && head < newCount && m_problems[head] == problems[head])
        ++head;
    int tail = 0;
    while (tail < oldCount - head && tail < newCount - head
           && m_problems[oldCount - 1 - tail] == problems[newCount - 1 - tail])
        ++tail;
    const int oldMiddle = oldCount - head - tail;
    const int newMiddle = newCount - head - tail;
    const int replaced = std::min(oldMiddle, newMiddle);
    for (int i = 0; i < replaced; ++i)
        m_problems[head + i] = problems[head + i];
    if (replaced > 0)
        emit dataChanged(index(head, 0), index(head + replaced - 1, ColumnCount - 1));
    if (oldMiddle > newMiddle) {
        beginRemoveRows({}, head + replaced, head + oldMiddle - 1);
        m_problems.remove(head + replaced, oldMiddle - newMiddle);
        endRemoveRows();
    } else if (newMiddle > oldMiddle) {
        beginInsertRows({}, head + replaced, head + newMiddle - 1);
        for (int i = replaced; i < newMiddle; ++i)
            m_problems.insert(head + i, problems[head + i]);
        endInsertRows();
    }
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ManifestProblem &p = m_problems[index.row()];
    if (role == ProblemRole)
        return QVariant::fromValue(p);
    const bool error = p.severity == ProblemSeverity::Error;
    switch (index.column()) {
    case SeverityColumn:
        if (role == Qt::DisplayRole)
            return error ? tr("Error") : tr("Warning");
        if (role == Qt::DecorationRole && qApp)
            return QApplication::style()->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning);
        break;
    case LocationColumn:
        if (role == Qt::DisplayRole)
            return tr("%1:%2").arg(p.line + 1).arg(p.column + 1);
        if (role == Qt::ToolTipRole)
            return tr("Line %1, column %2 (document %3)").arg(p.line + 1).arg(p.column + 1).arg(p.document + 1);
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
            return p.message;
        break;
    case PathColumn:
        if (role == Qt::DisplayRole)
            return p.path;
        break;
    default:
        break;
    }
    return {};
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case LocationColumn: return tr("Line");
    case MessageColumn: return tr("Problem");
    case PathColumn: return tr("Field");
    default: return {};
    }
}

} // namespace timonel
