#pragma once
// The console's main window: navigator, resource tables and details (filled by issue 6).
// GUI thread only.

#include <QMainWindow>

class QLabel;

namespace timonel {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Shown in the status bar: which cluster the window talks to and how.
    void setConnectionText(const QString &text);

private:
    QLabel *m_connection = nullptr;
};

} // namespace timonel
