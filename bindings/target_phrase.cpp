// Reading and writing the Vietnamese target phrases.
#include "common.hpp"

namespace dtiplan_bindings {

void register_target_phrase(py::module_& m) {
    m.def("parse_target_phrase", &dtiplan::parse_target_phrase, py::arg("phrase"),
          "Parse a Vietnamese target phrase ('Trên 80%', 'Ứng dụng 9/9 nền tảng', 'Có ứng dụng "
          "AI') into a TargetValue. Raises TargetPhraseError quoting the phrase.");
    m.def("format_target", &dtiplan::format_target, py::arg("value"),
          py::arg_v("lang", dtiplan::Language::Vietnamese, "Language.Vietnamese"),
          "The phrase a parsed target is written as: 'Trên 80%' / 'above 80%', '9/9'; decimal "
          "comma in Vietnamese.");
}

}  // namespace dtiplan_bindings
