// The assumption for the components a plan does not track (docs/rank.md §11).
#include "dtiplan/rank/untracked.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "detail/stats.hpp"
#include "dtiplan/error.hpp"

namespace dtiplan {

std::string_view to_string(UntrackedBasis basis) noexcept {
    switch (basis) {
        case UntrackedBasis::Zero: return "zero";
        case UntrackedBasis::PeerMedian: return "peer-median";
        case UntrackedBasis::Fixed: return "fixed";
    }
    return "zero";
}

std::optional<UntrackedBasis> untracked_basis_from_string(std::string_view text) noexcept {
    if (text == "zero") return UntrackedBasis::Zero;
    if (text == "peer-median") return UntrackedBasis::PeerMedian;
    if (text == "fixed") return UntrackedBasis::Fixed;
    return std::nullopt;
}

UntrackedFill untracked_fill(const Framework& framework, const Coverage& coverage,
                             const UntrackedAssumption& assumption, const PeerTable& peers,
                             int max_year, std::string_view exclude_unit) {
    if (assumption.basis == UntrackedBasis::Fixed &&
        !(assumption.value >= 0.0 && assumption.value <= 1.0))
        throw ValidationError("untracked.value", "expected a fraction from 0 to 1, found " +
                                                     std::to_string(assumption.value));
    for (const auto& [id, value] : assumption.components) {
        const std::string where = "untracked.components[" + id + "]";
        if (framework.find_component(id) == nullptr)
            throw ValidationError(where, "the framework has no component " + id);
        if (!(value >= 0.0 && value <= 1.0))
            throw ValidationError(
                where, "expected a fraction from 0 to 1, found " + std::to_string(value));
    }
    UntrackedFill fill;
    fill.basis = assumption.basis;
    fill.max_points = framework.max_points();
    fill.untracked_points = coverage.untracked_points;

    std::vector<const PeerResult*> results;
    if (assumption.basis == UntrackedBasis::PeerMedian) {
        for (const PeerResult* r : peers.latest(max_year))
            if (r->unit != exclude_unit) results.push_back(r);
        fill.peers_used = results.size();
    }
    for (const auto& main : framework.main_indicators) {
        const auto it = coverage.untracked_by_main.find(main.id);
        if (it == coverage.untracked_by_main.end() || !(it->second > 0.0)) continue;
        double fraction = 0.0;
        switch (assumption.basis) {
            case UntrackedBasis::Zero: break;
            case UntrackedBasis::Fixed: fraction = assumption.value; break;
            case UntrackedBasis::PeerMedian: {
                if (results.empty())
                    throw ValidationError(
                        "peers",
                        "the peer-median assumption for the untracked components needs "
                        "at least one peer result" +
                            (max_year > 0 ? " of " + std::to_string(max_year) + " or earlier"
                                          : std::string()));
                std::vector<double> indices;
                for (const PeerResult* r : results)
                    if (const auto m = r->main_indices.find(main.id); m != r->main_indices.end())
                        indices.push_back(m->second);
                if (indices.empty())
                    for (const PeerResult* r : results) indices.push_back(r->dti);
                fraction = detail::median(std::move(indices));
                break;
            }
        }
        // Components given their own fraction replace the basis' on their points.
        double points = fraction * it->second;
        bool given_here = false;
        for (const CoverageGap& gap : coverage.untracked_components) {
            const auto given = assumption.components.find(gap.component);
            if (gap.main == main.id && given != assumption.components.end()) {
                points += (given->second - fraction) * gap.points;
                given_here = true;
            }
        }
        fill.fraction_by_main[main.id] = given_here ? points / it->second : fraction;
        fill.points_by_main[main.id] = points;
        fill.points += points;
    }
    return fill;
}

}  // namespace dtiplan
