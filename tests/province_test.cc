// One server, two provinces: every route of the table walked by every role of
// the other province (and by the central office) against Hà Tĩnh's non-public
// data. Hà Tĩnh's coordination, drafts, accounts and log carry the marker
// "HTSECRET"; no page, list, search, report, feed or export answered to
// another province may contain it, and no request of theirs may change
// anything of Hà Tĩnh's (a fingerprint of its data is compared before and
// after the walk).
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <thread>
#include <tuple>

#include "api/routes.h"
#include "http/server.h"
#include "http_client.h"
#include "service/articles.h"
#include "service/auth.h"
#include "service/coordination.h"
#include "service/criteria_editor.h"
#include "service/importer.h"
#include "service/plans.h"
#include "store/test_store.h"
#include "test_server.h"
#include "ui/pages.h"

namespace ntm {
namespace {

constexpr const char* kUnits =
    "code,name,type,level,parent_code\n"
    "42,Tỉnh Hà Tĩnh,Tỉnh,1,\n"
    "448,Huyện Lộc Hà,Huyện,2,42\n"
    "18580,Xã Thạch Kim,Xã,3,448\n"
    "18583,Xã Thạch Châu,Xã,3,448\n"
    "40,Tỉnh Nghệ An,Tỉnh,1,\n"
    "412,Huyện Nghi Lộc,Huyện,2,40\n"
    "17000,Xã Nghi Ân,Xã,3,412\n";

constexpr const char* kSet = R"(
measures:
  - {id: bhyt, name_vi: "Tỷ lệ BHYT", type: percent, unit: "%", aggregation: mean}
set:
  id: web-a
  series: ntm-xa
  name_vi: "Bộ thử"
  legal_basis: "Thử"
  effective_from: 2016-01-01
  applies_to: {level: commune, unit_types: ["Xã"]}
  variant_key: region
  titles: [{code: NTM, name_vi: "Đạt chuẩn"}]
  criteria:
    - {code: "15", name_vi: "Y tế", department: SYT, indicators: [{code: "15.1", name_vi: "BHYT", measure: bhyt, op: ">=", thresholds: {default: 85}}]}
)";

constexpr const char* kPassword = "mat-khau-dai-1";

class ProvinceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = ::testing::TempDir() + "province_test_" + std::to_string(getpid()) + ".db";
    url_ = std::move(test_database_or(db_)).value();
    auto store = std::shared_ptr<Store>(std::move(Store::open(url_)).value());
    ASSERT_TRUE(import_units(*store, "u", kUnits, *Date::parse("2016-01-01"), Date::max()).is_ok());
    auto imported = import_criteria(*store, "s", kSet);
    ASSERT_TRUE(imported.is_ok()) << imported.status().message();
    ASSERT_TRUE(import_observations(*store, "o",
                                    "unit_code,measure,date,value,status,note\n"
                                    "18580,bhyt,2020-12-31,90,submitted,HTSECRET-obs\n"
                                    "17000,bhyt,2020-12-31,80,submitted,\n",
                                    "t")
                    .is_ok());
    setenv("NTM_FAST_HASH", "1", 1);
    // (username, role, unit, department, full name)
    const std::vector<std::vector<std::string>> people = {
        {"vp.ht", "office", "42", "", "HTSECRET người"},
        {"syt.ht", "department", "42", "SYT", ""},
        {"xa.ht", "commune", "18580", "", ""},
        {"dd.ht", "sponsor", "18583", "", ""},
        {"bcd.ht", "steering", "42", "", ""},
        {"vp.na", "office", "40", "", ""},
        {"syt.na", "department", "40", "SYT", ""},
        {"xa.na", "commune", "17000", "", ""},
        {"dd.na", "sponsor", "17000", "", ""},
        {"bcd.na", "steering", "40", "", ""},
        {"trunguong", "central", "", "", ""}};
    for (const auto& p : people) {
      auto added = add_user(*store, {p[0], p[1], p[2], p[3], kPassword, "", p[4]}, "test");
      ASSERT_TRUE(added.is_ok()) << p[0] << ": " << added.status().message();
      auto in = login(*store, p[0], kPassword, "test");
      ASSERT_TRUE(in.is_ok());
      sessions_[p[0]] = {in->token, in->session.csrf_token};
    }
    const User office = **store->find_user("vp.ht");
    const Catalog catalog = std::move(Catalog::load(*store)).value();
    const int64_t kim = (*store->unit_at("18580", today_local()))->unit_id;
    const int64_t chau = (*store->unit_at("18583", today_local()))->unit_id;
    WorkItem w{.title = "HTSECRET-work",
               .unit_id = kim,
               .owner_kind = OwnerKind::kDepartment,
               .owner_code = "SYT",
               .start = *Date::parse("2021-01-01"),
               .due = *Date::parse("2021-03-31")};
    work_ = std::move(create_work_item(*store, office, w)).value();
    meeting_ = std::move(create_meeting(*store, office,
                                        {.date = *Date::parse("2021-02-01"),
                                         .chair = "Chủ tịch",
                                         .title = "HTSECRET-meeting"}))
                   .value();
    conclusion_ = std::move(add_conclusion(*store, office,
                                           {.meeting_id = meeting_,
                                            .text = "HTSECRET-conclusion",
                                            .links = {{"department", "SYT"}}}))
                      .value();
    article_ = std::move(create_article(*store, office,
                                        {.title = "HTSECRET article", .category = "tin-tuc"}))
                   .value()
                   .id;
    ASSERT_TRUE(start_criteria_draft(*store, catalog, "web-a", "ht-draft", office).is_ok());
    ASSERT_TRUE(
        save_plan(*store, catalog,
                  {.unit_id = kim, .title = "NTM", .target_year = 2027, .note = "HTSECRET-plan"},
                  "vp.ht", &office)
            .is_ok());
    ASSERT_TRUE(commit_sponsorship(*store, office, {"HTSP", "HTSECRET sponsor"},
                                   {.sponsor = "HTSP",
                                    .unit_id = chau,
                                    .since = *Date::parse("2020-01-01"),
                                    .program = "HTSECRET-program",
                                    .money_pledged = 1000},
                                   "Xã Thạch Châu")
                    .is_ok());
    observation_ = std::to_string(
        store->observations_with_status(ObservationStatus::kSubmitted, 0, 0, 10)->front().id);
    ht_ = (*store->unit_at("42", today_local()))->unit_id;
    app_ = new AppState(store);
    app_->evidence_dir = db_ + ".evidence";
    server_ = new TestServer(*app_, db_);
    router_ = &server_->router();
    port_ = server_->port();
  }
  static void TearDownTestSuite() {
    delete server_;
    delete app_;
    for (const char* s : {"", "-wal", "-shm"}) std::remove((db_ + s).c_str());
    std::filesystem::remove_all(db_ + ".evidence");
  }

  static std::string cookie(const std::string& who) {
    return "Cookie: ntm_session=" + sessions_.at(who).first + "\r\n";
  }

  // Every concrete target of a route pattern, pointed at Hà Tĩnh's things.
  static std::vector<std::string> targets(const std::string& pattern) {
    const std::string id = pattern.rfind("/work", 0) == 0            ? std::to_string(work_)
                           : pattern.rfind("/meetings", 0) == 0      ? std::to_string(meeting_)
                           : pattern.rfind("/conclusions", 0) == 0   ? std::to_string(conclusion_)
                           : pattern.rfind("/articles", 0) == 0      ? std::to_string(article_)
                           : pattern.rfind("/criteria-sets", 0) == 0 ? "ht-draft"
                                                                     : "1";
    std::vector<std::string> out;
    for (const char* code : {"42", "18580", "18583", "HTSP"}) {
      for (const char* kind : {"progress", "commune", "department", "sponsor", "directives"}) {
        std::string t = pattern;
        for (const auto& [name, value] :
             std::map<std::string, std::string>{{":code", code},
                                                {":kind", kind},
                                                {":id", id},
                                                {":set", "web-a"},
                                                {":criterion", "15"},
                                                {":file", "style.css"},
                                                {":lang", "vi"},
                                                {":slug", "khong-co"},
                                                {":category", "tin-tuc"},
                                                {":province", "42"}}) {
          if (size_t at = t.find(name); at != std::string::npos) t.replace(at, name.size(), value);
        }
        t += "?unit=18580&parent=42&code=18580&period=2020-12-31&at=2021-06-30&q=thach";
        if (std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
      }
    }
    return out;
  }

  // Everything of Hà Tĩnh's another office could try to change.
  // The value of a read the test relies on (a failed read stops the test run).
  template <typename T>
  static T ok(Result<T> r) {
    if (!r.is_ok()) {
      ADD_FAILURE() << r.status().message();
      std::abort();
    }
    return std::move(*r);
  }

  static std::string fingerprint() {
    Store& s = app_->store();
    std::string f;
    for (const WorkItem& w : ok(s.work_items()))
      f += w.title + work_status_name(w.status) + std::to_string(w.progress) + "|";
    for (const Conclusion& c : ok(s.conclusions(0)))
      f += c.text + conclusion_status_name(c.status) + std::to_string(c.reports.size()) + "|";
    for (const Meeting& m : ok(s.meetings()))
      if (m.province_id == ht_) f += m.title + "|";
    const Article a = *ok(s.article(article_));
    f += a.title + article_status_name(a.status) + a.body + "|";
    f += ok(s.criteria_draft("ht-draft"))->document + "|";
    for (const Plan& p : ok(s.plans())) f += p.note + std::to_string(p.target_year) + "|";
    for (const User& u : ok(s.users()))
      if (u.province_id == ht_) f += u.username + (u.disabled ? "x" : "") + u.password_hash + "|";
    for (const auto& [code, name] : ok(s.departments(ht_))) f += code + name + "|";
    for (const auto& [crit, dep] : ok(s.criterion_departments(ht_, "web-a"))) f += crit + dep + "|";
    for (const char* code : {"18580", "18583"}) {
      const int64_t unit = ok(s.unit_at(code, today_local()))->unit_id;
      for (const Observation& o : ok(s.observation_history(unit, "bhyt")))
        f += std::to_string(o.id) + observation_status_name(o.status) + "|";
      f += ok(s.attribute_at(unit, "commune_group", today_local())).value_or("") + "|";
      f += std::to_string(ok(s.sponsorships("", unit)).size()) + "|";
    }
    for (const Sponsorship& sp : ok(s.sponsorships("HTSP", 0)))
      f += std::to_string(ok(s.deliveries(sp.id)).size()) +
           std::to_string(ok(s.reviews(sp.id)).size());
    f += ok(s.setting("public_progress:" + std::to_string(ht_))).value_or("");
    return f;
  }

  // Walks every route as `who`; fails on Hà Tĩnh's marker in any answer.
  static void walk(const std::string& who, bool may_read_ht) {
    const std::string body =
        "csrf=" + sessions_.at(who).second +
        "&unit=18580&parent=42&code=18580&status=done&progress=100&text=x&title=x&chair=x"
        "&date=2021-01-01&username=xa.ht&password=mat-khau-dai-9&role=commune&department=SYT"
        "&criterion=15&set=web-a&group=2&from=2021-01-01&id=" +
        observation_ + "&ids=" + observation_ +
        "&action=verify&owner=commune&start=2021-01-01&due=2021-12-31&name=x&since=2021-01-01"
        "&money=1&program=x&sponsorship=1&due_date=2021-12-31&minutes=x&share=50"
        "&period=2020-12-31&v.bhyt=99&close=done&category=tin-tuc&new_id=ht-moi&base=web-a";
    for (const auto& route : router_->routes()) {
      if (route.pattern == "/logout" || route.pattern == "/login" ||
          route.pattern == "/account/password")
        continue;  // their own session and password
      for (const std::string& target : targets(route.pattern)) {
        const std::string what = route.method + " " + target + " as " + who;
        const Reply r = route.method == "GET" ? get(port_, target, cookie(who))
                                              : post(port_, target, body, cookie(who));
        EXPECT_LT(r.status, 500) << what << "\n" << r.body.substr(0, 300);
        if (may_read_ht) continue;
        std::string lower = r.body + r.head;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char ch) { return std::tolower(ch); });
        EXPECT_EQ(lower.find("htsecret"), std::string::npos)
            << what << " -> " << r.status << "\n"
            << r.body.substr(lower.find("htsecret") > 200 ? lower.find("htsecret") - 200 : 0, 400);
      }
    }
  }

  static inline std::string db_, url_, observation_;
  static inline AppState* app_ = nullptr;
  static inline Router* router_ = nullptr;
  static inline TestServer* server_ = nullptr;
  static inline unsigned short port_ = 0;
  static inline int64_t work_ = 0, meeting_ = 0, conclusion_ = 0, article_ = 0, ht_ = 0;
  static inline std::map<std::string, std::pair<std::string, std::string>> sessions_;
};

