// The YAML editor's core on the sizes a user edits: a 2,000-line multi-document manifest
// (realistic Deployments and Services) parsed into a source map and validated — the work the
// editor repeats on a 300 ms debounce while the user types — and a 5,000-line line diff.
// Prints the median of several runs in milliseconds.

#include "editor/manifestvalidator.h"
#include "editor/textdiff.h"
#include "editor/yamlsourcemap.h"

#include "kube/api/typeregistry.h"

#include <QElapsedTimer>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

QString deployment(int i)
{
    return QStringLiteral(
        "apiVersion: apps/v1\n"
        "kind: Deployment\n"
        "metadata:\n"
        "  name: web-%1\n"
        "  namespace: shop\n"
        "  labels:\n"
        "    app.kubernetes.io/name: web-%1\n"
        "    app.kubernetes.io/part-of: shop\n"
        "spec:\n"
        "  replicas: 3\n"
        "  selector:\n"
        "    matchLabels:\n"
        "      app.kubernetes.io/name: web-%1\n"
        "  strategy:\n"
        "    type: RollingUpdate\n"
        "    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}\n"
        "  template:\n"
        "    metadata:\n"
        "      labels:\n"
        "        app.kubernetes.io/name: web-%1\n"
        "    spec:\n"
        "      containers:\n"
        "      - name: app\n"
        "        image: registry.example.com/shop/web:1.%1.0\n"
        "        imagePullPolicy: IfNotPresent\n"
        "        args: [\"--port=8080\", \"--log-level=info\"]\n"
        "        ports:\n"
        "        - name: http\n"
        "          containerPort: 8080\n"
        "        env:\n"
        "        - name: DATABASE_URL\n"
        "          valueFrom:\n"
        "            secretKeyRef: {name: db, key: url}\n"
        "        resources:\n"
        "          requests: {cpu: 100m, memory: 128Mi}\n"
        "          limits: {memory: 256Mi}\n"
        "        readinessProbe:\n"
        "          httpGet: {path: /ready, port: http}\n"
        "---\n"
        "apiVersion: v1\n"
        "kind: Service\n"
        "metadata:\n"
        "  name: web-%1\n"
        "  namespace: shop\n"
        "spec:\n"
        "  selector:\n"
        "    app.kubernetes.io/name: web-%1\n"
        "  ports:\n"
        "  - name: http\n"
        "    port: 80\n"
        "    targetPort: http\n"
        "---\n").arg(i);
}

double medianMs(int runs, const std::function<void()> &work)
{
    std::vector<double> times;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        work();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

int main()
{
    QString text;
    int i = 0;
    while (text.count(u'\n') < 2000)
        text += deployment(i++);
    const int lines = int(text.count(u'\n'));
    (void)kube::TypeRegistry::builtin(); // loaded once per process, not per keystroke

    const timonel::ManifestValidator validator;
    const auto problems = validator.validate(text);
    std::printf("manifest: %d lines, %lld bytes, %d documents, %lld problems\n", lines, (long long)text.toUtf8().size(),
                int(timonel::YamlSourceMap::parse(text).documents().size()), (long long)problems.size());
    const double parse = medianMs(21, [&] { (void)timonel::YamlSourceMap::parse(text); });
    const double validate = medianMs(21, [&] { (void)validator.validate(text); });
    std::printf("source map (parse):           %.2f ms\n", parse);
    std::printf("validate (parse + schema):    %.2f ms\n", validate);

    // What the editor does after a keystroke: re-parse reusing the unchanged documents.
    const timonel::YamlSourceMap before = timonel::YamlSourceMap::parse(text);
    QString edited = text;
    edited.replace(u"replicas: 3\n"_qs, u"replicas: 4\n"_qs); // every Deployment: worst case
    QString oneEdit = text;
    oneEdit.insert(oneEdit.indexOf(u"image: registry"_qs, oneEdit.size() / 2), u"# typing\n        "_qs);
    const double incremental = medianMs(21, [&] { (void)validator.validate(timonel::YamlSourceMap::parse(oneEdit, before)); });
    const double allChanged = medianMs(21, [&] { (void)validator.validate(timonel::YamlSourceMap::parse(edited, before)); });
    std::printf("validate after an edit in one document (incremental parse): %.2f ms\n", incremental);
    std::printf("validate after edits in every Deployment (incremental):    %.2f ms\n", allChanged);

    // 5,000 lines, one line in 50 changed, a block of 40 inserted and one of 40 removed.
    QStringList left;
    QStringList right;
    for (int n = 0; n < 5000; ++n) {
        const QString line = QStringLiteral("  field%1: value %2").arg(n % 97).arg(n);
        left << line;
        if (n == 1000) {
            for (int k = 0; k < 40; ++k)
                right << QStringLiteral("  inserted%1: x").arg(k);
        }
        if (n >= 3000 && n < 3040)
            continue;
        right << (n % 50 == 7 ? line + u" (edited)"_qs : line);
    }
    QList<timonel::DiffRow> rows;
    const double diff = medianMs(11, [&] { rows = timonel::diffLines(left, right); });
    std::printf("line diff, 5,000 lines (~100 changed, +40/-40 blocks): %.2f ms, %lld rows\n", diff, (long long)rows.size());
    QStringList unrelated;
    for (int n = 0; n < 5000; ++n)
        unrelated << QStringLiteral("other %1").arg(n);
    const double worst = medianMs(5, [&] { rows = timonel::diffLines(left, unrelated); });
    std::printf("line diff, 5,000 lines with nothing in common:     %.2f ms, %lld rows\n", worst, (long long)rows.size());
    return 0;
}
