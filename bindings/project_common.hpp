// Helpers shared by the projection layer's bindings (series, trend, progress, projection): the
// projection headers and numpy copies of vectors. Records use def_record_type (common.hpp).
#pragma once

#include "common.hpp"

#include <utility>

#include "dtiplan/project/progress.hpp"
#include "dtiplan/project/projected_dti.hpp"
#include "dtiplan/project/series.hpp"
#include "dtiplan/project/trajectory.hpp"
#include "dtiplan/project/trend.hpp"

namespace dtiplan_bindings {

/// A numpy array holding a copy of a vector of doubles.
[[nodiscard]] inline py::array_t<double> to_array(const std::vector<double>& v) {
    py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), out.mutable_data());
    return out;
}

}  // namespace dtiplan_bindings