// The markers are there to be found: Hà Tĩnh's own office sees each of them.
TEST_F(ProvinceTest, TheOwnOfficeSeesItsData) {
  const std::string me = cookie("vp.ht");
  for (const auto& [page, marker] : std::vector<std::pair<std::string, std::string>>{
           {"/work", "HTSECRET-work"},
           {"/meetings/" + std::to_string(meeting_), "HTSECRET-conclusion"},
           {"/articles", "HTSECRET article"},
           {"/criteria-sets", "/criteria-sets/drafts/ht-draft"},
           {"/users", "HTSECRET người"},
           {"/audit", "HTSECRET"},
           {"/commune/18580?at=2021-06-30", "HTSECRET-work"},
           {"/sponsors", "HTSECRET-program"},
           {"/reports/directives/all?format=csv", "HTSECRET-conclusion"}}) {
    const Reply r = get(port_, page, me);
    EXPECT_EQ(r.status, 200) << page;
    EXPECT_NE(r.body.find(marker), std::string::npos) << page;
  }
  // Its department verifies the pending value; Nghệ An's does not see it.
  EXPECT_NE(get(port_, "/verify", cookie("syt.ht")).body.find("Xã Thạch Kim"), std::string::npos);
  EXPECT_EQ(get(port_, "/verify", cookie("syt.na")).body.find("Xã Thạch Kim"), std::string::npos);
  EXPECT_NE(get(port_, "/verify", cookie("syt.na")).body.find("Xã Nghi Ân"), std::string::npos);
}

