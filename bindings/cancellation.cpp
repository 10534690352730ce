// Progress and Ctrl-C for long computations (cancellation.hpp): the SimulationCancelled
// exception, and progress_scope, a context manager that reports the progress of every long
// computation run inside it (the command's progress line uses it).
#include "cancellation.hpp"

#include <memory>
#include <optional>

namespace dtiplan_bindings {

dtiplan::ProgressCallback python_progress(const dtiplan::ProgressCallback* next,
                                          const py::object& progress) {
    return [next, progress](std::size_t done, std::size_t total) {
        py::gil_scoped_acquire gil;
        if (PyErr_CheckSignals() != 0) {
            if (!PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) throw py::error_already_set();
            PyErr_Clear();  // Ctrl-C: stop, raised as SimulationCancelled
            return false;
        }
        if (next != nullptr) {
            py::gil_scoped_release release;  // a C++ callback runs as it would without Python
            return (*next)(done, total);
        }
        if (progress.is_none()) return true;
        const py::object answer = progress(done, total);
        return answer.is_none() || answer.cast<bool>();
    };
}

namespace {

/// `with progress_scope(callback):` the long computations run inside call callback(done, total).
class PythonProgressScope {
public:
    explicit PythonProgressScope(py::object callback) : callback_(std::move(callback)) {}
    void enter() {
        if (scope_) throw std::logic_error("progress_scope is already entered");
        scope_.emplace(python_progress(nullptr, callback_));
    }
    void exit() { scope_.reset(); }

private:
    py::object callback_;
    std::optional<dtiplan::ProgressScope> scope_;
};

}  // namespace

void register_cancellation(py::module_& m) {
    py::register_exception<dtiplan::SimulationCancelled>(m, "SimulationCancelled",
                                                         PyExc_RuntimeError)
        .attr("__doc__") =
        "Raised by a long computation (simulate_ranks, rank_distribution by Monte Carlo, "
        "project_dti, rank_outlook) stopped by Ctrl-C or by a progress callback that returned "
        "False.";
    m.attr("MAX_DRAWS") = dtiplan::kMaxDraws;
    py::class_<PythonProgressScope>(
        m, "progress_scope",
        "with progress_scope(callback): every long computation run inside the block (on this "
        "thread) calls callback(done, total) about every 0.1 s of work and once at the end; "
        "returning False stops it (SimulationCancelled).")
        .def(py::init<py::object>(), py::arg("callback"))
        .def("__enter__",
             [](PythonProgressScope& self) -> PythonProgressScope& {
                 self.enter();
                 return self;
             })
        .def("__exit__", [](PythonProgressScope& self, const py::args&) {
            self.exit();
            return false;
        });
}

}  // namespace dtiplan_bindings
