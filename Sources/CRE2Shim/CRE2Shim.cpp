#include "CRE2Shim.h"

#include <re2/re2.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

struct MRPattern {
    re2::RE2 *re;
    std::vector<std::pair<std::string, int>> names;
};

extern "C" MRPattern *mr_pattern_compile(const char *pattern, size_t length, int case_insensitive,
                                         int64_t max_memory, char *error, size_t error_capacity) {
    re2::RE2::Options options;
    options.set_encoding(re2::RE2::Options::EncodingUTF8);
    options.set_log_errors(false);
    options.set_case_sensitive(case_insensitive == 0);
    options.set_max_mem(max_memory);
    re2::RE2 *re = new re2::RE2(re2::StringPiece(pattern, length), options);
    if (!re->ok()) {
        if (error != nullptr && error_capacity > 0) {
            std::string message = re->error();
            size_t n = message.size() < error_capacity - 1 ? message.size() : error_capacity - 1;
            std::memcpy(error, message.data(), n);
            error[n] = '\0';
        }
        delete re;
        return nullptr;
    }
    MRPattern *p = new MRPattern();
    p->re = re;
    for (const auto &entry : re->NamedCapturingGroups()) {
        p->names.emplace_back(entry.first, entry.second);
    }
    return p;
}

extern "C" void mr_pattern_free(MRPattern *pattern) {
    if (pattern == nullptr) return;
    delete pattern->re;
    delete pattern;
}

extern "C" int mr_pattern_group_count(const MRPattern *pattern) { return pattern->re->NumberOfCapturingGroups(); }

extern "C" int mr_pattern_named_group_count(const MRPattern *pattern) { return static_cast<int>(pattern->names.size()); }

extern "C" const char *mr_pattern_named_group(const MRPattern *pattern, int i, int *group) {
    if (i < 0 || static_cast<size_t>(i) >= pattern->names.size()) return nullptr;
    if (group != nullptr) *group = pattern->names[i].second;
    return pattern->names[i].first.c_str();
}

extern "C" int mr_pattern_match(const MRPattern *pattern, const char *text, size_t length, size_t start,
                                int64_t *offsets, int pairs) {
    static const char empty[1] = {0};
    if (text == nullptr) { text = empty; length = 0; }
    if (start > length || pairs < 1) return 0;
    std::vector<re2::StringPiece> groups(static_cast<size_t>(pairs));
    re2::StringPiece subject(text, length);
    if (!pattern->re->Match(subject, start, length, re2::RE2::UNANCHORED, groups.data(), pairs)) return 0;
    for (int i = 0; i < pairs; i++) {
        if (groups[i].data() == nullptr) {
            offsets[2 * i] = -1;
            offsets[2 * i + 1] = -1;
        } else {
            offsets[2 * i] = static_cast<int64_t>(groups[i].data() - text);
            offsets[2 * i + 1] = static_cast<int64_t>(groups[i].data() - text + groups[i].size());
        }
    }
    return 1;
}
