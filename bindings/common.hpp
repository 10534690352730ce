// The one header every binding file includes first, so every translation unit sees the same
// type casters (STL containers, std::optional, std::filesystem::path, Eigen, numpy) and the same
// helpers. The helpers give every value type the same Python shape from one list of its fields:
// keyword constructor, read-write properties, ==, repr from C++ operator<<, copy/deepcopy and a
// versioned pickle state (version, field, field, ...). Nothing here knows about the domain.
#pragma once

#include <pybind11/eigen.h>
#include <pybind11/native_enum.h>
#include <pybind11/numpy.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <concepts>
#include <cstddef>
#include <ostream>
#include <sstream>
#include <string>
#include <utility>

#include "dtiplan/dtiplan.hpp"

namespace py = pybind11;

namespace dtiplan_bindings {

// One registration function per topic, called in this order by module.cpp (a type must be
// registered before another binding uses it as a default argument).
void register_version(py::module_& m);
void register_errors(py::module_& m);
void register_enums(py::module_& m);
void register_source(py::module_& m);
void register_unit(py::module_& m);
void register_target(py::module_& m);
void register_target_phrase(py::module_& m);
void register_indicator(py::module_& m);
void register_plan(py::module_& m);
void register_plan_io(py::module_& m);
void register_check(py::module_& m);
void register_responsibility(py::module_& m);

/// Version of the pickle state of every value type: (kPickleVersion, field, field, ...).
inline constexpr int kPickleVersion = 1;

/// One data member of a value type: its Python name, the member and its docstring.
template <class T, class M>
struct Field {
    const char* name;
    M T::*member;
    const char* doc;
};

template <class T, class M>
[[nodiscard]] constexpr Field<T, M> field(const char* name, M T::*member, const char* doc) {
    return {name, member, doc};
}

template <class T>
concept Streamable = requires(std::ostream& os, const T& v) { os << v; };

/// The Python class name of `self` (a subclass prints its own name).
[[nodiscard]] inline std::string python_type_name(py::handle self) {
    return py::type::of(self).attr("__name__").cast<std::string>();
}

/// repr() from the C++ operator<<: "Target(2026, ...)" with the leading C++ name replaced by
/// the Python class name.
template <Streamable T>
[[nodiscard]] std::string repr_from_stream(py::handle self) {
    std::ostringstream os;
    os << self.cast<const T&>();
    std::string text = os.str();
    const std::string name = python_type_name(self);
    const auto paren = text.find('(');
    if (paren == std::string::npos) return name + "(" + text + ")";
    return name + text.substr(paren);
}

/// repr() for the few types without an operator<<: "Name(field=repr, ...)".
template <class T, class... M>
[[nodiscard]] std::string repr_from_fields(py::handle self, const Field<T, M>&... fields) {
    const T& value = self.cast<const T&>();
    std::string text = python_type_name(self) + "(";
    bool first = true;
    auto add = [&](const char* name, py::object field_value) {
        if (!first) text += ", ";
        first = false;
        text += name;
        text += "=";
        text += py::repr(field_value).cast<std::string>();
    };
    (add(fields.name, py::cast(value.*(fields.member))), ...);
    return text + ")";
}

/// Give a value type its Python shape from the list of its fields (in declaration order):
///  - __init__(field=default, ...), defaults taken from a default-constructed T;
///  - a read-write property per field (containers are returned as copies: assign a new list to
///    change one; nested structs are returned by reference, so plan.goal.top = 5 works);
///  - __eq__ / __ne__ (C++ operator==), __hash__ = None since the type is mutable;
///  - __repr__ from operator<< when T has one, else from the fields;
///  - __copy__ / __deepcopy__ (a C++ copy is a deep copy);
///  - pickling through the state tuple (kPickleVersion, field, ...).
template <class T, class... M>
void def_value_type(py::class_<T>& cls, const char* init_doc, Field<T, M>... fields) {
    const T defaults{};
    cls.def(py::init([fields...](M... values) {
                T v;
                ((v.*(fields.member) = std::move(values)), ...);
                return v;
            }),
            py::arg_v(fields.name, defaults.*(fields.member))..., init_doc);

    (cls.def_readwrite(fields.name, fields.member, fields.doc), ...);

    cls.def(
        "__eq__", [](const T& a, const T& b) { return a == b; }, py::is_operator(),
        py::arg("other"), "Equal when every field is equal.");
    cls.def(
        "__ne__", [](const T& a, const T& b) { return !(a == b); }, py::is_operator(),
        py::arg("other"), "Not equal when any field differs.");

    if constexpr (Streamable<T>) {
        cls.def("__repr__", &repr_from_stream<T>, "One-line description (C++ operator<<).");
    } else {
        cls.def(
            "__repr__", [fields...](py::handle self) { return repr_from_fields<T>(self, fields...); },
            "One-line description listing the fields.");
    }

    cls.def(
        "__copy__", [](const T& self) { return T(self); }, "A copy (always deep).");
    cls.def(
        "__deepcopy__", [](const T& self, const py::object&) { return T(self); }, py::arg("memo"),
        "A deep copy.");

    constexpr std::size_t n_fields = sizeof...(M);
    cls.def(py::pickle(
                [fields...](const T& v) {
                    return py::make_tuple(kPickleVersion, v.*(fields.member)...);
                },
                [fields...](const py::tuple& state) {
                    if (state.size() != n_fields + 1 || state[0].cast<int>() != kPickleVersion)
                        throw py::value_error("cannot unpickle " +
                                              std::string(py::type_id<T>()) +
                                              ": unknown state (expected version " +
                                              std::to_string(kPickleVersion) + " with " +
                                              std::to_string(n_fields) + " fields)");
                    T v;
                    std::size_t i = 1;
                    ((v.*(fields.member) = state[i++].template cast<M>()), ...);
                    return v;
                }),
            "Restore from the pickle state (version, field, ...).");
}

}  // namespace dtiplan_bindings
