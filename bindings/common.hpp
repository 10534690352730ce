// The one header every binding file includes first, so every translation unit sees the same
// type casters (STL containers, std::optional, std::filesystem::path, Eigen, numpy) and the same
// helpers. The helpers give every value type the same Python shape from one list of its fields:
// keyword constructor, read-write properties, to_dict(), ==, repr from C++ operator<<,
// copy/deepcopy and a versioned pickle state (version, field, field, ...). Nothing here knows
// about the domain.
#pragma once

#include <pybind11/eigen.h>
#include <pybind11/native_enum.h>
#include <pybind11/numpy.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <datetime.h>

#include <concepts>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dtiplan/dtiplan.hpp"
// The track and score layers, included here (the umbrella header may not list them yet).
#include "dtiplan/score/attainment.hpp"
#include "dtiplan/score/framework.hpp"
#include "dtiplan/score/scorecard.hpp"
#include "dtiplan/score/scoring.hpp"
#include "dtiplan/track/calendar.hpp"
#include "dtiplan/track/observation.hpp"
#include "dtiplan/track/observation_io.hpp"
#include "dtiplan/track/period.hpp"

namespace py = pybind11;

// boost::gregorian::date <-> datetime.date. A date that is not set (not_a_date_time) is None, and
// None converts back to it. From Python, a datetime.date (or datetime.datetime: its date) or an
// ISO string "2026-03-19" (read by dtiplan::parse_iso_date, which raises FormatError quoting it:
// a string given for a date field is data, and data files write dates in ISO; dtiplan.parse_date
// also reads "19/03/2026").
namespace pybind11::detail {
template <>
struct type_caster<boost::gregorian::date> {
    PYBIND11_TYPE_CASTER(boost::gregorian::date, const_name("datetime.date"));

    bool load(handle src, bool convert) {
        if (!src) return false;
        if (!PyDateTimeAPI) {
            PyDateTime_IMPORT;
        }
        if (src.is_none()) {
            value = boost::gregorian::date(boost::gregorian::not_a_date_time);
            return true;
        }
        if (PyDate_Check(src.ptr())) {
            const int y = PyDateTime_GET_YEAR(src.ptr());
            const int m = PyDateTime_GET_MONTH(src.ptr());
            const int d = PyDateTime_GET_DAY(src.ptr());
            try {
                value = boost::gregorian::date(static_cast<unsigned short>(y),
                                               static_cast<unsigned short>(m),
                                               static_cast<unsigned short>(d));
            } catch (const std::out_of_range&) {
                return false;  // a year boost cannot hold (before 1400)
            }
            return true;
        }
        if (convert && PyUnicode_Check(src.ptr())) {
            value = dtiplan::parse_iso_date(src.cast<std::string>());
            return true;
        }
        return false;
    }

    static handle cast(const boost::gregorian::date& d, return_value_policy, handle) {
        if (d.is_special()) return none().release();
        if (!PyDateTimeAPI) {
            PyDateTime_IMPORT;
        }
        return PyDate_FromDate(static_cast<int>(d.year()), static_cast<int>(d.month()),
                               static_cast<int>(d.day()));
    }
};

// dtiplan::PeerValues <-> dict[str, float]: a peer result's main indices and components read as
// the dicts they were when they were std::maps (a copy; assign a new dict to change them), and
// any mapping of str to float sets them.
template <>
struct type_caster<dtiplan::PeerValues> {
    PYBIND11_TYPE_CASTER(dtiplan::PeerValues, const_name("dict[str, float]"));

    bool load(handle src, bool convert) {
        make_caster<std::map<std::string, double>> as_map;
        if (!as_map.load(src, convert)) return false;
        const auto& m = cast_op<const std::map<std::string, double>&>(as_map);
        value =
            dtiplan::PeerValues(std::vector<std::pair<std::string, double>>(m.begin(), m.end()));
        return true;
    }

    static handle cast(const dtiplan::PeerValues& values, return_value_policy, handle) {
        pybind11::dict out;
        for (const auto& [id, v] : values) out[pybind11::str(id)] = pybind11::float_(v);
        return out.release();
    }
};
}  // namespace pybind11::detail

