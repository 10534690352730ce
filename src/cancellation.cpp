// Progress and cancellation of long computations (cancellation.hpp).
#include "dtiplan/cancellation.hpp"

#include <utility>

namespace dtiplan {
namespace {

/// The callback of the innermost ProgressScope of this thread, or null.
thread_local const ProgressCallback* scope_callback = nullptr;

}  // namespace

ProgressScope::ProgressScope(ProgressCallback callback)
    : callback_(std::move(callback)), outer_(scope_callback) {
    scope_callback = &callback_;
}

ProgressScope::~ProgressScope() { scope_callback = outer_; }

const ProgressCallback* ProgressScope::current() noexcept { return scope_callback; }

Progress::Progress(std::size_t total, const ProgressCallback& own)
    : callback_(own ? &own : scope_callback),
      total_(total),
      last_(std::chrono::steady_clock::now()) {
    if (callback_ != nullptr && !*callback_) callback_ = nullptr;
}

bool Progress::keep_going(std::size_t done) {
    if (stopped_ || callback_ == nullptr) return !stopped_;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < kProgressInterval || done == last_done_) return true;
    last_ = now;
    last_done_ = done;
    if (!(*callback_)(done, total_)) stopped_ = true;
    return !stopped_;
}

void Progress::finish(std::size_t done) {
    throw_if_stopped();
    if (callback_ != nullptr && done != last_done_) {
        last_done_ = done;
        if (!(*callback_)(done, total_)) stopped_ = true;
    }
    throw_if_stopped();
}

void Progress::throw_if_stopped() const {
    if (stopped_) throw SimulationCancelled();
}

}  // namespace dtiplan
