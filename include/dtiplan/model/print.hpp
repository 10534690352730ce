// Short one-line descriptions of the value types, for logs and Python repr():
// Target(2026, "Trên 80%", above 0.8), Indicator("I.03", "Tỷ lệ sử dụng ...", 2 targets), ...
// (A finding prints from its own layer: check/findings.hpp.)
#pragma once

#include <ostream>

#include "dtiplan/model/plan.hpp"

namespace dtiplan {

std::ostream& operator<<(std::ostream& os, const SourceRef& v);
std::ostream& operator<<(std::ostream& os, const Unit& v);
std::ostream& operator<<(std::ostream& os, const UnitGroup& v);
std::ostream& operator<<(std::ostream& os, const TargetValue& v);
std::ostream& operator<<(std::ostream& os, const Target& v);
std::ostream& operator<<(std::ostream& os, const Assignment& v);
std::ostream& operator<<(std::ostream& os, const Indicator& v);
std::ostream& operator<<(std::ostream& os, const Goal& v);
std::ostream& operator<<(std::ostream& os, const ReportingRules& v);
std::ostream& operator<<(std::ostream& os, const Plan& v);

}  // namespace dtiplan
