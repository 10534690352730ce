// Reading and writing the Vietnamese target phrases of a plan. The grammar is documented in
// docs/target-phrases.md; in short a phrase is
//
//     [lead words] NUMBER "%" [ "/" ] [basis]        -> Rate
//     [lead words] NUMBER "/" NUMBER [basis]         -> CountOfTotal
//     [aspirational] ("Có" | "Không") [basis]        -> YesNo
//     <words stating an achievement, no % or N/M>    -> Milestone
//
// where the lead words set the comparator ("Trên", "Tối thiểu", "Bằng", ...) and whether the
// target is aspirational ("Phấn đấu", "Đạt theo kỳ vọng", ...). Input is UTF-8 in NFC (the
// precomposed form every Vietnamese keyboard and office suite produces); keywords are matched
// case-insensitively on a lowercase copy whose bytes line up one to one with the input.
#include "dtiplan/model/target_phrase.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

#include "dtiplan/error.hpp"
#include "dtiplan/model/number_text.hpp"

namespace dtiplan {
namespace {

// --- Errors -------------------------------------------------------------------------------------

constexpr std::string_view kExpected = R"((expected e.g. "Trên 80%", "100%", "9/9 ...", "Có ..."))";

/// Throws TargetPhraseError quoting the phrase, with an optional reason.
[[noreturn]] void fail(std::string_view phrase, std::string_view reason = {}) {
    std::string msg = "cannot read \"";
    msg += phrase;
    msg += "\" as a target";
    if (!reason.empty()) {
        msg += ": ";
        msg += reason;
    }
    msg += ' ';
    msg += kExpected;
    throw TargetPhraseError(std::string{}, msg);
}

// --- UTF-8 and case -----------------------------------------------------------------------------

/// Decodes the code point at s[i]; returns its byte length (0 when the bytes are not valid UTF-8).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    if ((b0 & 0xE0U) == 0xC0U) {
        len = 2;
        cp = b0 & 0x1FU;
    } else if ((b0 & 0xF0U) == 0xE0U) {
        len = 3;
        cp = b0 & 0x0FU;
    } else if ((b0 & 0xF8U) == 0xF0U) {
        len = 4;
        cp = b0 & 0x07U;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0U) != 0x80U) return 0;
        cp = (cp << 6U) | (b & 0x3FU);
    }
    return len;
}

std::size_t utf8_length(char32_t cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0U | (cp >> 6U));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0U | (cp >> 12U));
        out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    } else {
        out += static_cast<char>(0xF0U | (cp >> 18U));
        out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
        out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
        out += static_cast<char>(0x80U | (cp & 0x3FU));
    }
}

/// Lowercase of the letters Vietnamese writes (ASCII, Latin-1, Ă Đ Ĩ Ũ Ơ Ư and the precomposed
/// letters with tone marks, U+1EA0..U+1EF9). Every pair has the same UTF-8 length.
char32_t to_lower(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 0x20;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
    if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) && c % 2 == 0) return c + 1;
    if (c >= 0x139 && c <= 0x148 && c % 2 == 1) return c + 1;
    if (c == 0x1A0 || c == 0x1AF) return c + 1;  // Ơ, Ư
    if (((c >= 0x1E00 && c <= 0x1E95) || (c >= 0x1EA0 && c <= 0x1EFF)) && c % 2 == 0) return c + 1;
    return c;
}

/// A lowercase copy of s with exactly the same byte length, so that offsets carry over.
std::string lowercase(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = decode(s, i, cp);
        if (len == 0) {  // not UTF-8: copied as is
            out += s[i];
            ++i;
            continue;
        }
        const char32_t lo = to_lower(cp);
        if (utf8_length(lo) == len)
            encode(lo, out);
        else
            out.append(s.substr(i, len));
        i += len;
    }
    return out;
}

/// Whether the phrase holds combining marks (U+0300..U+036F): decomposed (NFD) text.
bool has_combining_marks(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t len = decode(s, i, cp);
        if (len == 0) {
            ++i;
            continue;
        }
        if (cp >= 0x300 && cp <= 0x36F) return true;
        i += len;
    }
    return false;
}

/// Byte length of the whitespace at s[i] (ASCII whitespace or a no-break space), or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    switch (s[i]) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case '\f':
        case '\v': return 1;
        default: break;
    }
    if (s.substr(i, 2) == "\xC2\xA0") return 2;  // U+00A0
    return 0;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (const std::size_t n = space_at(s, i)) i += n;
    return i;
}

