// Long computations that can be stopped and that say how far they are (docs/cancellation.md).
// One small piece shared by every long computation (the rank engines' Monte Carlo, everyone's
// ranks, the projected DTI's draws): the computation makes a Progress for itself and asks it,
// on the caller's thread, between pieces of work of a few milliseconds; Progress calls the
// callback about every 0.1 s of work (and once at the end), and the computation stops with
// SimulationCancelled when the callback says stop. The callback is the function's own
// (simulate_ranks' argument) or the one a ProgressScope installed on the calling thread, so a
// caller (the Python bindings: Ctrl-C) reaches computations deep in a pipeline without every
// function between passing it along.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <stdexcept>

namespace dtiplan {

/// Called with (work done, work in all) from one thread only (the caller's), about every
/// kProgressInterval of work and once at the end. Return false to stop: the computation then
/// throws SimulationCancelled. It must not call back into the computation.
using ProgressCallback = std::function<bool(std::size_t done, std::size_t total)>;

/// How often a long computation calls its progress callback (and so how soon it stops).
inline constexpr std::chrono::milliseconds kProgressInterval{100};

/// The most Monte Carlo draws a rank computation accepts (rank_distribution_montecarlo,
/// simulate_ranks): more is refused up front. 10^8 draws against a province's 95 units are
/// about 10^10 normals, minutes of work; the standard error of a probability is then below
/// 0.00005, far finer than any decision needs.
inline constexpr std::size_t kMaxDraws = 100'000'000;

/// Thrown by a long computation when its progress callback asks to stop.
class SimulationCancelled : public std::runtime_error {
public:
    SimulationCancelled() : std::runtime_error("the computation was cancelled") {}
};

/// Installs a progress callback for the long computations run on this thread while the scope
/// lives (the innermost scope wins; a computation given its own callback uses that one).
class ProgressScope {
public:
    explicit ProgressScope(ProgressCallback callback);
    ~ProgressScope();
    ProgressScope(const ProgressScope&) = delete;
    ProgressScope& operator=(const ProgressScope&) = delete;

    /// The callback of the innermost scope of this thread, or null when there is none.
    [[nodiscard]] static const ProgressCallback* current() noexcept;

private:
    ProgressCallback callback_;
    const ProgressCallback* outer_;
};

/// The pace of one long computation, used on the caller's thread only.
class Progress {
public:
    /// `total` units of work; `own`: the computation's own callback (else the thread's scope's).
    explicit Progress(std::size_t total, const ProgressCallback& own = {});

    /// Between two pieces of work: calls the callback when kProgressInterval has passed since
    /// the last call. Returns false once the callback said stop (or threw: rethrown here).
    bool keep_going(std::size_t done);
    /// At the end of the work: the last call, with `done` (normally the total). Throws
    /// SimulationCancelled when the callback said stop, then or before.
    void finish(std::size_t done);
    /// Throws SimulationCancelled when the callback said stop.
    void throw_if_stopped() const;
    [[nodiscard]] bool stopped() const noexcept { return stopped_; }

private:
    const ProgressCallback* callback_;
    std::size_t total_;
    std::chrono::steady_clock::time_point last_;
    std::size_t last_done_ = 0;
    bool stopped_ = false;
};

}  // namespace dtiplan
