// What launchc needs from the C library that Swift's Glibc module does not show.
#ifndef LAUNCHC_SUPPORT_H
#define LAUNCHC_SUPPORT_H

#include <stdint.h>

/// The lowest address of the calling thread's stack (where it stops growing down), or 0 when
/// the system does not say. Found with pthread_getattr_np, which needs _GNU_SOURCE.
uintptr_t launchc_stack_bottom(void);

/// Where the calling thread's stack is now: the frame address of this (never inlined)
/// function. Not the address of a local, which address sanitizer may move to a heap
/// "fake stack" (detect_stack_use_after_return), far from the real one.
uintptr_t launchc_stack_pointer(void);

#endif