namespace dtiplan_bindings {

// One registration function per topic, called in this order by module.cpp (a type must be
// registered before another binding uses it as a default argument).
void register_version(py::module_& m);
void register_errors(py::module_& m);
void register_cancellation(py::module_& m);
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
void register_period(py::module_& m);
void register_observation(py::module_& m);
void register_observation_io(py::module_& m);
void register_calendar(py::module_& m);
void register_framework(py::module_& m);
void register_scoring(py::module_& m);
void register_attainment(py::module_& m);
void register_scorecard(py::module_& m);
void register_series(py::module_& m);
void register_trend(py::module_& m);
void register_progress(py::module_& m);
void register_projection(py::module_& m);
void register_rank_peers(py::module_& m);
void register_rank_simulation(py::module_& m);
void register_rank_planner(py::module_& m);
void register_examples(py::module_& m);
void register_score_log(py::module_& m);
void register_indicator_progress(py::module_& m);
void register_outlook(py::module_& m);
void register_rank_scenario(py::module_& m);

/// Attach `spelling` (the file spelling, C++ to_string) and `from_spelling` to a finished
/// Python enum class `m.<name>`. to_string and label are called unqualified, so that argument-
/// dependent lookup finds the overloads of headers included after this one.
template <class E>
void add_spelling(py::module_& m, const char* name,
                  std::optional<E> (*parse)(std::string_view) noexcept) {
    py::object cls = m.attr(name);
    const py::object builtins = py::module_::import("builtins");
    const std::string enum_name = name;

    cls.attr("spelling") = builtins.attr("property")(
        py::cpp_function([](E v) { return std::string(to_string(v)); }, py::arg("self")),
        py::none(), py::none(), "The stable spelling used in plan files and outputs.");

    cls.attr("from_spelling") = builtins.attr("classmethod")(py::cpp_function(
        [parse, enum_name](const py::object&, std::string_view spelling) {
            if (auto v = parse(spelling)) return *v;
            throw py::value_error("unknown " + enum_name + " spelling \"" + std::string(spelling) +
                                  "\"");
        },
        py::name("from_spelling"), py::arg("cls"), py::arg("spelling"),
        "The member with this file spelling; ValueError when there is none."));
}

/// Attach `label(lang)` (the C++ label(v, lang) shown to people) to a finished Python enum class.
template <class E>
void add_label(py::module_& m, const char* name) {
    py::object cls = m.attr(name);
    cls.attr("label") = py::cpp_function(
        [](E v, dtiplan::Language lang) { return std::string(label(v, lang)); }, py::name("label"),
        py::is_method(cls), py::arg_v("lang", dtiplan::Language::Vietnamese, "Language.Vietnamese"),
        "The label shown to people, in Vietnamese (default) or English.");
}

/// A copy of what a look-up found, or None: never a reference into a container Python code may
/// replace at any time.
template <class T>
[[nodiscard]] std::optional<T> copy_or_none(const T* found) {
    if (found == nullptr) return std::nullopt;
    return *found;
}

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
concept Streamable = requires(std::ostream& os, const T& v) {
    os << v;
};

/// The Python class name of `self` (a subclass prints its own name).
[[nodiscard]] inline std::string python_type_name(py::handle self) {
    return py::type::of(self).attr("__name__").cast<std::string>();
}

/// The C++ object of a Python object of a bound class, shared with C++ without a copy: the
/// shared_ptr keeps the Python object (and so the C++ one) alive, and gives it back with the GIL.
/// For a large input C++ keeps (a peer table an outlook ranks against). TypeError naming `what`
/// when `object` is not a T.
template <class T>
[[nodiscard]] std::shared_ptr<const T> share_from_python(const py::handle& object,
                                                         const char* what) {
    if (!py::isinstance<T>(object))
        throw py::type_error(std::string(what) + ": expected " +
                             py::type::of<T>().attr("__name__").template cast<std::string>() +
                             ", found " + python_type_name(object));
    const T* value = object.cast<const T*>();
    auto keep = py::reinterpret_borrow<py::object>(object);
    return std::shared_ptr<const T>(value, [keep = std::move(keep)](const T*) mutable {
        const py::gil_scoped_acquire gil;
        keep = py::object();
    });
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

/// A field's value in a repr: its repr, a list or dict of more than 3 items as its first item
/// and a count ("[PeerResult(...), ... 95 items]"), anything longer than 120 characters cut
/// with "...": a repr stays a line, whatever the data.
[[nodiscard]] inline std::string short_repr(const py::object& value) {
    std::string text;
    if (py::isinstance<py::list>(value) && py::len(value) > 3) {
        text = "[" + py::repr(value.cast<py::list>()[0]).cast<std::string>() + ", ... " +
               std::to_string(py::len(value)) + " items]";
    } else if (py::isinstance<py::dict>(value) && py::len(value) > 3) {
        text = "{... " + std::to_string(py::len(value)) + " items}";
    } else {
        text = py::repr(value).cast<std::string>();
    }
    if (text.size() > 120) {
        std::size_t cut = 117;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
        text = text.substr(0, cut) + "...";
    }
    return text;
}

/// Text for HTML: & < > " escaped.
[[nodiscard]] inline std::string html_escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

/// repr() for the few types without an operator<<: "Name(field=repr, ...)", each field short
/// (short_repr).
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
        text += short_repr(field_value);
    };
    (add(fields.name, py::cast(value.*(fields.member))), ...);
    return text + ")";
}

