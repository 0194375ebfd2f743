#include "app/hugepageheap.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace timonel {

namespace {

constexpr const char *Tunables = "glibc.malloc.hugetlb=1";
// Set across the relaunch: "relaunched" (and the user's own GLIBC_TUNABLES, to restore).
constexpr const char *Marker = "TIMONEL_HUGEPAGE_HEAP";
constexpr const char *SavedTunables = "TIMONEL_GLIBC_TUNABLES_BEFORE";

// The selected mode of /sys/kernel/mm/transparent_hugepage/enabled ("always [madvise] never"),
// or "" when the file cannot be read (no THP in this kernel).
void readThpMode(char *mode, size_t size)
{
    mode[0] = '\0';
    FILE *f = std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "re");
    if (!f)
        return;
    char line[128] = {};
    const bool read = std::fgets(line, sizeof line, f) != nullptr;
    std::fclose(f);
    if (!read)
        return;
    const char *open = std::strchr(line, '[');
    const char *close = open ? std::strchr(open, ']') : nullptr;
    if (!open || !close || size_t(close - open - 1) >= size)
        return;
    std::memcpy(mode, open + 1, size_t(close - open - 1));
    mode[close - open - 1] = '\0';
}

} // namespace

const char *hugePageTunablesFor(const char *existing, const char *thpMode, char *buffer, unsigned long size)
{
    // "always": the heap already gets huge pages; "never" or unknown: nothing to ask for.
    if (!thpMode || std::strcmp(thpMode, "madvise") != 0)
        return "";
    if (existing && std::strstr(existing, "glibc.malloc.hugetlb"))
        return "";
    const int n = existing && *existing ? std::snprintf(buffer, size, "%s:%s", existing, Tunables)
                                        : std::snprintf(buffer, size, "%s", Tunables);
    if (n < 0 || static_cast<unsigned long>(n) >= size)
        return "";
    return buffer;
}

void relaunchWithHugePageHeap(char **argv)
{
    const char *marker = std::getenv(Marker);
    if (marker && std::strcmp(marker, "relaunched") == 0) {
        // The relaunched process: glibc has read its tunables; give children (kubectl, helm,
        // credential plugins) the environment the user started us with.
        const char *before = std::getenv(SavedTunables);
        if (before && *before)
            setenv("GLIBC_TUNABLES", before, 1);
        else
            unsetenv("GLIBC_TUNABLES");
        unsetenv(SavedTunables);
        unsetenv(Marker);
        return;
    }
    if (marker && std::strcmp(marker, "0") == 0)
        return;
    char mode[32];
    readThpMode(mode, sizeof mode);
    const char *existing = std::getenv("GLIBC_TUNABLES");
    char buffer[1024];
    const char *tunables = hugePageTunablesFor(existing, mode, buffer, sizeof buffer);
    if (!*tunables)
        return;
    if (setenv(SavedTunables, existing ? existing : "", 1) != 0 || setenv(Marker, "relaunched", 1) != 0
        || setenv("GLIBC_TUNABLES", tunables, 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    // execv failed: carry on without huge pages, with the environment as it was.
    if (existing)
        setenv("GLIBC_TUNABLES", existing, 1);
    else
        unsetenv("GLIBC_TUNABLES");
    unsetenv(SavedTunables);
    unsetenv(Marker);
}

} // namespace timonel
