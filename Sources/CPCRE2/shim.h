#ifndef FLOWTRACE_CPCRE2_SHIM_H
#define FLOWTRACE_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/// PCRE2's "unset" offset and zero-terminated length are macros of casts: expose them as constants.
static const PCRE2_SIZE flowtrace_pcre2_unset = PCRE2_UNSET;
static const PCRE2_SIZE flowtrace_pcre2_zero_terminated = PCRE2_ZERO_TERMINATED;
#endif
