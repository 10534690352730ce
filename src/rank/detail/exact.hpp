// The exact rank distribution (or its head) of an own score moved by the rank's own searches
// (points needed, the improvement planner): a normal moved past 0..1 by a shift is still a question
// the exact method answers (the scores it compares are clamped to 0..1), so only the public entry
// points refuse an own DTI outside 0..1 (validate_own_score).
#pragma once

#include <cstddef>
#include <vector>

#include "dtiplan/rank/rank_distribution.hpp"

namespace dtiplan::detail {

/// rank_distribution_exact for an own score that a search moved: its mean may lie outside 0..1
/// (it must be finite, its spread >= 0); no progress callback beyond the thread's scope.
[[nodiscard]] RankDistribution exact_distribution_of_moved(const OwnScore& own,
                                                           const std::vector<PeerForecast>& peers,
                                                           const ExactOptions& options);

/// rank_head_exact for an own score that a search moved (as exact_distribution_of_moved).
/// Without `expected` the expected rank is left at 0 and the points where `top` peers are
/// surely ahead are skipped: P(rank <= top) alone, as the searches need it.
[[nodiscard]] RankHead exact_head_of_moved(const OwnScore& own,
                                           const std::vector<PeerForecast>& peers, std::size_t top,
                                           const ExactOptions& options, bool expected);

/// One step of the exact method's Poisson-binomial recursion (rank_exact.cpp): g[k] = f[k] (1 - p)
/// + f[k - 1] p for k in [lo, hi + 1] (f[lo - 1] and f[hi + 1] taken as 0).
void exact_recursion_step(const double* __restrict f, double* __restrict g, std::size_t lo,
                          std::size_t hi, double p);

/// The shock's convolution on the exact method's grid: out[j] = Σ in[j + m] kernel[m + half]
/// over |m| <= half and 0 <= j + m < n, summed in the order of m.
void exact_convolve(const double* __restrict in, std::ptrdiff_t n, const double* __restrict kernel,
                    std::ptrdiff_t half, double* __restrict out);

/// The head's recursion (rank_head_exact) for top <= 16 counts over the peers p[0..n): per peer
/// f[k] <- f[k] (1 - p) + f[k - 1] p for k < top (f[-1] taken as 0), in registers.
void exact_head_counts16(double* __restrict f, std::size_t top, const double* __restrict p,
                         std::size_t n);

/// s[m] = Σ_i p[i]^(m + 1) for m < 6: the far peers' power sums of the head (rank_exact.cpp).
void exact_power_sums(const double* __restrict p, std::size_t n, double* __restrict s);

/// out[0] = Σ Q(z)(1 - Q(z)), out[1] = Σ φ(z) and out[2] = Σ Q(z) over z = (v - means[i]) / sd
/// (the grid's resolution in rank_exact.cpp; q and phi are its table of Q and φ).
void exact_band_moments(const double* __restrict means, std::size_t n, double v, double sd,
                        const double* __restrict q, const double* __restrict phi,
                        double* __restrict out);

}  // namespace dtiplan::detail
