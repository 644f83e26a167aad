#include "service/offline_entry.h"

#include <algorithm>

#include "base/strings.h"
#include "service/evidence.h"

namespace ntm {
namespace {

bool valid_key(const std::string& key) {
  return key.size() >= 16 && key.size() <= 64 && std::all_of(key.begin(), key.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
         });
}

const char* status_vi(ObservationStatus s) {
  switch (s) {
    case ObservationStatus::kDraft:
      return "nháp";
    case ObservationStatus::kSubmitted:
      return "đã gửi";
    case ObservationStatus::kVerified:
      return "đã thẩm định";
    case ObservationStatus::kReturned:
      return "bị trả lại";
  }
  return "";
}

// A base token as an officer reads it: "12,5 (đã gửi)", "" for none.
std::string shown_token(const EntryField& f, const std::string& token) {
  const size_t bar = token.find('|');
  if (token.empty() || bar == std::string::npos) return "";
  const auto value = parse_number(token.substr(0, bar));
  const auto status = parse_observation_status(token.substr(bar + 1));
  std::string out = !value                                     ? token.substr(0, bar)
                    : f.measure->type == MeasureType::kBoolean ? yes_no_vi(*value == 1)
                                                               : format_number_vi(*value, 2);
  if (status) out += std::string(" (") + status_vi(*status) + ")";
  return out;
}

}  // namespace

std::string base_token(const EntryField& f) {
  if (!f.current) return "";
  return format_number(f.current->value) + "|" + observation_status_name(f.current->status);
}

Result<int> photo_max_px(Store& store) {
  const auto s = TRY(store.setting("photo_max_px"));
  const auto px = s ? parse_int(*s, 320, 4096) : std::nullopt;
  return px ? static_cast<int>(*px) : kDefaultPhotoMaxPx;
}

Status set_photo_max_px(Store& store, const std::string& actor, int px) {
  if (px < 320 || px > 4096) return Status::invalid("cỡ ảnh: cạnh dài từ 320 đến 4096 điểm ảnh");
  return store.transaction([&]() -> Status {
    const auto before = TRY(store.setting("photo_max_px"));
    TRY(store.set_setting("photo_max_px", std::to_string(px)));
    return store.insert_audit({0, "", actor, "settings.photo_max_px", 0, "photo_max_px",
                               before ? *before : std::to_string(kDefaultPhotoMaxPx),
                               std::to_string(px), ""});
  });
}

Result<QueuedEntryResult> apply_queued_entry(Store& store, const EntryForm& form, const User& user,
                                             const QueuedEntry& item,
                                             const std::string& evidence_dir) {
  if (!valid_key(item.key))
    return Status::invalid("mã mục gửi không hợp lệ (16-64 ký tự chữ, số, - hoặc _)");
  if (!TRY(may_enter(store, user, form.unit.unit_id)))
    return Status::forbidden("không có quyền nhập số liệu cho " + form.unit.name);
  QueuedEntryResult out;
  for (const QueuedPhoto& p : item.photos)  // first: a bad photo stores nothing
    if (auto problem = evidence_file_problem(form, p.measure, p.name, p.data, true))
      out.errors.push_back(std::move(*problem));
  if (!out.errors.empty()) {
    out.outcome = QueuedEntryResult::Outcome::kRefused;
    return out;
  }
  TRY(store.transaction([&]() -> Status {
    if (const auto changed = TRY(store.entry_receipt(user.id, item.key))) {
      out.outcome = QueuedEntryResult::Outcome::kAlreadyStored;
      out.changed = *changed;
      return Status::ok();
    }
    // Fields changed on the server since the phone kept its copy.
    std::map<std::string, std::string> values = item.values;
    std::vector<AuditEntry> settled;
    for (const EntryField& f : form.fields) {
      const auto typed = item.values.find(f.measure->id);
      if (typed == item.values.end()) continue;
      const auto base_it = item.base.find(f.measure->id);
      const std::string base = base_it == item.base.end() ? "" : base_it->second;
      const std::string server = base_token(f);
      if (base == server) continue;
      const auto choice = item.choice.find(f.measure->id);
      if (choice == item.choice.end() ||
          (choice->second != "phone" && choice->second != "server")) {
        out.conflicts.push_back({f.measure->id, f.measure->name_vi, shown_token(f, base),
                                 shown_token(f, server), typed->second});
        continue;
      }
      const bool keep_phone = choice->second == "phone";
      if (!keep_phone) values.erase(f.measure->id);
      settled.push_back(
          {0, "", user.username, "observation.offline_conflict", form.unit.unit_id,
           f.measure->id + " @ " + form.period.iso(),
           "điện thoại thấy: " + shown_token(f, base) + "; máy chủ: " + shown_token(f, server),
           keep_phone ? "giữ số liệu trên điện thoại: " + typed->second
                      : "giữ số liệu trên máy chủ",
           "", 0});
    }
    if (!out.conflicts.empty()) {
      out.outcome = QueuedEntryResult::Outcome::kConflict;
      return Status::ok();
    }
    std::vector<EntryChange> changes;
    out.errors = check_entry(form, values, false, &changes, item.notes);
    if (!out.errors.empty()) {
      out.outcome = QueuedEntryResult::Outcome::kRefused;
      return Status::ok();
    }
    for (const AuditEntry& e : settled) TRY(store.insert_audit(e));
    const auto errors = TRY(save_entry(
        store, form, user, values, false,
        item.draft ? ObservationStatus::kDraft : ObservationStatus::kSubmitted, item.notes));
    if (!errors.empty()) return Status::internal("checked values refused on saving");
    for (const QueuedPhoto& p : item.photos)
      TRY(add_evidence(store, evidence_dir, user, form.unit, p.measure, form.period, p.name,
                       p.data));
    out.changed = static_cast<int64_t>(changes.size());
    return store.add_entry_receipt(user.id, item.key, form.unit.unit_id, form.period, out.changed);
  }));
  return out;
}

}  // namespace ntm
