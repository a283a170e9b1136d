#define _GNU_SOURCE
#include "launchc_support.h"

#include <pthread.h>

uintptr_t launchc_stack_bottom(void) {
#if defined(__linux__)
    pthread_attr_t attributes;
    if (pthread_getattr_np(pthread_self(), &attributes) != 0) return 0;
    void *address = 0;
    size_t size = 0;
    int failed = pthread_attr_getstack(&attributes, &address, &size);
    pthread_attr_destroy(&attributes);
    return failed ? 0 : (uintptr_t)address;
#elif defined(__APPLE__)
    pthread_t self = pthread_self();
    return (uintptr_t)pthread_get_stackaddr_np(self) - pthread_get_stacksize_np(self);
#else
    return 0;
#endif
}

__attribute__((noinline)) uintptr_t launchc_stack_pointer(void) {
    return (uintptr_t)__builtin_frame_address(0);
}
