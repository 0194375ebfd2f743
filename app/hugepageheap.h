#pragma once
// Huge pages for the heap. Loading a large cluster fills ~70 MB of fresh heap in a few hundred
// milliseconds, and on a kernel whose transparent huge pages are in `madvise` mode (Debian's
// default) most of that time is the kernel faulting in and zeroing 4 KiB pages, one by one
// (docs/benchmarks.md: the 10k-pod list into the cache costs ~3x more on a cold heap than on
// reused memory). glibc backs its heap with huge pages when the tunable glibc.malloc.hugetlb=1 is
// set — but tunables are read before main() runs, so the process relaunches itself once with it.
//
// Called first thing in main(), before any thread or Qt object exists. Cost: one execve (a few
// ms) when it relaunches; nothing otherwise.

namespace timonel {

// Relaunches the process (execv of /proc/self/exe with the same arguments) with
// GLIBC_TUNABLES extended by glibc.malloc.hugetlb=1, when:
// the kernel offers THP in madvise mode, the tunable is not set yet, and
// TIMONEL_HUGEPAGE_HEAP is not "0" (the way to opt out). Returns only when it did not relaunch
// (or execv failed). In the relaunched process it restores the user's GLIBC_TUNABLES, so
// programs Timonel starts (kubectl, helm, credential plugins) see the environment unchanged.
void relaunchWithHugePageHeap(char **argv);

// The tunables the relaunch adds to an existing GLIBC_TUNABLES value ("" when none):
// "glibc.malloc.hugetlb=1", appended with ':'. Empty when the
// value already chooses glibc.malloc.hugetlb (the user's choice wins).
// thpMode is the bracketed word of /sys/kernel/mm/transparent_hugepage/enabled.
const char *hugePageTunablesFor(const char *existing, const char *thpMode, char *buffer, unsigned long size);

} // namespace timonel
