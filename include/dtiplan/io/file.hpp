// Files as whole texts: read one, or write one atomically (a temporary file beside the target,
// flushed, then renamed over it), so a failed save never leaves a half-written file.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace dtiplan {

/// Write text to a file atomically: temporary file beside it, flushed, then renamed over it.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

/// Read a whole file as bytes. Throws FileError naming the path.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

}  // namespace dtiplan
