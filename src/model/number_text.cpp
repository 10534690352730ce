// Numbers in the plan's two languages (number_text.hpp).
#include "dtiplan/model/number_text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "dtiplan/model/rounding.hpp"

namespace dtiplan {

std::string format_decimal(double value, Language lang, int max_decimals) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "∞" : "-∞";
    const int d = std::clamp(max_decimals, 0, 15);
    std::string s;
    if (std::fabs(value) >= 1e15) {  // fixed notation would print every digit
        std::array<char, 64> buf{};
        const int n = std::snprintf(buf.data(), buf.size(), "%.4g", value);
        s.assign(buf.data(), static_cast<std::size_t>(std::max(n, 0)));
    } else {
        const double scale = std::pow(10.0, d);
        double r = round_half_away_scaled(std::fabs(value) * scale) / scale;
        if (std::signbit(value)) r = -r;
        if (r == 0.0) r = 0.0;  // -0 -> 0
        std::array<char, 64> buf{};
        const auto [ptr, ec] =
            std::to_chars(buf.data(), buf.data() + buf.size(), r, std::chars_format::fixed, d);
        if (ec != std::errc{}) return "?";
        s.assign(buf.data(), ptr);
        if (s.find('.') != std::string::npos) {
            while (!s.empty() && s.back() == '0') s.pop_back();
            if (!s.empty() && s.back() == '.') s.pop_back();
        }
        if (s == "-0") s = "0";
    }
    if (lang == Language::Vietnamese) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

}  // namespace dtiplan
