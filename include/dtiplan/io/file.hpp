// Files as whole texts: read one, or write one atomically (a temporary file of a unique name
// beside the target, written, synced to disk, then renamed over it), so that a failed, killed or
// concurrent save never leaves a half-written file (docs/files.md).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace dtiplan {

/// Write text to a file atomically: a temporary file of a name unique to this save in the same
/// folder (".<name>.dtiplan-<pid>-<random>.tmp"), written and fsync'ed, renamed over the file,
/// then the folder fsync'ed. The replaced file's permissions (and owner, when allowed) are kept;
/// a symbolic link is kept and the file it points to is replaced. Temporary files left by saves
/// whose process has ended (killed while saving) are removed. Readers see the old text or the
/// new, never a mix; two processes saving at once both succeed, the last rename wins. Throws
/// FileError naming the path; the old file is then as it was.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

/// Read a whole file as bytes. Throws FileError naming the path.
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

}  // namespace dtiplan
