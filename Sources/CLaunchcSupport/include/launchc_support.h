// What launchc needs from the C library that Swift's Glibc module does not show.
#ifndef LAUNCHC_SUPPORT_H
#define LAUNCHC_SUPPORT_H

#include <stdint.h>

/// The lowest address of the calling thread's stack (where it stops growing down), or 0 when
/// the system does not say. Found with pthread_getattr_np, which needs _GNU_SOURCE.
uintptr_t launchc_stack_bottom(void);

#endif
