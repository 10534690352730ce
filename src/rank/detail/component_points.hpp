// The components of a framework in their order and the points of one unit's component values:
// shared by the component model (dti_at_means) and the synthetic province, which solves for
// the values whose points give a target DTI.
#pragma once

#include <algorithm>
#include <optional>
#include <vector>

#include "dtiplan/score/framework.hpp"
#include "dtiplan/score/scoring.hpp"

namespace dtiplan::detail {

inline std::vector<const Component*> components_of(const Framework& f) {
    std::vector<const Component*> out;
    for (const auto& m : f.main_indicators)
        for (const auto& c : m.components) out.push_back(&c);
    return out;
}

/// The points of each component at clamped values, relative-to-best against `best`.
inline double unit_points(const std::vector<const Component*>& comps, const double* values,
                          const std::vector<double>& best) {
    double points = 0.0;
    for (std::size_t k = 0; k < comps.size(); ++k) {
        const Component& c = *comps[k];
        const double v = std::clamp(values[k], 0.0, 1.0);
        points +=
            rule_points(c.rule, v, c.max_points,
                        c.rule.kind == RuleKind::RelativeToBest ? std::optional<double>(best[k])
                                                                : std::nullopt);
    }
    return points;
}

}  // namespace dtiplan::detail
