// The parallel draw loop (parallel.hpp).
#include "detail/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace dtiplan::detail {

std::size_t thread_count(std::size_t requested, std::size_t count, std::size_t chunk) noexcept {
    const std::size_t wanted =
        requested != 0 ? requested : std::max(1U, std::thread::hardware_concurrency());
    const std::size_t chunks = (count + chunk - 1) / std::max<std::size_t>(1, chunk);
    return std::max<std::size_t>(1, std::min(wanted, chunks));
}

bool parallel_chunks(std::size_t count, std::size_t chunk, std::size_t threads,
                     const ChunkWork& work, const KeepGoing& keep_going) {
    chunk = std::max<std::size_t>(1, chunk);
    threads = std::max<std::size_t>(1, threads);
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable finished_cv;
    std::size_t finished = 0;
    std::exception_ptr error;
    bool stopped = false;

    // Take chunks until none are left or told to stop; `between` runs after each chunk.
    const auto take = [&](std::size_t t, const auto& between) {
        while (!stop.load(std::memory_order_relaxed)) {
            const std::size_t first = next.fetch_add(chunk, std::memory_order_relaxed);
            if (first >= count) return;
            work(t, first, std::min(first + chunk, count));
            between();
        }
    };
    const auto ask = [&] {
        if (keep_going && !stopped && !keep_going()) {
            stopped = true;
            stop.store(true);
        }
    };

    std::vector<std::thread> workers;
    workers.reserve(threads - 1);
    try {
        for (std::size_t t = 1; t < threads; ++t)
            workers.emplace_back([&, t] {
                try {
                    take(t, [] {});
                } catch (...) {
                    std::lock_guard lock(mutex);
                    if (!error) error = std::current_exception();
                    stop.store(true);
                }
                std::lock_guard lock(mutex);
                ++finished;
                finished_cv.notify_all();
            });
    } catch (...) {  // a thread could not be started: stop the ones that were
        stop.store(true);
        for (auto& w : workers) w.join();
        throw;
    }
    std::exception_ptr caller_error;
    try {
        take(0, ask);
        std::unique_lock lock(mutex);
        while (finished < workers.size()) {
            finished_cv.wait_for(lock, std::chrono::milliseconds(20));
            lock.unlock();
            ask();
            lock.lock();
        }
    } catch (...) {
        caller_error = std::current_exception();
        stop.store(true);
    }
    for (auto& w : workers) w.join();
    if (caller_error) std::rethrow_exception(caller_error);
    if (error) std::rethrow_exception(error);
    return !stopped;
}

}  // namespace dtiplan::detail
