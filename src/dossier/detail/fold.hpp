// Private to the dossier layer: Vietnamese text folded for comparison, so that "Trực tuyến",
// "TRỰC TUYẾN", "truc tuyen" and "truc_tuyen" (and headers "Mã hồ sơ" / "ma_ho_so") compare equal:
// diacritics dropped (precomposed or combining), letters lowercased, "_" and runs of blanks as
// one space, edges trimmed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace dtiplan::detail {

/// The base letter of a Vietnamese letter with diacritics (lowercase), 0 for other code points.
[[nodiscard]] inline char vietnamese_base(char32_t cp) noexcept {
    // U+1EA0..U+1EF9, upper/lower pairs: 12 A, 8 E, 2 I, 12 O, 7 U, 4 Y.
    static constexpr std::string_view extended =
        "aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyy"
        "y";
    if (cp >= 0x1EA0 && cp < 0x1EA0 + extended.size()) return extended[cp - 0x1EA0];
    if (cp >= 0xC0 && cp <= 0xFD) {
        const char32_t c = cp >= 0xE0 ? cp - 0x20 : cp;
        if (c >= 0xC0 && c <= 0xC3) return 'a';
        if (c >= 0xC8 && c <= 0xCA) return 'e';
        if (c == 0xCC || c == 0xCD) return 'i';
        if (c >= 0xD2 && c <= 0xD5) return 'o';
        if (c == 0xD9 || c == 0xDA) return 'u';
        if (c == 0xDD) return 'y';
        return 0;
    }
    switch (cp) {
        case 0x102:
        case 0x103: return 'a';
        case 0x110:
        case 0x111: return 'd';
        case 0x128:
        case 0x129: return 'i';
        case 0x168:
        case 0x169: return 'u';
        case 0x1A0:
        case 0x1A1: return 'o';
        case 0x1AF:
        case 0x1B0: return 'u';
        default: return 0;
    }
}

[[nodiscard]] inline std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            if (c == ' ' || c == '_' || c == '\t' || c == '\r' || c == '\n') {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            continue;
        }
        std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (i + len > s.size()) len = s.size() - i;
        char32_t cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
        const std::string_view bytes = s.substr(i, len);
        i += len;
        if (cp >= 0x300 && cp <= 0x36F) continue;  // combining marks (decomposed text)
        if (space) out += ' ';
        space = false;
        if (const char base = vietnamese_base(cp))
            out += base;
        else
            out += bytes;
    }
    return out;
}

}  // namespace dtiplan::detail
