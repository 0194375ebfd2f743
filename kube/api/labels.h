#pragma once
// A set of labels (or annotations): key → value, kept sorted by key in one flat list, which
// costs far less than a QMap for the handful of entries objects carry. Value type, implicitly
// shared; usable from any thread.

#include <QList>
#include <QString>

#include <algorithm>
#include <utility>

namespace kube {

class Labels
{
public:
    using Item = std::pair<QString, QString>;

    Labels() = default;
    Labels(std::initializer_list<Item> items) { for (const Item &i : items) insert(i.first, i.second); }

    bool isEmpty() const { return m_items.isEmpty(); }
    qsizetype size() const { return m_items.size(); }
    const QList<Item> &items() const { return m_items; }
    auto begin() const { return m_items.cbegin(); }
    auto end() const { return m_items.cend(); }

    bool contains(QStringView key) const { return find(key) != m_items.cend(); }
    // The value for key, or a null QString when absent (an empty value is not null).
    QString value(QStringView key) const
    {
        auto it = find(key);
        return it == m_items.cend() ? QString() : it->second;
    }
    void insert(const QString &key, const QString &value)
    {
        auto it = std::lower_bound(m_items.begin(), m_items.end(), key, [](const Item &i, const QString &k) { return i.first < k; });
        if (it != m_items.end() && it->first == key)
            it->second = value;
        else
            m_items.insert(it, Item{key, value});
    }
    void remove(QStringView key)
    {
        auto it = std::lower_bound(m_items.begin(), m_items.end(), key, [](const Item &i, QStringView k) { return QStringView(i.first) < k; });
        if (it != m_items.end() && it->first == key)
            m_items.erase(it);
    }
    friend bool operator==(const Labels &, const Labels &) = default;

private:
    QList<Item>::const_iterator find(QStringView key) const
    {
        auto it = std::lower_bound(m_items.cbegin(), m_items.cend(), key, [](const Item &i, QStringView k) { return QStringView(i.first) < k; });
        return (it != m_items.cend() && it->first == key) ? it : m_items.cend();
    }
    QList<Item> m_items; // sorted by key, keys unique
};

} // namespace kube
