// The rank engine's pieces (simulate_ranks.cpp puts them together; docs/rank.md,
// docs/performance.md): the framework's rules compiled into a few branch-free kinds
// (simulation_rules.cpp), each thread's work space, the kernel that scores kLanes draws of every
// unit at once (simulation_kernel.cpp, the only file built with the kernel's flags, once per
// instruction set from kernel_body.hpp) and the ranking of each draw (simulation_ranking.cpp).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "detail/large_pages.hpp"

#include "dtiplan/rank/component_model.hpp"
#include "dtiplan/rank/simulate_ranks.hpp"
#include "dtiplan/score/framework.hpp"

namespace dtiplan::detail::sim {

inline constexpr std::size_t kLanes = 8;  ///< draws per kernel block
/// Up to this many units a draw is ranked by pairwise compares (beyond, through a histogram).
inline constexpr std::size_t kPairwiseUnits = 384;

// ---- the compiled model ----------------------------------------------------------------------

enum class Kind : std::uint8_t { Proportional, YesNo, Thresholds, Target, Best };

/// One component as the kernel scores it.
struct Slot {
    Kind kind = Kind::Proportional;
    double max_points = 0.0;
    std::uint32_t first_threshold = 0;  ///< Thresholds: range in Compiled::thresholds
    std::uint32_t threshold_count = 0;
    double goal = 1.0;  ///< Target: the target as a fraction
    Comparator comparator = Comparator::AtLeast;
    std::uint32_t best_index = 0;  ///< Best: its column in the best buffers
    std::size_t component = 0;     ///< index in framework order
};

struct Threshold {
    double at = 0.0;      ///< the value from which these points are earned (tolerance included)
    double points = 0.0;  ///< clamped to 0..max
};

struct Compiled {
    std::size_t units = 0;
    std::size_t slots = 0;         ///< K
    std::size_t proportional = 0;  ///< slots [0, proportional) are Proportional
    std::vector<Slot> slot;
    std::vector<double> max_points;  ///< each slot's, side by side (the kernel's broadcasts)
    std::vector<Threshold> thresholds;
    std::vector<double> mean;  ///< units × slots, slot order
    std::vector<double> sd;
    std::vector<std::uint8_t> random;  ///< units × slots: 1 when sd > 0 (a normal is drawn)
    std::size_t best_count = 0;
    double total_points = 0.0;
    int decimals = 4;
    SimulationKernel kernel = SimulationKernel::Baseline;  ///< resolved: never Automatic
};

/// The framework's rules and the model's means and spreads, in the kernel's order.
[[nodiscard]] Compiled compile(const Framework& framework, const ComponentModel& model,
                               const SimulationOptions& options);

// ---- per-thread work space -------------------------------------------------------------------

/// Draws whose ranks are added to the counts together (Workspace::batch): at most this many, in
/// at most about 16 MB (1,024 draws of 3,321 units take 13.6 MB).
inline constexpr std::size_t kRankBatch = 1024;
inline constexpr std::size_t kRankBatchBytes = std::size_t{16} << 20U;

struct Workspace {
    explicit Workspace(const Compiled& c)
        : acc(c.units * kLanes),
          best_values(c.best_count * c.units * kLanes),
          keys(c.units),
          batch_draws(std::clamp<std::size_t>(
              kRankBatchBytes / (4 * std::max<std::size_t>(1, c.units)), 1, kRankBatch)),
          batch(batch_draws * c.units),
          counts(c.units * c.units, 0U),
          key_sum(c.units, 0),
          key_sq_sum(c.units, 0) {}
    std::vector<double> acc;              ///< units × lanes: points (lane fastest)
    std::vector<double> best_values;      ///< best slots × units × lanes: values
    std::vector<std::int64_t> keys;       ///< one lane's keys (general ranking)
    std::vector<std::int64_t> lane_keys;  ///< lanes × units: keys that do not fit 32 bits
    std::vector<std::int32_t> keys32;     ///< lanes × units: keys
    std::vector<std::int16_t> keys16 =
        std::vector<std::int16_t>(kPairwiseUnits);  ///< one lane's, pairwise
    std::vector<std::int32_t> histogram;
    /// The ranks of up to batch_draws draws (draw-major), not yet added to counts: added unit by
    /// unit, a unit's ranks in many draws land on a few cache lines of its row of counts.
    std::size_t batch_draws;
    std::vector<std::uint32_t> batch;
    std::size_t batched = 0;  ///< draws in batch
    /// units × units: counts[i * N + r - 1], on 2 MB pages where the system grants them
    std::vector<std::uint32_t, LargePageAllocator<std::uint32_t>> counts;
    std::vector<std::int64_t> key_sum;     ///< Σ of 4-decimal keys per unit
    std::vector<std::int64_t> key_sq_sum;  ///< Σ of their squares
    std::vector<std::size_t> order;
};

struct Lanes;

// ---- the kernel and the ranking --------------------------------------------------------------

/// The builds of the kernel this processor runs, narrowest first (Baseline always).
[[nodiscard]] std::vector<SimulationKernel> available_kernels();

/// The build to run: Automatic is the widest available (AVX-512 with gathers only where they are
/// fast); a build that does not run here is a ValidationError naming options.kernel.
[[nodiscard]] SimulationKernel resolve_kernel(SimulationKernel requested);

/// The points of every unit for the kLanes draws whose streams `lanes` holds, into w.acc, by the
/// build c.kernel.
void score_block(const Compiled& c, Lanes& lanes, Workspace& w);

/// The same from rule_points on scalar streams (SimulationOptions::reference_scoring): the check
/// that the kernel gives these numbers bit for bit.
void score_block_reference(const Framework& framework, const Compiled& c,
                           const SimulationOptions& options, std::uint64_t first_draw,
                           Workspace& w);

/// The rank keys of the first `lanes` lanes of a scored block (and their sums per unit).
void key_block(const Compiled& c, Workspace& w, std::size_t lanes);

/// Rank the first `lanes` lanes of a keyed block and count each unit's rank (through w.batch:
/// call flush_counts when the blocks are done).
void count_block(const Compiled& c, Workspace& w, std::size_t lanes);

/// Add the ranks still in w.batch to w.counts.
void flush_counts(const Compiled& c, Workspace& w);

}  // namespace dtiplan::detail::sim
