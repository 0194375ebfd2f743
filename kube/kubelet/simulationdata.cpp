#include "simulationdata.h"

#include "kube/api/duration.h"
#include "kube/api/jsonstrings.h"
#include "kube/api/quantity.h"
#include "kube/api/yaml.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace kube::kubelet {

qint64 BackOffRule::delayMs(int n) const
{
    qint64 d = initialMs;
    for (int i = 0; i < n && d < maxMs; ++i)
        d *= 2;
    return std::min(d, maxMs);
}

namespace {

// Reads fields of one YAML mapping, remembering the first error with its path.
class Reader
{
public:
    Reader(QString file) : m_file(std::move(file)) {}
    bool failed() const { return !m_error.isEmpty(); }
    Status error() const { return Status::badRequest(m_error); }
    void fail(const QString &path, const QString &why)
    {
        if (m_error.isEmpty())
            m_error = QStringLiteral("%1: %2: %3").arg(m_file, path, why);
    }

    qint64 durationMs(const QJsonObject &o, const char *key, const QString &path, qint64 fallback)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return fallback;
        if (v.isDouble())
            return qint64(v.toDouble() * 1000);
        const auto d = Duration::parse(v.toString());
        if (!d.ok()) {
            fail(path + QLatin1Char('.') + QLatin1String(key), d.error().message());
            return fallback;
        }
        return d->nanoseconds() / Duration::Millisecond;
    }

    qint64 quantity(const QJsonObject &o, const char *key, const QString &path, bool milli)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined())
            return 0;
        const QString text = v.isDouble() ? QString::number(v.toDouble()) : v.toString();
        const auto q = Quantity::parse(text);
        if (!q.ok()) {
            fail(path + QLatin1Char('.') + QLatin1String(key), q.error().message());
            return 0;
        }
        return milli ? q->milliValue() : q->value();
    }


private:
    QString m_file;
    QString m_error;
};

Expected<QJsonObject> readYaml(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Status::badRequest(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    const auto json = yamlToJson(f.readAll());
    if (!json.ok())
        return Status::badRequest(QStringLiteral("%1: %2").arg(path, json.error().message()));
    return QJsonDocument::fromJson(json.value()).object();
}

BackOffRule readBackOff(Reader &r, const QJsonObject &o, const QString &path, BackOffRule fallback)
{
    BackOffRule b;
    b.initialMs = r.durationMs(o, "initial", path, fallback.initialMs);
    b.maxMs = r.durationMs(o, "max", path, fallback.maxMs);
    return b;
}

} // namespace

