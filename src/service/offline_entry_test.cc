// Items of a phone's offline queue: stored once under their key, conflicts
// with what changed on the server shown and settled with the audit, all or
// nothing, per account.
#include "service/offline_entry.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "service/auth.h"
#include "service/evidence.h"
#include "service/importer.h"
#include "store/test_store.h"

namespace ntm {
namespace {

Date d(const char* s) { return *Date::parse(s); }

class OfflineEntryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store = std::move(open_test_store()).value();
    ASSERT_TRUE(import_units(*store, "u",
                             "code,name,type,level,parent_code\n42,Tỉnh A,Tỉnh,1,\n"
                             "1,Xã Một,Xã,2,42\n2,Xã Hai,Xã,2,42\n",
                             d("2016-01-01"), Date::max())
                    .is_ok());
    ASSERT_TRUE(import_criteria(*store, "s.yaml", R"(
measures:
  - {id: bhyt, name_vi: "Tỷ lệ BHYT", type: percent, unit: "%"}
  - {id: nuoc, name_vi: "Nước sạch", type: percent, unit: "%"}
  - {id: quy_hoach, name_vi: "Có quy hoạch", type: boolean}
set:
  id: s
  series: ntm-xa
  name_vi: "Bộ thử"
  legal_basis: "Thử"
  effective_from: 2016-01-01
  applies_to: {level: commune, unit_types: ["Xã"]}
  variant_key: none
  titles: [{code: NTM, name_vi: "Đạt chuẩn", rule: all}]
  criteria:
    - {code: "1", name_vi: "Y tế", indicators: [{code: "1.1", name_vi: "BHYT", measure: bhyt, op: ">=", thresholds: {default: 85}}, {code: "1.2", name_vi: "Nước", measure: nuoc, op: ">=", thresholds: {default: 85}}]}
    - {code: "2", name_vi: "Quy hoạch", indicators: [{code: "2.1", name_vi: "Quy hoạch", measure: quy_hoach, op: "=", thresholds: {default: true}}]}
)")
                    .is_ok());
    catalog = std::move(Catalog::load(*store)).value();
    officer = std::move(add_user(*store, {"xa.mot", "commune", "1", "", "mat-khau-dai-1"}, "cli"))
                  .value();
    other = std::move(add_user(*store, {"xa.mot.2", "commune", "1", "", "mat-khau-dai-2"}, "cli"))
                .value();
  }
  EntryForm form() { return std::move(entry_form(*store, catalog, "1", period)).value(); }
  std::string base(const char* measure) {
    const EntryForm f = form();
    for (const EntryField& field : f.fields)
      if (field.measure->id == measure) return base_token(field);
    return "?";
  }
  QueuedEntryResult apply(const User& u, const QueuedEntry& item) {
    auto r = apply_queued_entry(*store, form(), u, item, dir);
    EXPECT_TRUE(r.is_ok()) << r.status().to_string();
    return r.is_ok() ? *r : QueuedEntryResult{};
  }
  // Every version of Xã Một's values (drafts and replaced ones included).
  size_t versions() { return std::move(store->count_observations()).value(); }
  std::unique_ptr<Store> store;
  const std::string dir = ::testing::TempDir() + "offline_ev_" + std::to_string(::getpid());
  Catalog catalog;
  User officer, other;
  const Date period = d("2026-06-30");
};

// The same item sent twice (a lost answer, a retry) stores once; a new key
// is a new item; another account's key of the same text is its own.
TEST_F(OfflineEntryTest, TheSameItemSentTwiceStoresOnce) {
  const QueuedEntry item{.key = "k-0123456789abcdef",
                         .values = {{"bhyt", "91,5"}, {"quy_hoach", "1"}},
                         .base = {{"bhyt", ""}, {"quy_hoach", ""}}};
  const auto first = apply(officer, item);
  EXPECT_EQ(first.outcome, QueuedEntryResult::Outcome::kStored);
  EXPECT_EQ(first.changed, 2);
  const size_t after_first = versions();
  const auto again = apply(officer, item);
  EXPECT_EQ(again.outcome, QueuedEntryResult::Outcome::kAlreadyStored);
  EXPECT_EQ(again.changed, 2);
  EXPECT_EQ(versions(), after_first);
  // Stored as submitted, waiting for the department, with the audit.
  const EntryForm f = form();
  for (const EntryField& field : f.fields) {
    if (field.measure->id == "nuoc") {
      EXPECT_FALSE(field.current);
      continue;
    }
    ASSERT_TRUE(field.current) << field.measure->id;
    EXPECT_EQ(field.current->status, ObservationStatus::kSubmitted);
  }
  EXPECT_EQ(base("bhyt"), "91.5|submitted");
  EXPECT_EQ(
      std::move(store->audit(f.unit.unit_id, "xa.mot", "observation.submit", 10)).value().size(),
      2u);
  // The same key from another account is that account's own item (and
  // meets the first account's values: a conflict, nothing stored).
  const auto theirs = apply(other, item);
  EXPECT_EQ(theirs.outcome, QueuedEntryResult::Outcome::kConflict);
  EXPECT_EQ(versions(), after_first);
}

