// A peer result's values by id (its main indices, or its component values): a small map whose
// ids are shared. A peer table of 128,000 rows holds 55 values a row; as two std::maps that was
// about 4.4 KB a row, ten times the numbers. Here the rows read from one table share one sorted
// list of ids (the table's columns), and each row keeps only a flat array of doubles, one per
// id, with a marker for "not given": 8 bytes a value and one allocation a row (docs/rank.md §1).
#pragma once

#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dtiplan {

/// The ids a PeerValues may hold, sorted and each once; shared by the rows of a table.
using PeerKeys = std::vector<std::string>;

/// Values by id, read like a std::map<std::string, double> (find, contains, at, iteration in id
/// order over (id, value) pairs, size, empty, ==) and set one id at a time. Rows made for one
/// list of ids (PeerValues(keys)) share it; setting an id that list lacks gives the row a list of
/// its own (copied with the id added), never changing the others'.
class PeerValues {
public:
    /// One (id, value) pair, as a std::map's iterator gives it: `first` is the id.
    struct Entry {
        const std::string& first;
        double second;
    };

    /// Iterates over the values given, in id order (ids not given are skipped).
    class const_iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = Entry;
        using difference_type = std::ptrdiff_t;
        using reference = Entry;
        struct pointer {
            Entry entry;
            const Entry* operator->() const noexcept { return &entry; }
        };

        const_iterator() = default;
        [[nodiscard]] Entry operator*() const noexcept {
            return {(*owner_->keys_)[index_], owner_->values_[index_]};
        }
        [[nodiscard]] pointer operator->() const noexcept { return {**this}; }
        const_iterator& operator++() noexcept {
            ++index_;
            skip_absent();
            return *this;
        }
        const_iterator operator++(int) noexcept {
            const_iterator before = *this;
            ++*this;
            return before;
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept {
            return a.index_ == b.index_;
        }

    private:
        friend class PeerValues;
        const_iterator(const PeerValues* owner, std::size_t index) noexcept
            : owner_(owner), index_(index) {
            skip_absent();
        }
        void skip_absent() noexcept {
            while (index_ < owner_->values_.size() && is_absent(owner_->values_[index_])) ++index_;
        }
        const PeerValues* owner_ = nullptr;
        std::size_t index_ = 0;
    };
    using iterator = const_iterator;

    /// No ids, no values.
    PeerValues() = default;
    /// Room for the ids of `keys` (sorted, each once: make_keys), none given yet. Rows made from
    /// one `keys` share it.
    explicit PeerValues(std::shared_ptr<const PeerKeys> keys);
    /// The values of these pairs: {{"CQS", 0.8575}, {"NTS", 1.0}} (a repeated id: the last).
    PeerValues(std::initializer_list<std::pair<std::string, double>> values);
    /// The values of these pairs, in any order (a repeated id: the last).
    explicit PeerValues(std::vector<std::pair<std::string, double>> values);

    /// `ids` sorted, each once, as a list rows can share. The same list is returned again for
    /// equal ids while it is in use on this thread (rows made one at a time share it too).
    [[nodiscard]] static std::shared_ptr<const PeerKeys> make_keys(std::vector<std::string> ids);

    // ---- reading, as a std::map ---------------------------------------------------------------
    [[nodiscard]] const_iterator begin() const noexcept { return {this, 0}; }
    [[nodiscard]] const_iterator end() const noexcept { return {this, values_.size()}; }
    /// The id's entry, or end().
    [[nodiscard]] const_iterator find(std::string_view id) const noexcept;
    [[nodiscard]] bool contains(std::string_view id) const noexcept { return find(id) != end(); }
    /// The value of `id`; std::out_of_range naming it when it is not given.
    [[nodiscard]] double at(std::string_view id) const;
    /// The value of `id`, or none.
    [[nodiscard]] std::optional<double> get(std::string_view id) const noexcept;
    /// The number of values given.
    [[nodiscard]] std::size_t size() const noexcept;
    [[nodiscard]] bool empty() const noexcept { return begin() == end(); }

    // ---- the shared ids, and setting values ---------------------------------------------------
    /// The ids this row has room for (empty when it has none); shared with other rows.
    [[nodiscard]] const std::shared_ptr<const PeerKeys>& keys() const noexcept { return keys_; }
    /// The position of `id` in keys(), or none.
    [[nodiscard]] std::optional<std::size_t> index_of(std::string_view id) const noexcept;
    /// Set the value of the id at `index` of keys() (std::out_of_range beyond them).
    void set_at(std::size_t index, double value);
    /// Set the value of `id`, adding the id to this row's list when it lacks it.
    void set(std::string_view id, double value);
    /// Forget the value of `id`; true when it was given.
    bool erase(std::string_view id) noexcept;
    /// Forget every value (the ids stay).
    void clear() noexcept;

    /// Equal when the same ids are given with equal values, whatever lists they share.
    friend bool operator==(const PeerValues& a, const PeerValues& b) noexcept;

private:
    /// "Not given": a quiet NaN with a payload no arithmetic produces; a NaN set as a value is
    /// kept as the ordinary NaN, so validation still finds it.
    static bool is_absent(double v) noexcept;
    static double absent() noexcept;

    std::shared_ptr<const PeerKeys> keys_;  ///< sorted ids; null: none
    std::vector<double> values_;            ///< one per key, absent() when not given
};

}  // namespace dtiplan
