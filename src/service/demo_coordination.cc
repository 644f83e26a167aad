// Demo coordination data (synthetic, labelled so on every page): plans for
// every commune, sponsor units with commitments, deliveries and reviews,
// work items, and a steering-committee meeting modelled on the 2017 Lộc Hà
// meeting record described in PRODUCT.md. Its own random stream, so the
// demo's observations stay the same.
#include <algorithm>

#include "service/auth.h"
#include "service/coordination.h"
#include "service/demo.h"
#include "service/scope.h"

namespace ntm {
namespace {

struct DemoDepartment {
  const char* code;
  const char* name;
};

// The departments the demo sets name (real Hà Tĩnh department names).
constexpr DemoDepartment kDepartments[] = {
    {"CA", "Công an tỉnh"},
    {"CTK", "Cục Thống kê"},
    {"SCT", "Sở Công Thương"},
    {"SGDDT", "Sở Giáo dục và Đào tạo"},
    {"SGTVT", "Sở Giao thông vận tải"},
    {"SKHCN", "Sở Khoa học và Công nghệ"},
    {"SLDTBXH", "Sở Lao động - Thương binh và Xã hội"},
    {"SNN", "Sở Nông nghiệp và Phát triển nông thôn"},
    {"SNNMT", "Sở Nông nghiệp và Môi trường"},
    {"SNV", "Sở Nội vụ"},
    {"STNMT", "Sở Tài nguyên và Môi trường"},
    {"STTTT", "Sở Thông tin và Truyền thông"},
    {"SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch"},
    {"SXD", "Sở Xây dựng"},
    {"SYT", "Sở Y tế"},
};

// Sponsor units: the kind of bodies that sponsor communes (names generic, demo).
constexpr DemoDepartment kSponsors[] = {
    {"STC", "Sở Tài chính (minh họa)"},
    {"NHNN", "Ngân hàng Nông nghiệp chi nhánh tỉnh (minh họa)"},
    {"DNVL", "Công ty Vật liệu xây dựng Hồng Lĩnh (minh họa)"},
    {"DTN", "Tỉnh đoàn (minh họa)"},
};

// Deterministic pick from a small seed.
struct Pick {
  uint64_t s;
  int operator()(int lo, int hi) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return lo + static_cast<int>((s >> 33) % static_cast<uint64_t>(hi - lo + 1));
  }
};

Date d(const char* iso) { return *Date::parse(iso); }

// Plans: before the merger each commune aimed at a year between 2016 and
// 2024; after it, most merged communes have their own 2026-2030 plan (with a
// year per criterion and a mid-2026 milestone); the rest carry their
// predecessors' plans.
Status add_plans(Store& store, const Catalog& catalog, Pick& pick) {
  const auto province = TRY(store.unit_at("42", d("2024-12-31")));
  for (const UnitVersion& u :
       TRY(store.descendants_at(province->unit_id, Level::kCommune, d("2024-12-31")))) {
    if (u.type != "Xã") continue;
    TRY(store.upsert_plan({u.unit_id, "NTM", pick(2016, 2024), "", {}, {}, "demo", ""}));
  }
  const CriteriaSet* after = catalog.find("ntm-xa-minh-hoa-2026-2030");
  int i = 0;
  for (const UnitVersion& u :
       TRY(store.descendants_at(province->unit_id, Level::kCommune, d("2025-07-01")))) {
    if (!after->applies_to(u) || ++i % 6 == 0) continue;  // every sixth carries the old plans
    const int target = pick(0, 9) < 3 ? 2026 : pick(0, 1) ? 2027 : 2028;
    Plan p{u.unit_id, "NTM", target, "Kế hoạch minh họa 2026-2030", {}, {}, "demo", ""};
    for (const Criterion& c : after->criteria)
      p.criteria.push_back({after->id, c.code, pick(2026, target)});
    p.milestones.push_back({d("2026-06-30"), pick(5, 8), "báo cáo giữa năm"});
    p.milestones.push_back(
        {Date::from_ymd(target, 12, 31), static_cast<int>(after->criteria.size()), "đạt chuẩn"});
    TRY(store.upsert_plan(p));
  }
  return Status::ok();
}

// Communes behind their plan now: where sponsors and work items go.
Result<std::vector<PlanRow>> lagging(Store& store, const Catalog& catalog) {
  EvaluateOptions opts{d("2026-06-30"), "", false};
  auto rows = TRY(plan_statuses(store, catalog, "42", opts));
  std::vector<PlanRow> out;
  for (PlanRow& r : rows)
    if (r.status.state != PlanState::kAchieved) out.push_back(std::move(r));
  std::stable_sort(out.begin(), out.end(), [](const PlanRow& a, const PlanRow& b) {
    return a.assessment.criteria_met < b.assessment.criteria_met;
  });
  return out;
}

Status add_sponsors_and_work(Store& store, const Catalog& catalog, Pick& pick) {
  const User office = *TRY(store.find_user("vanphong"));
  for (const DemoDepartment& s : kSponsors)
    TRY(store.upsert_sponsor({s.code, s.name, office.province_id}));
  const auto rows = TRY(lagging(store, catalog));
  const char* works[] = {"Bê tông hóa đường trục thôn",     "Nâng cấp trạm y tế xã",
                         "Xây dựng khu dân cư kiểu mẫu",    "Cải tạo nhà văn hóa thôn",
                         "Mô hình sản xuất rau an toàn",    "Thu gom, xử lý rác thải sinh hoạt",
                         "Kiên cố hóa kênh mương nội đồng", "Tập huấn chuyển đổi số cho cán bộ xã"};
  size_t k = 0;
  for (const PlanRow& r : rows) {
    if (k >= 12) break;
    const UnitVersion& u = r.assessment.unit;
    const DemoDepartment& sp = kSponsors[k % std::size(kSponsors)];
    const int64_t pledged = 200'000'000LL * pick(1, 5);
    Sponsorship s{0,
                  sp.code,
                  u.unit_id,
                  d("2025-07-15"),
                  Date::max(),
                  "Chương trình đỡ đầu " + u.name + " giai đoạn 2026-2030",
                  "Hỗ trợ xi măng làm đường; hỗ trợ mô hình sản xuất; tập huấn cho cán bộ xã",
                  pledged,
                  pick(0, 1) ? "500 tấn xi măng" : ""};
    s.id = TRY(store.upsert_sponsorship(s));
    TRY(store.insert_delivery(
        {0, s.id, d("2025-10-20"), pledged / 4, "", "Đợt 1: hỗ trợ làm đường", "demo"}));
    if (k % 3 != 2) {
      TRY(store.insert_delivery({0, s.id, d("2026-04-10"), pledged / 5,
                                 s.in_kind_pledged.empty() ? "" : "200 tấn xi măng",
                                 "Đợt 2: mô hình sản xuất", "demo"}));
      TRY(store.upsert_review(
          {s.id, d("2025-12-31"), d("2026-01-08"),
           "Đã rà soát: đường trục thôn xong 60%; cần đẩy nhanh tiêu chí môi trường", "demo"}));
    }
    // Work items for the missing criteria, owned by the criterion's
    // department, the sponsor, or the commune itself.
    int n = 0;
    for (const CriterionResult& c : r.assessment.criteria) {
      if (c.status == Outcome::kMet || n >= 3) continue;
      const int kind = (n + static_cast<int>(k)) % 3;
      const int start_month = pick(1, 6);
      WorkItem w{.title = std::string(works[(k + n) % std::size(works)]) + " (" + u.name + ")",
                 .unit_id = u.unit_id,
                 .set_id = r.assessment.set->id,
                 .criterion = c.criterion->code,
                 .owner_kind = kind == 0   ? OwnerKind::kDepartment
                               : kind == 1 ? OwnerKind::kSponsor
                                           : OwnerKind::kCommune,
                 .owner_code = kind == 0   ? c.criterion->department
                               : kind == 1 ? sp.code
                                           : "",
                 .start = Date::from_ymd(2026, start_month, 1),
                 .due = Date::from_ymd(2026, start_month + pick(3, 8), 28),
                 .budget = 50'000'000LL * pick(2, 30),
                 .note = "Phần việc minh họa"};
      if (w.owner_kind == OwnerKind::kDepartment && w.owner_code.empty())
        w.owner_kind = OwnerKind::kCommune;
      const int64_t id = TRY(create_work_item(store, office, w));
      const int progress = pick(0, 10) * 10;
      const WorkStatus st = progress == 100 ? WorkStatus::kDone
                            : progress == 0 ? WorkStatus::kPlanned
                                            : WorkStatus::kInProgress;
      TRY(update_work_progress(store, office, id, st, progress, w.budget * progress / 150, ""));
      ++n;
    }
    ++k;
  }
  return Status::ok();
}

// Xã Sơn Tây, the demo commune officer's commune: one item of its own
// (overdue), one of the health department's, and a sponsor.
Status add_sontay_work(Store& store) {
  const User office = *TRY(store.find_user("vanphong"));
  const auto sontay = TRY(store.unit_at("18172", d("2026-06-30")));
  if (!sontay) return Status::internal("demo: Xã Sơn Tây missing");
  const int64_t own = TRY(create_work_item(store, office,
                                           {.title = "Xây dựng khu dân cư kiểu mẫu thôn Trung Lộc",
                                            .unit_id = sontay->unit_id,
                                            .owner_kind = OwnerKind::kCommune,
                                            .start = d("2026-03-01"),
                                            .due = d("2026-10-31"),
                                            .budget = 1'200'000'000,
                                            .note = "Phần việc minh họa"}));
  TRY(update_work_progress(store, office, own, WorkStatus::kInProgress, 60, 650'000'000, ""));
  TRY(create_work_item(store, office,
                       {.title = "Nâng cấp trạm y tế xã Sơn Tây",
                        .unit_id = sontay->unit_id,
                        .owner_kind = OwnerKind::kDepartment,
                        .owner_code = "SYT",
                        .start = d("2026-05-01"),
                        .due = d("2026-12-20"),
                        .budget = 2'500'000'000,
                        .note = "Phần việc minh họa"}));
  Sponsorship s{0,
                "STC",
                sontay->unit_id,
                d("2025-07-15"),
                Date::max(),
                "Chương trình đỡ đầu Xã Sơn Tây 2026-2030 (minh họa)",
                "Hỗ trợ khu dân cư kiểu mẫu; tập huấn lập kế hoạch",
                800'000'000,
                ""};
  s.id = TRY(store.upsert_sponsorship(s));
  TRY(store.insert_delivery(
      {0, s.id, d("2026-02-10"), 300'000'000, "", "Hỗ trợ khu dân cư kiểu mẫu", "demo"}));
  return Status::ok();
}

// The 2017 Lộc Hà steering-committee meeting as PRODUCT.md describes it,
// with its conclusions as directives.
Status add_meeting(Store& store) {
  const User office = *TRY(store.find_user("vanphong"));
  const int64_t m = TRY(create_meeting(
      store, office,
      {0, d("2017-08-15"), "Trưởng Ban Chỉ đạo huyện (minh họa)",
       "Họp Ban Chỉ đạo xây dựng nông thôn mới huyện Lộc Hà (minh họa theo biên bản 2017)",
       "Nội dung minh họa dựng theo biên bản cuộc họp năm 2017 của huyện Lộc Hà: đánh giá tiến độ "
       "theo khung kế hoạch, trách nhiệm của các phòng, ban theo tiêu chí, của các đơn vị đỡ đầu "
       "và "
       "của các xã.",
       ""}));
  const auto loc_ha = TRY(store.unit_at("448", d("2017-08-15")));
  const std::string district = loc_ha ? std::to_string(loc_ha->unit_id) : "";
  const struct {
    const char* text;
    std::vector<ConclusionLink> links;
    const char* deadline;
  } conclusions[] = {
      {"Các thành viên Ban Chỉ đạo bám sát khung kế hoạch, đôn đốc, chỉ đạo các địa phương được "
       "phân công.",
       {{"department", "SNV"}, {"unit", district}},
       "2017-12-31"},
      {"Các phòng, ban, ngành hướng dẫn các địa phương thực hiện các tiêu chí được phân công phụ "
       "trách.",
       {{"department", "SXD"}, {"department", "SYT"}, {"department", "SNNMT"}, {"unit", district}},
       "2017-10-31"},
      {"Mọi đơn vị đỡ đầu phải có chương trình, nhiệm vụ và phần việc cụ thể hỗ trợ địa phương "
       "được "
       "giao.",
       {{"all_sponsors", ""}, {"unit", district}},
       "2017-09-30"},
      {"Các địa phương hoàn thành mọi phần việc, nhất là tiêu chí cần cả cộng đồng: khu dân cư "
       "mẫu, "
       "môi trường, mô hình sản xuất.",
       {{"department", "SNNMT"}, {"unit", district}, {"criterion", "17"}},
       "2017-12-31"},
  };
  for (const auto& c : conclusions) {
    Conclusion k{.meeting_id = m, .text = c.text, .deadline = c.deadline};
    for (const ConclusionLink& l : c.links)
      if (!(l.kind == "unit" && l.code.empty())) k.links.push_back(l);
    TRY(add_conclusion(store, office, k));
  }
  // The two assigned to every sponsor and to the departments got reports; one is closed.
  const auto list = TRY(store.conclusions(m));
  TRY(store.insert_conclusion_report({0, list[1].id, d("2017-10-20"), "so.yte", "department:SYT",
                                      70, "Đã hướng dẫn 13 xã về tiêu chí y tế (minh họa)"}));
  TRY(store.set_conclusion_status(list[1].id, ConclusionStatus::kInProgress));
  TRY(store.insert_conclusion_report({0, list[0].id, d("2017-12-20"), "vanphong", "office", 100,
                                      "Các thành viên đã đi cơ sở theo phân công (minh họa)"}));
  TRY(store.set_conclusion_status(list[0].id, ConclusionStatus::kDone));
  // And this year's meeting, on the merged communes.
  const int64_t now =
      TRY(create_meeting(store, office,
                         {0, d("2026-07-20"), "Phó Chủ tịch UBND tỉnh (minh họa)",
                          "Họp Ban Chỉ đạo tỉnh: sơ kết 6 tháng đầu năm 2026 (minh họa)", "", ""}));
  TRY(add_conclusion(
      store, office,
      {.meeting_id = now,
       .text = "Các sở, ngành rà soát các xã chậm kế hoạch, lập phần việc cụ thể cho "
               "từng tiêu chí chưa đạt trước 30/09/2026.",
       .deadline = "2026-09-30",
       .links = {{"department", "SYT"}, {"department", "SNNMT"}, {"department", "SXD"}}}));
  TRY(add_conclusion(store, office,
                     {.meeting_id = now,
                      .text = "Các đơn vị đỡ đầu báo cáo kết quả hỗ trợ 6 tháng và rà soát tại xã.",
                      .deadline = "2026-12-15",
                      .links = {{"all_sponsors", ""}}}));
  return Status::ok();
}

}  // namespace

Status build_demo_coordination(Store& store, const Catalog& catalog) {
  const int64_t province = TRY(province_named(store, ""));
  for (const DemoDepartment& dep : kDepartments)
    TRY(store.upsert_department(province, dep.code, dep.name));
  Pick pick{2017};
  TRY(add_plans(store, catalog, pick));
  TRY(add_sponsors_and_work(store, catalog, pick));
  TRY(add_meeting(store));
  TRY(add_sontay_work(store));
  TRY(add_user(store,
               {"dodau.stc", "sponsor", "", "", kDemoPassword, "STC", "Đỗ Thị Hoa (minh họa)"},
               "demo"));
  return Status::ok();
}

}  // namespace ntm
