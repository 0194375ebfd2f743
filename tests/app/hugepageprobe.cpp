// hugepageprobe: a stand-in for Timonel's executables in tst_hugepageheap. It relaunches itself as
// they do, then fills 96 MiB of heap the way a 10k-pod cache does (many ~4 KiB blocks, each
// touched) and prints what the test checks:
//   tunables=<GLIBC_TUNABLES as the process now sees it, or "(unset)">
//   anonhuge_kb=<AnonHugePages of /proc/self/smaps_rollup>
#include "app/hugepageheap.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

int main(int, char **argv)
{
    timonel::relaunchWithHugePageHeap(argv);

    std::vector<char *> blocks;
    for (int i = 0; i < 96 * 256; ++i) {
        char *b = static_cast<char *>(std::malloc(4000));
        std::memset(b, i & 0xff, 4000);
        blocks.push_back(b);
    }
    long anonHugeKb = 0;
    if (FILE *f = std::fopen("/proc/self/smaps_rollup", "re")) {
        char line[256];
        while (std::fgets(line, sizeof line, f)) {
            if (std::strncmp(line, "AnonHugePages:", 14) == 0)
                anonHugeKb = std::strtol(line + 14, nullptr, 10);
        }
        std::fclose(f);
    }
    const char *tunables = std::getenv("GLIBC_TUNABLES");
    std::printf("tunables=%s\nanonhuge_kb=%ld\n", tunables ? tunables : "(unset)", anonHugeKb);
    for (char *b : blocks)
        std::free(b);
    return 0;
}
