// PeerValues (peer_values.hpp): a flat array of doubles over a sorted list of ids shared by the
// rows of a table.
#include "dtiplan/rank/peer_values.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>

namespace dtiplan {
namespace {

/// A quiet NaN whose payload spells "absent"; arithmetic yields the payload-free NaN.
constexpr std::uint64_t kAbsentBits = 0x7FF8'0000'0A85'E417ULL;

}  // namespace

bool PeerValues::is_absent(double v) noexcept {
    return std::bit_cast<std::uint64_t>(v) == kAbsentBits;
}

double PeerValues::absent() noexcept { return std::bit_cast<double>(kAbsentBits); }

std::shared_ptr<const PeerKeys> PeerValues::make_keys(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    // The last list made on this thread, while some row still holds it: rows built one at a time
    // (in code, or from Python dicts) with the same ids then share one list.
    thread_local std::weak_ptr<const PeerKeys> last;
    if (auto shared = last.lock(); shared && *shared == ids) return shared;
    auto made = std::make_shared<const PeerKeys>(std::move(ids));
    last = made;
    return made;
}

PeerValues::PeerValues(std::shared_ptr<const PeerKeys> keys)
    : keys_(std::move(keys)), values_(keys_ ? keys_->size() : 0, absent()) {}

PeerValues::PeerValues(std::initializer_list<std::pair<std::string, double>> values)
    : PeerValues(std::vector<std::pair<std::string, double>>(values)) {}

PeerValues::PeerValues(std::vector<std::pair<std::string, double>> values) {
    if (values.empty()) return;
    std::vector<std::string> ids;
    ids.reserve(values.size());
    for (const auto& [id, v] : values) ids.push_back(id);
    keys_ = make_keys(std::move(ids));
    values_.assign(keys_->size(), absent());
    for (const auto& [id, v] : values) set_at(*index_of(id), v);
}

std::optional<std::size_t> PeerValues::index_of(std::string_view id) const noexcept {
    if (!keys_) return std::nullopt;
    const auto it =
        std::lower_bound(keys_->begin(), keys_->end(), id,
                         [](const std::string& k, std::string_view x) { return k < x; });
    if (it == keys_->end() || *it != id) return std::nullopt;
    return static_cast<std::size_t>(it - keys_->begin());
}

PeerValues::const_iterator PeerValues::find(std::string_view id) const noexcept {
    const auto index = index_of(id);
    if (!index || is_absent(values_[*index])) return end();
    return {this, *index};
}

double PeerValues::at(std::string_view id) const {
    const auto v = get(id);
    if (!v) throw std::out_of_range("no value for \"" + std::string(id) + "\"");
    return *v;
}

std::optional<double> PeerValues::get(std::string_view id) const noexcept {
    const auto index = index_of(id);
    if (!index || is_absent(values_[*index])) return std::nullopt;
    return values_[*index];
}

std::size_t PeerValues::size() const noexcept {
    return static_cast<std::size_t>(
        std::count_if(values_.begin(), values_.end(), [](double v) { return !is_absent(v); }));
}

void PeerValues::set_at(std::size_t index, double value) {
    if (index >= values_.size())
        throw std::out_of_range("PeerValues::set_at: index " + std::to_string(index) +
                                " beyond its " + std::to_string(values_.size()) + " ids");
    values_[index] = std::isnan(value) ? std::numeric_limits<double>::quiet_NaN() : value;
}

void PeerValues::set(std::string_view id, double value) {
    if (const auto index = index_of(id)) {
        set_at(*index, value);
        return;
    }
    // A list of this row's own: the shared one is never changed under the other rows.
    std::vector<std::string> ids = keys_ ? *keys_ : PeerKeys{};
    ids.emplace_back(id);
    const std::vector<double> before = std::move(values_);
    const std::shared_ptr<const PeerKeys> old = std::move(keys_);
    keys_ = make_keys(std::move(ids));
    values_.assign(keys_->size(), absent());
    for (std::size_t i = 0; i < before.size(); ++i) values_[*index_of((*old)[i])] = before[i];
    set_at(*index_of(id), value);
}

bool PeerValues::erase(std::string_view id) noexcept {
    const auto index = index_of(id);
    if (!index || is_absent(values_[*index])) return false;
    values_[*index] = absent();
    return true;
}

void PeerValues::clear() noexcept { std::fill(values_.begin(), values_.end(), absent()); }

bool operator==(const PeerValues& a, const PeerValues& b) noexcept {
    if (a.keys_ == b.keys_) {
        // One list: compare the arrays (absent markers compare by bits, values by ==).
        for (std::size_t i = 0; i < a.values_.size(); ++i) {
            const bool absent_a = PeerValues::is_absent(a.values_[i]);
            if (absent_a != PeerValues::is_absent(b.values_[i])) return false;
            if (!absent_a && !(a.values_[i] == b.values_[i])) return false;
        }
        return true;
    }
    auto i = a.begin();
    auto j = b.begin();
    for (; i != a.end() && j != b.end(); ++i, ++j) {
        const PeerValues::Entry x = *i;
        const PeerValues::Entry y = *j;
        if (x.first != y.first || !(x.second == y.second)) return false;
    }
    return i == a.end() && j == b.end();
}

}  // namespace dtiplan
