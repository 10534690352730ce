// Whole-file reads and atomic writes, shared by every loader and saver (plans, frameworks,
// observations, peers): errors name the path, and a failed or interrupted save leaves the old
// file as it was (docs/files.md).
#include "dtiplan/io/file.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dtiplan/error.hpp"

namespace dtiplan {
namespace {

namespace fs = std::filesystem;

/// What marks a temporary file of ours: ".<name>.dtiplan-<pid>-<random>.tmp" beside <name>.
constexpr std::string_view kTag = ".dtiplan-";
constexpr std::string_view kSuffix = ".tmp";

std::string errno_text(int err) { return std::generic_category().message(err); }

/// The file a save replaces: `path`, or what it points to when it is a symbolic link (a link
/// to a link is followed too), so that the link stays and its target gets the new text.
fs::path save_target(const fs::path& path) {
    fs::path target = path;
    for (int hop = 0; hop < 40; ++hop) {
        std::error_code ec;
        if (!fs::is_symlink(target, ec)) return target;
        const fs::path link = fs::read_symlink(target, ec);
        if (ec) throw FileError(path.string(), "cannot read the symbolic link: " + ec.message());
        target = link.is_absolute() ? link : target.parent_path() / link;
    }
    throw FileError(path.string(), "too many levels of symbolic links");
}

/// A name no other save (in this or another process) uses at the same time.
std::string temporary_name(const fs::path& target) {
    static std::atomic<std::uint64_t> counter{0};
    thread_local std::mt19937_64 random{
        std::random_device{}() ^
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count())};
    char tail[40];
    std::snprintf(tail, sizeof tail, "%llx%llx", static_cast<unsigned long long>(random()),
                  static_cast<unsigned long long>(counter.fetch_add(1)));
    return "." + target.filename().string() + std::string(kTag) + std::to_string(::getpid()) + "-" +
           tail + std::string(kSuffix);
}

/// Removes the temporary files of earlier saves of `target` whose process has ended (killed
/// while saving): ".<name>.dtiplan-<pid>-....tmp" with no process <pid>. Files of saves still
/// running, and anything not named so, are left alone.
void remove_stale_temporaries(const fs::path& dir, const fs::path& target) {
    const std::string prefix = "." + target.filename().string() + std::string(kTag);
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() <= prefix.size() + kSuffix.size() ||
            name.compare(0, prefix.size(), prefix) != 0 ||
            name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
            continue;
        const std::size_t dash = name.find('-', prefix.size());
        if (dash == std::string::npos) continue;
        long long pid = 0;
        for (std::size_t i = prefix.size(); i < dash; ++i) {
            if (name[i] < '0' || name[i] > '9' || pid > 1'000'000'000) {
                pid = 0;
                break;
            }
            pid = pid * 10 + (name[i] - '0');
        }
        if (pid <= 0 || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still there
        std::error_code ignored;
        fs::remove(it->path(), ignored);
    }
}

/// Closes a descriptor when it goes out of scope, and removes the temporary file unless kept.
class Temporary {
public:
    Temporary(fs::path path, int fd) : path_(std::move(path)), fd_(fd) {}
    Temporary(const Temporary&) = delete;
    Temporary& operator=(const Temporary&) = delete;
    ~Temporary() {
        if (fd_ >= 0) ::close(fd_);
        if (!kept_) ::unlink(path_.c_str());
    }
    [[nodiscard]] int fd() const noexcept { return fd_; }
    int close() {
        const int r = ::close(fd_);
        fd_ = -1;
        return r;
    }
    void keep() noexcept { kept_ = true; }

private:
    fs::path path_;
    int fd_;
    bool kept_ = false;
};

void sync_folder(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;  // some file systems cannot open a folder: the rename is still atomic
    (void)::fsync(fd);
    ::close(fd);
}

}  // namespace

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
    const fs::path target = save_target(path);
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
        throw FileError(path.string(), "the folder " + dir.string() + " does not exist");
    struct stat old {};
    const bool replacing = ::stat(target.c_str(), &old) == 0;
    if (replacing && S_ISDIR(old.st_mode)) throw FileError(path.string(), "is a directory");
    remove_stale_temporaries(dir, target);

    const fs::path tmp_path = dir / temporary_name(target);
    const int fd = ::open(tmp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        throw FileError(path.string(),
                        "cannot create a temporary file beside it: " + errno_text(errno));
    Temporary tmp(tmp_path, fd);
    if (replacing) {
        // The replaced file's permissions (a read-only 0444 stays read-only) and, when allowed,
        // its owner and group.
        (void)::fchown(fd, old.st_uid, old.st_gid);
        if (::fchmod(fd, old.st_mode & 07777) != 0)
            throw FileError(path.string(), "cannot give the new file the old one's permissions: " +
                                               errno_text(errno));
    }
    for (std::size_t done = 0; done < text.size();) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw FileError(path.string(),
                            "error while writing (disk full?): " + errno_text(n < 0 ? errno : EIO));
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0)
        throw FileError(path.string(), "error while writing to disk: " + errno_text(errno));
    if (tmp.close() != 0)
        throw FileError(path.string(), "error while writing to disk: " + errno_text(errno));
    if (::rename(tmp_path.c_str(), target.c_str()) != 0)
        throw FileError(path.string(), "cannot replace the file: " + errno_text(errno));
    tmp.keep();
    sync_folder(dir);
}

}  // namespace dtiplan