bool is_digit(std::string_view s, std::size_t i) {
    return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

/// Trims whitespace and leading ",;:" and collapses each run of whitespace to one space.
std::string clean_basis(std::string_view s) {
    std::size_t i = skip_spaces(s, 0);
    while (i < s.size() && (s[i] == ',' || s[i] == ';' || s[i] == ':')) i = skip_spaces(s, i + 1);
    std::string out;
    bool pending_space = false;
    while (i < s.size()) {
        if (const std::size_t n = space_at(s, i)) {
            pending_space = true;
            i += n;
            continue;
        }
        if (pending_space && !out.empty()) out += ' ';
        pending_space = false;
        out += s[i];
        ++i;
    }
    return out;
}

// --- Vocabulary ---------------------------------------------------------------------------------

enum class Effect { Aspire, Filler, Above, AtLeast, Exactly };

struct Word {
    std::string_view text;  // lowercase, NFC
    Effect effect;
};

/// Words that may precede the number. The longest match wins, so "không thấp hơn" beats "không"
/// (which is not listed: alone it is the "no" of a yes/no target).
constexpr std::array kLeadWords{
    // Aspiration: "Phấn đấu" and the misspellings the plan itself uses ("Phần đầu", "Phân đấu").
    Word{"phấn đấu", Effect::Aspire},
    Word{"phần đầu", Effect::Aspire},
    Word{"phân đấu", Effect::Aspire},
    Word{"phấn đầu", Effect::Aspire},
    Word{"phần đấu", Effect::Aspire},
    Word{"phân đầu", Effect::Aspire},
    Word{"theo kỳ vọng", Effect::Aspire},
    Word{"kỳ vọng", Effect::Aspire},
    Word{"theo kì vọng", Effect::Aspire},
    Word{"kì vọng", Effect::Aspire},
    // "Đạt" (reach) and verbs that introduce a count ("Ứng dụng 9/9 nền tảng").
    Word{"đạt", Effect::Filler},
    Word{"ở mức", Effect::Filler},
    Word{"mức", Effect::Filler},
    Word{"ứng dụng", Effect::Filler},
    Word{"triển khai", Effect::Filler},
    Word{"sử dụng", Effect::Filler},
    Word{"kết nối", Effect::Filler},
    Word{"tích hợp", Effect::Filler},
    // Comparators.
    Word{"trên", Effect::Above},
    Word{"hơn", Effect::Above},
    Word{"cao hơn", Effect::Above},
    Word{"lớn hơn", Effect::Above},
    Word{"tối thiểu", Effect::AtLeast},
    Word{"ít nhất", Effect::AtLeast},
    Word{"không thấp hơn", Effect::AtLeast},
    Word{"không dưới", Effect::AtLeast},
    Word{"không ít hơn", Effect::AtLeast},
    Word{"bằng", Effect::Exactly},
    Word{"đúng", Effect::Exactly},
};

/// A numberless phrase containing one of these states an achievement (a milestone).
constexpr std::array<std::string_view, 10> kMilestoneWords{
    "đạt chuẩn", "được công nhận", "công nhận", "hoàn thành", "đưa vào vận hành",
    "vận hành",  "được phê duyệt", "phê duyệt", "triển khai", "đạt mốc"};

// --- The reader ---------------------------------------------------------------------------------

class Reader {
public:
    explicit Reader(std::string_view phrase) : phrase_(phrase) {
        const std::size_t begin = skip_spaces(phrase, 0);
        std::size_t end = phrase.size();
        while (end > begin) {  // trailing whitespace, including a trailing no-break space
            if (end - begin >= 2 && phrase.substr(end - 2, 2) == "\xC2\xA0")
                end -= 2;
            else if (space_at(phrase, end - 1) == 1)
                --end;
            else
                break;
        }
        text_ = phrase.substr(begin, end - begin);
        low_ = lowercase(text_);
    }

    TargetValue read() {
        if (text_.empty()) fail(phrase_, "the phrase is empty");
        TargetValue v;
        std::size_t pos = 0;
        bool has_comparator = false;
        while (pos < low_.size()) {
            const Word* w = lead_word_at(pos);
            if (w == nullptr) break;
            switch (w->effect) {
                case Effect::Aspire: v.aspirational = true; break;
                case Effect::Filler: break;
                case Effect::Above:
                case Effect::AtLeast:
                case Effect::Exactly:
                    if (has_comparator) fail(phrase_, "two comparators");
                    has_comparator = true;
                    v.comparator = w->effect == Effect::Above     ? Comparator::Above
                                   : w->effect == Effect::AtLeast ? Comparator::AtLeast
                                                                  : Comparator::Exactly;
                    break;
            }
            pos = skip_spaces(low_, pos + w->text.size());
        }

        if (negative_number_at(pos)) fail(phrase_, "a negative number");
        if (is_digit(low_, pos)) return read_number(v, pos);

        // No number where one would be: yes/no, a milestone, or unreadable.
        if (!has_comparator) {
            if (const std::size_t after = word_at(pos, "có"); after != 0) {
                if (is_digit(low_, skip_spaces(low_, after)))
                    return read_number(v, skip_spaces(low_, after));
                return yes_no(v, 1.0, after);
            }
            if (const std::size_t after = word_at(pos, "không"); after != 0) {
                if (is_digit(low_, skip_spaces(low_, after)))
                    fail(phrase_, "\"Không\" before a number");
                return yes_no(v, 0.0, after);
            }
            if (states_achievement()) {
                if (has_number_target())
                    fail(phrase_,
                         "a percentage or N/M must come first, after words such as "
                         "\"Trên\", \"Đạt\", \"Phấn đấu\"");
                v.kind = MeasureKind::Milestone;
                v.comparator = Comparator::Exactly;
                v.value = 1.0;
                v.basis = clean_basis(text_);
                return v;
            }
        }
        if (has_combining_marks(text_))
            fail(phrase_, "the text is decomposed Unicode (NFD); write it precomposed (NFC)");
        if (has_number_target())
            fail(phrase_,
                 "a percentage or N/M must come first, after words such as \"Trên\", "
                 "\"Đạt\", \"Phấn đấu\"");
        fail(phrase_);
    }

private:
    /// True when s[i] ends a word: end of text, whitespace, ASCII punctuation or a digit.
    [[nodiscard]] bool boundary(std::size_t i) const {
        if (i >= low_.size()) return true;
        if (space_at(low_, i) != 0) return true;
        const auto c = static_cast<unsigned char>(low_[i]);
        return c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    }

    /// The end of `word` when it stands at pos as a whole word, else 0.
    [[nodiscard]] std::size_t word_at(std::size_t pos, std::string_view word) const {
        if (low_.compare(pos, word.size(), word) != 0) return 0;
        return boundary(pos + word.size()) ? pos + word.size() : 0;
    }

    [[nodiscard]] const Word* lead_word_at(std::size_t pos) const {
        const Word* best = nullptr;
        for (const Word& w : kLeadWords)
            if (word_at(pos, w.text) != 0 && (best == nullptr || w.text.size() > best->text.size()))
                best = &w;
        return best;
    }

    [[nodiscard]] bool negative_number_at(std::size_t pos) const {
        std::size_t n = 0;
        if (pos < low_.size() && low_[pos] == '-')
            n = 1;
        else if (low_.compare(pos, 3, "\xE2\x88\x92") == 0)  // U+2212 minus sign
            n = 3;
        return n != 0 && is_digit(low_, skip_spaces(low_, pos + n));
    }

    [[nodiscard]] bool states_achievement() const {
        for (std::string_view w : kMilestoneWords)
            if (low_.find(w) != std::string::npos) return true;
        return false;
    }

    /// Whether the phrase holds a percentage or an N/M anywhere.
    [[nodiscard]] bool has_number_target() const {
        for (std::size_t i = 0; i < low_.size(); ++i) {
            if (!is_digit(low_, i)) continue;
            std::size_t j = i;
            while (is_digit(low_, j) ||
                   (j < low_.size() && (low_[j] == ',' || low_[j] == '.') && is_digit(low_, j + 1)))
                ++j;
            j = skip_spaces(low_, j);
            if (percent_at(j) != 0) return true;
            if (j < low_.size() && low_[j] == '/' && is_digit(low_, skip_spaces(low_, j + 1)))
                return true;
            i = j;
        }
        return false;
    }

    /// The end of a percent sign ("%", full-width "％" or the words "phần trăm") at pos, else 0.
    [[nodiscard]] std::size_t percent_at(std::size_t pos) const {
        if (pos < low_.size() && low_[pos] == '%') return pos + 1;
        if (low_.compare(pos, 3, "\xEF\xBC\x85") == 0) return pos + 3;  // U+FF05
        return word_at(pos, "phần trăm");
    }

    /// Reads digits with an optional decimal comma or point at pos; returns the decimal text
    /// normalised to "123.45" and moves pos past it.
    std::string number_at(std::size_t& pos) const {
        std::string out;
        while (is_digit(low_, pos)) out += low_[pos++];
        if (pos < low_.size() && (low_[pos] == ',' || low_[pos] == '.') &&
            is_digit(low_, pos + 1)) {
            out += '.';
            ++pos;
            while (is_digit(low_, pos)) out += low_[pos++];
        }
        return out;
    }

    [[nodiscard]] double to_double(const std::string& decimal) const {
        double d = 0.0;
        const auto [ptr, ec] = std::from_chars(decimal.data(), decimal.data() + decimal.size(), d);
        if (ec != std::errc{} || ptr != decimal.data() + decimal.size() || !std::isfinite(d))
            fail(phrase_, "the number is out of range");
        return d;
    }

    TargetValue read_number(TargetValue v, std::size_t pos) const {
        const std::string number = number_at(pos);
        const std::size_t after_number = skip_spaces(low_, pos);

        if (const std::size_t after_percent = percent_at(after_number); after_percent != 0) {
            if (to_double(number) > 1000.0) fail(phrase_, "a percentage over 1000%");
            v.kind = MeasureKind::Rate;
            // Divide by 100 in decimal, so that "80" gives exactly the double nearest 0.8.
            v.value = to_double(number + "e-2");
            std::size_t rest = skip_spaces(low_, after_percent);
            if (rest < low_.size() && low_[rest] == '/') {
                ++rest;  // "10%/tổng số cán bộ ...": the basis follows the slash
            } else if (const std::size_t e = word_at(rest, "trở lên"); e != 0) {
                rest = e;  // "80% trở lên" = at least 80%
            }
            v.basis = clean_basis(text_.substr(rest));
            return v;
        }

        if (after_number < low_.size() && low_[after_number] == '/') {
            std::size_t den_pos = skip_spaces(low_, after_number + 1);
            if (is_digit(low_, den_pos)) {
                v.kind = MeasureKind::CountOfTotal;
                v.value = to_double(number);
                const double den = to_double(number_at(den_pos));
                if (den <= 0.0) fail(phrase_, "a total of 0");
                v.denominator = den;
                const std::size_t rest = skip_spaces(low_, den_pos);
                if (percent_at(rest) != 0) fail(phrase_, "a percent sign after N/M");
                v.basis = clean_basis(text_.substr(rest));
                return v;
            }
        }
        fail(phrase_, "a number with no \"%\" and no \"/\"");
    }

    TargetValue yes_no(TargetValue v, double value, std::size_t after) const {
        v.kind = MeasureKind::YesNo;
        v.comparator = Comparator::Exactly;
        v.value = value;
        v.basis = clean_basis(text_.substr(after));
        return v;
    }

    std::string_view phrase_;  // as given, for messages
    std::string_view text_;    // trimmed
    std::string low_;          // lowercase copy of text_, same byte offsets
};

// --- Formatting ---------------------------------------------------------------------------------

/// Up to two decimals, a comma in Vietnamese.
std::string format_number(double x, Language lang) { return format_decimal(x, lang, 2); }

}  // namespace

