// A C view of RE2 (Debian's libre2-dev), for the one Swift wrapper that uses it (Sources/Patterns).
// RE2 matches in time linear in the text: no backtracking, so no pattern can take exponential time.
// Offsets are bytes of UTF-8 text.
#ifndef CRE2SHIM_H
#define CRE2SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct MRPattern MRPattern;

/// Compiles `pattern` (RE2 syntax, UTF-8). On failure returns NULL and writes RE2's message (NUL-terminated,
/// truncated to `error_capacity`) into `error`. `max_memory` bounds the compiled program and its DFA cache.
MRPattern *mr_pattern_compile(const char *pattern, size_t length, int case_insensitive, int64_t max_memory,
                              char *error, size_t error_capacity);
void mr_pattern_free(MRPattern *pattern);

/// Capturing groups, not counting the whole match.
int mr_pattern_group_count(const MRPattern *pattern);
/// Named groups: how many, and the i-th one's name (NUL-terminated, owned by the pattern) and group number.
int mr_pattern_named_group_count(const MRPattern *pattern);
const char *mr_pattern_named_group(const MRPattern *pattern, int i, int *group);

/// The leftmost match starting at or after byte `start` (the text before `start` is context for `^`, `\b`).
/// Fills `offsets` with `pairs` (begin, end) byte pairs, whole match first; -1 for a group that took no part.
/// Returns 1 for a match, 0 for none.
int mr_pattern_match(const MRPattern *pattern, const char *text, size_t length, size_t start,
                     int64_t *offsets, int pairs);

#ifdef __cplusplus
}
#endif

#endif
