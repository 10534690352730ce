// Private to the library (not installed): the strict JSON reading helpers shared by the plan and
// framework readers. A Cursor is a position in a parsed document, the origin (file name) plus the
// JSON path, so that every error names where the bad input is ("plan.json: indicators[3].id").
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "dtiplan/error.hpp"
#include "utf8.hpp"

namespace dtiplan::detail {

/// A position in the document being read: the origin (file name) and the JSON path.
class Cursor {
public:
    using json = nlohmann::json;

    Cursor(const json& node, const std::string& origin, std::string path)
        : node_(node), origin_(origin), path_(std::move(path)) {}

    [[nodiscard]] const json& node() const noexcept { return node_; }
    [[nodiscard]] std::string where() const {
        return path_.empty() ? origin_ : origin_ + ": " + path_;
    }
    [[noreturn]] void fail(const std::string& what) const { throw FormatError(where(), what); }

    [[nodiscard]] Cursor at(std::string_view key) const {
        return Cursor(node_.at(std::string(key)), origin_, child_path(key));
    }
    [[nodiscard]] Cursor at(std::size_t index) const {
        return Cursor(node_.at(index), origin_, path_ + "[" + std::to_string(index) + "]");
    }
    [[nodiscard]] bool has(std::string_view key) const {
        return node_.contains(std::string(key)) && !node_.at(std::string(key)).is_null();
    }

    void expect_object(std::initializer_list<std::string_view> allowed) const {
        if (!node_.is_object()) fail("expected an object, found " + type_name());
        for (const auto& item : node_.items()) {
            if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end())
                Cursor(item.value(), origin_, child_path(item.key()))
                    .fail("unknown field (allowed: " + join(allowed) + ")");
        }
    }
    [[nodiscard]] Cursor required(std::string_view key) const {
        if (!has(key)) Cursor(node_, origin_, child_path(key)).fail("missing required field");
        return at(key);
    }

    [[nodiscard]] std::string string() const {
        if (!node_.is_string()) fail("expected a string, found " + type_name());
        return node_.get<std::string>();
    }
    [[nodiscard]] bool boolean() const {
        if (!node_.is_boolean()) fail("expected true or false, found " + type_name());
        return node_.get<bool>();
    }
    [[nodiscard]] double number() const {
        if (!node_.is_number()) fail("expected a number, found " + type_name());
        return node_.get<double>();
    }
    [[nodiscard]] int integer() const {
        if (!node_.is_number_integer()) fail("expected a whole number, found " + type_name());
        if (node_.is_number_unsigned() && node_.get<unsigned long long>() > 1000000ULL)
            fail("number out of range: " + std::to_string(node_.get<unsigned long long>()));
        const auto v = node_.get<long long>();
        if (v < -1000000 || v > 1000000) fail("number out of range: " + std::to_string(v));
        return static_cast<int>(v);
    }
    template <class F>
    void each(F&& f) const {
        if (!node_.is_array()) fail("expected an array, found " + type_name());
        for (std::size_t i = 0; i < node_.size(); ++i) f(at(i));
    }
    template <class E>
    [[nodiscard]] E enumeration(std::optional<E> (*from)(std::string_view),
                                std::initializer_list<std::string_view> spellings) const {
        const std::string s = string();
        if (auto v = from(s)) return *v;
        fail("expected one of " + join(spellings) + ", found \"" + s + "\"");
    }

private:
    [[nodiscard]] std::string child_path(std::string_view key) const {
        return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
    }
    [[nodiscard]] std::string type_name() const {
        return node_.is_null() ? "null" : std::string(node_.type_name());
    }
    static std::string join(std::initializer_list<std::string_view> items) {
        std::string out;
        for (auto s : items) {
            if (!out.empty()) out.append(", ");
            out.append(1, '"').append(s).append(1, '"');
        }
        return out;
    }

    const json& node_;
    const std::string& origin_;
    std::string path_;
};

