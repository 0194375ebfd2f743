#pragma once
// FunctionPage: a QWizardPage whose validatePage() and isComplete() are functions, so a wizard
// can keep its pages' logic in one place without a class per page. refreshComplete() re-reads
// isComplete() (QWizard enables Next / Finish from it).
//
// GUI thread. Header-only.

#include <QWizardPage>

#include <functional>

namespace timonel {

class FunctionPage : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;

    std::function<bool()> validate;
    std::function<bool()> complete;

    bool validatePage() override { return validate ? validate() : true; }
    bool isComplete() const override { return complete ? complete() : QWizardPage::isComplete(); }
    void refreshComplete() { Q_EMIT completeChanged(); }
};

} // namespace timonel
