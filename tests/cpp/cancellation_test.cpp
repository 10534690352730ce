// Progress and cancellation of long computations (cancellation.hpp): the callback is paced by
// time, a scope reaches computations that were given no callback, and a stop is seen within a
// fraction of a second whatever the number of draws.
#include <gtest/gtest.h>

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "dtiplan/cancellation.hpp"
#include "dtiplan/error.hpp"
#include "dtiplan/rank/growth.hpp"
#include "dtiplan/rank/rank_distribution.hpp"

using namespace dtiplan;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<PeerForecast> peers() {
    std::vector<PeerForecast> out;
    for (int i = 0; i < 95; ++i) {
        PeerForecast p;
        p.unit = "Xã " + std::to_string(i + 1);
        p.last = p.mean = 0.6 + 0.003 * i;
        p.year = 2025;
        p.years = 1.0;
        p.sd = 0.02;
        p.shock = 0.005;
        out.push_back(p);
    }
    return out;
}

}  // namespace

TEST(Progress, CallsBackByTimeAndOnceAtTheEnd) {
    std::vector<std::size_t> seen;
    const ProgressCallback callback = [&](std::size_t done, std::size_t total) {
        EXPECT_EQ(total, 1000U);
        seen.push_back(done);
        return true;
    };
    Progress progress(1000, callback);
    for (std::size_t done = 1; done < 1000; ++done) EXPECT_TRUE(progress.keep_going(done));
    EXPECT_TRUE(seen.empty());  // all within 0.1 s: no call yet
    progress.finish(1000);
    EXPECT_EQ(seen, std::vector<std::size_t>{1000});
}

TEST(Progress, AScopeReachesAComputationWithoutACallbackAndStopsIt) {
    int calls = 0;
    const ProgressScope scope([&](std::size_t, std::size_t) { return ++calls < 1; });
    MonteCarloOptions options;
    options.draws = kMaxDraws;  // minutes of work, were it not stopped
    options.threads = 2;
    const auto start = Clock::now();
    EXPECT_THROW((void)rank_distribution_montecarlo(OwnScore::normal(0.8, 0.02), peers(), options),
                 SimulationCancelled);
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    EXPECT_EQ(calls, 1);
    // The first call comes after 0.1 s of work and the workers stop after their chunk (a few
    // milliseconds in Release): far below this bound even on a loaded machine or under the
    // sanitizers; without the stop the run would take minutes.
    EXPECT_LT(seconds, 3.0);
}

TEST(Progress, TheInnermostScopeWinsAndAnExceptionFromTheCallbackComesThrough) {
    const ProgressScope outer([](std::size_t, std::size_t) -> bool { return false; });
    {
        const ProgressScope inner(
            [](std::size_t, std::size_t) -> bool { throw std::runtime_error("đã hủy"); });
        MonteCarloOptions options;
        options.draws = 1000;
        EXPECT_THROW(
            (void)rank_distribution_montecarlo(OwnScore::normal(0.8, 0.02), peers(), options),
            std::runtime_error);
    }
    MonteCarloOptions options;
    options.draws = 1000;
    EXPECT_THROW((void)rank_distribution_montecarlo(OwnScore::normal(0.8, 0.02), peers(), options),
                 SimulationCancelled);  // the outer scope's answer at the end
}

TEST(Progress, DrawCountsAboveTheLimitAreRefusedUpFront) {
    MonteCarloOptions options;
    options.draws = kMaxDraws + 1;
    try {
        (void)rank_distribution_montecarlo(OwnScore::normal(0.8, 0.02), peers(), options);
        ADD_FAILURE() << "accepted";
    } catch (const ValidationError& e) {
        EXPECT_STREQ(e.what(), "options.draws: at most 100000000 draws, found 100000001");
    }
}
