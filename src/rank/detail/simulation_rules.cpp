// The framework's rules compiled for the rank engine's kernel: a few branch-free kinds
// (proportional, yes/no, thresholds for steps and categorical levels, target, relative-to-best)
// with the proportional components first, because 38 of the built-in framework's 47 components
// are proportional.
#include <algorithm>

#include "dtiplan/model/target.hpp"
#include "rank/detail/simulation.hpp"

namespace dtiplan::detail::sim {

Compiled compile(const Framework& framework, const ComponentModel& model,
                 const SimulationOptions& options) {
    Compiled c;
    c.units = model.units.size();
    c.decimals = options.decimals;
    c.kernel = resolve_kernel(options.kernel);
    std::vector<Slot> first;
    std::vector<Slot> rest;
    std::size_t index = 0;
    for (const auto& main : framework.main_indicators) {
        for (const auto& comp : main.components) {
            Slot s;
            s.component = index++;
            s.max_points = comp.max_points > 0.0 ? comp.max_points : 0.0;
            c.total_points += comp.max_points;
            const ScoringRule& rule = comp.rule;
            switch (rule.kind) {
                case RuleKind::Proportional: s.kind = Kind::Proportional; break;
                case RuleKind::YesNo: s.kind = Kind::YesNo; break;
                case RuleKind::Steps:
                case RuleKind::Categorical: {
                    // Both are "the points of the highest threshold reached". Steps are matched
                    // within 1e-9 (rule_points: value >= threshold - 1e-9); a categorical value
                    // that matches a level within 1e-9 takes it, else the level below: the same
                    // as thresholds at level - 1e-9.
                    std::vector<Threshold> list;
                    if (rule.kind == RuleKind::Steps) {
                        for (const auto& st : rule.steps)
                            list.push_back({st.threshold - TargetValue::kTolerance,
                                            std::clamp(st.points, 0.0, s.max_points)});
                    } else {
                        for (const auto& lv : rule.levels)
                            list.push_back(
                                {lv.value - TargetValue::kTolerance,
                                 std::clamp(lv.share * s.max_points, 0.0, s.max_points)});
                    }
                    std::stable_sort(
                        list.begin(), list.end(),
                        [](const Threshold& a, const Threshold& b) { return a.at > b.at; });
                    s.kind = Kind::Thresholds;
                    s.first_threshold = static_cast<std::uint32_t>(c.thresholds.size());
                    s.threshold_count = static_cast<std::uint32_t>(list.size());
                    c.thresholds.insert(c.thresholds.end(), list.begin(), list.end());
                    break;
                }
                case RuleKind::RelativeToBest:
                    s.kind = Kind::Best;
                    s.best_index = static_cast<std::uint32_t>(c.best_count++);
                    break;
                case RuleKind::Target:
                    if (const auto it = options.targets.find(comp.id);
                        it != options.targets.end()) {
                        s.kind = Kind::Target;
                        s.goal = it->second.as_fraction();
                        s.comparator = it->second.comparator;
                    } else {
                        s.kind = Kind::Proportional;  // rule_points without a target: 100%
                    }
                    break;
            }
            (s.kind == Kind::Proportional ? first : rest).push_back(s);
        }
    }
    c.proportional = first.size();
    c.slot = first;
    c.slot.insert(c.slot.end(), rest.begin(), rest.end());
    c.slots = c.slot.size();
    for (const Slot& s : c.slot) c.max_points.push_back(s.max_points);
    c.mean.resize(c.units * c.slots);
    c.sd.resize(c.units * c.slots);
    c.random.resize(c.units * c.slots);
    for (std::size_t i = 0; i < c.units; ++i) {
        for (std::size_t j = 0; j < c.slots; ++j) {
            const auto k = static_cast<Eigen::Index>(c.slot[j].component);
            const auto r = static_cast<Eigen::Index>(i);
            c.mean[i * c.slots + j] = model.mean(r, k);
            c.sd[i * c.slots + j] = model.sd(r, k);
            c.random[i * c.slots + j] = model.sd(r, k) > 0.0 ? 1 : 0;
        }
    }
    return c;
}

}  // namespace dtiplan::detail::sim
