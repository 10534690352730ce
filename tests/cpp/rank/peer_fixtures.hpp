// Peers for the rank engine's tests: Đồng Nai's unit names, peers spread evenly over a range, a
// small peer table as coordinators write it, and the message of an expected error.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dtiplan/rank/growth.hpp"

namespace dtiplan_test {

/// The message of the error `f` throws, or "" when it throws none.
template <class E, class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    return "";
}

/// Four results of three communes over two years.
inline const char* const kPeersCsv =
    "unit,year,dti\n"
    "Phường Tam Hiệp,2025,0.8002\n"
    "Phường Trấn Biên,2025,0.7815\n"
    "Xã Đại Phước,2025,0.7240\n"
    "Phường Tam Hiệp,2024,0.7511\n";

using dtiplan::PeerForecast;

inline const std::vector<std::string> kNames{
    "Phường Tam Hiệp", "Phường Trấn Biên", "Phường Long Bình", "Phường Biên Hòa",
    "Phường Hố Nai",   "Xã Nhơn Trạch",    "Xã Phước An",      "Phường Long Khánh",
    "Xã Xuân Lộc",     "Phường Đồng Xoài", "Xã Long Thành",    "Xã An Phước"};

inline std::string name_of(std::size_t i) {
    return kNames[i % kNames.size()] +
           (i < kNames.size() ? "" : " " + std::to_string(i / kNames.size()));
}

/// n peers spread evenly over [lo, hi], each with a forecast spread sd and shock loading c.
inline std::vector<PeerForecast> spread_peers(std::size_t n, double lo, double hi, double sd,
                                              double shock = 0.0) {
    std::vector<PeerForecast> peers;
    for (std::size_t i = 0; i < n; ++i) {
        PeerForecast p;
        p.unit = name_of(i);
        p.mean = lo + (hi - lo) * (static_cast<double>(i) + 0.5) / static_cast<double>(n);
        p.last = p.mean;
        p.sd = sd;
        p.shock = shock;
        p.years = 1.0;
        p.year = 2025;
        peers.push_back(p);
    }
    return peers;
}

}  // namespace dtiplan_test
