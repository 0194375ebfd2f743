#pragma once
// YamlWorkflow: the YAML tab — the editor panel with a toolbar (Reload, Diff, Dry run, Apply,
// Server-side apply, New from template) and what each does against the cluster:
//   Apply       each document: PUT when it carries metadata.resourceVersion (optimistic
//               concurrency: a 409 shows the conflict banner with Reload / Re-apply on the new
//               version), else POST (create)
//   SSA         PATCH application/apply-patch+yaml, field manager "timonel"; a conflict with
//               another manager is reported with the fields and an offer to force
//   Dry run     the same requests with dryRun=All: the server validates and admits, nothing stored
//   Diff        the live object (GET now) against the edited text, side by side
// Secrets open masked and read-only; "Reveal values" loads the real data for editing.
// Errors are the server's Status with every cause ("spec.replicas: Invalid value…"), shown
// above the editor; the text is never lost.
//
// GUI thread only.

#include "kube/api/object.h"
#include "kube/api/status.h"

#include <QObject>
#include <QPointer>

class QAction;
class QLabel;
class QStackedWidget;
class QToolBar;
class QWidget;

namespace timonel {

class ClusterSession;
class DiffView;
class YamlEditorPanel;

class YamlWorkflow : public QObject
{
    Q_OBJECT
public:
    explicit YamlWorkflow(QObject *parent = nullptr);
    ~YamlWorkflow() override;

    // The tab's widget (owned by whoever it is added to).
    QWidget *widget() const { return m_widget; }
    YamlEditorPanel *panel() const { return m_panel; }
    DiffView *diffView() const { return m_diff; }
    QString message() const; // the result line above the editor

    void setSession(ClusterSession *session);
    // The cluster's CustomResourceDefinitions: manifests of their kinds are validated against
    // their schemas while typing (built-in kinds always are).
    void setCustomResourceDefinitions(const QList<kube::Object> &crds);
    // Loads the live object (GET, for the managed fields and the newest version) into the editor.
    void openObject(const QString &resourceId, const kube::Object &object);
    // A new manifest from a template (TemplateCatalog id) in a namespace.
    void openTemplate(const QString &templateId, const QString &namespace_);
    QString text() const;
    void setText(const QString &text);

public Q_SLOTS:
    void reload();
    void apply();
    void serverSideApply(bool force = false);
    void dryRun();
    void showDiff();
    void revealSecret();

Q_SIGNALS:
    // Every document was applied (or dry-run) successfully.
    void applied(bool dryRun);
    void failed(const kube::Status &status);

private:
    enum class Mode { Apply, DryRun, ServerSide, ServerSideForce };
    enum class ReloadWhen { Always, Unedited };
    void reload(ReloadWhen when);
    void run(Mode mode);
    void load(const kube::Object &object, bool masked);
    void setMessage(const QString &text, bool error);
    void reapplyOnNewVersion();
    QWidget *buildWidget();

    QWidget *m_widget = nullptr;
    QToolBar *m_toolbar = nullptr;
    QLabel *m_message = nullptr;
    QStackedWidget *m_stack = nullptr;
    YamlEditorPanel *m_panel = nullptr;
    DiffView *m_diff = nullptr;
    QAction *m_apply = nullptr;
    QAction *m_ssa = nullptr;
    QAction *m_reveal = nullptr;
    QAction *m_diffAction = nullptr;
    QPointer<ClusterSession> m_session;
    QString m_resourceId;
    kube::Object m_live; // the object as last loaded (full, with managed fields)
    QString m_shownText; // the text as loaded, to tell whether the user edited it
    bool m_masked = false;
    bool m_busy = false;
    // Re-apply retries left when the newest version changes again before the PUT lands.
    static constexpr int kReapplyRetries = 3;
    int m_reapplyRetries = 0;
};

} // namespace timonel
