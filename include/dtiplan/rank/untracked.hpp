// The components the plan does not track (thành phần kế hoạch chưa theo dõi). The DTI scores the
// commune on every component of the framework, tracked by its plan or not; the projection knows
// nothing of the untracked ones and scores them 0, so a projected DTI ranked as it is would put
// the commune below peers that are scored on everything. Before ranking, an explicit assumption
// fills them: nothing (the floor), what the median peer scores on the same main indicator, or a
// fixed fraction. Every output that ranks says which assumption it used (docs/rank.md §11).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "dtiplan/rank/peers.hpp"
#include "dtiplan/score/framework.hpp"
#include "dtiplan/score/scoring.hpp"

namespace dtiplan {

enum class UntrackedBasis {
    Zero,        ///< untracked components score 0: the floor, a commune that does nothing there
    PeerMedian,  ///< each main indicator's untracked points at the median peer's index of it
    Fixed,       ///< every untracked component at one fraction of its points
};

[[nodiscard]] std::string_view to_string(UntrackedBasis basis) noexcept;
/// "zero", "peer-median", "fixed"; none for anything else.
[[nodiscard]] std::optional<UntrackedBasis> untracked_basis_from_string(std::string_view) noexcept;

struct UntrackedAssumption {
    UntrackedBasis basis = UntrackedBasis::PeerMedian;
    double value = 0.0;  ///< the fraction for Fixed (0..1)
    /// Untracked components whose fraction of their points is given (a what-if scenario,
    /// rank/scenario.hpp), by component id: each is assumed at its own fraction, the others of
    /// its main indicator by the basis.
    std::map<std::string, double, std::less<>> components{};

    friend bool operator==(const UntrackedAssumption&, const UntrackedAssumption&) = default;
};

/// The points assumed on the untracked components, to add to a projected DTI.
struct UntrackedFill {
    UntrackedBasis basis = UntrackedBasis::Zero;
    double points = 0.0;            ///< framework points assumed in all
    double untracked_points = 0.0;  ///< the points the untracked components are worth
    double max_points = 0.0;        ///< the framework's total
    /// By main indicator id (those with untracked points): the fraction assumed (the median
    /// peer's index, or the fixed value; with given components, the points-weighted mean of
    /// theirs and the basis') and the points it gives.
    std::map<std::string, double, std::less<>> fraction_by_main;
    std::map<std::string, double, std::less<>> points_by_main;
    std::size_t peers_used = 0;  ///< results the medians were taken over (PeerMedian)

    /// points / max_points: what to add to the projected DTI.
    [[nodiscard]] double dti() const noexcept {
        return max_points > 0.0 ? points / max_points : 0.0;
    }

    friend bool operator==(const UntrackedFill&, const UntrackedFill&) = default;
};

/// The fill for the untracked components of `coverage` (coverage(framework, plan)). PeerMedian
/// takes each peer's latest result of a year <= max_year (0: any year): for a main indicator,
/// the median of the peers' published indices of it, or, when no peer publishes it, the median
/// peer DTI. `exclude_unit` (the own commune, if the table has it) is left out. Throws
/// ValidationError for a Fixed value outside 0..1, or PeerMedian with untracked points and no
/// peer result.
[[nodiscard]] UntrackedFill untracked_fill(const Framework& framework, const Coverage& coverage,
                                           const UntrackedAssumption& assumption,
                                           const PeerTable& peers = {}, int max_year = 0,
                                           std::string_view exclude_unit = {});

}  // namespace dtiplan
