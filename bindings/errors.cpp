// dtiplan's error classes as Python exceptions. Error subclasses ValueError and each C++ class
// maps onto its own Python subclass, so callers can catch the specific one or just ValueError.
// The raised exception also carries the location and the bare message as attributes
// (`where`, `detail`), which is why this uses one translator instead of register_exception.
#include "common.hpp"

namespace dtiplan_bindings {
namespace {

// Create an exception class in `m` deriving from `base`, with class attributes `attributes`.
py::object new_exception(py::module_& m, const char* name, py::handle base, const char* doc,
                         const py::dict& attributes = py::dict()) {
    const std::string qualified = m.attr("__name__").cast<std::string>() + "." + name;
    PyObject* type =
        PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base.ptr(), attributes.ptr());
    if (type == nullptr) throw py::error_already_set();
    auto cls = py::reinterpret_steal<py::object>(type);
    m.attr(name) = cls;
    return cls;
}

// Raise `e` as an instance of dtiplan._core.<name> with its location attached.
void raise_as(const char* name, const dtiplan::Error& e) {
    const py::object cls = py::module_::import("dtiplan._core").attr(name);
    py::object exc = cls(e.what());
    exc.attr("where") = e.where();
    exc.attr("detail") = e.detail();
    PyErr_SetObject(cls.ptr(), exc.ptr());
}

}  // namespace

void register_errors(py::module_& m) {
    // Class-level defaults, so `where` and `detail` exist on every instance.
    py::dict defaults;
    defaults["where"] = "";
    defaults["detail"] = "";
    const py::object error = new_exception(
        m, "Error", PyExc_ValueError,
        "Base of every dtiplan error about bad input (a ValueError).\n\n"
        "str(e) is 'where: what'; e.where is the location (file, JSON path, quoted phrase) or "
        "'', e.detail the message without it.",
        defaults);
    new_exception(m, "TargetPhraseError", error,
                  "A Vietnamese target phrase that cannot be read ('Trên tám mươi phần trăm').");
    new_exception(m, "FormatError", error,
                  "A plan or data file that is not what the schema expects (bad JSON, wrong "
                  "type, missing or unknown field).");
    new_exception(m, "FileError", error, "A file that cannot be opened, read or written.");
    new_exception(m, "ValidationError", error,
                  "A well-formed value that is not allowed (duplicate id, unknown unit, rate "
                  "outside 0..1).");

    // Most specific class first.
    py::register_exception_translator([](std::exception_ptr p) {
        if (!p) return;
        try {
            std::rethrow_exception(p);
        } catch (const dtiplan::TargetPhraseError& e) {
            raise_as("TargetPhraseError", e);
        } catch (const dtiplan::FormatError& e) {
            raise_as("FormatError", e);
        } catch (const dtiplan::FileError& e) {
            raise_as("FileError", e);
        } catch (const dtiplan::ValidationError& e) {
            raise_as("ValidationError", e);
        } catch (const dtiplan::Error& e) {
            raise_as("Error", e);
        }
    });
}

}  // namespace dtiplan_bindings
