// The illustrative peers (đơn vị so sánh minh họa): 94 invented communes of a synthetic
// Đồng Nai-sized province with their 2025 DTI, main indices and component values, made by a
// seeded script (scripts/make_example_peers.py) and embedded in the library. No commune results
// are published for Đồng Nai yet, so the outlook ranks against these by default; they are not
// real results, and every result read from them is marked illustrative.
#pragma once

#include <string_view>

#include "dtiplan/rank/peers.hpp"
#include "dtiplan/score/framework.hpp"

namespace dtiplan {

/// The file name the example is known by (each result's origin is "<this>:<row>").
inline constexpr std::string_view kExamplePeersFile = "illustrative-peers-2025.csv";

/// The CSV text of the example as shipped in data/examples/.
[[nodiscard]] std::string_view example_peers_csv() noexcept;

/// The example read with `framework`'s main indicator and component columns (the built-in
/// framework's ids); every result has illustrative set. Throws as peers_from_csv for a
/// framework without those ids.
[[nodiscard]] PeerTable example_peers(const Framework& framework);

}  // namespace dtiplan
