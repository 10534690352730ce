// Private to the library (not installed): UTF-8 checks, and text made fit for a one-line message
// (valid UTF-8, no line breaks, short), shared by the readers and by the error classes.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "nfc_table.hpp"

namespace dtiplan::detail {

/// The length of the UTF-8 sequence starting at s[i] (1 to 4), or 0 when the bytes there are
/// not one (a stray continuation byte, an overlong form, a surrogate, a cut sequence). The
/// well-formed sequences of the Unicode Standard's Table 3-7, byte ranges checked directly: the
/// readers call this on every letter with a diacritic, a quarter of a Vietnamese file's bytes.
[[nodiscard]] inline std::size_t utf8_length(std::string_view s, std::size_t i) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    const std::size_t left = s.size() - i;
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const auto cont = [](unsigned char b) { return (b & 0xC0u) == 0x80u; };
    if (b0 < 0xC2) return 0;  // a continuation byte, or an overlong 2-byte form
    if (b0 < 0xE0) return left >= 2 && cont(at(1)) ? 2 : 0;
    if (b0 < 0xF0) {
        if (left < 3) return 0;
        const unsigned char b1 = at(1);
        const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80;  // E0: no overlong form
        const unsigned char hi = b0 == 0xED ? 0x9F : 0xBF;  // ED: no surrogate
        return b1 >= lo && b1 <= hi && cont(at(2)) ? 3 : 0;
    }
    if (b0 < 0xF5) {
        if (left < 4) return 0;
        const unsigned char b1 = at(1);
        const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80;  // F0: no overlong form
        const unsigned char hi = b0 == 0xF4 ? 0x8F : 0xBF;  // F4: nothing past U+10FFFF
        return b1 >= lo && b1 <= hi && cont(at(2)) && cont(at(3)) ? 4 : 0;
    }
    return 0;
}

/// The byte offset of the first byte that is not UTF-8, or npos when the text is valid UTF-8.
[[nodiscard]] inline std::size_t first_bad_utf8(std::string_view s) noexcept {
    for (std::size_t i = 0; i < s.size();) {
        // Eight ASCII bytes at a time: most of a CSV file (codes, dates, numbers) is ASCII.
        while (i + 8 <= s.size()) {
            std::uint64_t word = 0;
            std::memcpy(&word, s.data() + i, 8);
            if ((word & 0x8080808080808080ULL) != 0) break;
            i += 8;
        }
        if (i >= s.size()) break;
        const std::size_t len = utf8_length(s, i);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

/// The 1-based line of the first byte that is not UTF-8, or 0 when the text is valid UTF-8.
[[nodiscard]] inline std::size_t first_bad_utf8_line(std::string_view s) noexcept {
    const std::size_t bad = first_bad_utf8(s);
    if (bad == std::string_view::npos) return 0;
    std::size_t line = 1;
    for (std::size_t i = 0; i < bad; ++i)
        if (s[i] == '\n') ++line;
    return line;
}

/// False when `s` holds no combining mark of U+0300..U+036F (the lead bytes 0xCC, 0xCD): then
/// to_nfc(s) is s.
[[nodiscard]] inline bool may_need_nfc(std::string_view s) noexcept {
    return s.find('\xCC') != std::string_view::npos || s.find('\xCD') != std::string_view::npos;
}

/// Valid UTF-8 text with its decomposed Latin letters composed (Unicode NFC for them): "tháng"
/// typed as "tha\u0301ng" (some input methods, macOS file names) reads as "tháng", so that periods,
/// ids and names compare equal to the plan's. Marks are composed with the letter before them
/// unless blocked (Unicode's canonical composition); text without combining marks of
/// U+0300-U+036F is returned as it is.
[[nodiscard]] inline std::string to_nfc(std::string_view s) {
    if (!may_need_nfc(s)) return std::string(s);
    std::u32string cps;
    cps.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_length(s, i);
        if (len == 0) return std::string(s);  // not UTF-8: left to the caller's check
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        cps.push_back(cp);
        i += len;
    }
    std::u32string out;
    out.reserve(cps.size());
    std::size_t starter = std::u32string::npos;
    int last = 0;  // the combining class of the last mark left after the starter (0: none)
    for (const char32_t c : cps) {
        const int ccc = combining_class(c);
        if (ccc != 0 && starter != std::u32string::npos && (last == 0 || last < ccc)) {
            const NfcPair key{out[starter], c, 0};
            const auto it = std::lower_bound(
                kNfcPairs.begin(), kNfcPairs.end(), key, [](const NfcPair& a, const NfcPair& b) {
                    return a.base != b.base ? a.base < b.base : a.mark < b.mark;
                });
            if (it != kNfcPairs.end() && it->base == key.base && it->mark == key.mark) {
                out[starter] = it->composed;
                continue;
            }
        }
        out.push_back(c);
        if (ccc == 0) {
            starter = out.size() - 1;
            last = 0;
        } else {
            last = ccc;
        }
    }
    std::string text;
    text.reserve(s.size());
    for (const char32_t cp : out) {
        if (cp < 0x80) {
            text += static_cast<char>(cp);
        } else if (cp < 0x800) {
            text += static_cast<char>(0xC0 | (cp >> 6));
            text += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            text += static_cast<char>(0xE0 | (cp >> 12));
            text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            text += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            text += static_cast<char>(0xF0 | (cp >> 18));
            text += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            text += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            text += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return text;
}

/// At most `max_bytes` of `s` from its start, cut between characters (never inside one).
[[nodiscard]] inline std::string_view utf8_prefix(std::string_view s,
                                                  std::size_t max_bytes) noexcept {
    if (s.size() <= max_bytes) return s;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0u) == 0x80u) --end;
    return s.substr(0, end);
}

/// Text for a one-line message: bytes that are not UTF-8 and control characters written as
/// escapes (\n, \r, \t, \xff: as Python's "backslashreplace" writes a file name's bad bytes),
/// and, when longer than `max_bytes`, its start and end with " … " between, cut between
/// characters (the start says where, the end what is wrong near the bad spot).
[[nodiscard]] inline std::string message_text(std::string_view s, std::size_t max_bytes = 480) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(s.size() < max_bytes ? s.size() : max_bytes);
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_length(s, i);
        const auto c = static_cast<unsigned char>(s[i]);
        if (len == 0 || c < 0x20 || c == 0x7F) {
            if (c == '\n')
                out += "\\n";
            else if (c == '\r')
                out += "\\r";
            else if (c == '\t')
                out += "\\t";
            else
                out.append("\\x").append(1, kHex[c >> 4]).append(1, kHex[c & 15]);
            ++i;
        } else {
            out.append(s.substr(i, len));
            i += len;
        }
    }
    if (out.size() <= max_bytes) return out;
    const auto boundary = [&](std::size_t at) {  // back to the start of a character
        while (at > 0 && (static_cast<unsigned char>(out[at]) & 0xC0u) == 0x80u) --at;
        return at;
    };
    constexpr std::string_view kGap = " … ";
    const std::size_t keep = max_bytes - kGap.size();
    const std::size_t head = boundary(keep / 2 + keep / 10);
    const std::size_t tail = boundary(out.size() - (keep - head));
    return out.substr(0, head) + std::string(kGap) + out.substr(tail);
}

}  // namespace dtiplan::detail
