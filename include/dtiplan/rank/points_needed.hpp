// Points needed (số điểm cần đạt): the DTI, and the points of the framework, the commune needs at
// the evaluation date to be in the top k (the plan's goal: top 10 of the province's 95 units)
// with probability p, and how far that is from its projection.
#pragma once

#include <vector>

#include "dtiplan/rank/rank_distribution.hpp"

namespace dtiplan {

struct PointsNeededOptions {
    int top = 10;              ///< k
    double probability = 0.5;  ///< p: the least P(rank <= k) wanted
    /// false: the needed DTI is a sure score ("what must we score?"). true: the projection's
    /// spread is kept and the whole distribution is moved ("how much must the projection
    /// improve?"): the answer is the mean the moved projection must have.
    bool keep_own_spread = false;
    ExactOptions exact;  ///< the method the probabilities are computed with; its decimals set
                         ///< the grid the answer is found on (10^-4 by default)

    friend bool operator==(const PointsNeededOptions&, const PointsNeededOptions&) = default;
};

struct PointsNeeded {
    int top = 10;
    double probability = 0.5;
    /// False when even a DTI of 1 (or a projection moved to 1) does not give the probability:
    /// too many peers are sure to stay ahead. dti is then 1.
    bool reachable = false;
    double dti = 0.0;            ///< the least DTI, on the 10^-decimals grid, that gives p
    double points = 0.0;         ///< dti × max_points
    double max_points = 0.0;     ///< the framework's total (1,000 for the provincial structure)
    double projected_dti = 0.0;  ///< the own projection's mean
    double gap_dti = 0.0;        ///< dti - projected_dti (<= 0: the projection already gives p)
    double gap_points = 0.0;     ///< gap_dti × max_points
    double prob_at_projection = 0.0;  ///< P(rank <= k) with the projection as it is
    double prob_at_needed = 0.0;      ///< P(rank <= k) at the DTI found (>= p when reachable)

    friend bool operator==(const PointsNeeded&, const PointsNeeded&) = default;
};

/// Find the least DTI (or, with keep_own_spread, the least shift of the projection) that gives
/// P(rank <= top) >= probability, by bisection on the 10^-decimals grid: P is non-decreasing
/// in the own score, and each probe is one exact rank distribution. Throws ValidationError for
/// top < 1, a probability outside (0, 1], max_points <= 0, or bad scores (as
/// rank_distribution_exact).
[[nodiscard]] PointsNeeded points_needed(const OwnScore& own,
                                         const std::vector<PeerForecast>& peers, double max_points,
                                         const PointsNeededOptions& options = {});

}  // namespace dtiplan