// A value changed on the server since the phone kept its copy (returned by
// the department, entered by another officer) is shown, not overwritten;
// the officer's choice is applied and recorded in the audit log.
TEST_F(OfflineEntryTest, ConflictsAreShownAndSettledByTheOfficer) {
  ASSERT_EQ(apply(officer, {.key = "first-item-000000001", .values = {{"bhyt", "80"}}}).outcome,
            QueuedEntryResult::Outcome::kStored);
  const std::string seen = base("bhyt");  // what the phone keeps: 80, submitted
  EXPECT_EQ(seen, "80|submitted");
  // Meanwhile another officer of the commune enters 86 online.
  ASSERT_EQ(
      apply(other,
            {.key = "other-item-00000001", .values = {{"bhyt", "86"}}, .base = {{"bhyt", seen}}})
          .outcome,
      QueuedEntryResult::Outcome::kStored);
  const size_t before = versions();
  QueuedEntry item{.key = "phone-item-00000002",
                   .values = {{"bhyt", "88"}, {"nuoc", "90"}},
                   .base = {{"bhyt", seen}, {"nuoc", ""}}};
  const auto conflict = apply(officer, item);
  ASSERT_EQ(conflict.outcome, QueuedEntryResult::Outcome::kConflict);
  ASSERT_EQ(conflict.conflicts.size(), 1u);
  EXPECT_EQ(conflict.conflicts[0].measure, "bhyt");
  EXPECT_EQ(conflict.conflicts[0].base, "80 (đã gửi)");
  EXPECT_EQ(conflict.conflicts[0].server, "86 (đã gửi)");
  EXPECT_EQ(conflict.conflicts[0].phone, "88");
  EXPECT_EQ(versions(), before);  // nothing stored, not even nuoc
  // The officer keeps the server's value: the phone's is dropped, nuoc stored.
  item.choice = {{"bhyt", "server"}};
  const auto settled = apply(officer, item);
  ASSERT_EQ(settled.outcome, QueuedEntryResult::Outcome::kStored);
  EXPECT_EQ(settled.changed, 1);
  EXPECT_EQ(base("bhyt"), "86|submitted");
  EXPECT_EQ(base("nuoc"), "90|submitted");
  const auto audit =
      std::move(store->audit(form().unit.unit_id, "xa.mot", "observation.offline_conflict", 10))
          .value();
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].subject, "bhyt @ 2026-06-30");
  EXPECT_EQ(audit[0].old_value, "điện thoại thấy: 80 (đã gửi); máy chủ: 86 (đã gửi)");
  EXPECT_EQ(audit[0].new_value, "giữ số liệu trên máy chủ");
  // A later item keeping the phone's value over the server's.
  const auto mine = apply(officer, {.key = "phone-item-00000003",
                                    .values = {{"bhyt", "88"}},
                                    .base = {{"bhyt", "80|submitted"}},
                                    .choice = {{"bhyt", "phone"}}});
  ASSERT_EQ(mine.outcome, QueuedEntryResult::Outcome::kStored);
  EXPECT_EQ(base("bhyt"), "88|submitted");
}

// A wrong value refuses the whole item: nothing stored, no receipt (the
// corrected item is sent again under its key); a bad key or another
// commune's officer is refused outright.
TEST_F(OfflineEntryTest, AllOrNothingAndOnlyTheOfficersOwnCommune) {
  QueuedEntry item{.key = "phone-item-00000009", .values = {{"bhyt", "91"}, {"nuoc", "120"}}};
  const auto refused = apply(officer, item);
  ASSERT_EQ(refused.outcome, QueuedEntryResult::Outcome::kRefused);
  ASSERT_EQ(refused.errors.size(), 1u);
  EXPECT_EQ(refused.errors[0].measure, "nuoc");
  EXPECT_EQ(versions(), 0u);
  item.values["nuoc"] = "99";
  EXPECT_EQ(apply(officer, item).outcome, QueuedEntryResult::Outcome::kStored);
  EXPECT_EQ(versions(), 2u);
  EXPECT_FALSE(apply_queued_entry(*store, form(), officer, {.key = "short"}, dir).is_ok());
  EXPECT_FALSE(
      apply_queued_entry(*store, form(), officer, {.key = "has space in it 0123"}, dir).is_ok());
  const User stranger =
      std::move(add_user(*store, {"xa.hai", "commune", "2", "", "mat-khau-dai-3"}, "cli")).value();
  const auto forbidden = apply_queued_entry(
      *store, form(), stranger, {.key = "stranger-item-000001", .values = {{"bhyt", "50"}}}, dir);
  ASSERT_FALSE(forbidden.is_ok());
  EXPECT_EQ(versions(), 2u);
}

