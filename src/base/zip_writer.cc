#include "base/zip_writer.h"

#include <zip.h>

#include <cstdio>
#include <memory>

namespace ntm {
namespace {

Status zip_failed(const std::string& what, zip_error_t* err) {
  const std::string msg = what + ": " + zip_error_strerror(err);
  zip_error_fini(err);
  return Status::internal("ZIP: " + msg);
}

}  // namespace

Result<std::string> zip_archive(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (!out) return zip_failed("buffer", &err);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &err);
  if (!z) {
    zip_source_free(out);
    return zip_failed("open", &err);
  }
  zip_source_keep(out);  // read after zip_close
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> keep(out, zip_source_free);
  for (const auto& [path, data] : entries) {
    // The entries' bytes outlive zip_close (the caller's vector).
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    if (!s || zip_file_add(z, path.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (s) zip_source_free(s);
      const std::string msg = zip_strerror(z);
      zip_discard(z);
      return Status::internal("ZIP: " + path + ": " + msg);
    }
  }
  if (zip_close(z) != 0) {
    const std::string msg = zip_strerror(z);
    zip_discard(z);
    return Status::internal("ZIP: " + msg);
  }
  if (zip_source_open(out) != 0) return Status::internal("ZIP: cannot read the archive");
  zip_source_seek(out, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(out);
  zip_source_seek(out, 0, SEEK_SET);
  std::string bytes(static_cast<size_t>(size < 0 ? 0 : size), '\0');
  const zip_int64_t got = zip_source_read(out, bytes.data(), bytes.size());
  zip_source_close(out);
  if (got != size) return Status::internal("ZIP: short read");
  return bytes;
}

Result<std::vector<std::pair<std::string, std::string>>> unzip_archive(const std::string& bytes) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) return zip_failed("buffer", &err);
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (!z) {
    zip_source_free(src);
    return zip_failed("open", &err);
  }
  std::unique_ptr<zip_t, decltype(&zip_discard)> guard(z, zip_discard);
  std::vector<std::pair<std::string, std::string>> out;
  const zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, i, 0, &st) != 0) return Status::invalid("ZIP: bad entry");
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen_index(z, i, 0), zip_fclose);
    if (!f) return Status::invalid(std::string("ZIP: cannot open ") + st.name);
    std::string data(st.size, '\0');
    if (zip_fread(f.get(), data.data(), st.size) != static_cast<zip_int64_t>(st.size))
      return Status::invalid(std::string("ZIP: short entry ") + st.name);
    out.push_back({st.name, std::move(data)});
  }
  return out;
}

}  // namespace ntm
