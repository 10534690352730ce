// A synthetic province (tỉnh minh họa): N units with component means and spreads whose DTIs
// spread like published sub-provincial results, roughly 0.50 to 0.92 (docs/rank.md lists the
// sources). For demos, tests and benchmarks only; everything it makes is marked illustrative,
// and must be labelled so wherever it appears. Seeded: the same options give the same province
// on every platform.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dtiplan/rank/component_model.hpp"
#include "dtiplan/rank/peers.hpp"
#include "dtiplan/score/framework.hpp"

namespace dtiplan {

/// Unit counts of the reorganised administration (from 1 July 2025).
inline constexpr std::size_t kDongNaiCommuneUnits = 95;  ///< 72 xã, 23 phường
inline constexpr std::size_t kNationalCommuneUnits = 3321;  ///< 2,621 xã, 687 phường, 13 đặc khu

/// The base spread of a component value at the evaluation date (0..1 scale): a value with mean
/// m is uncertain by about this × 2·sqrt(m (1 - m)) (component_value_sd). The synthetic province
/// draws its spreads around it and the everyone-at-once model of a plan (everyone_model) uses it.
inline constexpr double kComponentValueSd = 0.05;

/// The spread of a component value with mean `mean`: base × 2·sqrt(m (1 - m)), largest at 0.5
/// and 0 at 0 and 1 (a mean outside 0..1 counts as 0 or 1).
[[nodiscard]] inline double component_value_sd(double mean,
                                               double base = kComponentValueSd) noexcept {
    const double v = mean * (1.0 - mean);
    return base * 2.0 * std::sqrt(v > 0.0 ? v : 0.0);
}

struct SyntheticOptions {
    std::size_t units = kDongNaiCommuneUnits;
    std::uint64_t seed = 20250701;
    /// The DTIs at the component means spread over [dti_low, dti_high] with a Kumaraswamy(a, b)
    /// shape: defaults give a bell slightly skewed to the top, mean about 0.70 (provincial DTI
    /// 2024: mean 0.6961, top 0.8241; Đắk Lắk districts 2023: 0.505 to 0.914).
    double dti_low = 0.50;
    double dti_high = 0.92;
    double shape_a = 2.0;
    double shape_b = 2.5;
    /// How far a unit's components stray from its level, in logit units: component difficulty
    /// (shared by all units) and each unit's own strengths and weaknesses.
    double component_spread = 0.6;
    double unit_spread = 0.5;
    /// The uncertainty of a component value at the evaluation date: each sd is this times a
    /// factor from 0.5 to 1.5, times 2·sqrt(m (1 - m)) (smaller near 0 and 1).
    double value_sd = kComponentValueSd;
    int year = 2025;  ///< the year of the peer results made from it

    friend bool operator==(const SyntheticOptions&, const SyntheticOptions&) = default;
};

/// A generated province: the component model, the DTI each unit scores at its means, and the
/// same as a peer table (each result marked illustrative).
struct SyntheticProvince {
    ComponentModel model;            ///< illustrative
    std::vector<double> dti;         ///< per unit, the DTI at the component means (dti_at_means)
    std::vector<double> target_dti;  ///< per unit, the level the construction aimed for
    PeerTable peers;                 ///< unit, year, dti (4 decimals), main indices; illustrative
    std::string description;         ///< "Illustrative synthetic province: 95 units, seed ..., ..."

    friend bool operator==(const SyntheticProvince&, const SyntheticProvince&) = default;
};

/// Generate a province for a framework. Construction (docs/rank.md): target DTIs t_i at
/// stratified, jittered Kumaraswamy quantiles on [dti_low, dti_high], shuffled; component means
/// logistic(logit(t_i) + c_i + d_k + e_ik) with d_k, e_ik normal (component difficulty, unit
/// strength) and c_i solved by bisection so the unit's DTI at its means is t_i (exactly up to
/// the steps of non-proportional rules); spreads as SyntheticOptions::value_sd says. Unit
/// names "Xã minh họa 001", "Phường minh họa 001", "Đặc khu minh họa 01" in the national
/// proportions. Throws ValidationError for bad options (units < 2, a range outside 0..1, ...).
[[nodiscard]] SyntheticProvince synthetic_province(const Framework& framework,
                                                   const SyntheticOptions& options = {});

}  // namespace dtiplan
