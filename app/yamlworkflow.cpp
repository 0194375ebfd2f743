#include "yamlworkflow.h"

#include "clustersession.h"

#include "editor/diffview.h"
#include "editor/manifestvalidator.h"
#include "editor/templatecatalog.h"
#include "editor/yamleditor.h"
#include "editor/yamleditorpanel.h"
#include "kube/api/yaml.h"
#include "models/secretmasking.h"

#include <QAction>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QStackedWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <memory>

namespace timonel {

namespace {

// The text a person reads for a server Status: its message, then one line per cause.
QString describe(const kube::Status &status)
{
    QString text = status.message();
    for (const kube::StatusCause &cause : status.causes()) {
        const QString line = cause.field.isEmpty() ? cause.message : cause.field + QStringLiteral(": ") + cause.message;
        if (!text.contains(line))
            text += u'\n' + QStringLiteral("• ") + line;
    }
    return text;
}

// The object as the editor shows it: managed fields are server bookkeeping nobody edits.
kube::Object withoutManagedFields(const kube::Object &object)
{
    QJsonObject json = object.toJson();
    QJsonObject metadata = json.value(u"metadata").toObject();
    if (!metadata.contains(u"managedFields"))
        return object;
    metadata.remove(u"managedFields");
    json.insert(u"metadata"_qs, metadata);
    return kube::Object::fromJson(json);
}

} // namespace

YamlWorkflow::YamlWorkflow(QObject *parent) : QObject(parent)
{
    m_widget = buildWidget();
}

YamlWorkflow::~YamlWorkflow() = default;

QWidget *YamlWorkflow::buildWidget()
{
    auto *widget = new QWidget;
    widget->setObjectName(QStringLiteral("yamlTab"));
    m_toolbar = new QToolBar(widget);
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    QAction *reload = m_toolbar->addAction(tr("Reload"), this, qOverload<>(&YamlWorkflow::reload));
    reload->setToolTip(tr("Load the live object again, discarding edits (Ctrl+R)"));
    reload->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_diffAction = m_toolbar->addAction(tr("Diff"), this, &YamlWorkflow::showDiff);
    m_diffAction->setCheckable(true);
    m_diffAction->setToolTip(tr("Compare the edited text with the live object (Ctrl+D)"));
    m_diffAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    QAction *dry = m_toolbar->addAction(tr("Dry run"), this, &YamlWorkflow::dryRun);
    dry->setToolTip(tr("Ask the server to validate and admit the change without storing it (Ctrl+Shift+Return)"));
    dry->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_apply = m_toolbar->addAction(tr("Apply"), this, &YamlWorkflow::apply);
    m_apply->setToolTip(tr("Create new objects; update edited ones if nobody changed them meanwhile (Ctrl+Return)"));
    m_apply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_ssa = m_toolbar->addAction(tr("Server-side apply"), this, [this] { serverSideApply(false); });
    m_ssa->setToolTip(tr("Apply as field manager \"timonel\": the server merges the fields you set"));
    m_reveal = m_toolbar->addAction(tr("Reveal values"), this, &YamlWorkflow::revealSecret);
    m_reveal->setToolTip(tr("Show the Secret's values so they can be edited"));
    m_reveal->setVisible(false);
    auto *templates = new QToolButton(m_toolbar);
    templates->setText(tr("New from template"));
    templates->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(templates);
    for (const ManifestTemplate &t : TemplateCatalog::templates()) {
        QAction *a = menu->addAction(t.name, this, [this, id = t.id] { openTemplate(id, m_live.isNull() ? QString() : m_live.namespace_()); });
        a->setToolTip(t.description);
    }
    templates->setMenu(menu);
    m_toolbar->addWidget(templates);

    m_message = new QLabel(widget);
    m_message->setObjectName(QStringLiteral("yamlMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setVisible(false);

    m_panel = new YamlEditorPanel(widget);
    m_diff = new DiffView(widget);
    m_stack = new QStackedWidget(widget);
    m_stack->addWidget(m_panel);
    m_stack->addWidget(m_diff);

    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_panel, &YamlEditorPanel::reloadRequested, this, qOverload<>(&YamlWorkflow::reload));
    connect(m_panel, &YamlEditorPanel::reapplyRequested, this, [this] {
        m_reapplyRetries = kReapplyRetries;
        reapplyOnNewVersion();
    });
    return widget;
}

QString YamlWorkflow::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void YamlWorkflow::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    QPalette p = m_message->palette();
    p.setColor(QPalette::WindowText, error ? QColor(0xcf, 0x22, 0x2e) : m_widget->palette().color(QPalette::WindowText));
    m_message->setPalette(p);
}

void YamlWorkflow::setSession(ClusterSession *session)
{
    m_session = session;
}

void YamlWorkflow::setCustomResourceDefinitions(const QList<kube::Object> &crds)
{
    auto validator = std::make_shared<ManifestValidator>();
    for (const kube::Object &crd : crds)
        validator->addCustomResource(crd); // a CRD the server accepted; a failure only skips it
    m_panel->editor()->setValidator(std::move(validator));
}

QString YamlWorkflow::text() const
{
    return m_panel->editor()->toPlainText();
}

void YamlWorkflow::setText(const QString &text)
{
    m_panel->editor()->replaceText(text);
}

void YamlWorkflow::load(const kube::Object &object, bool masked)
{
    m_live = object;
    m_masked = masked && isSecret(object);
    const kube::Object shown = withoutManagedFields(m_masked ? maskSecret(object) : object);
    m_shownText = QString::fromUtf8(kube::toYaml(shown));
    m_panel->editor()->setPlainText(m_shownText);
    m_panel->editor()->setReadOnly(m_masked);
    m_panel->hideConflict();
    m_reveal->setVisible(m_masked);
    m_apply->setEnabled(!m_masked);
    m_ssa->setEnabled(!m_masked);
    if (m_diffAction->isChecked())
        showDiff();
    setMessage(m_masked ? tr("The Secret's values are hidden. Reveal them to edit.") : QString(), false);
}

void YamlWorkflow::openObject(const QString &resourceId, const kube::Object &object)
{
    m_resourceId = resourceId;
    load(object, true); // the cached copy at once; the full live object replaces it below
    reload(ReloadWhen::Unedited);
}

void YamlWorkflow::openTemplate(const QString &templateId, const QString &namespace_)
{
    m_live = kube::Object();
    m_masked = false;
    m_reveal->setVisible(false);
    m_apply->setEnabled(true);
    m_ssa->setEnabled(true);
    m_panel->editor()->setReadOnly(false);
    m_panel->editor()->setPlainText(TemplateCatalog::instantiate(templateId, QStringLiteral("example"),
                                                                 namespace_.isEmpty() ? QStringLiteral("default") : namespace_));
    m_diffAction->setChecked(false);
    m_stack->setCurrentWidget(m_panel);
    setMessage(tr("A new manifest: edit it, then Apply to create it."), false);
}

void YamlWorkflow::reload()
{
    reload(ReloadWhen::Always);
}

void YamlWorkflow::reload(ReloadWhen when)
{
    if (!m_session || m_live.isNull() || m_resourceId.isEmpty())
        return;
    const std::optional<kube::ApiResource> resource = m_session->findResource(m_resourceId);
    if (!resource)
        return;
    const kube::ResourceRef ref{resource->gvr, resource->namespaced ? m_live.namespace_() : QString(), m_live.name(), {}};
    QPointer<YamlWorkflow> self(this);
    const bool masked = m_masked || isSecret(m_live);
    m_session->get(ref, [self, masked, when](kube::Expected<kube::Object> live) {
        if (!self)
            return;
        if (!live) {
            self->setMessage(tr("Could not load the live object: %1").arg(describe(live.error())), true);
            return;
        }
        // The user started typing over the cached copy: keep the edits (an apply of a stale
        // version gets the conflict banner, never a silent overwrite).
        if (when == ReloadWhen::Unedited && self->text() != self->m_shownText)
            return;
        self->load(*live, masked);
    });
}

void YamlWorkflow::revealSecret()
{
    if (m_live.isNull())
        return;
    load(m_live, false);
}

void YamlWorkflow::showDiff()
{
    if (!m_diffAction->isChecked()) {
        m_stack->setCurrentWidget(m_panel);
        return;
    }
    const kube::Object live = withoutManagedFields(m_masked ? maskSecret(m_live) : m_live);
    const QString liveText = live.isNull() ? QString() : QString::fromUtf8(kube::toYaml(live));
    m_diff->setTexts(tr("Live (resourceVersion %1)").arg(m_live.resourceVersion()), liveText, tr("Edited"), text());
    m_stack->setCurrentWidget(m_diff);
    m_diff->setFocus();
}

void YamlWorkflow::apply()
{
    run(Mode::Apply);
}

void YamlWorkflow::dryRun()
{
    run(Mode::DryRun);
}

void YamlWorkflow::serverSideApply(bool force)
{
    run(force ? Mode::ServerSideForce : Mode::ServerSide);
}

void YamlWorkflow::run(Mode mode)
{
    if (!m_session || m_busy)
        return;
    if (m_masked && mode != Mode::DryRun) {
        setMessage(tr("Reveal the Secret's values before applying it."), true);
        return;
    }
    kube::Expected<QList<kube::Object>> documents = kube::parseManifests(text().toUtf8());
    if (!documents) {
        setMessage(tr("The manifest cannot be read: %1").arg(documents.error().message()), true);
        Q_EMIT failed(documents.error());
        return;
    }
    if (documents->isEmpty()) {
        setMessage(tr("There is nothing to apply."), true);
        return;
    }
    m_busy = true;
    setMessage(mode == Mode::DryRun ? tr("Dry run…") : tr("Applying…"), false);

    struct Progress {
        QList<kube::Object> documents;
        qsizetype next = 0;
        QStringList done;
    };
    auto progress = std::make_shared<Progress>();
    progress->documents = *documents;
    QPointer<YamlWorkflow> self(this);
    const QString defaultNamespace = m_live.isNull() ? QStringLiteral("default") : m_live.namespace_();
    auto step = std::make_shared<std::function<void()>>();
    *step = [self, progress, mode, defaultNamespace, step] {
        if (!self || !self->m_session)
            return;
        if (progress->next == progress->documents.size()) {
            self->m_busy = false;
            self->setMessage((mode == Mode::DryRun ? tr("Dry run passed: %1") : tr("Applied: %1")).arg(progress->done.join(u", ")),
                             false);
            Q_EMIT self->applied(mode == Mode::DryRun);
            if (mode != Mode::DryRun)
                self->reload();
            return;
        }
        const kube::Object doc = progress->documents.at(progress->next++);
        const kube::GroupVersionKind gvk = doc.gvk();
        std::optional<kube::ApiResource> resource;
        for (const kube::ApiResource &r : self->m_session->resources()) {
            if (r.gvk() == gvk && !r.gvr.resource.contains(u'/')) {
                resource = r;
                break;
            }
        }
        const QString label = gvk.kind + u'/' + (doc.name().isEmpty() ? doc.generateName() : doc.name());
        if (!resource) {
            self->m_busy = false;
            const kube::Status status = kube::Status::badRequest(
                tr("%1: the cluster does not serve kind %2 in %3").arg(label, gvk.kind, doc.apiVersion()));
            self->setMessage(describe(status), true);
            Q_EMIT self->failed(status);
            return;
        }
        kube::ResourceRef ref{resource->gvr, resource->namespaced ? (doc.namespace_().isEmpty() ? defaultNamespace : doc.namespace_()) : QString(),
                              QString(), {}};
        auto after = [self, progress, step, label, mode](kube::Expected<kube::Object> result) {
            if (!self)
                return;
            if (!result) {
                self->m_busy = false;
                const kube::Status &status = result.error();
                if (status.code() == 409 && mode == Mode::Apply && status.reason() == u"Conflict" &&
                    self->m_reapplyRetries > 0) {
                    // Re-applying raced another write (a controller's status update): take the
                    // newer version and try again, a bounded number of times.
                    --self->m_reapplyRetries;
                    self->reapplyOnNewVersion();
                    return;
                }
                self->m_reapplyRetries = 0;
                if (status.code() == 409 && mode == Mode::Apply && status.reason() == u"Conflict") {
                    self->m_panel->showConflict(
                        tr("%1 was changed on the server since you loaded it. Reload to take the server's version, or "
                           "re-apply your edit on top of it.").arg(label));
                }
                self->setMessage(label + QStringLiteral(": ") + describe(status), true);
                Q_EMIT self->failed(status);
                return;
            }
            progress->done.append(label);
            self->m_reapplyRetries = 0;
            (*step)();
        };
        const kube::DryRun dry = mode == Mode::DryRun ? kube::DryRun::All : kube::DryRun::No;
        if (mode == Mode::ServerSide || mode == Mode::ServerSideForce) {
            ref.name = doc.name();
            self->m_session->apply(ref, doc.json(), QStringLiteral("timonel"), after, mode == Mode::ServerSideForce, dry);
            return;
        }
        kube::WriteOptions options;
        options.dryRun = dry;
        options.fieldManager = QStringLiteral("timonel");
        options.fieldValidation = QStringLiteral("Strict");
        if (!doc.resourceVersion().isEmpty()) {
            ref.name = doc.name();
            self->m_session->update(ref, doc, after, options);
        } else {
            self->m_session->create(ref, doc, after, options);
        }
    };
    (*step)();
}

void YamlWorkflow::reapplyOnNewVersion()
{
    // The user's edit on top of the server's newest version: same text, the live resourceVersion.
    if (!m_session || m_live.isNull() || m_resourceId.isEmpty())
        return;
    const std::optional<kube::ApiResource> resource = m_session->findResource(m_resourceId);
    if (!resource)
        return;
    const kube::ResourceRef ref{resource->gvr, resource->namespaced ? m_live.namespace_() : QString(), m_live.name(), {}};
    QPointer<YamlWorkflow> self(this);
    m_session->get(ref, [self](kube::Expected<kube::Object> live) {
        if (!self)
            return;
        if (!live) {
            self->setMessage(tr("Could not load the live object: %1").arg(describe(live.error())), true);
            return;
        }
        kube::Expected<QList<kube::Object>> documents = kube::parseManifests(self->text().toUtf8());
        if (!documents || documents->size() != 1) {
            self->setMessage(tr("Re-apply works on a single document."), true);
            return;
        }
        QJsonObject edited = documents->front().toJson();
        QJsonObject metadata = edited.value(u"metadata").toObject();
        metadata.insert(u"resourceVersion"_qs, live->resourceVersion());
        edited.insert(u"metadata"_qs, metadata);
        self->m_live = *live;
        self->m_panel->editor()->replaceText(QString::fromUtf8(kube::toYaml(kube::Object::fromJson(edited))));
        self->m_panel->hideConflict();
        self->apply();
    });
}

} // namespace timonel
