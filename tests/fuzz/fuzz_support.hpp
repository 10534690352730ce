// What every fuzz target checks besides "no crash": a dtiplan error's message is one line of
// valid UTF-8 of bounded length (include/dtiplan/error.hpp), whatever the input held. A
// violation aborts, which libFuzzer reports as a finding with the input that caused it.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "dtiplan/error.hpp"

namespace dtiplan_fuzz {

inline bool one_line_of_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '\n' || c == '\r') return false;
        std::size_t len = c < 0x80    ? 1
                          : c >= 0xF5 ? 0
                          : c >= 0xF0 ? 4
                          : c >= 0xE0 ? 3
                          : c >= 0xC2 ? 2
                                      : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

/// Aborts unless the error's message is what a user may be shown.
inline void check_message(const dtiplan::Error& e) {
    const std::string_view what = e.what();
    if (!one_line_of_utf8(what) || what.size() > 2000 || what.empty()) std::abort();
}

}  // namespace dtiplan_fuzz
