// Errors raised on bad input. Every error carries *where* the bad input is (a file, a JSON path,
// a CSV row and column, or a quoted phrase) so a coordinator can find and fix it; the Python
// bindings map each class onto an exception that subclasses ValueError.
#pragma once

#include <stdexcept>
#include <string>

namespace dtiplan {

/// Base of every dtiplan error about bad input (dữ liệu đầu vào không hợp lệ).
///
/// The message is always one line of valid UTF-8 of bounded length, whatever the input held:
/// bytes that are not UTF-8 and control characters are written as escapes (\xff, \n), and a
/// location or a message longer than a few hundred bytes keeps its start and end around " … "
/// (a 100 kB target phrase does not give a 100 kB message).
class Error : public std::invalid_argument {
public:
    Error(const std::string& where, const std::string& what);

    /// Where the bad input is: "plan.json: indicators[3].targets[0].text", or empty.
    [[nodiscard]] const std::string& where() const noexcept { return where_; }
    /// What was wrong, without the location.
    [[nodiscard]] const std::string& detail() const noexcept { return detail_; }

private:
    std::string where_;
    std::string detail_;
};

/// A Vietnamese target phrase that cannot be read ("Trên tám mươi phần trăm").
class TargetPhraseError : public Error {
public:
    using Error::Error;
};

/// A plan or data file that is not what the schema expects (wrong type, missing field, bad JSON).
class FormatError : public Error {
public:
    using Error::Error;
};

/// A file that cannot be opened, read or written.
class FileError : public Error {
public:
    using Error::Error;
};

/// A value that is well-formed but not allowed (duplicate id, unknown unit, rate outside 0..1).
class ValidationError : public Error {
public:
    using Error::Error;
};

}  // namespace dtiplan