/// The fields of a record as a Python dict, by name in declaration order, each value a copy
/// converted as its property converts it (nested value types stay objects; lists are lists).
/// What frame builders and JSON writers start from instead of naming every field again.
template <class T, class... M>
[[nodiscard]] py::dict fields_dict(const T& value, const Field<T, M>&... fields) {
    py::dict out;
    ((out[fields.name] = py::cast(value.*(fields.member), py::return_value_policy::copy)), ...);
    return out;
}

/// Give a record its Python shape from the list of its fields (in declaration order):
///  - __init__(field=default, ...), defaults taken from a default-constructed T;
///  - a read-write property per field (containers are returned as copies: assign a new list to
///    change one; nested structs are returned by reference, so plan.goal.top = 5 works);
///  - to_dict(): the fields by name (fields_dict);
///  - __repr__ from operator<< when T has one, else from the fields;
///  - __copy__ / __deepcopy__ (a C++ copy is a deep copy).
/// For a record without a meaningful C++ operator== (equality is identity, no pickle state).
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
        "to_dict", [fields...](const T& self) { return fields_dict(self, fields...); },
        "The fields by name, in declaration order: {'field': value, ...}; each value a copy, as "
        "its property gives it (nested records stay objects).");

    if constexpr (Streamable<T>) {
        cls.def("__repr__", &repr_from_stream<T>, "One-line description (C++ operator<<).");
    } else {
        cls.def(
            "__repr__",
            [fields...](py::handle self) { return repr_from_fields<T>(self, fields...); },
            "One-line description listing the fields.");
    }

    cls.def(
        "__copy__", [](const T& self) { return T(self); }, "A copy (always deep).");
    cls.def(
        "__deepcopy__", [](const T& self, const py::object&) { return T(self); }, py::arg("memo"),
        "A deep copy.");
}

/// A value type: a record (def_record_type) that also has
///  - __eq__ / __ne__ (C++ operator==), __hash__ = None since the type is mutable;
///  - pickling through the state tuple (kPickleVersion, field, ...).
template <class T, class... M>
void def_value_type(py::class_<T>& cls, const char* init_doc, Field<T, M>... fields) {
    def_record_type(cls, init_doc, fields...);
    cls.def(
        "__eq__", [](const T& a, const T& b) { return a == b; }, py::is_operator(),
        py::arg("other"), "Equal when every field is equal.");
    cls.def(
        "__ne__", [](const T& a, const T& b) { return !(a == b); }, py::is_operator(),
        py::arg("other"), "Not equal when any field differs.");

    constexpr std::size_t n_fields = sizeof...(M);
    cls.def(py::pickle(
                [fields...](const T& v) {
                    return py::make_tuple(kPickleVersion, v.*(fields.member)...);
                },
                [fields...](const py::tuple& state) {
                    if (state.size() != n_fields + 1 || state[0].cast<int>() != kPickleVersion)
                        throw py::value_error("cannot unpickle " + std::string(py::type_id<T>()) +
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