/// "line 12, column 5" for a byte offset into text (1-based, columns counted in bytes).
inline std::string line_and_column(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

/// Refuses text that is not UTF-8 before it is parsed, naming the line and column and what the
/// file probably is: UTF-16 (a byte-order mark or zero bytes) or a code page such as
/// Windows-1258 (a byte that is not UTF-8).
inline void require_utf8(std::string_view text, const std::string& origin) {
    const bool bom16 = text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF";
    if (bom16 || text.substr(0, 4).find('\0') != std::string_view::npos)
        throw FormatError(origin + ": line 1",
                          "the file is UTF-16 text, not UTF-8; save it as UTF-8");
    const std::size_t bad = first_bad_utf8(text);
    if (bad != std::string_view::npos) {
        static constexpr char kHex[] = "0123456789ABCDEF";
        const auto c = static_cast<unsigned char>(text[bad]);
        throw FormatError(origin + ": " + line_and_column(text, bad),
                          std::string("the text is not UTF-8 (byte 0x") + kHex[c >> 4] +
                              kHex[c & 15] +
                              "; saved as Windows-1258 or another code page?); save it as UTF-8");
    }
}

/// A parser callback that refuses an object with the same key twice (the reading is strict:
/// nlohmann would keep the last silently), naming the key's JSON path.
inline nlohmann::json::parser_callback_t unique_keys(const std::string& origin) {
    struct Frame {
        bool object = true;
        std::string key;       // the object's current key
        long long index = -1;  // the array's current element
        std::vector<std::string> keys;
    };
    auto frames = std::make_shared<std::vector<Frame>>();
    const auto path = [frames] {
        std::string out;
        for (const Frame& f : *frames) {
            if (f.object) {
                if (f.keys.empty()) break;  // the last frame before its first key
                out += (out.empty() ? "" : ".") + f.key;
            } else {
                out += "[" + std::to_string(f.index) + "]";
            }
        }
        return out;
    };
    return
        [frames, path, origin](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
            using E = nlohmann::json::parse_event_t;
            const auto element = [&] {  // a value starts in an array
                if (!frames->empty() && !frames->back().object) ++frames->back().index;
            };
            switch (event) {
                case E::object_start:
                case E::array_start:
                    element();
                    frames->push_back(Frame{event == E::object_start, {}, -1, {}});
                    break;
                case E::object_end:
                case E::array_end:
                    if (!frames->empty()) frames->pop_back();
                    break;
                case E::key: {
                    Frame& f = frames->back();
                    std::string key = parsed.get<std::string>();
                    if (std::find(f.keys.begin(), f.keys.end(), key) != f.keys.end()) {
                        f.key = key;
                        throw FormatError(origin + ": " + path(),
                                          "the key \"" + key +
                                              "\" appears twice in one object; keep one of them");
                    }
                    f.keys.push_back(key);
                    f.key = std::move(key);
                    break;
                }
                case E::value: element(); break;
            }
            return true;
        };
}

/// Parse JSON text: UTF-8 required, decomposed letters composed (NFC), keys unique; a syntax
/// error is a FormatError naming the origin, line and column.
inline nlohmann::json parse_document(std::string_view json_text, const std::string& origin) {
    require_utf8(json_text, origin);
    const std::string nfc = to_nfc(json_text);  // decomposed Vietnamese composed
    json_text = nfc;
    try {
        return nlohmann::json::parse(json_text.begin(), json_text.end(), unique_keys(origin));
    } catch (const nlohmann::json::parse_error& e) {
        const std::string what = e.what();
        const auto pos = what.find("]: ");  // nlohmann: "[json.exception.parse_error.101] ..."
        throw FormatError(
            origin + ": " + line_and_column(json_text, e.byte > 0 ? e.byte - 1 : 0),
            "not valid JSON (" + (pos == std::string::npos ? what : what.substr(pos + 3)) + ")");
    } catch (const nlohmann::json::exception& e) {
        // A number too large for a double: "[json.exception.out_of_range.406] number overflow
        // parsing '1e999'" (no position given: the number's first occurrence is named).
        const std::string what = e.what();
        const auto quote = what.find('\'');
        const std::string number =
            quote == std::string::npos ? std::string{} : what.substr(quote + 1);
        const std::string token = number.empty() ? number : number.substr(0, number.size() - 1);
        const std::size_t at = token.empty() ? std::string_view::npos : json_text.find(token);
        throw FormatError(
            origin + (at == std::string_view::npos ? std::string{}
                                                   : ": " + line_and_column(json_text, at)),
            token.empty() ? "not valid JSON (" + what + ")"
                          : "the number " + token + " is too large (beyond about 1.8e308)");
    }
}

/// An optional string field: its text, or "" when the key is absent.
[[nodiscard]] inline std::string optional_string(const Cursor& c, std::string_view key) {
    return c.has(key) ? c.at(key).string() : std::string{};
}

}  // namespace dtiplan::detail
