// Allocator settings for a process that checks one report after another (the CLI, the bench).
// Not part of the core: they set process-wide state, which the core never does.
#pragma once

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace nianbao::cli {

/// glibc gives freed memory back to the system as soon as more than 128 KB lies free at the top
/// of the heap, and serves every block of 128 KB or more by its own mmap. A check frees all it
/// allocated, so with those defaults each check of a report over a few KB shrank the heap
/// (a TLB flush on every core) and the next one faulted the same pages in again: a third of
/// the time of a 10 KB report, more than half of a 10 MB one (README, Measurements). Keeping
/// the memory costs nothing the peak did not already cost: a process holds at most what its
/// largest check needed. Other C libraries are left as they are.
inline void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);   // glibc's largest; blocks up to 32 MB come from the heap
  mallopt(M_TRIM_THRESHOLD, 256 << 20);  // above what a check of a 20 MiB input (the cap) needs
#endif
}

}  // namespace nianbao::cli