Expected<SimulationData> SimulationData::load(const QString &directory)
{
    SimulationData data;
    const auto images = readYaml(directory + QStringLiteral("/images.yaml"));
    if (!images.ok())
        return images.error();
    Reader r(QStringLiteral("images.yaml"));
    const QJsonArray list = images->value(QLatin1String("images")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list[i].toObject();
        const QString path = QStringLiteral("images[%1]").arg(i);
        ImageProfile p;
        p.repository = ImageReference::parse(o.value(QLatin1String("repository")).toString()).repository();
        if (o.value(QLatin1String("repository")).toString().isEmpty())
            r.fail(path + QStringLiteral(".repository"), QStringLiteral("required"));
        p.pullSeconds = o.value(QLatin1String("pullSeconds")).toDouble(1);
        p.sizeBytes = qint64(o.value(QLatin1String("sizeBytes")).toDouble());
        p.startupSeconds = o.value(QLatin1String("startupSeconds")).toDouble();
        p.entrypoint = jsonStrings(o.value(QLatin1String("entrypoint")));
        p.command = jsonStrings(o.value(QLatin1String("command")));
        p.args = jsonStrings(o.value(QLatin1String("args")));
        for (const QJsonValue &port : o.value(QLatin1String("ports")).toArray()) {
            const QJsonObject po = port.toObject();
            p.ports.append({po.value(QLatin1String("port")).toInt(), po.value(QLatin1String("protocol")).toString(QStringLiteral("TCP"))});
        }
        if (const QJsonObject http = o.value(QLatin1String("http")).toObject(); !http.isEmpty()) {
            p.servesHttp = true;
            p.httpPort = http.value(QLatin1String("port")).toInt();
            p.healthPath = http.value(QLatin1String("healthPath")).toString(QStringLiteral("/"));
            p.httpPaths = jsonStrings(http.value(QLatin1String("paths")));
            p.httpBody = http.value(QLatin1String("body")).toString();
            if (!p.listensOn(p.httpPort))
                r.fail(path + QStringLiteral(".http.port"), QStringLiteral("not among the image's ports"));
        }
        p.cpuMillicores = r.quantity(o, "cpu", path, true);
        p.memoryBytes = r.quantity(o, "memory", path, false);
        p.exitsOnSigterm = o.value(QLatin1String("exitsOnSigterm")).toBool(true);
        p.sigtermExitCode = o.value(QLatin1String("sigtermExitCode")).toInt(0);
        p.startupLogs = jsonStrings(o.value(QLatin1String("startupLogs")));
        if (data.m_byRepository.contains(p.repository))
            r.fail(path + QStringLiteral(".repository"), QStringLiteral("duplicate %1").arg(p.repository));
        data.m_byRepository.insert(p.repository, data.m_images.size());
        data.m_images.append(p);
    }
    if (r.failed())
        return r.error();

    const auto lifecycle = readYaml(directory + QStringLiteral("/lifecycle.yaml"));
    if (!lifecycle.ok())
        return lifecycle.error();
    Reader l(QStringLiteral("lifecycle.yaml"));
    LifecycleRules &rules = data.m_rules;
    const LifecycleRules d;
    const QJsonObject &root = lifecycle.value();
    auto section = [&](const char *key) { return root.value(QLatin1String(key)).toObject(); };
    rules.sandboxReadyMs = l.durationMs(section("sandbox"), "readyAfter", QStringLiteral("sandbox"), d.sandboxReadyMs);
    const QJsonObject pull = section("pull");
    rules.pullAlwaysCheckMs = l.durationMs(pull, "alwaysCheckSeconds", QStringLiteral("pull"), d.pullAlwaysCheckMs);
    rules.pullFailMs = l.durationMs(pull, "failAfter", QStringLiteral("pull"), d.pullFailMs);
    rules.pullErrorShownMs = l.durationMs(pull, "errorShownFor", QStringLiteral("pull"), d.pullErrorShownMs);
    rules.pullBackOff = readBackOff(l, pull.value(QLatin1String("backOff")).toObject(), QStringLiteral("pull.backOff"), d.pullBackOff);
    const QJsonObject container = section("container");
    rules.createMs = l.durationMs(container, "createAfter", QStringLiteral("container"), d.createMs);
    rules.startMs = l.durationMs(container, "startAfter", QStringLiteral("container"), d.startMs);
    rules.restartMs = l.durationMs(container, "restartAfter", QStringLiteral("container"), d.restartMs);
    rules.stopMs = l.durationMs(container, "stopSeconds", QStringLiteral("container"), d.stopMs);
    const QJsonObject crash = section("crashLoop");
    rules.crashLoopBackOff = readBackOff(l, crash.value(QLatin1String("backOff")).toObject(), QStringLiteral("crashLoop.backOff"), d.crashLoopBackOff);
    rules.crashLoopResetMs = l.durationMs(crash, "resetAfter", QStringLiteral("crashLoop"), d.crashLoopResetMs);
    const QJsonObject probes = section("probes");
    rules.probePeriodSeconds = probes.value(QLatin1String("periodSeconds")).toInt(d.probePeriodSeconds);
    rules.probeTimeoutSeconds = probes.value(QLatin1String("timeoutSeconds")).toInt(d.probeTimeoutSeconds);
    rules.probeSuccessThreshold = probes.value(QLatin1String("successThreshold")).toInt(d.probeSuccessThreshold);
    rules.probeFailureThreshold = probes.value(QLatin1String("failureThreshold")).toInt(d.probeFailureThreshold);
    rules.defaultGracePeriodSeconds = section("termination").value(QLatin1String("defaultGracePeriodSeconds")).toInt(30);
    const QJsonObject logs = section("logs");
    rules.logMaxLines = logs.value(QLatin1String("maxLinesPerInstance")).toInt(d.logMaxLines);
    rules.logMaxBytes = qint64(logs.value(QLatin1String("maxBytesPerInstance")).toDouble(double(d.logMaxBytes)));
    rules.shellMaxSteps = section("shell").value(QLatin1String("maxStepsWithoutSleep")).toInt(d.shellMaxSteps);
    if (l.failed())
        return l.error();
    return data;
}

