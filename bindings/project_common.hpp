// Helpers shared by the projection layer's bindings (series, trend, progress, projection): a
// Python shape for plain records that have no C++ operator== (keyword constructor, read-write
// properties, repr from the fields, copy/deepcopy), and the projection headers.
#pragma once

#include "common.hpp"

#include <utility>

#include "dtiplan/project/progress.hpp"
#include "dtiplan/project/projected_dti.hpp"
#include "dtiplan/project/series.hpp"
#include "dtiplan/project/trajectory.hpp"
#include "dtiplan/project/trend.hpp"

namespace dtiplan_bindings {

/// Like def_value_type, for a record without operator== (equality is identity) and without a
/// pickle state: keyword constructor with the C++ defaults, read-write properties, repr listing
/// the fields, __copy__ and __deepcopy__.
template <class T, class... M>
void def_record_type(py::class_<T>& cls, const char* init_doc, Field<T, M>... fields) {
    const T defaults{};
    cls.def(py::init([fields...](M... values) {
                T v;
                ((v.*(fields.member) = std::move(values)), ...);
                return v;
            }),
            py::arg_v(fields.name, defaults.*(fields.member))..., init_doc);
    (cls.def_readwrite(fields.name, fields.member, fields.doc), ...);
    cls.def(
        "__repr__", [fields...](py::handle self) { return repr_from_fields<T>(self, fields...); },
        "One-line description listing the fields.");
    cls.def(
        "__copy__", [](const T& self) { return T(self); }, "A copy (always deep).");
    cls.def(
        "__deepcopy__", [](const T& self, const py::object&) { return T(self); }, py::arg("memo"),
        "A deep copy.");
}

/// A numpy array holding a copy of a vector of doubles.
[[nodiscard]] inline py::array_t<double> to_array(const std::vector<double>& v) {
    py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
    std::copy(v.begin(), v.end(), out.mutable_data());
    return out;
}

}  // namespace dtiplan_bindings