// "Lưu nháp" pressed offline keeps the values a draft; the other button
// submits them for verification.
TEST_F(OfflineEntryTest, ADraftQueuedOfflineStaysADraft) {
  EXPECT_EQ(apply(officer, {.key = "draft-item-00000001",
                            .values = {{"bhyt", "70"}},
                            .base = {{"bhyt", ""}},
                            .draft = true})
                .outcome,
            QueuedEntryResult::Outcome::kStored);
  EXPECT_EQ(base("bhyt"), "70|draft");
  EXPECT_EQ(apply(officer, {.key = "submit-item-0000001",
                            .values = {{"bhyt", "71"}},
                            .base = {{"bhyt", "70|draft"}}})
                .outcome,
            QueuedEntryResult::Outcome::kStored);
  EXPECT_EQ(base("bhyt"), "71|submitted");
}

// A photo queued with its value is stored as the value's evidence, once, in
// the audit, bytes unchanged (the phone's EXIF kept); a file that is not a
// photo, or a photo for a field not on the form, refuses the whole item.
TEST_F(OfflineEntryTest, PhotosAreStoredOnceAsEvidenceOrRefuseTheItem) {
  const std::string jpeg = std::string(
                               "\xFF\xD8\xFF\xE1\x00\x10"
                               "Exif\0\0"
                               "2026:12:04",
                               22) +
                           "…";
  const int64_t unit = (*store->unit_at("1", period))->unit_id;
  const QueuedEntry bad{.key = "photo-item-bad-0001",
                        .values = {{"bhyt", "90"}},
                        .base = {{"bhyt", ""}},
                        .photos = {{"bhyt", "anh.jpg", "not a photo"}}};
  const auto refused = apply(officer, bad);
  ASSERT_EQ(refused.outcome, QueuedEntryResult::Outcome::kRefused);
  EXPECT_NE(refused.errors.at(0).message.find("phải là PDF, JPEG hoặc PNG"), std::string::npos);
  QueuedEntry pdf = bad;  // evidence online, but not a photo
  pdf.photos = {{"bhyt", "bien-ban.pdf", "%PDF-1.4 …"}};
  const auto not_photo = apply(officer, pdf);
  ASSERT_EQ(not_photo.outcome, QueuedEntryResult::Outcome::kRefused);
  EXPECT_NE(not_photo.errors.at(0).message.find("không phải ảnh JPEG hay PNG"), std::string::npos);
  QueuedEntry stray = bad;
  stray.photos = {{"khong_co", "anh.jpg", jpeg}};
  const auto strayed = apply(officer, stray);
  ASSERT_EQ(strayed.outcome, QueuedEntryResult::Outcome::kRefused);
  EXPECT_NE(strayed.errors.at(0).message.find("không có chỉ số \"khong_co\""), std::string::npos);
  EXPECT_EQ(versions(), 0u);
  EXPECT_TRUE(store->evidence_for(unit, "bhyt", period.iso())->empty());

  QueuedEntry item = bad;
  item.key = "photo-item-good-001";
  item.photos = {{"bhyt", "anh-bhyt.jpg", jpeg}};
  EXPECT_EQ(apply(officer, item).outcome, QueuedEntryResult::Outcome::kStored);
  EXPECT_EQ(apply(officer, item).outcome, QueuedEntryResult::Outcome::kAlreadyStored);
  const auto kept = *store->evidence_for(unit, "bhyt", period.iso());
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].content_type, "image/jpeg");
  EXPECT_EQ(kept[0].uploaded_by, "xa.mot");
  std::ifstream in(evidence_path(dir, kept[0].file_name), std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_EQ(bytes.str(), jpeg);
  EXPECT_EQ(store->audit(unit, "xa.mot", "evidence.add", 10)->size(), 1u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ntm
