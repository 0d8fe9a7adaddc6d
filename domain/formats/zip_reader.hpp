#pragma once
// Read-only view of a zip archive held in memory (libzip). Never inflates more than an entry's
// declared size, so callers can bound work by checking entries() before reading anything.
// Not thread-safe: one reader per thread.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.hpp"

struct zip;

namespace galley::formats {

struct zip_entry {
    std::string name;
    std::uint64_t size = 0;             // uncompressed, as the central directory declares it
    std::uint64_t compressed_size = 0;
    bool encrypted = false;
    std::uint64_t index = 0;
};

class zip_reader {
public:
    /// Opens `bytes` (which must outlive the reader). Fails with unsupported_media when the bytes
    /// are not a readable zip archive.
    static result<zip_reader> open(std::string_view bytes);

    zip_reader(zip_reader&&) noexcept;
    zip_reader& operator=(zip_reader&&) noexcept;
    ~zip_reader();

    const std::vector<zip_entry>& entries() const { return entries_; }
    /// The entry of that exact name, or nullptr.
    const zip_entry* find(std::string_view name) const;

    /// Inflates one entry, refusing (unsafe_input) when it inflates past its declared size or
    /// past `cap` bytes; fails with unsupported_media when the data is corrupt.
    result<std::string> read(const zip_entry& e, std::uint64_t cap) const;
    /// Inflates one entry into a small buffer and drops it, checking what read() checks: its
    /// checksum and data (unsupported_media: the package is damaged) and its declared size
    /// (unsafe_input). For the parts galley copies without reading (images, fonts).
    status verify(const zip_entry& e) const;
    /// Reads one entry's stored bytes without inflating them, as a copy into another archive
    /// does: unsafe_input when the file ends before its declared compressed size (a size that
    /// runs into the central directory: inflating may stop early and pass, copying cannot).
    status check_stored_bytes(const zip_entry& e) const;

private:
    zip_reader() = default;
    zip* archive_ = nullptr;
    std::vector<zip_entry> entries_;
};

}  // namespace galley::formats
