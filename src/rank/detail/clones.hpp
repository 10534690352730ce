// How the rank engine's hot functions are compiled: for x86-64-v1, AVX2 and AVX-512 at once
// (function multiversioning, picked at load time, or one build per set picked at run time),
// because the wheel must run on any x86-64; and the small helpers they call always inlined.
#pragma once

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && defined(__linux__) && \
    !defined(DTIPLAN_NO_MULTIVERSIONING) && !defined(__SANITIZE_ADDRESS__)
#define DTIPLAN_KERNEL_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define DTIPLAN_KERNEL_CLONES
#endif
// The rank simulation's kernel is built once per instruction set in `#pragma GCC target` regions
// and picked at run time (simulation_kernel.cpp): no ifunc, so address sanitizer builds have it
// too. Other compilers and processors build only the baseline.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && \
    !defined(DTIPLAN_NO_MULTIVERSIONING)
#define DTIPLAN_KERNEL_ISAS 1
#else
#define DTIPLAN_KERNEL_ISAS 0
#endif
#if defined(__GNUC__)
#define DTIPLAN_INLINE inline __attribute__((always_inline))
#else
#define DTIPLAN_INLINE inline
#endif

// The kernel's vector types are passed between always-inlined functions of the kernel's files;
// GCC's note that their ABI differs without AVX-512 does not concern us.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif
