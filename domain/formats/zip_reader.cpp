#include "domain/formats/zip_reader.hpp"

#include <zip.h>

namespace galley::formats {

namespace {
error damaged(const zip_entry& e) {
    return make_error(errc::unsupported_media, "the DOCX package is damaged: " + e.name + " fails its checksum");
}
}  // namespace

result<zip_reader> zip_reader::open(std::string_view bytes) {
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
    if (!src) {
        zip_error_fini(&zerr);
        return make_error(errc::internal, "cannot read the archive");
    }
    zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &zerr);
    zip_error_fini(&zerr);
    if (!za) {
        zip_source_free(src);
        return make_error(errc::unsupported_media, "the file is not a readable zip archive");
    }
    zip_reader r;
    r.archive_ = za;
    zip_int64_t n = zip_get_num_entries(za, 0);
    r.entries_.reserve(n > 0 ? static_cast<std::size_t>(std::min<zip_int64_t>(n, 100'000)) : 0);
    for (zip_int64_t i = 0; i < n; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(za, i, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME))
            return make_error(errc::unsupported_media, "the zip directory is corrupt");
        zip_entry e;
        e.name = st.name;
        e.size = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
        e.compressed_size = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
        e.encrypted = (st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE;
        e.index = static_cast<std::uint64_t>(i);
        r.entries_.push_back(std::move(e));
    }
    return r;
}

zip_reader::zip_reader(zip_reader&& o) noexcept
    : archive_(std::exchange(o.archive_, nullptr)), entries_(std::move(o.entries_)) {}

zip_reader& zip_reader::operator=(zip_reader&& o) noexcept {
    if (this != &o) {
        if (archive_) zip_discard(archive_);
        archive_ = std::exchange(o.archive_, nullptr);
        entries_ = std::move(o.entries_);
    }
    return *this;
}

zip_reader::~zip_reader() {
    if (archive_) zip_discard(archive_);
}

const zip_entry* zip_reader::find(std::string_view name) const {
    // libzip's own name index: a package of thousands of relationships looks up as many names.
    const std::string key(name);
    const zip_int64_t i = zip_name_locate(archive_, key.c_str(), 0);
    if (i >= 0 && static_cast<std::size_t>(i) < entries_.size() && entries_[static_cast<std::size_t>(i)].name == name)
        return &entries_[static_cast<std::size_t>(i)];
    if (i < 0) return nullptr;
    for (const auto& e : entries_)
        if (e.name == name) return &e;
    return nullptr;
}

result<std::string> zip_reader::read(const zip_entry& e, std::uint64_t cap) const {
    if (e.size > cap) return make_error(errc::unsafe_input, "a zip entry is too large: " + e.name);
    zip_file_t* f = zip_fopen_index(archive_, e.index, 0);
    if (!f) return make_error(errc::unsupported_media, "cannot open zip entry " + e.name);
    std::string out;
    out.resize(e.size + 1);  // one spare byte detects data that inflates past its declared size
    zip_int64_t total = 0;
    while (static_cast<std::uint64_t>(total) < out.size()) {
        zip_int64_t got = zip_fread(f, out.data() + total, out.size() - total);
        if (got < 0) {
            zip_fclose(f);
            return damaged(e);
        }
        if (got == 0) break;
        total += got;
    }
    zip_fclose(f);
    if (static_cast<std::uint64_t>(total) != e.size)
        return make_error(errc::unsafe_input, "zip entry size does not match its header: " + e.name);
    out.resize(static_cast<std::size_t>(total));
    return out;
}

status zip_reader::verify(const zip_entry& e) const {
    zip_file_t* f = zip_fopen_index(archive_, e.index, 0);
    if (!f) return make_error(errc::unsupported_media, "cannot open zip entry " + e.name);
    char buffer[64 * 1024];
    std::uint64_t total = 0;
    for (;;) {
        zip_int64_t got = zip_fread(f, buffer, sizeof buffer);
        if (got < 0) {
            zip_fclose(f);
            return damaged(e);
        }
        if (got == 0) break;
        total += static_cast<std::uint64_t>(got);
        if (total > e.size) break;
    }
    zip_fclose(f);
    if (total != e.size)
        return make_error(errc::unsafe_input, "zip entry size does not match its header: " + e.name);
    return {};
}

status zip_reader::check_stored_bytes(const zip_entry& e) const {
    auto refused = [&] {
        return make_error(errc::unsafe_input, "a package entry claims more data than the file holds: " + e.name);
    };
    zip_file_t* f = zip_fopen_index(archive_, e.index, ZIP_FL_COMPRESSED);
    if (!f) return refused();
    char buffer[64 * 1024];
    std::uint64_t total = 0;
    for (;;) {
        zip_int64_t got = zip_fread(f, buffer, sizeof buffer);
        if (got < 0) {
            // A stored (uncompressed) entry is checked against its checksum on the way.
            const bool bad_checksum = zip_error_code_zip(zip_file_get_error(f)) == ZIP_ER_CRC;
            zip_fclose(f);
            if (bad_checksum)
                return damaged(e);
            return refused();
        }
        if (got == 0) break;
        total += static_cast<std::uint64_t>(got);
    }
    zip_fclose(f);
    if (total != e.compressed_size) return refused();
    return {};
}

}  // namespace galley::formats
