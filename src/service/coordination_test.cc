#include "service/coordination.h"

#include <gtest/gtest.h>

#include "service/auth.h"
#include "service/importer.h"
#include "store/test_store.h"

namespace ntm {
namespace {

Date d(const char* iso) { return *Date::parse(iso); }

class CoordinationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("NTM_FAST_HASH", "1", 1);
    store = std::move(open_test_store()).value();
    ASSERT_TRUE(import_units(*store, "u",
                             "code,name,type,level,parent_code\n42,Tỉnh A,Tỉnh,1,\n"
                             "18580,Xã B,Xã,2,42\n18583,Xã C,Xã,2,42\n",
                             d("2016-01-01"), Date::max())
                    .is_ok());
    ASSERT_TRUE(
        store
            ->upsert_department((*store->unit_at("42", d("2020-01-01")))->unit_id, "SYT", "Sở Y tế")
            .is_ok());
    ASSERT_TRUE(store->upsert_sponsor({"VCB", "Ngân hàng A"}).is_ok());
    xa_b = (*store->unit_at("18580", d("2020-01-01")))->unit_id;
    xa_c = (*store->unit_at("18583", d("2020-01-01")))->unit_id;
    admin = user("vanphong", "admin", "", "", "");
    syt = user("so.yte", "department", "", "SYT", "");
    vcb = user("dodau.vcb", "sponsor", "", "", "VCB");
    commune_b = user("xab", "commune", "18580", "", "");
    commune_c = user("xac", "commune", "18583", "", "");
  }
  User user(const std::string& name, const std::string& role, const std::string& unit,
            const std::string& dep, const std::string& sponsor) {
    auto u = add_user(*store, {name, role, unit, dep, "mat-khau-dai-1", sponsor}, "test");
    EXPECT_TRUE(u.is_ok()) << u.status().message();
    return **store->find_user(name);  // with the sponsor's units
  }
  std::unique_ptr<Store> store;
  int64_t xa_b = 0, xa_c = 0;
  User admin, syt, vcb, commune_b, commune_c;
};

TEST_F(CoordinationTest, OverdueAtChosenDates) {
  WorkItem w{.title = "Bê tông hóa đường thôn 3",
             .unit_id = xa_b,
             .owner_kind = OwnerKind::kCommune,
             .start = d("2018-01-01"),
             .due = d("2018-03-31")};
  const int64_t id = *create_work_item(*store, admin, w);
  const WorkItem stored = **store->work_item(id);
  EXPECT_FALSE(stored.overdue(d("2018-03-31")));  // due today: not yet late
  EXPECT_TRUE(stored.overdue(d("2018-04-01")));
  // Only the owner (the commune) or the office may report progress.
  EXPECT_EQ(update_work_progress(*store, commune_c, id, WorkStatus::kDone, 100, 0, "").code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(update_work_progress(*store, syt, id, WorkStatus::kDone, 100, 0, "").code(),
            ErrorCode::kPermissionDenied);
  ASSERT_TRUE(update_work_progress(*store, commune_b, id, WorkStatus::kDone, 40, 120000000, "xong")
                  .is_ok());
  const WorkItem done = **store->work_item(id);
  EXPECT_EQ(done.progress, 100);  // done means 100%
  EXPECT_FALSE(done.overdue(d("2030-01-01")));
  EXPECT_EQ((*store->audit(xa_b, "", "work.update", 10))[0].old_value, "planned 0%, đã chi 0");
  // Overdue filter and the owner's list first.
  w.title = "Nhà văn hóa";
  w.owner_kind = OwnerKind::kDepartment;
  w.owner_code = "SYT";
  ASSERT_TRUE(create_work_item(*store, admin, w).is_ok());
  const auto late = *work_items_for(*store, admin, {.status = "overdue"}, d("2018-06-01"));
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].title, "Nhà văn hóa");
  const auto mine = *work_items_for(*store, syt, {}, d("2018-06-01"));
  ASSERT_EQ(mine.size(), 2u);
  EXPECT_EQ(mine[0].title, "Nhà văn hóa");
  // A commune officer sees its own commune's items only.
  EXPECT_EQ(work_items_for(*store, commune_c, {}, d("2018-06-01"))->size(), 0u);
  // Bad input names the reason.
  w.due = d("2017-01-01");
  EXPECT_NE(create_work_item(*store, admin, w).status().message().find("trước ngày bắt đầu"),
            std::string::npos);
  EXPECT_EQ(create_work_item(*store, syt, w).status().code(), ErrorCode::kPermissionDenied);
}

