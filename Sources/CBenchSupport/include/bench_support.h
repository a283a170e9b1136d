#ifndef LAUNCHC_BENCH_SUPPORT_H
#define LAUNCHC_BENCH_SUPPORT_H
#include <stddef.h>

/// Heap bytes in use according to glibc (small and mmapped blocks), for the benchmark.
size_t launchc_bench_heap_in_use(void);

#endif
