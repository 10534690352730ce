// Target trajectories (the EU Digital Decade practice of comparing each year's value with the
// path to the target): the plan gives only a baseline and milestone targets, so the path between
// them is a modelling choice, linear unless the user says otherwise. Values are fractions of full
// attainment so that "9/9 nền tảng" and "100%" draw the same path.
#include "dtiplan/project/trajectory.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>

#include "dtiplan/error.hpp"
#include "dtiplan/score/attainment.hpp"

namespace dtiplan {
namespace {

constexpr std::array<std::pair<TrajectoryShape, std::string_view>, 3> kShapes{{
    {TrajectoryShape::Linear, "linear"},
    {TrajectoryShape::Step, "step"},
    {TrajectoryShape::SCurve, "s-curve"},
}};

[[nodiscard]] Date due_date(int year) { return Date(static_cast<unsigned short>(year), 12, 31); }

}  // namespace

std::string_view to_string(TrajectoryShape s) noexcept {
    for (const auto& [shape, spelling] : kShapes)
        if (shape == s) return spelling;
    return "?";
}

std::optional<TrajectoryShape> trajectory_shape_from_string(std::string_view s) noexcept {
    for (const auto& [shape, spelling] : kShapes)
        if (spelling == s) return shape;
    return std::nullopt;
}

Trajectory::Trajectory(std::vector<TrajectoryPoint> points, TrajectoryShape shape)
    : points_(std::move(points)), shape_(shape) {
    if (points_.size() < 2)
        throw ValidationError("points",
                              "a trajectory needs at least 2 points (a baseline and a "
                              "milestone), found " +
                                  std::to_string(points_.size()));
    for (std::size_t i = 0; i < points_.size(); ++i) {
        const std::string where = "points[" + std::to_string(i) + "]";
        if (points_[i].date.is_special())
            throw ValidationError(where + ".date", "the date is not set");
        if (!std::isfinite(points_[i].value))
            throw ValidationError(where + ".value", "the value is not a finite number");
        if (i > 0 && !(points_[i - 1].date < points_[i].date))
            throw ValidationError(where + ".date",
                                  "dates must increase: " + format_date(points_[i].date) +
                                      " follows " + format_date(points_[i - 1].date));
    }
}

double Trajectory::expected(const Date& d) const {
    if (d.is_special()) throw ValidationError("date", "the date is not set");
    if (d <= points_.front().date) return points_.front().value;
    if (d >= points_.back().date) return points_.back().value;
    // The segment [a, b) holding d.
    const auto after =
        std::upper_bound(points_.begin(), points_.end(), d,
                         [](const Date& x, const TrajectoryPoint& p) { return x < p.date; });
    const TrajectoryPoint& b = *after;
    const TrajectoryPoint& a = *(after - 1);
    const double s =
        static_cast<double>((d - a.date).days()) / static_cast<double>((b.date - a.date).days());
    double share = s;
    switch (shape_) {
        case TrajectoryShape::Linear: share = s; break;
        case TrajectoryShape::Step: share = 0.0; break;  // d < b.date here
        case TrajectoryShape::SCurve: share = s * s * (3.0 - 2.0 * s); break;
    }
    return a.value + share * (b.value - a.value);
}

Trajectory target_trajectory(const Plan& plan, const Indicator& ind,
                             const TrajectoryPoint& baseline, TrajectoryShape shape) {
    std::vector<int> years = plan.milestones;
    if (years.empty())
        for (const auto& t : ind.targets) years.push_back(t.year);
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());

    std::vector<TrajectoryPoint> points{baseline};
    for (const int y : years) {
        if (baseline.date.is_special() || !(baseline.date < due_date(y))) continue;
        // The target in force for the milestone year; a milestone without a target of its own
        // (only a later one is set) adds no point, so the path runs straight to the later one.
        const Target* t = target_in_force(ind, plan, y);
        if (t == nullptr || t->year != y) continue;
        points.push_back({due_date(y), t->parsed.as_fraction()});
    }
    if (points.size() < 2)
        throw ValidationError("indicator " + ind.id, "no target due after the baseline " +
                                                         format_date(baseline.date) +
                                                         ", so there is no trajectory to draw");
    return Trajectory(std::move(points), shape);
}

}  // namespace dtiplan
