// An allocator for large work arrays that are written all over (the rank engine's per-thread
// N x N rank counts: 44 MB against 3,321 units, far beyond what the TLB covers in 4 KB pages).
// This asks the kernel for 2 MB pages where it can (Linux's transparent huge pages,
// MADV_HUGEPAGE, which most distributions grant on request) and is std::allocator elsewhere and
// for small arrays. The contents are the same either way; the national simulation is 2-4%
// faster with it (docs/performance.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>

#if defined(__linux__) && __has_include(<sys/mman.h>)
#include <sys/mman.h>
#define DTIPLAN_LARGE_PAGES 1
#endif

namespace dtiplan::detail {

template <class T>
struct LargePageAllocator {
    using value_type = T;

    static constexpr std::size_t kPage = std::size_t{2} << 20U;  ///< 2 MB
    /// Arrays of at least this many bytes are mapped on their own, aligned to kPage.
    static constexpr std::size_t kLarge = std::size_t{4} << 20U;

    LargePageAllocator() noexcept = default;
    template <class U>
    explicit LargePageAllocator(const LargePageAllocator<U>& /*other*/) noexcept {}

    [[nodiscard]] T* allocate(std::size_t n) {
#ifdef DTIPLAN_LARGE_PAGES
        if (n <= SIZE_MAX / sizeof(T) && n * sizeof(T) >= kLarge) {
            const std::size_t bytes = rounded(n);
            // Map a page more than needed, then unmap the slack on both sides of the aligned part.
            void* raw = ::mmap(nullptr, bytes + kPage, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (raw == MAP_FAILED) throw std::bad_alloc();
            const auto at = reinterpret_cast<std::uintptr_t>(raw);
            const std::uintptr_t start = (at + kPage - 1) / kPage * kPage;
            if (start > at) ::munmap(raw, start - at);
            if (const std::size_t tail = at + bytes + kPage - (start + bytes); tail > 0)
                ::munmap(reinterpret_cast<void*>(start + bytes), tail);
            void* p = reinterpret_cast<void*>(start);
            ::madvise(p, bytes, MADV_HUGEPAGE);  // a hint: 4 KB pages if refused
            return static_cast<T*>(p);
        }
#endif
        return std::allocator<T>{}.allocate(n);
    }

    void deallocate(T* p, std::size_t n) noexcept {
#ifdef DTIPLAN_LARGE_PAGES
        if (n * sizeof(T) >= kLarge) {
            ::munmap(p, rounded(n));
            return;
        }
#endif
        std::allocator<T>{}.deallocate(p, n);
    }

    template <class U>
    bool operator==(const LargePageAllocator<U>& /*other*/) const noexcept {
        return true;
    }

private:
    [[nodiscard]] static std::size_t rounded(std::size_t n) noexcept {
        return (n * sizeof(T) + kPage - 1) / kPage * kPage;
    }
};

}  // namespace dtiplan::detail
