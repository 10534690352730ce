// Private to the library: a file's bytes mapped into memory for reading, where the system can
// (POSIX), so that a reader of a large export parses the page cache itself instead of copying it
// block by block, and the file's digest reads the same pages.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace dtiplan::detail {

class MappedFile {
public:
    /// Maps the whole file for reading; an empty view (mapped() false) when it cannot be mapped
    /// (an empty path or file, a pipe, no mmap on this system): the caller reads it as a stream
    /// then.
    explicit MappedFile(const std::filesystem::path& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    [[nodiscard]] bool mapped() const noexcept { return data_ != nullptr; }
    [[nodiscard]] std::string_view bytes() const noexcept { return {data_, size_}; }

private:
    const char* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace dtiplan::detail
