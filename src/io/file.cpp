// Whole-file reads and atomic writes, shared by every loader and saver (plans, frameworks,
// observations, peers): errors name the path, and a failed save leaves the old file as it was.
#include "dtiplan/io/file.hpp"

#include <fstream>
#include <sstream>
#include <system_error>

#include "dtiplan/error.hpp"

namespace dtiplan {

std::string read_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw FileError(path.string(), "is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FileError(path.string(), "cannot open the file for reading");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) throw FileError(path.string(), "error while reading the file");
    return std::move(buffer).str();
}

void write_file_atomically(const std::filesystem::path& path, std::string_view text) {
    namespace fs = std::filesystem;
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw FileError(path.string(), "the folder " + dir.string() + " does not exist");
    if (fs::is_directory(path, ec)) throw FileError(path.string(), "is a directory");
    fs::path tmp = path;
    tmp += ".tmp-dtiplan";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw FileError(path.string(), "cannot create a temporary file beside it");
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            out.close();
            fs::remove(tmp, ec);
            throw FileError(path.string(), "error while writing (disk full?)");
        }
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw FileError(path.string(), "cannot replace the file: " + ec.message());
    }
}

}  // namespace dtiplan
