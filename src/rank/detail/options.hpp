// Checks shared by the rank methods' options (exact, Monte Carlo, the rank engine).
#pragma once

#include <string>

#include "dtiplan/error.hpp"

namespace dtiplan::detail {

/// Ties are taken at `decimals` places: -1 (unrounded) or 0..15 (rank_key's range).
inline void check_rank_decimals(int decimals) {
    if (decimals < -1 || decimals > 15)
        throw ValidationError("options.decimals", "expected -1 (exact) or 0..15 decimals, found " +
                                                      std::to_string(decimals));
}

}  // namespace dtiplan::detail