const SimulationData &SimulationData::builtin()
{
    static const SimulationData data = [] {
        auto loaded = load(QString::fromLatin1(BuiltinDirectory));
        if (!loaded.ok())
            qFatal("built-in simulation data does not load: %s", qPrintable(loaded.error().message()));
        return std::move(loaded).value();
    }();
    return data;
}

const ImageProfile *SimulationData::findImage(const ImageReference &ref) const
{
    const auto it = m_byRepository.constFind(ref.repository());
    return it == m_byRepository.cend() ? nullptr : &m_images[*it];
}

QJsonObject SimulationData::toJson() const
{
    QJsonArray images;
    for (const ImageProfile &p : m_images) {
        QJsonArray ports;
        for (const ImagePort &port : p.ports)
            ports.append(QJsonObject{{QStringLiteral("port"), port.port}, {QStringLiteral("protocol"), port.protocol}});
        QJsonObject o{
            {QStringLiteral("repository"), p.repository},
            {QStringLiteral("pullSeconds"), p.pullSeconds},
            {QStringLiteral("sizeBytes"), double(p.sizeBytes)},
            {QStringLiteral("startupSeconds"), p.startupSeconds},
            {QStringLiteral("entrypoint"), QJsonArray::fromStringList(p.entrypoint)},
            {QStringLiteral("command"), QJsonArray::fromStringList(p.command)},
            {QStringLiteral("args"), QJsonArray::fromStringList(p.args)},
            {QStringLiteral("ports"), ports},
            {QStringLiteral("cpuMillicores"), double(p.cpuMillicores)},
            {QStringLiteral("memoryBytes"), double(p.memoryBytes)},
            {QStringLiteral("exitsOnSigterm"), p.exitsOnSigterm},
            {QStringLiteral("sigtermExitCode"), p.sigtermExitCode},
            {QStringLiteral("startupLogs"), QJsonArray::fromStringList(p.startupLogs)},
        };
        if (p.servesHttp) {
            o.insert(QStringLiteral("http"), QJsonObject{{QStringLiteral("port"), p.httpPort},
                                                         {QStringLiteral("healthPath"), p.healthPath},
                                                         {QStringLiteral("paths"), QJsonArray::fromStringList(p.httpPaths)},
                                                         {QStringLiteral("body"), p.httpBody}});
        }
        images.append(o);
    }
    const LifecycleRules &r = m_rules;
    auto backOff = [](const BackOffRule &b) {
        return QJsonObject{{QStringLiteral("initialMs"), double(b.initialMs)}, {QStringLiteral("maxMs"), double(b.maxMs)}};
    };
    const QJsonObject rules{
        {QStringLiteral("sandboxReadyMs"), double(r.sandboxReadyMs)},
        {QStringLiteral("pullAlwaysCheckMs"), double(r.pullAlwaysCheckMs)},
        {QStringLiteral("pullFailMs"), double(r.pullFailMs)},
        {QStringLiteral("pullErrorShownMs"), double(r.pullErrorShownMs)},
        {QStringLiteral("pullBackOff"), backOff(r.pullBackOff)},
        {QStringLiteral("createMs"), double(r.createMs)},
        {QStringLiteral("startMs"), double(r.startMs)},
        {QStringLiteral("restartMs"), double(r.restartMs)},
        {QStringLiteral("stopMs"), double(r.stopMs)},
        {QStringLiteral("crashLoopBackOff"), backOff(r.crashLoopBackOff)},
        {QStringLiteral("crashLoopResetMs"), double(r.crashLoopResetMs)},
        {QStringLiteral("probeDefaults"), QJsonArray{r.probePeriodSeconds, r.probeTimeoutSeconds, r.probeSuccessThreshold, r.probeFailureThreshold}},
        {QStringLiteral("defaultGracePeriodSeconds"), double(r.defaultGracePeriodSeconds)},
        {QStringLiteral("logMaxLines"), r.logMaxLines},
        {QStringLiteral("logMaxBytes"), double(r.logMaxBytes)},
        {QStringLiteral("shellMaxSteps"), r.shellMaxSteps},
    };
    return QJsonObject{{QStringLiteral("images"), images}, {QStringLiteral("lifecycle"), rules}};
}

} // namespace kube::kubelet
