// Items of a phone's offline entry queue, applied when the phone is online
// again (docs/offline.md): each exactly once (the key the phone gave it),
// never over a value that changed on the server since the phone kept its
// copy unless the officer chose, and all or nothing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "service/workflow.h"

namespace ntm {

// What a field held when the phone kept the page: "value|status"
// ("12.5|submitted"), "" when the period had no value. The entry page
// carries it beside each field; a queued item sends it back as its base.
std::string base_token(const EntryField& f);

// A photo taken on the phone as evidence for one field: resized there to
// at most photo_max_px on its longer side, its EXIF kept.
struct QueuedPhoto {
  std::string measure;
  std::string name;  // as the phone named it
  std::string data;  // JPEG or PNG
};

struct QueuedEntry {
  std::string key;                            // made on the phone: 16-64 of [A-Za-z0-9_-]
  std::map<std::string, std::string> values;  // measure -> as typed
  std::map<std::string, std::string> notes;   // measure -> note
  std::map<std::string, std::string> base;    // measure -> base_token when typed
  // Conflicts the officer settled: measure -> "phone" (store the phone's
  // value) or "server" (keep the server's; the phone's is dropped).
  std::map<std::string, std::string> choice;
  std::vector<QueuedPhoto> photos;
  // What the officer pressed: "Lưu nháp" keeps the values as a draft;
  // "Kiểm tra trước khi gửi" submits them for verification.
  bool draft = false;
};

struct EntryConflict {
  std::string measure;
  std::string label;   // the measure's name
  std::string base;    // what the phone saw (shown, "" none)
  std::string server;  // what the server has now (shown)
  std::string phone;   // what the officer typed
};

struct QueuedEntryResult {
  enum class Outcome { kStored, kAlreadyStored, kRefused, kConflict };
  Outcome outcome = Outcome::kStored;
  int64_t changed = 0;                   // values stored (kStored, kAlreadyStored)
  std::vector<FieldError> errors;        // kRefused: nothing stored
  std::vector<EntryConflict> conflicts;  // kConflict: nothing stored
};

// Applies one queued item to `form` (read just before) in one transaction:
// an item already stored under this account's key stores nothing again;
// a field whose server value differs from the item's base is a conflict
// unless the item carries the officer's choice (recorded in the audit log:
// the value the phone saw, the server's, and which was kept); values are
// checked as online (a wrong one refuses the whole item) and stored as
// submitted for verification (a draft when the officer saved a draft), with
// the receipt under the key. Photos are
// checked first (a JPEG or PNG by its content, 5 MB at most, a field of the
// form) and stored in `evidence_dir` as the values' evidence, in the same
// transaction.
Result<QueuedEntryResult> apply_queued_entry(Store& store, const EntryForm& form, const User& user,
                                             const QueuedEntry& item,
                                             const std::string& evidence_dir);

// The longer side, in pixels, to which phones resize photos before they
// queue them (setting photo_max_px, 320-4096; 1600 when unset).
inline constexpr int kDefaultPhotoMaxPx = 1600;
Result<int> photo_max_px(Store& store);
Status set_photo_max_px(Store& store, const std::string& actor, int px);

}  // namespace ntm