TEST_F(CoordinationTest, SixMonthlyReviewDutiesAtChosenDates) {
  Sponsorship s{.sponsor = "VCB",
                .unit_id = xa_b,
                .since = d("2017-03-15"),
                .program = "Đỡ đầu xã B",
                .money_pledged = 500000000};
  s.id = *store->upsert_sponsorship(s);
  auto duties = review_duties(s, {}, d("2018-01-10"));
  ASSERT_EQ(duties.size(), 3u);
  EXPECT_EQ(duties[0].due, d("2017-06-30"));
  EXPECT_TRUE(duties[0].overdue);
  EXPECT_EQ(duties[1].due, d("2017-12-31"));
  EXPECT_TRUE(duties[1].overdue);
  EXPECT_EQ(duties[2].due, d("2018-06-30"));  // the next one, not late yet
  EXPECT_FALSE(duties[2].overdue);
  // Recorded by the sponsor; another sponsor may not.
  EXPECT_TRUE(record_review(*store, vcb, {s.id, d("2017-06-30"), d("2017-07-05"), "Đã rà soát", ""})
                  .is_ok());
  EXPECT_FALSE(
      record_review(*store, vcb, {s.id, d("2017-07-31"), d("2017-08-01"), "sai kỳ", ""}).is_ok());
  EXPECT_EQ(
      record_review(*store, commune_b, {s.id, d("2017-12-31"), d("2018-01-02"), "x", ""}).code(),
      ErrorCode::kPermissionDenied);
  duties = review_duties(s, *store->reviews(s.id), d("2018-01-10"));
  EXPECT_TRUE(duties[0].done.has_value());
  EXPECT_FALSE(duties[0].overdue);
  // A commitment starting on a due date owes the next one; one ended owes none after.
  s.since = d("2017-06-30");
  s.until = d("2018-03-01");
  duties = review_duties(s, {}, d("2019-01-01"));
  ASSERT_EQ(duties.size(), 1u);
  EXPECT_EQ(duties[0].due, d("2017-12-31"));
  // The sponsor's account sees the unit it supports, not the other.
  const User fresh = **store->find_user("dodau.vcb");
  EXPECT_TRUE(*may_see_unit(*store, fresh, xa_b, d("2018-01-01")));
  EXPECT_FALSE(*may_see_unit(*store, fresh, xa_c, d("2018-01-01")));
  // Deliveries: a ledger with totals.
  EXPECT_TRUE(
      record_delivery(*store, fresh, {0, s.id, d("2017-09-01"), 200000000, "", "Xi măng", ""})
          .is_ok());
  EXPECT_FALSE(
      record_delivery(*store, fresh, {0, s.id, d("2017-09-01"), 0, "", "Trống", ""}).is_ok());
  const auto views = *sponsorship_views(*store, &fresh, "", 0, d("2018-01-10"));
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].money_delivered, 200000000);
}

TEST_F(CoordinationTest, ConclusionsOwnersReportAndNotifications) {
  const int64_t m =
      *create_meeting(*store, admin, {0, d("2017-08-10"), "Phó Chủ tịch", "Họp BCĐ", "", ""});
  Conclusion c{.meeting_id = m,
               .text = "Mọi đơn vị đỡ đầu phải có chương trình, phần việc cụ thể",
               .deadline = "2017-09-30",
               .links = {{"all_sponsors", ""}, {"unit", std::to_string(xa_b)}}};
  const int64_t id = *add_conclusion(*store, admin, c);
  EXPECT_FALSE(add_conclusion(*store, admin, {.meeting_id = m, .text = "Không ai làm"}).is_ok());
  EXPECT_EQ(report_on_conclusion(*store, syt, id, 50, "?", std::nullopt).code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(report_on_conclusion(*store, vcb, id, 100, "Xong", ConclusionStatus::kDone).code(),
            ErrorCode::kPermissionDenied);  // only the office closes
  ASSERT_TRUE(
      report_on_conclusion(*store, vcb, id, 60, "Đã có chương trình", std::nullopt).is_ok());
  auto stored = **store->conclusion(id);
  EXPECT_EQ(stored.status, ConclusionStatus::kInProgress);
  ASSERT_EQ(stored.reports.size(), 1u);
  EXPECT_EQ(stored.reports[0].owner, "all_sponsors");
  EXPECT_TRUE(conclusion_overdue(stored, d("2017-10-01")));
  // The sponsor is told; the health department is not.
  const auto told = *notifications_for(*store, vcb, d("2017-10-01"));
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].kind, "overdue");
  EXPECT_TRUE(notifications_for(*store, syt, d("2017-10-01"))->empty());
  // Work due within two weeks is "due soon" for its owner.
  ASSERT_TRUE(create_work_item(*store, admin,
                               {.title = "Trạm y tế",
                                .unit_id = xa_b,
                                .owner_kind = OwnerKind::kDepartment,
                                .owner_code = "SYT",
                                .start = d("2017-01-01"),
                                .due = d("2017-10-10")})
                  .is_ok());
  const auto soon = *notifications_for(*store, syt, d("2017-10-01"));
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].kind, "due_soon");
  EXPECT_TRUE(notifications_for(*store, syt, d("2017-09-20"))->empty());
}

}  // namespace
}  // namespace ntm
