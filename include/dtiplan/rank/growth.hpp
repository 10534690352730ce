// Peer evolution: where each peer's DTI will be at the evaluation date. A peer's last published
// score grows by a yearly change with a mean and a spread (shared, or per peer), and optionally
// by a province-wide yearly change common to every peer (a new provincial platform, a change of
// framework), so that peers are not treated as independent when they are not.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "dtiplan/rank/peers.hpp"
#include "dtiplan/track/period.hpp"

namespace dtiplan {

/// Yearly change of peers' DTI (0..1 scale: 0.02 = two hundredths a year). Default-constructed,
/// it is the command's assumption when no growth is given: +0.02 a year (20 points of 1,000),
/// each peer's own rate uncertain by 0.02, and a province-wide shift of 0.01 shared by all. An
/// assumption, not a published figure (docs/rank.md §2, §12): estimate it from two or more years
/// of results where they exist (estimate_growth), or set all three for no growth.
struct GrowthModel {
    double mean = 0.02;      ///< expected change per year, every peer
    double sd = 0.02;        ///< spread of each peer's own yearly change (independent across peers)
    double shock_sd = 0.01;  ///< spread of a province-wide yearly change shared by all peers
    /// Per-peer mean and spread, by unit name; they replace `mean` / `sd` for that unit.
    std::map<std::string, double, std::less<>> unit_mean;
    std::map<std::string, double, std::less<>> unit_sd;

    friend bool operator==(const GrowthModel&, const GrowthModel&) = default;
};

/// A peer's DTI at the evaluation date: clamp(mean + sd·Z + shock·W, 0, 1), with Z a standard
/// normal of its own and W one standard normal shared by every peer.
struct PeerForecast {
    std::string unit;
    double last = 0.0;   ///< the last published DTI
    int year = 0;        ///< the year of that result
    double years = 0.0;  ///< years from the end of `year` to the evaluation date (>= 0)
    double mean = 0.0;   ///< last + years × growth mean
    double sd = 0.0;     ///< years × growth sd
    double shock = 0.0;  ///< years × shock sd: the loading on the common shock W
    bool illustrative = false;

    friend bool operator==(const PeerForecast&, const PeerForecast&) = default;
};

/// Years from the end of `year` (31 December) to the end of the evaluation day: the DTI 2025
/// result and an evaluation on 2026-12-31 are 1 year apart. Negative when the result's year
/// has not ended on that day.
[[nodiscard]] double years_elapsed(int year, const Date& evaluation);

/// Each peer's forecast at the evaluation date from its latest result whose year has ended by
/// then (a unit with none is left out), in the table's unit order; `exclude_unit` (the own
/// commune, if the table has it) is left out too. The change over t years is t × (mean + sd·Z +
/// shock_sd·W): a yearly rate, uncertain, held over the whole period. Throws ValidationError for
/// a negative or non-finite spread, a non-finite mean, or an unset date.
[[nodiscard]] std::vector<PeerForecast> evolve_peers(const PeerTable& peers,
                                                     const GrowthModel& growth,
                                                     const Date& evaluation,
                                                     std::string_view exclude_unit = {});

/// A growth model estimated from peers with results in two or more years.
struct GrowthEstimate {
    GrowthModel model;
    std::size_t changes = 0;  ///< yearly changes used (one per unit and consecutive pair of years)
    std::size_t units = 0;    ///< units with at least one change
    std::size_t periods = 0;  ///< distinct (from year, to year) pairs among the changes
    /// True when the common shock could be separated from the peers' own spread (at least two
    /// periods with two or more changes each); otherwise model.shock_sd is 0.
    bool shock_estimated = false;

    friend bool operator==(const GrowthEstimate&, const GrowthEstimate&) = default;
};

/// Estimate the peers' growth from their own history (docs/rank.md §2): each unit's change per
/// year between consecutive results c = (dti_b - dti_a) / (b - a), years <= max_year (0: all).
/// mean: the mean of all changes. With one period: sd is the changes' standard deviation and
/// shock_sd 0 (the shock cannot be told apart). With two or more periods of two or more changes
/// each: sd is the pooled within-period standard deviation and shock_sd² the variance of the
/// period means less its share of sd² (at least 0). Throws ValidationError when fewer than two
/// changes exist (no unit has two results).
[[nodiscard]] GrowthEstimate estimate_growth(const PeerTable& peers, int max_year = 0);

/// Check forecasts before ranking: at least one peer, finite means, spreads and loadings >= 0.
void validate_peer_forecasts(const std::vector<PeerForecast>& peers);

}  // namespace dtiplan
