#include "detail/mapped_file.hpp"

#if __has_include(<sys/mman.h>)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define DTIPLAN_HAS_MMAP 1
#endif

namespace dtiplan::detail {

MappedFile::MappedFile(const std::filesystem::path& path) {
#ifdef DTIPLAN_HAS_MMAP
    if (path.empty()) return;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        const auto size = static_cast<std::size_t>(st.st_size);
        void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p != MAP_FAILED) {
            ::madvise(p, size, MADV_SEQUENTIAL);
            data_ = static_cast<const char*>(p);
            size_ = size;
        }
    }
    ::close(fd);
#else
    (void)path;
#endif
}

MappedFile::~MappedFile() {
#ifdef DTIPLAN_HAS_MMAP
    if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
#endif
}

}  // namespace dtiplan::detail
