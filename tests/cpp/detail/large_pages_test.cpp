// The allocator of large work arrays (the rank engine's per-thread rank counts): a vector on it
// holds what a vector on std::allocator holds, small or large, and a large one is aligned to
// the 2 MB pages it asks for.
#include "detail/large_pages.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace dtiplan::detail {
namespace {

using Counts = std::vector<std::uint32_t, LargePageAllocator<std::uint32_t>>;

TEST(LargePageAllocator, ALargeArrayIsZeroedWritableAndAlignedToItsPages) {
    // 3,321 units: the national rank counts, 44 MB.
    const std::size_t n = std::size_t{3321} * 3321;
    Counts counts(n, 0U);
    ASSERT_EQ(counts.size(), n);
#ifdef DTIPLAN_LARGE_PAGES
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(counts.data()) % LargePageAllocator<int>::kPage, 0U);
#endif
    std::uint64_t sum = 0;
    for (const std::uint32_t c : counts) sum += c;
    EXPECT_EQ(sum, 0U);
    for (std::size_t i = 0; i < n; i += 4099) counts[i] = static_cast<std::uint32_t>(i % 1000);
    EXPECT_EQ(counts[4099 * 7], (4099U * 7U) % 1000U);
    EXPECT_EQ(counts.back(), 0U);
    Counts().swap(counts);  // released by munmap
    EXPECT_TRUE(counts.empty());
}

TEST(LargePageAllocator, ASmallArrayAndGrowingPastTheThresholdKeepTheValues) {
    Counts counts(95 * 95, 7U);                // a province's: std::allocator
    counts.resize(std::size_t{2} << 20U, 9U);  // 8 MB: moved to its own mapping
    EXPECT_EQ(counts.front(), 7U);
    EXPECT_EQ(counts[95 * 95 - 1], 7U);
    EXPECT_EQ(counts[95 * 95], 9U);
    EXPECT_EQ(counts.back(), 9U);
}

}  // namespace
}  // namespace dtiplan::detail
