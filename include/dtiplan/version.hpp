#pragma once

#define DTIPLAN_VERSION_MAJOR 0
#define DTIPLAN_VERSION_MINOR 1
#define DTIPLAN_VERSION_PATCH 0

namespace dtiplan {
inline constexpr const char* kVersion = "0.1.0";
}  // namespace dtiplan