// Every route, every role of Nghệ An: nothing of Hà Tĩnh's shown, nothing changed.
TEST_F(ProvinceTest, TheOtherProvinceSeesAndTouchesNothing) {
  const std::string before = fingerprint();
  for (const char* who : {"vp.na", "syt.na", "xa.na", "dd.na", "bcd.na"}) walk(who, false);
  EXPECT_EQ(fingerprint(), before);
  // No entry of Hà Tĩnh's log was made by Nghệ An.
  Store::AuditFilter f;
  f.province_id = ht_;
  for (const AuditEntry& e : *app_->store().audit(f, 5000))
    EXPECT_EQ(e.actor.find(".na"), std::string::npos) << e.action << " " << e.subject;
  EXPECT_EQ(get(port_, "/criteria-sets", cookie("vp.na")).body.find("drafts/ht-draft"),
            std::string::npos);
  // The pages that name a Hà Tĩnh thing answer 403 or 404, not an empty 200.
  const std::string na = cookie("vp.na");
  for (const std::string& page : std::vector<std::string>{
           "/plan/18580", "/entry?unit=18580", "/entry/bulk?parent=42&period=2020-12-31",
           "/articles/" + std::to_string(article_), "/meetings/" + std::to_string(meeting_),
           "/criteria-sets/drafts/ht-draft", "/work/" + std::to_string(work_), "/briefing?unit=42",
           "/responsibilities?unit=42"}) {
    const int status = get(port_, page, na).status;
    EXPECT_TRUE(status == 403 || status == 404) << page << " -> " << status;
  }
}

