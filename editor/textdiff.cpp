#include "textdiff.h"

#include <QHash>

#include <algorithm>
#include <vector>

namespace timonel {

namespace {

enum class Op : quint8 { Equal, Delete, Insert };

class Myers
{
public:
    Myers(const std::vector<int> &a, const std::vector<int> &b, qint64 budget) : m_a(a), m_b(b), m_budget(budget) {}

    // Appends the edit script turning a[aLo, aHi) into b[bLo, bHi).
    void diff(int aLo, int aHi, int bLo, int bHi)
    {
        while (aLo < aHi && bLo < bHi && m_a[size_t(aLo)] == m_b[size_t(bLo)]) {
            m_ops.push_back(Op::Equal);
            ++aLo;
            ++bLo;
        }
        int tail = 0;
        while (aHi > aLo && bHi > bLo && m_a[size_t(aHi) - 1] == m_b[size_t(bHi) - 1]) {
            --aHi;
            --bHi;
            ++tail;
        }
        if (aLo == aHi || bLo == bHi) {
            replace(aHi - aLo, bHi - bLo);
        } else {
            int x = 0;
            int y = 0;
            if (bisect(aLo, aHi, bLo, bHi, x, y)) {
                diff(aLo, x, bLo, y);
                diff(x, aHi, y, bHi);
            } else {
                replace(aHi - aLo, bHi - bLo);
            }
        }
        m_ops.insert(m_ops.end(), size_t(tail), Op::Equal);
    }

    const std::vector<Op> &ops() const { return m_ops; }

private:
    void replace(int deletions, int insertions)
    {
        m_ops.insert(m_ops.end(), size_t(deletions), Op::Delete);
        m_ops.insert(m_ops.end(), size_t(insertions), Op::Insert);
    }

    // Finds the middle snake of the shortest edit script; its start point splits the problem.
    // False when there is no budget left or nothing in common to split on.
    bool bisect(int aLo, int aHi, int bLo, int bHi, int &splitA, int &splitB)
    {
        const int n = aHi - aLo;
        const int m = bHi - bLo;
        const int maxD = (n + m + 1) / 2;
        const int offset = maxD;
        const int length = 2 * maxD + 2;
        m_v1.assign(size_t(length), -1);
        m_v2.assign(size_t(length), -1);
        m_v1[size_t(offset) + 1] = 0;
        m_v2[size_t(offset) + 1] = 0;
        const int delta = n - m;
        const bool front = delta % 2 != 0;
        int k1start = 0, k1end = 0, k2start = 0, k2end = 0;
        const int *a = m_a.data() + aLo;
        const int *b = m_b.data() + bLo;
        for (int d = 0; d < maxD; ++d) {
            m_budget -= 2 * d + 2;
            if (m_budget < 0)
                return false;
            for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                const int k1off = offset + k1;
                int x1 = (k1 == -d || (k1 != d && m_v1[size_t(k1off) - 1] < m_v1[size_t(k1off) + 1]))
                    ? m_v1[size_t(k1off) + 1] : m_v1[size_t(k1off) - 1] + 1;
                int y1 = x1 - k1;
                while (x1 < n && y1 < m && a[x1] == b[y1]) {
                    ++x1;
                    ++y1;
                }
                m_v1[size_t(k1off)] = x1;
                if (x1 > n) {
                    k1end += 2;
                } else if (y1 > m) {
                    k1start += 2;
                } else if (front) {
                    const int k2off = offset + delta - k1;
                    if (k2off >= 0 && k2off < length && m_v2[size_t(k2off)] != -1 && x1 >= n - m_v2[size_t(k2off)]) {
                        splitA = aLo + x1;
                        splitB = bLo + y1;
                        return true;
                    }
                }
            }
            for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                const int k2off = offset + k2;
                int x2 = (k2 == -d || (k2 != d && m_v2[size_t(k2off) - 1] < m_v2[size_t(k2off) + 1]))
                    ? m_v2[size_t(k2off) + 1] : m_v2[size_t(k2off) - 1] + 1;
                int y2 = x2 - k2;
                while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1]) {
                    ++x2;
                    ++y2;
                }
                m_v2[size_t(k2off)] = x2;
                if (x2 > n) {
                    k2end += 2;
                } else if (y2 > m) {
                    k2start += 2;
                } else if (!front) {
                    const int k1off = offset + delta - k2;
                    if (k1off >= 0 && k1off < length && m_v1[size_t(k1off)] != -1) {
                        const int x1 = m_v1[size_t(k1off)];
                        const int y1 = offset + x1 - k1off;
                        if (x1 >= n - x2) {
                            splitA = aLo + x1;
                            splitB = bLo + y1;
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    const std::vector<int> &m_a;
    const std::vector<int> &m_b;
    qint64 m_budget;
    std::vector<Op> m_ops;
    std::vector<int> m_v1;
    std::vector<int> m_v2;
};

} // namespace

QList<DiffRow> diffLines(const QStringList &left, const QStringList &right, const DiffOptions &options)
{
    QHash<QString, int> ids;
    ids.reserve(left.size() + right.size());
    std::vector<int> a;
    std::vector<int> b;
    a.reserve(size_t(left.size()));
    b.reserve(size_t(right.size()));
    const auto idOf = [&ids](const QString &line) {
        auto it = ids.constFind(line);
        if (it == ids.constEnd())
            it = ids.insert(line, int(ids.size()));
        return it.value();
    };
    for (const QString &line : left)
        a.push_back(idOf(line));
    for (const QString &line : right)
        b.push_back(idOf(line));

    // Nothing in common (a replaced file): one changed block, without searching for it.
    std::vector<bool> onLeft(size_t(ids.size()), false);
    for (int id : a)
        onLeft[size_t(id)] = true;
    const bool shared = std::any_of(b.cbegin(), b.cend(), [&](int id) { return onLeft[size_t(id)]; });
    Myers myers(a, b, shared ? options.maxSteps : 0);
    myers.diff(0, int(a.size()), 0, int(b.size()));

    QList<DiffRow> rows;
    rows.reserve(std::max(left.size(), right.size()));
    const std::vector<Op> &ops = myers.ops();
    int l = 0;
    int r = 0;
    size_t i = 0;
    while (i < ops.size()) {
        if (ops[i] == Op::Equal) {
            rows.append({l++, r++, DiffKind::Same});
            ++i;
            continue;
        }
        // A run of deletions and insertions between equal lines: pair them up.
        int deleted = 0;
        int inserted = 0;
        while (i < ops.size() && ops[i] != Op::Equal) {
            (ops[i] == Op::Delete ? deleted : inserted) += 1;
            ++i;
        }
        const int paired = std::min(deleted, inserted);
        for (int k = 0; k < paired; ++k)
            rows.append({l + k, r + k, DiffKind::Changed});
        for (int k = paired; k < deleted; ++k)
            rows.append({l + k, -1, DiffKind::Removed});
        for (int k = paired; k < inserted; ++k)
            rows.append({-1, r + k, DiffKind::Added});
        l += deleted;
        r += inserted;
    }
    return rows;
}

QList<int> changeStarts(const QList<DiffRow> &rows)
{
    QList<int> starts;
    for (int i = 0; i < rows.size(); ++i) {
        if (rows[i].kind != DiffKind::Same && (i == 0 || rows[i - 1].kind == DiffKind::Same))
            starts.append(i);
    }
    return starts;
}

} // namespace timonel
