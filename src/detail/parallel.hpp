// The parallel draw loop of the rank engines (rank_montecarlo.cpp, simulate_ranks.cpp): items
// 0..count-1 (draws, or blocks of draws) taken in chunks by `threads` threads, the caller's
// thread being one of them. Which thread runs a chunk does not change a result as long as each
// item's randomness depends on the item alone (stream i of the seed for draw i) and each thread
// adds into its own counts, which is how both engines use it.
#pragma once

#include <cstddef>
#include <functional>

namespace dtiplan::detail {

/// Work on items [first, last) as thread `thread` (0 is the caller's thread).
using ChunkWork = std::function<void(std::size_t thread, std::size_t first, std::size_t last)>;

/// Called on the caller's thread after each of its chunks and about every 20 ms while it waits
/// for the others; returning false stops every thread before its next chunk.
using KeepGoing = std::function<bool()>;

/// The threads to use: `requested`, or the hardware's when 0; at least 1, at most one per chunk.
[[nodiscard]] std::size_t thread_count(std::size_t requested, std::size_t count,
                                       std::size_t chunk) noexcept;

/// Run `work` over [0, count) in chunks of `chunk` items on `threads` threads. The first
/// exception thrown by any thread stops the others and is rethrown here once all have joined.
/// Returns false when keep_going stopped the loop, true when every item was done.
bool parallel_chunks(std::size_t count, std::size_t chunk, std::size_t threads,
                     const ChunkWork& work, const KeepGoing& keep_going = {});

}  // namespace dtiplan::detail