// Each province's portal shows its own office's published articles; the
// national portal (two provinces) the central office's.
TEST_F(ProvinceTest, EachPortalShowsItsOwnOfficesArticles) {
  Store& s = app_->store();
  const User ht = **s.find_user("vp.ht"), na = **s.find_user("vp.na"),
             tw = **s.find_user("trunguong");
  for (const auto& [who, title] :
       {std::pair{&ht, "Tin Hà Tĩnh công bố"}, std::pair{&na, "Tin Nghệ An công bố"},
        std::pair{&tw, "Tin Trung ương công bố"}}) {
    const Article a = *create_article(s, *who, {.title = title, .category = "tin-tuc"});
    ASSERT_TRUE(publish_article(s, *who, a.id, "2021-01-01T00:00:00Z").is_ok()) << title;
  }
  using Case = std::tuple<std::string, std::string, std::vector<std::string>>;
  for (const auto& [page, own, others] : std::vector<Case>{
           {"/tinh/42", "Tin Hà Tĩnh", {"Tin Nghệ An", "Tin Trung ương"}},
           {"/tinh/42/chuyen-muc/tin-tuc", "Tin Hà Tĩnh", {"Tin Nghệ An", "Tin Trung ương"}},
           {"/tinh/42/chuyen-muc/tin-tuc/atom.xml", "Tin Hà Tĩnh", {"Tin Nghệ An"}},
           {"/tinh/40", "Tin Nghệ An", {"Tin Hà Tĩnh", "Tin Trung ương"}},
           {"/", "Tin Trung ương", {"Tin Hà Tĩnh", "Tin Nghệ An"}},
           {"/chuyen-muc/tin-tuc", "Tin Trung ương", {"Tin Hà Tĩnh", "Tin Nghệ An"}}}) {
    const Reply r = get(port_, page);
    EXPECT_EQ(r.status, 200) << page;
    EXPECT_NE(r.body.find(own), std::string::npos) << page;
    for (const std::string& other : others)
      EXPECT_EQ(r.body.find(other), std::string::npos) << page << " shows " << other;
  }
  EXPECT_EQ(get(port_, "/tinh/18580").status, 404);  // a commune is not a province
  auto has = [](const Reply& r, const std::string& text) {
    return r.body.find(text) != std::string::npos;
  };
  // A province portal's menu, search box and progress link stay in it.
  const Reply home = get(port_, "/tinh/42");
  EXPECT_TRUE(has(home, "href=\"/tinh/42/tien-do\""));
  EXPECT_TRUE(has(home, "href=\"/tinh/42/chuyen-muc/thong-bao\""));
  EXPECT_TRUE(has(home, "action=\"/tinh/42/search\""));
  // Search: a province portal finds its office's articles and its units.
  const Reply found = get(port_, "/tinh/42/search?q=cong+bo");
  EXPECT_TRUE(has(found, "Tin Hà Tĩnh"));
  EXPECT_FALSE(has(found, "Tin Nghệ An") || has(found, "Tin Trung ương"));
  EXPECT_TRUE(has(get(port_, "/tinh/42/search?q=18580"), "/commune/18580"));
  EXPECT_FALSE(has(get(port_, "/tinh/40/search?q=18580"), "/commune/18580"));
  // The national search finds every office's, each naming its office.
  const Reply all = get(port_, "/search?q=cong+bo");
  EXPECT_TRUE(has(all, "Tin Hà Tĩnh") && has(all, "Tin Nghệ An") && has(all, "Tin Trung ương"));
  EXPECT_TRUE(has(all, "Văn phòng Điều phối Trung ương ·"));
  // An article is shown in its office's portal: category, feed and menu.
  const std::string slug = (*s.published_articles("tin-tuc", "2030-01-01", 0, 1, ht_)).at(0).slug;
  const Reply article = get(port_, "/bai-viet/" + slug);
  EXPECT_TRUE(has(article, "href=\"/tinh/42/chuyen-muc/tin-tuc\""));
  EXPECT_TRUE(has(article, "href=\"/tinh/42/chuyen-muc/tin-tuc/atom.xml\""));
  // The sitemap lists each province portal.
  const Reply map = get(port_, "/sitemap.xml");
  for (const char* path :
       {"/tinh/42</loc>", "/tinh/40/tien-do</loc>", "/tinh/42/chuyen-muc/tin-tuc<"})
    EXPECT_TRUE(has(map, path)) << path;
  // /tien-do is the country's, each province linked to its portal; a
  // province's is its own.
  const Reply nation = get(port_, "/tien-do");
  EXPECT_EQ(nation.status, 200);
  EXPECT_TRUE(has(nation, "Tiến độ nông thôn mới cả nước"));
  EXPECT_TRUE(has(nation, "href=\"/tinh/42\"") && has(nation, "href=\"/tinh/40/tien-do\""));
  const Reply province = get(port_, "/tinh/40/tien-do");
  EXPECT_FALSE(has(province, "Tiến độ nông thôn mới cả nước"));
  EXPECT_TRUE(has(province, "/tinh/40/tien-do\""));        // canonical
  EXPECT_TRUE(has(get(port_, "/"), "href=\"/tinh/40\""));  // the national table
}

// The central office reads both provinces and writes nothing of either.
TEST_F(ProvinceTest, TheCentralOfficeReadsBothAndWritesNeither) {
  const std::string tw = cookie("trunguong");
  EXPECT_NE(get(port_, "/work", tw).body.find("HTSECRET-work"), std::string::npos);
  EXPECT_NE(get(port_, "/audit", tw).body.find("HTSECRET"), std::string::npos);
  EXPECT_NE(get(port_, "/users", tw).body.find("vp.na"), std::string::npos);
  EXPECT_EQ(get(port_, "/entry?unit=18580", tw).status, 403);
  EXPECT_EQ(get(port_, "/verify", tw).status, 403);
  const std::string before = fingerprint();
  walk("trunguong", true);
  EXPECT_EQ(fingerprint(), before);
}

}  // namespace
}  // namespace ntm
