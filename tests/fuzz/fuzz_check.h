#pragma once

// Shared by the fuzz harnesses (tests/fuzz): a parser may refuse its input with
// InputError (that is its contract); anything else that escapes, and any broken
// promise about what it returned, is a bug. A harness aborts on a bug so libFuzzer and
// the corpus replay both report it with the input that caused it.
#include <cstdio>
#include <cstdlib>

#define SDLAB_FUZZ_REQUIRE(condition)                                                              \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__,         \
                         #condition);                                                              \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
