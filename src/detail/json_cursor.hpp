// Private to the library (not installed): the strict JSON reading helpers shared by the plan and
// framework readers. A Cursor is a position in a parsed document, the origin (file name) plus the
// JSON path, so that every error names where the bad input is ("plan.json: indicators[3].id").
#pragma once

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "dtiplan/error.hpp"

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

/// Parse JSON text; a syntax error is a FormatError naming the origin, line and column.
inline nlohmann::json parse_document(std::string_view json_text, const std::string& origin) {
    try {
        return nlohmann::json::parse(json_text.begin(), json_text.end());
    } catch (const nlohmann::json::parse_error& e) {
        const std::string what = e.what();
        const auto pos = what.find("]: ");  // nlohmann: "[json.exception.parse_error.101] ..."
        throw FormatError(
            origin + ": " + line_and_column(json_text, e.byte > 0 ? e.byte - 1 : 0),
            "not valid JSON (" + (pos == std::string::npos ? what : what.substr(pos + 3)) + ")");
    }
}

/// An optional string field: its text, or "" when the key is absent.
[[nodiscard]] inline std::string optional_string(const Cursor& c, std::string_view key) {
    return c.has(key) ? c.at(key).string() : std::string{};
}

}  // namespace dtiplan::detail
