#include "service/evidence.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "service/auth.h"
#include "service/scope.h"
#include "service/workflow.h"

namespace ntm {

Result<std::string> sniff_evidence_type(std::string_view d) {
  if (d.substr(0, 5) == "%PDF-") return std::string("application/pdf");
  if (d.size() >= 3 && d.substr(0, 3) == "\xFF\xD8\xFF") return std::string("image/jpeg");
  if (d.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) return std::string("image/png");
  return Status::invalid("Tệp minh chứng phải là PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp)");
}

std::optional<FieldError> evidence_file_problem(const EntryForm& form, const std::string& measure,
                                                const std::string& name, std::string_view data,
                                                bool images_only) {
  const auto f = std::find_if(form.fields.begin(), form.fields.end(),
                              [&](const EntryField& x) { return x.measure->id == measure; });
  if (f == form.fields.end())
    return FieldError{
        measure, "tệp " + name + ": không có chỉ số \"" + measure + "\" trong biểu nhập kỳ này"};
  const std::string label = f->measure->name_vi + ": ";
  if (data.size() > kMaxEvidenceBytes)
    return FieldError{measure, label + "tệp minh chứng " + name + " lớn hơn 5 MB"};
  const auto type = sniff_evidence_type(data);
  if (!type.is_ok()) return FieldError{measure, label + type.status().message()};
  if (images_only && *type == "application/pdf")
    return FieldError{measure, label + "tệp " + name + " không phải ảnh JPEG hay PNG"};
  return std::nullopt;
}

std::string evidence_path(const std::string& dir, const std::string& file_name) {
  return (std::filesystem::path(dir) / file_name).string();
}

Result<StoredFile> store_upload(const std::string& dir, const std::string& original_name,
                                std::string_view data) {
  if (data.empty()) return Status::invalid("Tệp minh chứng rỗng");
  if (data.size() > kMaxEvidenceBytes) {
    return Status::invalid("Tệp minh chứng lớn hơn " +
                           std::to_string(kMaxEvidenceBytes / 1024 / 1024) + " MB");
  }
  const std::string type = TRY(sniff_evidence_type(data));
  const std::string ext = type == "application/pdf" ? ".pdf"
                          : type == "image/png"     ? ".png"
                                                    : ".jpg";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::io("không tạo được thư mục minh chứng " + dir + ": " + ec.message());
  ::chmod(dir.c_str(), 0700);
  StoredFile f;
  f.file_name = random_hex(16) + ext;
  // Keep only the last path component of the name the browser sent.
  f.original_name = original_name.substr(original_name.find_last_of("/\\") + 1).substr(0, 200);
  f.content_type = type;
  f.size = static_cast<int64_t>(data.size());
  const std::string path = evidence_path(dir, f.file_name);
  {
    std::ofstream out(path + ".part", std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!out) return Status::io("không ghi được tệp minh chứng");
  }
  ::chmod((path + ".part").c_str(), 0600);
  std::filesystem::rename(path + ".part", path, ec);
  if (ec) return Status::io("không ghi được tệp minh chứng: " + ec.message());
  return f;
}

Result<Evidence> add_evidence(Store& store, const std::string& dir, const User& user,
                              const UnitVersion& unit, const std::string& measure, Date date,
                              const std::string& original_name, std::string_view data) {
  if (!TRY(may_enter(store, user, unit.unit_id)))
    return Status::forbidden("không có quyền gửi minh chứng cho " + unit.name);
  const StoredFile f = TRY(store_upload(dir, original_name, data));
  Evidence e{
      0,      unit.unit_id,  measure, date.iso(), f.file_name, f.original_name, f.content_type,
      f.size, user.username, ""};
  const std::string type = f.content_type;
  const Status s = store.transaction([&]() -> Status {
    e.id = TRY(store.insert_evidence(e));
    return store.insert_audit({0, "", user.username, "evidence.add", unit.unit_id,
                               measure + " @ " + e.date, "", e.original_name + " (" + type + ")",
                               ""});
  });
  if (!s.is_ok()) {
    std::error_code ec;
    std::filesystem::remove(evidence_path(dir, f.file_name), ec);  // nothing half-written
    return s;
  }
  return e;
}

Result<bool> may_read_evidence(Store& store, const Catalog& catalog, const User& user,
                               const Evidence& e) {
  switch (user.role) {
    case Role::kAdmin:
    case Role::kCentral:
      return reads_unit(store, user, e.unit_id);
    case Role::kCommune:
      return user.unit_id == e.unit_id;
    case Role::kSponsor:
    case Role::kSteering:
      return assigned_to(store, user, e.unit_id, TRY(Date::parse(e.date)));
    case Role::kDepartment: {
      const Date at = TRY(Date::parse(e.date));
      const auto unit = TRY(store.unit_version_at(e.unit_id, at));
      if (!unit) return false;
      const std::string series = TRY(default_series(store));
      const CriteriaSet* set =
          catalog.in_force(series, at, unit->level, TRY(store.province_of(e.unit_id)));
      if (!set) return false;
      const int64_t province = TRY(store.province_of(e.unit_id));
      const auto deps = TRY(measure_departments(store, *set, province));
      const auto d = deps.find(e.measure_id);
      return d != deps.end() && may_verify(user, province, d->second);
    }
  }
  return false;
}

}  // namespace ntm
