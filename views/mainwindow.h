#pragma once
// The console's main window: navigator, resource tables and details (filled by issue 6). For
// now it shows which cluster it is connected to and how to reach it from a terminal.
// GUI thread only.

#include <QMainWindow>

class QLabel;

namespace timonel {

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

public Q_SLOTS:
    // The embedded cluster answers at url; kubectl reaches it with kubeconfigPath.
    void showEmbeddedCluster(const QString &url, const QString &kubeconfigPath);
    void showClusterError(const QString &message);

private:
    QLabel *m_body = nullptr;
    QLabel *m_connection = nullptr;
};

} // namespace timonel
