// Numbers as people write them in the plan's two languages: at most a few decimals, no trailing
// zeros, a decimal comma in Vietnamese ("2,5") and a point in English. One function for every
// message and display of the library (target phrases, findings).
#pragma once

#include <string>

#include "dtiplan/model/enums.hpp"

namespace dtiplan {

/// `value` rounded half away from zero to at most `max_decimals` places (0..15), trailing zeros
/// dropped, "-0" written "0", a comma in Vietnamese: format_decimal(2.5, Vietnamese, 2) ->
/// "2,5". NaN -> "NaN", infinities -> "∞" / "-∞"; magnitudes from 10^15 in 4 significant
/// digits ("1e+15").
[[nodiscard]] std::string format_decimal(double value, Language lang, int max_decimals);

}  // namespace dtiplan
