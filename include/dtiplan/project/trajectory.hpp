// Target trajectories: the path a plan implies from a baseline to its 2026 and 2030 milestones,
// linear by default, stepwise or S-shaped by choice; the expected value at any date, and the gap.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "dtiplan/model/plan.hpp"
#include "dtiplan/track/period.hpp"

namespace dtiplan {

enum class TrajectoryShape {
    Linear,  ///< straight lines between the baseline and each milestone
    Step,    ///< the previous value until a milestone's date, then the milestone's
    SCurve,  ///< smoothstep between points: slow start, fast middle, slow end
};
[[nodiscard]] std::string_view to_string(TrajectoryShape s) noexcept;
[[nodiscard]] std::optional<TrajectoryShape> trajectory_shape_from_string(
    std::string_view s) noexcept;

struct TrajectoryPoint {
    Date date;
    double value = 0.0;  ///< fraction of full attainment
    friend bool operator==(const TrajectoryPoint&, const TrajectoryPoint&) = default;
};

class Trajectory {
public:
    /// Points in date order: the baseline first, then each milestone (a milestone year's target
    /// is due on 31 December of that year). Throws ValidationError if fewer than 2 or unsorted.
    Trajectory(std::vector<TrajectoryPoint> points,
               TrajectoryShape shape = TrajectoryShape::Linear);

    /// Expected value on a date: the baseline's before it, the last milestone's after it.
    [[nodiscard]] double expected(const Date& d) const;
    /// expected(d) - value: how far a value is behind the path (negative when ahead).
    [[nodiscard]] double gap(const Date& d, double value) const { return expected(d) - value; }
    [[nodiscard]] const std::vector<TrajectoryPoint>& points() const noexcept { return points_; }
    [[nodiscard]] TrajectoryShape shape() const noexcept { return shape_; }

private:
    std::vector<TrajectoryPoint> points_;
    TrajectoryShape shape_;
};

/// The trajectory of a plan indicator from a baseline (date and value, as a fraction of full
/// attainment) through its targets in force for each milestone after the baseline.
[[nodiscard]] Trajectory target_trajectory(const Plan& plan, const Indicator& ind,
                                           const TrajectoryPoint& baseline,
                                           TrajectoryShape shape = TrajectoryShape::Linear);

}  // namespace dtiplan