TargetValue parse_target_phrase(std::string_view phrase) { return Reader(phrase).read(); }

std::string_view comparator_word(Comparator c, Language lang, bool lower) {
    if (lang == Language::English) {
        switch (c) {
            case Comparator::Above: return "above";
            case Comparator::AtLeast: return "at least";
            case Comparator::Exactly: return "exactly";
        }
        return "";
    }
    switch (c) {
        case Comparator::Above: return lower ? "trên" : "Trên";
        case Comparator::AtLeast: return lower ? "đạt" : "Đạt";
        case Comparator::Exactly: return lower ? "bằng" : "Bằng";
    }
    return "";
}

std::string format_target(const TargetValue& v, Language lang) {
    const bool vi = lang == Language::Vietnamese;
    // After "Phấn đấu " the Vietnamese words are written in lowercase ("Phấn đấu đạt 10%").
    const bool lower = vi && v.aspirational;
    std::string out;
    if (v.aspirational) out = vi ? "Phấn đấu " : "aim: ";
    switch (v.kind) {
        case MeasureKind::Rate:
            out += comparator_word(v.comparator, lang, lower);
            out += ' ';
            out += format_number(v.value * 100.0, lang);
            out += '%';
            break;
        case MeasureKind::CountOfTotal:
            out += comparator_word(v.comparator, lang, lower);
            out += ' ';
            out += format_number(v.value, lang);
            if (v.denominator) {
                out += '/';
                out += format_number(*v.denominator, lang);
            }
            break;
        case MeasureKind::YesNo:
            if (v.value >= 0.5)
                out += vi ? (lower ? "có" : "Có") : "yes";
            else
                out += vi ? (lower ? "không" : "Không") : "no";
            break;
        case MeasureKind::Milestone:
            out += vi ? (lower ? "đạt mốc" : "Đạt mốc") : "milestone reached";
            break;
    }
    return out;
}

}  // namespace dtiplan
