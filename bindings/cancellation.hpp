// Long computations from Python (docs/cancellation.md): run without the GIL, stopped by Ctrl-C.
// WithoutGil is the call guard of every long computation's binding: while it lives the GIL is
// released and a ProgressScope takes the GIL back about every 0.1 s of work to check for
// signals; Ctrl-C stops the computation with SimulationCancelled, and a progress scope opened
// from Python (dtiplan._core.progress_scope) is still called.
#pragma once

#include "common.hpp"

namespace dtiplan_bindings {

/// A progress callback that, with the GIL, checks for signals (Ctrl-C: returns false, so the
/// computation stops with SimulationCancelled; another signal's exception is raised) and then
/// calls `next` (a C++ callback, may be null) or the Python `progress(done, total)` (may be
/// None; a None or true answer goes on).
dtiplan::ProgressCallback python_progress(const dtiplan::ProgressCallback* next,
                                          const py::object& progress = py::none());

/// Call guard: the GIL released, Ctrl-C checked, any outer progress scope still called.
class WithoutGil {
public:
    WithoutGil() : scope_(python_progress(dtiplan::ProgressScope::current())) {}

private:
    dtiplan::ProgressScope scope_;  // made with the GIL, removed after it is taken back
    py::gil_scoped_release release_;
};

}  // namespace dtiplan_bindings
