// End-to-end over HTTP: a real server on a loopback port, a small fixture
// database (with a hostile unit name), every route of the table exercised.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <thread>

#include "api/routes.h"
#include "base/zip_writer.h"
#include "http/server.h"
#include "http_client.h"
#include "reports/entry_template.h"
#include "service/articles.h"
#include "service/auth.h"
#include "service/dossier.h"
#include "service/importer.h"
#include "service/offline_entry.h"
#include "service/recognition.h"
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
    "18583,\"Xã <script>alert(1)</script> \"\"Q\"\"\",Xã,3,448\n"
    "18568,Thị trấn Lộc Hà,Thị trấn,3,448\n";

constexpr const char* kSet = R"(
measures:
  - {id: bhyt, name_vi: "Tỷ lệ BHYT", type: percent, unit: "%", aggregation: mean}
  - {id: quy_hoach, name_vi: "Có quy hoạch", type: boolean, aggregation: all}
set:
  id: web-a
  series: ntm-xa
  name_vi: "Bộ thử web"
  name_en: "Web test set"
  legal_basis: "Thử"
  effective_from: 2016-01-01
  applies_to: {level: commune, unit_types: ["Xã"]}
  variant_key: region
  titles: [{code: NTM, name_vi: "Đạt chuẩn"}]
  criteria:
    - {code: "1", name_vi: "Quy hoạch", department: SXD, indicators: [{code: "1.1", name_vi: "Quy hoạch", measure: quy_hoach, op: "=", thresholds: {default: true}}]}
    - {code: "15", name_vi: "Y tế", department: SYT, indicators: [{code: "15.1", name_vi: "BHYT", measure: bhyt, op: ">=", thresholds: {default: 85}}]}
)";

constexpr const char* kObservations =
    "unit_code,measure,date,value,status\n"
    "18580,quy_hoach,2020-12-31,1,verified\n"
    "18580,bhyt,2020-12-31,90,verified\n"
    "18583,quy_hoach,2020-12-31,1,verified\n"
    "18583,bhyt,2020-12-31,80,submitted\n";

constexpr const char* kRecognitionRules = R"(
rules:
  id: web-rules
  name_vi: "Quy định thử"
  legal_basis: "Thử"
  effective_from: 2016-01-01
  confirmed: false
  titles: [{code: NTM, name_vi: "Xã đạt chuẩn NTM", set_title: NTM, confirmed: false}]
  postings: {confirmed: false}
  survey: {confirmed: false}
  revocation: {confirmed: false}
  merged: {confirmed: false}
)";

class WebTest : public ::testing::Test {
 public:
  static AppState& app() { return *app_; }

 protected:
  static void SetUpTestSuite() {
    db_ = ::testing::TempDir() + "web_test_" + std::to_string(getpid()) + ".db";
    url_ = std::move(test_database_or(db_)).value();
    auto store = std::shared_ptr<Store>(std::move(Store::open(url_)).value());
    ASSERT_TRUE(import_units(*store, "u", kUnits, *Date::parse("2016-01-01"), Date::max()).is_ok());
    ASSERT_TRUE(import_criteria(*store, "s", kSet).is_ok());
    ASSERT_TRUE(import_observations(*store, "o", kObservations, "t").is_ok());
    setenv("NTM_FAST_HASH", "1", 1);
    const NewUser users[] = {
        {"admin", "admin", "", "", "mat-khau-dai-1"},
        {"so.yte", "department", "", "SYT", "mat-khau-dai-1", "", "Lê Văn Hùng"},
        {"xa.thachkim", "commune", "18580", "", "mat-khau-dai-1"},
        {"dodau", "sponsor", "18583", "", "mat-khau-dai-1"},
        {"bcd", "steering", "42", "", "mat-khau-dai-1"}};
    for (const NewUser& u : users) {
      ASSERT_TRUE(add_user(*store, u, "test").is_ok());
      auto in = login(*store, u.username, u.password, "test");
      ASSERT_TRUE(in.is_ok());
      sessions_[u.role] = {in->token, in->session.csrf_token};
    }
    app_ = new AppState(store);
    app_->evidence_dir = db_ + ".evidence";
    app_->public_url = "https://ntm.example.vn";
    // One published article with an attached PDF, for the public routes.
    const User admin = **store->find_user("admin");
    Article tin{
        .title = "Tin thử", .summary = "Tóm tắt", .body = "Nội dung", .category = "tin-tuc"};
    tin = *create_article(*store, admin, tin);
    ASSERT_EQ(tin.slug, "tin-thu");
    ASSERT_TRUE(publish_article(*store, admin, tin.id, "2021-01-01T00:00:00Z").is_ok());
    auto pdf = add_article_file(*store, app_->evidence_dir, admin, tin.id, "attachment", "qd.pdf",
                                "%PDF-1.4\n%%EOF\n");
    ASSERT_TRUE(pdf.is_ok()) << pdf.status().message();
    article_file_id_ = std::to_string(pdf->id);
    // A recognition dossier being prepared (its draft is public).
    ASSERT_TRUE(import_recognition_rules(*store, "r.yaml", kRecognitionRules).is_ok());
    const Catalog catalog = std::move(Catalog::load(*store)).value();
    const RecognitionBook book = std::move(RecognitionBook::load(*store)).value();
    auto dossier = open_dossier(*store, catalog, book, admin, "18580", "NTM", 2020,
                                *Date::parse("2020-12-31"));
    ASSERT_TRUE(dossier.is_ok()) << dossier.status().message();
    dossier_id_ = std::to_string(*dossier);
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

  static inline std::string db_;
  static inline std::string url_;  // db_, or a PostgreSQL database under NTM_TEST_PG
  static inline AppState* app_ = nullptr;
  static inline Router* router_ = nullptr;
  static inline TestServer* server_ = nullptr;
  static inline unsigned short port_ = 0;
  static inline std::string article_file_id_;
  static inline std::string dossier_id_;
  // role -> (session token, CSRF token)
  static inline std::map<std::string, std::pair<std::string, std::string>> sessions_;

  static int64_t province_id(const std::string& code) {
    return (*app_->store().unit_at(code, today_local()))->unit_id;
  }
  static std::string cookie(const std::string& role) {
    return "Cookie: ntm_session=" + sessions_.at(role).first + "\r\n";
  }
};

// Every route in the table answers for real parameters: a new route without
// an entry here fails this test.
TEST_F(WebTest, EveryRouteAnswers) {
  const std::map<std::string, std::string> params = {
      {":code", "42"},          {":set", "web-a"},  {":criterion", "15"},    {":file", "style.css"},
      {":lang", "en"},          {":id", "999999"},  {":kind", "directives"}, {":slug", "tin-thu"},
      {":category", "tin-tuc"}, {":province", "42"}};
  for (const auto& route : router_->routes()) {
    if (route.access != Access::kPublic || route.method != "GET")
      continue;  // see the permission matrix
    const std::string& pattern = route.pattern;
    std::string target = pattern;
    const bool commune = pattern.find("commune") != std::string::npos ||
                         pattern.find("assessment") != std::string::npos;
    if (commune) target.replace(target.find(":code"), 5, "18580");
    if (pattern == "/tep-bai-viet/:id") target.replace(target.find(":id"), 3, article_file_id_);
    if (pattern == "/cong-nhan/du-thao/:id") target.replace(target.find(":id"), 3, dossier_id_);
    for (const auto& [name, value] : params) {
      if (size_t at = target.find(name); at != std::string::npos)
        target.replace(at, name.size(), value);
    }
    ASSERT_EQ(target.find(':'), std::string::npos)
        << "no test value for a parameter of " << pattern;
    target += "?at=2021-06-30&parent=42&q=loc";
    const Reply r = get(port_, target);
    EXPECT_TRUE(r.status == 200 || r.status == 303) << pattern << " -> " << r.status << "\n"
                                                    << r.body.substr(0, 300);
  }
}

// Every route of the table x every role (and no login): the status says
// whether the server let the request through. Generated from the table, so a
// new route is checked the moment it is added.
TEST_F(WebTest, PermissionMatrixFromTheRouteTable) {
  const std::vector<std::string> roles = {"",        "admin",   "department",
                                          "commune", "sponsor", "steering"};
  for (const auto& route : router_->routes()) {
    std::string target = route.pattern;
    for (const auto& [name, value] : std::map<std::string, std::string>{{":code", "18580"},
                                                                        {":set", "web-a"},
                                                                        {":criterion", "15"},
                                                                        {":file", "style.css"},
                                                                        {":lang", "en"},
                                                                        {":id", "999999"},
                                                                        {":kind", "directives"},
                                                                        {":slug", "tin-thu"},
                                                                        {":category", "tin-tuc"},
                                                                        {":province", "42"}}) {
      if (size_t at = target.find(name); at != std::string::npos)
        target.replace(at, name.size(), value);
    }
    target += "?at=2021-06-30&parent=42";
    for (const std::string& role : roles) {
      const std::string who = role.empty() ? "" : cookie(role);
      const Reply r =
          route.method == "GET"
              ? get(port_, target, who)
              : post(port_, target, "csrf=" + (role.empty() ? "" : sessions_.at(role).second), who);
      const bool api = route.pattern.rfind("/api/", 0) == 0;
      const std::string what =
          route.method + " " + route.pattern + " as " + (role.empty() ? "public" : role);
      if (route.access == Access::kPublic ||
          (!role.empty() && role_allows(route.access, *parse_role(role)))) {
        EXPECT_NE(r.status, 401) << what;
        EXPECT_NE(r.status, 403) << what;
        EXPECT_LT(r.status, 500) << what << "\n" << r.body.substr(0, 300);
      } else if (role.empty()) {
        EXPECT_TRUE(r.status == 401 || (!api && route.method == "GET" && r.status == 303 &&
                                        r.head.find("Location: /login?next=") != std::string::npos))
            << what << " -> " << r.status;
      } else {
        EXPECT_EQ(r.status, 403) << what;
      }
    }
    // Logging out ends the sessions used above, so re-login after this route.
    if (route.pattern == "/logout") {
      for (const auto& [role, unused] : sessions_) {
        auto in = login(app_->store(),
                        role == "department" ? "so.yte"
                        : role == "commune"  ? "xa.thachkim"
                        : role == "sponsor"  ? "dodau"
                        : role == "steering" ? "bcd"
                                             : "admin",
                        "mat-khau-dai-1", "test");
        ASSERT_TRUE(in.is_ok());
        sessions_[role] = {in->token, in->session.csrf_token};
      }
    }
  }
}

// Signed in without a page asked for, each role starts where its work is.
TEST_F(WebTest, EachRoleLandsWhereItsWorkIs) {
  for (const auto& [user, where] : {std::pair{"xa.thachkim", "/entry"},
                                    {"so.yte", "/verify"},
                                    {"admin", "/dashboard/42"},
                                    {"bcd", "/dashboard/42"},
                                    {"dodau", "/sponsors"}}) {
    const Reply r =
        post(port_, "/login", std::string("username=") + user + "&password=mat-khau-dai-1");
    ASSERT_EQ(r.status, 303) << user;
    EXPECT_NE(r.head.find(std::string("Location: ") + where + "\r"), std::string::npos)
        << user << r.head;
  }
  // A page asked for wins.
  const Reply asked =
      post(port_, "/login", "username=xa.thachkim&password=mat-khau-dai-1&next=/account");
  EXPECT_NE(asked.head.find("Location: /account\r"), std::string::npos);
}

TEST_F(WebTest, LoginCsrfLogoutAndReplay) {
  const Reply bad = post(port_, "/login", "username=admin&password=sai&next=/account");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("tên đăng nhập hoặc mật khẩu không đúng"), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"admin\""), std::string::npos);  // what was typed is kept
  const Reply foreign = post(port_, "/login", "username=admin&password=mat-khau-dai-1",
                             "Origin: https://evil.example\r\n");
  EXPECT_EQ(foreign.status, 403);
  const Reply ok = post(port_, "/login", "username=admin&password=mat-khau-dai-1&next=/account");
  ASSERT_EQ(ok.status, 303);
  EXPECT_NE(ok.head.find("Location: /account"), std::string::npos);
  const size_t at = ok.head.find("Set-Cookie: ntm_session=");
  ASSERT_NE(at, std::string::npos);
  const std::string token = ok.head.substr(at + 24, 64);
  EXPECT_NE(ok.head.find("HttpOnly; SameSite=Lax"), std::string::npos);
  const std::string c = "Cookie: ntm_session=" + token + "\r\n";
  const Reply account = get(port_, "/account", c);
  ASSERT_EQ(account.status, 200);
  const std::string marker = "name=\"csrf\" value=\"";
  const size_t csrf_at = account.body.find(marker);
  ASSERT_NE(csrf_at, std::string::npos);
  const std::string csrf = account.body.substr(csrf_at + marker.size(), 64);
  EXPECT_EQ(post(port_, "/logout", "csrf=stale", c).status, 403);  // a stale CSRF token
  EXPECT_EQ(post(port_, "/logout", "", c).status, 403);            // none at all
  EXPECT_EQ(post(port_, "/logout", "csrf=" + csrf, c).status, 303);
  EXPECT_EQ(get(port_, "/account", c).status, 303);  // the replayed cookie is dead: to /login
  EXPECT_EQ(get(port_, "/api/v1/health", c).status, 200);
  const Reply ready = get(port_, "/readyz");  // migrated, reachable: take traffic
  EXPECT_EQ(ready.status, 200);
  EXPECT_NE(ready.body.find("\"status\":\"ready\""), std::string::npos) << ready.body;
}

// The whole loop: a commune enters and submits, the department verifies one
// value and returns another, the verified view changes at once, the audit
// log holds every step; and what must be refused is refused.
// A form posted while another process holds the database (a long CLI
// import) is answered 503 in Vietnamese with what was typed, ready to post
// again; nothing is stored; once the lock is gone the same post saves.
TEST_F(WebTest, WriteBlockedByALongImportKeepsWhatWasTyped) {
  const std::string xa = cookie("commune");
  const std::string body =
      "csrf=" + sessions_.at("commune").second + "&period=2019-06-30&action=draft&v.bhyt=77%2C5";
  // Another connection holds the write lock: SQLite's, or on PostgreSQL a
  // lock on the observations (the form waits lock_timeout, 5 s, then gives up).
  const bool pg = is_postgres_url(url_);
  auto other = std::move(pg ? open_postgres_connection(url_) : open_sqlite_connection(db_)).value();
  ASSERT_TRUE(
      other->exec_script(pg ? "BEGIN; LOCK TABLE observation IN EXCLUSIVE MODE" : "BEGIN IMMEDIATE")
          .is_ok());
  const Reply busy = post(port_, "/entry", body, xa);
  EXPECT_EQ(busy.status, 503) << busy.body;
  EXPECT_NE(busy.body.find("Cơ sở dữ liệu đang bận"), std::string::npos);
  EXPECT_NE(busy.body.find("name=\"v.bhyt\" value=\"77,5\""), std::string::npos);
  EXPECT_NE(busy.body.find("Thử lại"), std::string::npos);
  ASSERT_TRUE(other->exec_script("ROLLBACK").is_ok());
  other.reset();
  const int64_t unit = (**app_->store().unit_at("18580", *Date::parse("2019-06-30"))).unit_id;
  EXPECT_FALSE(*app_->store().current_observation(unit, "bhyt", *Date::parse("2019-06-30")));
  EXPECT_EQ(post(port_, "/entry", body, xa).status, 303);
  const auto saved = *app_->store().current_observation(unit, "bhyt", *Date::parse("2019-06-30"));
  ASSERT_TRUE(saved);
  EXPECT_DOUBLE_EQ(saved->value, 77.5);
}

// A phone's queued item through the API: stored once under its key, a
// second item made on the same old copy meets a conflict (nothing stored),
// and an expired session or a wrong token is refused in JSON (the phone
// keeps its queue).
TEST_F(WebTest, OfflineQueueItemStoredOnceAndConflictsShown) {
  const std::string xa = cookie("commune");
  const std::string csrf = "csrf=" + sessions_.at("commune").second;
  const Date period = *Date::parse("2023-06-30");
  const Catalog catalog = std::move(Catalog::load(app_->store())).value();
  auto base_of = [&](const char* measure) {
    const EntryForm f = std::move(entry_form(app_->store(), catalog, "18580", period)).value();
    for (const EntryField& field : f.fields)
      if (field.measure->id == measure) return base_token(field);
    return std::string("?");
  };
  const std::string seen = base_of("bhyt");
  const std::string item = "&unit=18580&period=2023-06-30&v.bhyt=88%2C5&b.bhyt=" + seen;
  Reply r = post(port_, "/api/v1/entry/queue", csrf + "&key=phone-0000000000000001" + item, xa);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["outcome"], "stored");
  EXPECT_EQ(nlohmann::json::parse(r.body)["changed"], 1);
  EXPECT_EQ(base_of("bhyt"), "88.5|submitted");
  // The entry page carries what each field holds, for the next queued item.
  const Reply page = get(port_, "/entry?period=2023-06-30", xa);
  EXPECT_NE(page.body.find("name=\"b.bhyt\" value=\"88.5|submitted\""), std::string::npos);
  EXPECT_NE(page.body.find("data-unit=\"18580\" data-period=\"2023-06-30\" data-photo-px=\"1600\""),
            std::string::npos);
  // Each field shows the commune's threshold (kept on the phone with the page).
  EXPECT_NE(page.body.find("Ngưỡng: &gt;= 85"), std::string::npos);
  r = post(port_, "/api/v1/entry/queue", csrf + "&key=phone-0000000000000001" + item, xa);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["outcome"], "already_stored");
  // Another item typed on the same old copy.
  r = post(
      port_, "/api/v1/entry/queue",
      csrf + "&key=phone-0000000000000002&unit=18580&period=2023-06-30&v.bhyt=70&b.bhyt=" + seen,
      xa);
  ASSERT_EQ(r.status, 409) << r.body;
  const auto conflict = nlohmann::json::parse(r.body);
  EXPECT_EQ(conflict["conflicts"][0]["measure"], "bhyt");
  EXPECT_EQ(conflict["conflicts"][0]["server"], "88,5 (đã gửi)");
  EXPECT_EQ(conflict["conflicts"][0]["phone"], "70");
  EXPECT_EQ(base_of("bhyt"), "88.5|submitted");
  // A wrong value: refused with the reason, in Vietnamese.
  r = post(port_, "/api/v1/entry/queue",
           csrf + "&key=phone-0000000000000003&unit=18580&period=2023-06-30&v.quy_hoach=5", xa);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["outcome"], "refused");
  // No session (expired) or a stale token: JSON refusals, nothing stored.
  r = post(port_, "/api/v1/entry/queue", "csrf=x&key=phone-0000000000000004" + item, "");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], "unauthenticated");
  r = post(port_, "/api/v1/entry/queue", "csrf=stale&key=phone-0000000000000004" + item, xa);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], "csrf");
}

TEST_F(WebTest, EnterSubmitVerifyReturnAudit) {
  const std::string xa = cookie("commune"), so = cookie("department"), vp = cookie("admin");
  const std::string xa_csrf = "csrf=" + sessions_.at("commune").second;
  const std::string so_csrf = "csrf=" + sessions_.at("department").second;
  // Bad input: nothing stored, errors beside the fields, typed text kept.
  Reply bad = post(port_, "/entry",
                   xa_csrf + "&period=2021-06-30&action=review&v.bhyt=nhieu&v.quy_hoach=1", xa);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Tỷ lệ BHYT: Nhập một số, ví dụ 12,5"), std::string::npos);
  EXPECT_NE(bad.body.find("value=\"nhieu\""), std::string::npos);
  bad = post(port_, "/entry", xa_csrf + "&period=2021-06-30&action=review&v.bhyt=120", xa);
  EXPECT_NE(bad.body.find("Nhập tỷ lệ từ 0 đến 100"), std::string::npos);
  // Every indicator is required to submit; a draft may be partial.
  bad =
      post(port_, "/entry", xa_csrf + "&period=2021-06-30&action=review&v.bhyt=&v.quy_hoach=0", xa);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("Tỷ lệ BHYT: bắt buộc"), std::string::npos);
  // Submitting is refused while a value of the period is missing.
  EXPECT_EQ(post(port_, "/entry/confirm", xa_csrf + "&period=2021-06-30", xa).status, 400);
  // Check then submit two values; unit=18583 is ignored for a commune officer.
  Reply ok =
      post(port_, "/entry",
           xa_csrf + "&unit=18583&period=2021-06-30&action=review&v.bhyt=86%2C5&v.quy_hoach=0", xa);
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_NE(ok.head.find("Location: /entry/check?period=2021-06-30\r"), std::string::npos);
  const int64_t thach_kim = (**app_->store().unit_at("18580", *Date::parse("2021-06-30"))).unit_id;
  auto own = app_->store().current_observation(thach_kim, "bhyt", *Date::parse("2021-06-30"));
  ASSERT_TRUE(*own);
  EXPECT_EQ((**own).status, ObservationStatus::kDraft);  // saved, not yet sent
  const Reply check = get(port_, "/entry/check?period=2021-06-30", xa);
  ASSERT_EQ(check.status, 200);
  const std::string row = check.body.substr(check.body.find("id=\"c-bhyt\""), 400);
  EXPECT_NE(row.find("<td class=\"num\">90 <small>(31/12/2020)</small></td>"), std::string::npos)
      << row;  // the value before the period, with its date
  EXPECT_NE(row.find("<strong>86,5</strong>"), std::string::npos) << row;  // new
  EXPECT_NE(check.body.find("<strong>2</strong>/2"), std::string::npos);   // both changed
  ASSERT_EQ(post(port_, "/entry/confirm", xa_csrf + "&period=2021-06-30", xa).status, 303);
  own = app_->store().current_observation(thach_kim, "bhyt", *Date::parse("2021-06-30"));
  EXPECT_EQ((**own).value, 86.5);
  EXPECT_EQ((**own).status, ObservationStatus::kSubmitted);
  EXPECT_FALSE(*app_->store().current_observation(
      (**app_->store().unit_at("18583", *Date::parse("2021-06-30"))).unit_id, "bhyt",
      *Date::parse("2021-06-30")));
  // The department of criterion 15 (SYT) sees BHYT, not planning (SXD).
  const Reply queue = get(port_, "/verify", so);
  ASSERT_EQ(queue.status, 200) << queue.body.substr(0, 800);
  EXPECT_NE(queue.body.find("15.1 BHYT"), std::string::npos);
  EXPECT_EQ(queue.body.find("1.1 Quy hoạch"), std::string::npos);
  const std::string id = std::to_string((**own).id);
  const int64_t planning = (**app_->store().current_observation((**own).unit_id, "quy_hoach",
                                                                *Date::parse("2021-06-30")))
                               .id;
  const Reply other =
      post(port_, "/verify", so_csrf + "&id=" + std::to_string(planning) + "&action=verify", so);
  EXPECT_EQ(other.status, 403) << other.body.substr(other.body.find("<main"), 400);
  // Returning needs a reason.
  EXPECT_NE(
      post(port_, "/verify", so_csrf + "&id=" + id + "&action=return", so).head.find("error="),
      std::string::npos);
  EXPECT_EQ(post(port_, "/verify", so_csrf + "&id=" + id + "&action=verify", so).status, 303);
  const auto v = nlohmann::json::parse(
      get(port_, "/api/v1/units/18580/assessment?at=2021-06-30&view=verified").body);
  EXPECT_EQ(v["criteria"][1]["indicators"][0]["value"], 86.5);
  // The office returns the planning value with a reason; the commune sees it.
  const std::string vp_csrf = "csrf=" + sessions_.at("admin").second;
  EXPECT_EQ(
      post(port_, "/verify",
           vp_csrf + "&id=" + std::to_string(planning) + "&action=return&comment=thieu+quyet+dinh",
           vp)
          .status,
      303);
  const Reply form = get(port_, "/entry?period=2021-06-30", xa);
  EXPECT_NE(form.body.find("bị trả lại"), std::string::npos);
  EXPECT_NE(form.body.find("thieu quyet dinh"), std::string::npos);
  // Every step is in the audit log, which only the office may read.
  const Reply audit = get(port_, "/audit?unit=18580&at=2021-06-30", vp);
  ASSERT_EQ(audit.status, 200);
  // Read in Vietnamese: actions, states and measures by name, Vietnam time.
  const std::string table = audit.body.substr(audit.body.find("<tbody>"));
  for (const char* words : {"Gửi số liệu", "Thẩm định số liệu", "Trả lại số liệu", "(đã gửi)",
                            "đã gửi → bị trả lại", "Tỷ lệ BHYT · 30/06/2021"}) {
    EXPECT_NE(table.find(words), std::string::npos) << words;
  }
  EXPECT_EQ(table.find("observation."), std::string::npos);
  EXPECT_EQ(table.find("(submitted)"), std::string::npos);
  // The same, filtered, as a file.
  const Reply file = get(port_, "/audit?unit=18580&action=observation.return&format=csv", vp);
  EXPECT_EQ(file.status, 200);
  EXPECT_NE(file.head.find("text/csv"), std::string::npos);
  EXPECT_NE(file.body.find("Trả lại số liệu"), std::string::npos);
  EXPECT_EQ(file.body.find("Thẩm định số liệu"), std::string::npos);
  // People by name; filters by criterion (its measures), period and person.
  EXPECT_NE(table.find("Lê Văn Hùng (so.yte)"), std::string::npos);
  const Reply health = get(port_, "/audit?criterion=15&period=2021-06-30", vp);
  EXPECT_NE(health.body.find("Tỷ lệ BHYT · 30/06/2021"), std::string::npos);
  EXPECT_EQ(health.body.find("Có quy hoạch · "), std::string::npos);
  EXPECT_NE(health.body.find("<option value=\"15\" selected>15. Y tế</option>"), std::string::npos);
  const Reply planning_log = get(port_, "/audit?criterion=1", vp);
  EXPECT_NE(planning_log.body.find("Có quy hoạch · 30/06/2021"), std::string::npos);
  EXPECT_EQ(planning_log.body.find("Tỷ lệ BHYT · "), std::string::npos);
  EXPECT_EQ(
      get(port_, "/audit?criterion=15&period=2020-12-31", vp).body.find("Tỷ lệ BHYT · 30/06/2021"),
      std::string::npos);
  const Reply by_person = get(port_, "/audit?actor=so.yte&format=csv", vp);
  EXPECT_NE(by_person.body.find("Lê Văn Hùng (so.yte),Thẩm định số liệu"), std::string::npos);
  EXPECT_EQ(by_person.body.find("Gửi số liệu"), std::string::npos);
  EXPECT_EQ(get(port_, "/audit?criterion=99", vp).status, 404);
  EXPECT_EQ(get(port_, "/audit", xa).status, 403);
  EXPECT_EQ(get(port_, "/verify", xa).status, 403);
  EXPECT_EQ(get(port_, "/entry", so).status, 403);
}

std::string multipart(const std::vector<std::pair<std::string, std::string>>& fields,
                      const std::string& file_field, const std::string& filename,
                      const std::string& data) {
  std::string b;
  for (const auto& [k, v] : fields) {
    b += "--XyZ\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  }
  b += "--XyZ\r\nContent-Disposition: form-data; name=\"" + file_field + "\"; filename=\"" +
       filename + "\"\r\nContent-Type: application/pdf\r\n\r\n" + data + "\r\n--XyZ--\r\n";
  return b;
}

// Evidence: checked by content, size-limited, stored under a random name,
// readable only by those allowed; a bad file stores nothing.
TEST_F(WebTest, EvidenceUploadsAndWhoMayReadThem) {
  const std::string xa = cookie("commune");
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"csrf", sessions_.at("commune").second},
      {"period", "2022-06-30"},
      {"action", "review"},
      {"v.bhyt", "91"},
      {"v.quy_hoach", "1"}};
  auto send = [&](const std::string& name, const std::string& data) {
    const std::string body = multipart(fields, "f.bhyt", name, data);
    return request(port_, "POST", "/entry",
                   xa + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n",
                   body);
  };
  const int64_t unit = (**app_->store().unit_at("18580", *Date::parse("2022-06-30"))).unit_id;
  // An .exe renamed .pdf: refused, and the value typed with it is not stored either.
  Reply r = send("bao-cao.pdf", std::string("MZ\x90\x00 this is a program", 22));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("phải là PDF, JPEG hoặc PNG"), std::string::npos);
  EXPECT_FALSE(*app_->store().current_observation(unit, "bhyt", *Date::parse("2022-06-30")));
  r = send("lon.pdf", "%PDF-1.4\n" + std::string(6 * 1024 * 1024, 'x'));
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("lớn hơn 5 MB"), std::string::npos);
  // A real PDF (by its content) is stored with the value.
  r = send("../../etc/danh-sach-bhyt.pdf", "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n");
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 400);
  const auto files = *app_->store().evidence_for(unit, "bhyt", "2022-06-30");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].original_name, "danh-sach-bhyt.pdf");  // no path from the browser
  EXPECT_EQ(files[0].content_type, "application/pdf");
  EXPECT_EQ(files[0].file_name.find('/'), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(app_->evidence_dir + "/" + files[0].file_name));
  const std::string url = "/evidence/" + std::to_string(files[0].id);
  const Reply own = get(port_, url, xa);
  EXPECT_EQ(own.status, 200);
  EXPECT_NE(own.head.find("Content-Type: application/pdf"), std::string::npos);
  EXPECT_EQ(own.body.rfind("%PDF-1.4", 0), 0u);
  EXPECT_EQ(get(port_, url, cookie("department")).status, 200);  // SYT verifies BHYT
  EXPECT_EQ(get(port_, url, cookie("steering")).status, 200);    // assigned to the province
  EXPECT_EQ(get(port_, url, cookie("sponsor")).status, 403);     // sponsors another commune
  EXPECT_EQ(get(port_, url).status, 303);                        // not signed in: to /login
  EXPECT_EQ(get(port_, "/evidence/999999", xa).status, 404);
  EXPECT_NE(get(port_, "/entry?period=2022-06-30", xa).body.find("danh-sach-bhyt.pdf"),
            std::string::npos);
}

// Coordination: the office creates, owners update their own items and
// report on conclusions assigned to them; others are refused; a sponsor
// sees only its units; plans feed the plan status on the unit page.
TEST_F(WebTest, CoordinationOwnersAndScopes) {
  const std::string vp = cookie("admin"), so = cookie("department"), xa = cookie("commune");
  auto csrf = [](const std::string& role) { return "csrf=" + sessions_.at(role).second; };
  Reply r = post(port_, "/work",
                 csrf("admin") +
                     "&title=Tr%E1%BA%A1m+y+t%E1%BA%BF&unit=18580&criterion=15"
                     "&owner=department%3ASYT&start=2021-01-01&due=2021-05-31"
                     "&budget=1.200.000.000",
                 vp);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 300);
  const size_t at = r.head.find("Location: /work/") + 16;
  const std::string id = r.head.substr(at, r.head.find('?', at) - at);
  const std::string item = "/work/" + id;
  EXPECT_EQ((**app_->store().work_item(std::stoll(id))).budget, 1200000000);
  // Bad input comes back as a message, nothing stored.
  r = post(port_, "/work",
           csrf("admin") + "&title=X&unit=18580&owner=commune&start=2021-02-01&due=2021-01-01", vp);
  EXPECT_NE(r.head.find("error="), std::string::npos);
  EXPECT_EQ(app_->store().work_items()->size(), 1u);
  // The owner (SYT) reports; the commune, the steering member and the sponsor may not.
  const std::string update =
      "&status=in_progress&progress=50&spent=300.000.000&note=%C4%91ang+l%C3%A0m";
  EXPECT_EQ(post(port_, item, csrf("commune") + update, xa).status, 403);
  EXPECT_EQ(post(port_, item, csrf("steering") + update, cookie("steering")).status, 403);
  EXPECT_EQ(post(port_, item, csrf("sponsor") + update, cookie("sponsor")).status, 403);
  EXPECT_EQ((**app_->store().work_item(std::stoll(id))).progress, 0);
  ASSERT_EQ(post(port_, item, csrf("department") + update, so).status, 303);
  const WorkItem w = **app_->store().work_item(std::stoll(id));
  EXPECT_EQ(w.progress, 50);
  EXPECT_EQ(w.spent, 300000000);
  // The audit log says it in words: the item's title, the owner's name, the
  // state and dates as people write them.
  const Reply log = get(port_, "/audit?action=work.update", vp);
  const std::string rows = log.body.substr(log.body.find("<tbody>"));
  EXPECT_NE(rows.find("Phần việc: Trạm y tế"), std::string::npos) << rows.substr(0, 600);
  EXPECT_NE(rows.find("Chưa bắt đầu 0%, đã chi 0 → Đang thực hiện 50%, đã chi 300.000.000"),
            std::string::npos);
  const Reply added = get(port_, "/audit?action=work.add", vp);
  EXPECT_NE(added.body.find("Trạm y tế — SYT, hạn 31/05/2021"), std::string::npos);  // no name set
  EXPECT_EQ(added.body.find("department:SYT"), std::string::npos);
  EXPECT_EQ(rows.find("work:"), std::string::npos);
  // Attachments: checked by content; read only within the item's scope.
  auto upload = [&](const std::string& role, const std::string& name, const std::string& data) {
    const std::string body = multipart({{"csrf", sessions_.at(role).second}}, "file", name, data);
    return request(port_, "POST", item + "/files",
                   cookie(role) +
                       "Content-Type: multipart/form-data; boundary=XyZ\r\n"
                       "Content-Length: " +
                       std::to_string(body.size()) + "\r\n",
                   body);
  };
  EXPECT_NE(upload("department", "x.pdf", "MZ\x90 program").head.find("error="), std::string::npos);
  EXPECT_EQ(upload("commune", "bb.pdf", "%PDF-1.4\n%%EOF\n").status, 403);
  ASSERT_EQ(upload("department", "bien-ban.pdf", "%PDF-1.4\n%%EOF\n").status, 303);
  const auto files = *app_->store().work_item_files(std::stoll(id));
  ASSERT_EQ(files.size(), 1u);
  const std::string file = "/work-files/" + std::to_string(files[0].id);
  EXPECT_EQ(get(port_, file, xa).status, 200);
  EXPECT_EQ(get(port_, file, cookie("sponsor")).status, 403);
  EXPECT_NE(get(port_, item, so).body.find("bien-ban.pdf"), std::string::npos);
  // Overdue after its due date; in the owner's list, marked as theirs.
  const Reply list = get(port_, "/work?at=2021-06-30", so);
  EXPECT_NE(list.body.find("Trạm y tế"), std::string::npos);
  EXPECT_NE(list.body.find("Quá hạn"), std::string::npos);
  EXPECT_NE(list.body.find("của tôi"), std::string::npos);
  // Scope: the commune sees its own unit's item; the sponsor of another commune does not.
  EXPECT_EQ(get(port_, item + "?at=2021-06-30", xa).status, 200);
  EXPECT_EQ(get(port_, item + "?at=2021-06-30", cookie("sponsor")).status, 403);
  EXPECT_EQ(get(port_, "/work?at=2021-06-30", cookie("sponsor")).body.find("Trạm y tế"),
            std::string::npos);
  // A meeting and a conclusion assigned to SYT: SYT reports, the commune may not.
  r = post(
      port_, "/meetings",
      csrf("admin") + "&date=2021-07-10&chair=Ch%E1%BB%A7+t%E1%BB%8Bch&title=H%E1%BB%8Dp+B%C4%90",
      vp);
  ASSERT_EQ(r.status, 303);
  const size_t m_at = r.head.find("Location: /meetings/") + 20;
  const std::string meeting = "/meetings/" + r.head.substr(m_at, r.head.find('\r', m_at) - m_at);
  r = post(port_, meeting + "/conclusions",
           csrf("admin") +
               "&text=R%C3%A0+so%C3%A1t+BHYT&owner=department%3ASYT&units=18580&criteria=15&"
               "deadline=2021-08-31",
           vp);
  ASSERT_EQ(r.status, 303) << r.head;
  EXPECT_EQ(r.head.find("error="), std::string::npos) << r.head;
  const Conclusion k = app_->store().conclusions(0)->back();
  const std::string report = "/conclusions/" + std::to_string(k.id) + "/report";
  EXPECT_EQ(post(port_, report, csrf("commune") + "&text=x&progress=10", xa).status, 403);
  EXPECT_EQ(
      post(port_, report, csrf("department") + "&text=xong&progress=100&close=done", so).status,
      403);
  EXPECT_EQ(post(port_, report,
                 csrf("department") + "&text=%C4%91%C3%A3+r%C3%A0+so%C3%A1t&progress=60", so)
                .status,
            303);
  ASSERT_TRUE(app_->store().upsert_department(province_id("42"), "SYT", "Sở Y tế").is_ok());
  const Reply page = get(port_, meeting, so);
  EXPECT_NE(page.body.find("Rà soát BHYT"), std::string::npos);
  EXPECT_NE(page.body.find("Sở Y tế"), std::string::npos);  // SYT's name, not its code
  EXPECT_NE(page.body.find("đã rà soát"), std::string::npos);
  EXPECT_NE(get(port_, "/notifications", so).body.find("Rà soát BHYT"), std::string::npos);
  // A plan whose target year has passed: the unit page says "behind".
  r = post(port_, "/plan/18583?at=2021-06-30",
           csrf("admin") + "&title=NTM&target_year=2020&c.15=2020", vp);
  ASSERT_EQ(r.status, 303);
  EXPECT_EQ(r.head.find("error="), std::string::npos) << r.head;
  const Reply card = get(port_, "/commune/18583?at=2021-06-30");
  EXPECT_NE(card.body.find("Chậm tiến độ"), std::string::npos);
  EXPECT_NE(card.body.find("đã quá năm mục tiêu 2020"), std::string::npos);
  EXPECT_EQ(
      post(port_, "/plan/18583", csrf("department") + "&title=NTM&target_year=2030", so).status,
      403);
  // The briefing lists the unit behind plan with its overdue item.
  const Reply brief = get(port_, "/briefing?unit=42&at=2021-06-30", cookie("steering"));
  ASSERT_EQ(brief.status, 200);
  EXPECT_NE(brief.body.find("Xã Thạch Kim"), std::string::npos);
  EXPECT_NE(brief.body.find("Trạm y tế"), std::string::npos);
}

// The office imports plans from a file in the browser: errors name the line
// and column, nothing is stored; a right file is stored whole.
TEST_F(WebTest, OfficeImportsPlansFromAFile) {
  auto send = [&](const std::string& role, const std::string& data) {
    const std::string body =
        multipart({{"csrf", sessions_.at(role).second}}, "file", "kh.csv", data);
    return request(port_, "POST", "/plans/import",
                   cookie(role) +
                       "Content-Type: multipart/form-data; boundary=XyZ\r\n"
                       "Content-Length: " +
                       std::to_string(body.size()) + "\r\n",
                   body);
  };
  const std::string header = "unit_code,kind,code,set,target_year,date,criteria_met,note\n";
  EXPECT_EQ(send("department", header + "18580,title,NTM,,2024,,,\n").status, 403);
  Reply r = send("admin", header + "18580,title,NTM,,2024,,,\n18580,criterion,99,,2024,,,\n");
  ASSERT_EQ(r.status, 303);
  const size_t at = r.head.find("Location: ") + 10;
  const std::string back = r.head.substr(at, r.head.find('\r', at) - at);
  EXPECT_NE(back.find("error="), std::string::npos);
  EXPECT_NE(get(port_, back, cookie("admin")).body.find("dòng 3, cột &quot;code&quot;"),
            std::string::npos);
  EXPECT_TRUE(app_->store().plans()->empty() ||
              app_->store().plans()->front().target_year != 2024);  // nothing stored
  r = send("admin", header + "18580,title,NTM,,2024,,,\n18580,milestone,,,,2022-12-31,1,\n");
  EXPECT_NE(r.head.find("imported="), std::string::npos) << r.head;
  const auto stored = *app_->store().plans();
  const auto p = std::find_if(stored.begin(), stored.end(),
                              [](const Plan& x) { return x.target_year == 2024; });
  ASSERT_NE(p, stored.end());
  EXPECT_EQ(p->milestones.size(), 1u);
}

// An XLSX with its parts edited by `edit` (name, xml) -> xml: how a script
// "fills in" a template as a spreadsheet program would save it.
std::string rezip(const std::string& xlsx,
                  const std::function<std::string(const std::string&, std::string)>& edit) {
  zip_error_t err;
  zip_source_t* in_src = zip_source_buffer_create(xlsx.data(), xlsx.size(), 0, &err);
  zip_t* in = zip_open_from_source(in_src, ZIP_RDONLY, &err);
  zip_source_t* out_src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(out_src);
  zip_t* out = zip_open_from_source(out_src, ZIP_TRUNCATE, &err);
  std::vector<std::string> keep;  // buffers must live until zip_close
  keep.reserve(64);
  for (zip_int64_t i = 0; i < zip_get_num_entries(in, 0); ++i) {
    zip_stat_t st;
    zip_stat_index(in, i, 0, &st);
    std::string data(st.size, '\0');
    zip_file_t* f = zip_fopen_index(in, i, 0);
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    keep.push_back(edit(st.name, data));
    zip_file_add(out, st.name, zip_source_buffer(out, keep.back().data(), keep.back().size(), 0),
                 ZIP_FL_ENC_UTF_8);
  }
  zip_close(out);
  zip_discard(in);
  zip_source_open(out_src);
  zip_source_seek(out_src, 0, SEEK_END);
  const auto size = zip_source_tell(out_src);
  zip_source_seek(out_src, 0, SEEK_SET);
  std::string bytes(size, '\0');
  zip_source_read(out_src, bytes.data(), size);
  zip_source_close(out_src);
  zip_source_free(out_src);
  return bytes;
}

// Sets cell `ref` of the first sheet to an inline string.
std::string set_cell(std::string xml, const std::string& ref, const std::string& text) {
  const std::regex cell("<c r=\"" + ref + "\"( s=\"[0-9]+\")?[^>]*?(/>|>.*?</c>)");
  return std::regex_replace(
      xml, cell, "<c r=\"" + ref + "\"$1 t=\"inlineStr\"><is><t>" + text + "</t></is></c>",
      std::regex_constants::format_first_only);
}

Reply upload_template(unsigned short port, const std::string& who, const std::string& csrf,
                      const std::string& bytes) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf +
      "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bieu.xlsx\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n" +
      bytes + "\r\n--XyZ--\r\n";
  return request(port, "POST", "/entry/upload",
                 who + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n",
                 body);
}

// The Excel round trip: the commune downloads its template, a script fills
// it, the upload shows old -> new without storing, applying goes through the
// check page, and the values and the audit are stored.
TEST_F(WebTest, ExcelTemplateRoundTrip) {
  const std::string xa = cookie("commune"), csrf = sessions_.at("commune").second;
  const Reply tmpl = get(port_, "/entry/template.xlsx?period=2023-06-30", xa);
  ASSERT_EQ(tmpl.status, 200) << tmpl.body.substr(0, 300);
  EXPECT_NE(tmpl.head.find("spreadsheetml"), std::string::npos);
  auto read = read_entry_template(tmpl.body, "bieu.xlsx");
  ASSERT_TRUE(read.is_ok()) << read.status().message();
  EXPECT_EQ(read->unit_code, "18580");
  EXPECT_EQ(read->cells.at("bhyt"), "F8");
  // Fill: BHYT 91,5 with a decimal comma, planning "Không đạt".
  const std::string filled = rezip(tmpl.body, [](const std::string& name, std::string xml) {
    if (name != "xl/worksheets/sheet1.xml") return xml;
    return set_cell(set_cell(xml, "F8", "91,5"), "F7", "Không đạt");
  });
  const int64_t unit = (**app_->store().unit_at("18580", *Date::parse("2023-06-30"))).unit_id;
  const Date period = *Date::parse("2023-06-30");
  Reply preview = upload_template(port_, xa, csrf, filled);
  ASSERT_EQ(preview.status, 200) << preview.body.substr(preview.body.find("<main"), 600);
  const std::string row = preview.body.substr(preview.body.find("id=\"u-bhyt\""), 300);
  EXPECT_NE(row.find("<strong>91,5</strong>"), std::string::npos) << row;
  EXPECT_FALSE(*app_->store().current_observation(unit, "bhyt", period));  // nothing stored yet
  // Apply: the hidden values go through the normal entry path.
  const size_t at = preview.body.find("name=\"v.bhyt\" value=\"");
  ASSERT_NE(at, std::string::npos);
  Reply applied = post(
      port_, "/entry",
      "csrf=" + csrf +
          "&period=2023-06-30&action=review&v.bhyt=91%2C5&v.quy_hoach=Kh%C3%B4ng+%C4%91%E1%BA%A1t",
      xa);
  ASSERT_EQ(applied.status, 303) << applied.body.substr(0, 300);
  ASSERT_EQ(post(port_, "/entry/confirm", "csrf=" + csrf + "&period=2023-06-30", xa).status, 303);
  const auto bhyt = **app_->store().current_observation(unit, "bhyt", period);
  EXPECT_EQ(bhyt.value, 91.5);
  EXPECT_EQ(bhyt.status, ObservationStatus::kSubmitted);
  EXPECT_EQ((**app_->store().current_observation(unit, "quy_hoach", period)).value, 0);
  const auto audit =
      *app_->store().audit(unit, "xa.thachkim", "observation.submit", 20, "bhyt @ 2023-06-30");
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].new_value, "91.5 (submitted)");
  // Errors name the cell, and store nothing.
  const std::string bad = rezip(tmpl.body, [](const std::string& name, std::string xml) {
    return name == "xl/worksheets/sheet1.xml" ? set_cell(xml, "F8", "nhiều") : xml;
  });
  preview = upload_template(port_, xa, csrf, bad);
  EXPECT_EQ(preview.status, 400);
  EXPECT_NE(preview.body.find("ô F8 — Tỷ lệ BHYT: Nhập một số"), std::string::npos);
  // Another commune's template is refused.
  const std::string other = rezip(tmpl.body, [](const std::string& name, std::string xml) {
    return name == "xl/worksheets/sheet1.xml" ? set_cell(xml, "B2", "18583") : xml;
  });
  EXPECT_EQ(upload_template(port_, xa, csrf, other).status, 403);
}

// Malformed uploads: a clear message, never a crash, nothing stored.
TEST_F(WebTest, MalformedExcelUploads) {
  const std::string xa = cookie("commune"), csrf = sessions_.at("commune").second;
  const Reply tmpl = get(port_, "/entry/template.xlsx?period=2024-06-30", xa);
  const auto count = *app_->store().count_observations();
  struct Case {
    std::string bytes, says;
  };
  const std::vector<Case> cases = {
      {"unit_code,measure\n18580,bhyt\n", "không phải biểu nhập số liệu"},  // a CSV, not ours
      {std::string("PK\x03\x04", 4) + std::string(200, '\x01'), "không phải tệp XLSX hợp lệ"},
      {rezip(tmpl.body,
             [](const std::string& n, std::string x) { return n == "xl/workbook.xml" ? "" : x; }),
       "thiếu xl/workbook.xml"},
      {rezip(tmpl.body,
             [](const std::string& n, std::string x) {
               return n == "xl/worksheets/sheet1.xml" ? set_cell(x, "A5", "khác") : x;
             }),
       "không phải biểu nhập số liệu"},
      {rezip(tmpl.body,
             [](const std::string& n, std::string x) {
               return n == "xl/worksheets/sheet1.xml" ? set_cell(x, "F6", "Số") : x;
             }),
       "dòng tiêu đề (dòng 6) đã bị thay đổi"},
      {rezip(tmpl.body,
             [](const std::string& n, std::string x) {
               return n == "xl/worksheets/sheet1.xml" ? set_cell(x, "B3", "31/06/2024") : x;
             }),
       "ô B3 (kỳ báo cáo)"},
  };
  for (const Case& c : cases) {
    const Reply r = upload_template(port_, xa, csrf, c.bytes);
    EXPECT_EQ(r.status, 400) << c.says;
    EXPECT_NE(r.body.find(c.says), std::string::npos) << c.says << "\n"
                                                      << r.body.substr(r.body.find("<main"), 400);
  }
  EXPECT_EQ(*app_->store().count_observations(), count);
}

// The office's bulk template as CSV: download, change a value, upload to see
// the change (nothing stored), apply (stored as submitted, audited).
TEST_F(WebTest, OfficeBulkTemplateRoundTrip) {
  const std::string vp = cookie("admin"), csrf = sessions_.at("admin").second;
  const Reply csv = get(port_, "/entry/bulk?parent=448&period=2025-06-30&format=csv", vp);
  ASSERT_EQ(csv.status, 200) << csv.body.substr(0, 300);
  EXPECT_EQ(get(port_, "/entry/bulk?parent=448&period=2025-06-30", cookie("commune")).status, 403);
  std::string filled = csv.body;
  const size_t row = filled.find("\n18583,");
  ASSERT_NE(row, std::string::npos) << filled;
  const size_t end = filled.find('\n', row + 1);
  filled.replace(row + 1, end - row - 1, "18583,Xã x,Đạt,77");  // quy_hoach, bhyt
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf +
      "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tong-hop.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\n" +
      filled + "\r\n--XyZ--\r\n";
  const Reply preview =
      request(port_, "POST", "/entry/bulk",
              vp + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " +
                  std::to_string(body.size()) + "\r\n",
              body);
  ASSERT_EQ(preview.status, 200) << preview.body.substr(preview.body.find("<main"), 500);
  EXPECT_NE(preview.body.find("<strong>77</strong>"), std::string::npos);
  const int64_t unit = (**app_->store().unit_at("18583", *Date::parse("2025-06-30"))).unit_id;
  const Date period = *Date::parse("2025-06-30");
  EXPECT_FALSE(*app_->store().current_observation(unit, "bhyt", period));
  // What the preview lists is exactly what is applied and stored: its hidden
  // fields posted back store as many values as it lists (the values the
  // template carried forward for Thạch Kim, which did not report, in neither).
  std::string applied = "csrf=" + csrf + "&parent=448&period=2025-06-30";
  int listed = 0;
  for (size_t at = preview.body.find("name=\"b."); at != std::string::npos;
       at = preview.body.find("name=\"b.", at + 1)) {
    const size_t name_end = preview.body.find('"', at + 6);
    const size_t value_at = preview.body.find("value=\"", name_end) + 7;
    applied +=
        "&" + url_encode(preview.body.substr(at + 6, name_end - at - 6)) + "=" +
        url_encode(preview.body.substr(value_at, preview.body.find('"', value_at) - value_at));
    ++listed;
  }
  // 18583: bhyt; its quy_hoach "Đạt" is the value carried forward from 2020.
  EXPECT_EQ(listed, 1) << applied;
  EXPECT_EQ(applied.find("b.18580."), std::string::npos);
  const int64_t before = *app_->store().count_observations();
  ASSERT_EQ(post(port_, "/entry/bulk/apply", applied, vp).status, 303);
  EXPECT_EQ(*app_->store().count_observations() - before, listed);
  const auto stored = **app_->store().current_observation(unit, "bhyt", period);
  EXPECT_EQ(stored.value, 77);
  EXPECT_EQ(stored.status, ObservationStatus::kSubmitted);
  // A wrong value stores nothing at all (the other commune's good value neither).
  EXPECT_EQ(
      post(port_, "/entry/bulk/apply",
           "csrf=" + csrf + "&parent=448&period=2025-06-30&b.18583.bhyt=abc&b.18580.bhyt=88", vp)
          .status,
      400);
  const auto kim = (**app_->store().unit_at("18580", period)).unit_id;
  EXPECT_FALSE(*app_->store().current_observation(kim, "bhyt", period));
}

// Every report, in every format, to those whose scope holds it; others 403.
TEST_F(WebTest, ReportsByKindFormatAndScope) {
  const std::string vp = cookie("admin");
  for (const char* target : {"/reports/progress/42", "/reports/commune/18580",
                             "/reports/department/SYT", "/reports/directives/all"}) {
    for (const char* format : {"html", "xlsx", "csv", "json"}) {
      const Reply r = get(port_, std::string(target) + "?at=2021-06-30&format=" + format, vp);
      EXPECT_EQ(r.status, 200) << target << " " << format << "\n" << r.body.substr(0, 300);
      if (std::string(format) == "xlsx") EXPECT_EQ(r.body.rfind("PK\x03\x04", 0), 0u) << target;
      if (std::string(format) == "html") {
        EXPECT_NE(r.body.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), std::string::npos) << target;
        EXPECT_NE(r.body.find("/static/report.css"),
                  std::string::npos);  // no inline style under the CSP
      }
    }
  }
  EXPECT_EQ(get(port_, "/static/report.css").status, 200);
  EXPECT_NE(get(port_, "/reports/commune/18580?at=2021-06-30", cookie("commune")).status, 403);
  EXPECT_EQ(get(port_, "/reports/commune/18580?at=2021-06-30", cookie("sponsor")).status, 403);
  EXPECT_EQ(get(port_, "/reports/department/SYT", cookie("commune")).status, 403);
  EXPECT_EQ(get(port_, "/reports/department/SYT", cookie("department")).status, 200);
  EXPECT_EQ(get(port_, "/reports/progress/42?format=pdf", vp).status, 400);
  EXPECT_EQ(get(port_, "/reports/nothing/42", vp).status, 400);
}

TEST_F(WebTest, OfficeAssignsDepartmentsToCriteria) {
  const Reply list = get(port_, "/departments?set=web-a", cookie("department"));
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("<strong>SYT</strong>"), std::string::npos);
  EXPECT_EQ(list.body.find("action=\"/departments\""), std::string::npos);  // read-only for them
  const std::string body =
      "csrf=" + sessions_.at("admin").second +
      "&set=web-a&criterion=1&department=SXD&department_name=S%E1%BB%9F+X%C3%A2y+d%E1%BB%B1ng";
  EXPECT_EQ(post(port_, "/departments", body, cookie("admin")).status, 303);
  const Reply after = get(port_, "/departments?set=web-a", cookie("admin"));
  EXPECT_NE(after.body.find("(Sở Xây dựng)"), std::string::npos);
  EXPECT_NE(after.body.find("văn phòng điều phối"), std::string::npos);
  EXPECT_EQ(post(port_, "/departments", body, cookie("department")).status, 403);
  EXPECT_NE(get(port_, "/audit?action=department.assign", cookie("admin")).body.find("web-a / 1"),
            std::string::npos);
}

TEST_F(WebTest, OfficeManagesAccounts) {
  const std::string vp = cookie("admin"), csrf = "csrf=" + sessions_.at("admin").second;
  Reply r = post(port_, "/users",
                 csrf + "&username=xa.khac&role=commune&unit=18583&password=mat-khau-dai-9", vp);
  ASSERT_EQ(r.status, 303);
  EXPECT_NE(r.head.find("done="), std::string::npos);
  r = post(port_, "/users", csrf + "&username=xa.sai&role=commune&unit=42&password=mat-khau-dai-9",
           vp);
  EXPECT_NE(r.head.find("error="), std::string::npos);  // a province is not a commune
  const Reply list = get(port_, "/users", vp);
  EXPECT_NE(list.body.find("xa.khac"), std::string::npos);
  EXPECT_EQ(list.body.find("xa.sai"), std::string::npos);
  EXPECT_EQ(
      post(port_, "/users/reset", csrf + "&username=xa.khac&password=mat-khau-moi-99", vp).status,
      303);
  EXPECT_TRUE(login(app_->store(), "xa.khac", "mat-khau-moi-99", "test").is_ok());
  EXPECT_NE(
      post(port_, "/users/reset", csrf + "&username=xa.khac&password=ngan", vp).head.find("error="),
      std::string::npos);
  EXPECT_EQ(post(port_, "/users/disable", csrf + "&username=xa.khac", vp).status, 303);
  EXPECT_TRUE((**app_->store().find_user("xa.khac")).disabled);
  EXPECT_FALSE(login(app_->store(), "xa.khac", "mat-khau-moi-99", "test").is_ok());
  EXPECT_EQ(get(port_, "/users", cookie("commune")).status, 403);
}

TEST_F(WebTest, OverviewFiguresAreRight) {
  // Signed in: the self-assessed view (submitted and verified values).
  const Reply r = get(port_, "/api/v1/units/42/overview?at=2021-06-30", cookie("steering"));
  ASSERT_EQ(r.status, 200);
  const auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["summary"]["units"], 2);  // the Thị trấn is outside the set
  EXPECT_EQ(j["summary"]["title_met"], 1);
  EXPECT_DOUBLE_EQ(j["summary"]["average_criteria_met"].get<double>(), 1.5);
  EXPECT_EQ(j["criteria"][1]["met"], 1);
  EXPECT_EQ(j["criteria"][1]["not_met"], 1);
  EXPECT_EQ(j["criteria"][1]["department"], "SYT");
  const Reply verified =
      get(port_, "/api/v1/units/42/overview?at=2021-06-30&view=verified", cookie("steering"));
  EXPECT_EQ(nlohmann::json::parse(verified.body)["criteria"][1]["unknown"], 1);
  // The public sees published figures only: verified values, whatever it asks.
  const auto pub =
      nlohmann::json::parse(get(port_, "/api/v1/units/42/overview?at=2021-06-30").body);
  EXPECT_EQ(pub["verified_only"], true);
  EXPECT_EQ(pub["criteria"][1]["unknown"], 1);
  EXPECT_NE(get(port_, "/dashboard/42?at=2021-06-30").body.find("Đăng nhập để xem cả số liệu"),
            std::string::npos);
  // A mistyped or absurd date never widens what a visitor sees: 400, the
  // date's error, and verified figures only (the same as without a date).
  for (const char* at : {"abc", "9999-12-31", "1899-01-01", "2021-02-30"}) {
    const Reply bad = get(port_, std::string("/dashboard/42?at=") + at);
    EXPECT_EQ(bad.status, 400) << at;
    EXPECT_NE(bad.body.find("Ngày không hợp lệ"), std::string::npos) << at;
    EXPECT_NE(bad.body.find("Đăng nhập để xem cả số liệu"), std::string::npos) << at;
    EXPECT_EQ(get(port_, std::string("/api/v1/units/42/overview?at=") + at).status, 400) << at;
  }
  for (const char* page : {"/commune/18580?at=abc", "/criterion/web-a/15?parent=42&at=abc"}) {
    const Reply bad = get(port_, page);
    EXPECT_EQ(bad.status, 400) << page;
    EXPECT_EQ(bad.body.find("Tự đánh giá"), std::string::npos) << page;
  }
}

TEST_F(WebTest, HostileNamesComeBackEscaped) {
  for (const char* page : {"/dashboard/42?at=2021-06-30", "/commune/18583?at=2021-06-30",
                           "/criterion/web-a/15?parent=42&at=2021-06-30", "/search?q=18583"}) {
    const Reply r = get(port_, page);
    ASSERT_EQ(r.status, 200) << page;
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << page;
    EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Q&quot;"), std::string::npos)
        << page;
  }
  const Reply api = get(port_, "/api/v1/units/18583/assessment?at=2021-06-30");
  EXPECT_EQ(nlohmann::json::parse(api.body)["unit_name"], "Xã <script>alert(1)</script> \"Q\"");
}

TEST_F(WebTest, ScorecardShowsWhatIsMissingAndWho) {
  const Reply r = get(port_, "/commune/18583?at=2021-06-30", cookie("admin"));
  EXPECT_NE(r.body.find("Còn thiếu để đạt danh hiệu"), std::string::npos);
  EXPECT_NE(r.body.find("15. Y tế"), std::string::npos);
  EXPECT_NE(r.body.find("<strong>SYT</strong>"), std::string::npos);
  EXPECT_NE(r.body.find("✗ Chưa đạt"), std::string::npos);
}

TEST_F(WebTest, SearchIgnoresDiacritics) {
  const auto j = nlohmann::json::parse(get(port_, "/api/v1/search?q=thach%20kim").body);
  ASSERT_EQ(j["units"].size(), 1u);
  EXPECT_EQ(j["units"][0]["name"], "Xã Thạch Kim");
  const auto lh = nlohmann::json::parse(get(port_, "/api/v1/search?q=LOC%20HA").body);
  EXPECT_EQ(lh["units"].size(), 2u);  // the district and the town
  EXPECT_NE(get(port_, "/search?q=loc+ha").body.find("Huyện <mark>Lộc</mark> <mark>Hà</mark>"),
            std::string::npos);
}

TEST_F(WebTest, ErrorsAreJsonUnderApiAndHtmlElsewhere) {
  const Reply api = get(port_, "/api/v1/units/99999/overview?at=2021-06-30");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(nlohmann::json::parse(api.body)["error"]["code"], "not_found");
  const Reply bad = get(port_, "/api/v1/units/42/overview?at=2021-13-40");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad.body)["error"]["code"], "invalid_argument");
  const Reply nothing = get(port_, "/api/v1/nothing");
  EXPECT_EQ(nothing.status, 404);
  EXPECT_NE(nothing.head.find("application/json"), std::string::npos);
  const Reply page = get(port_, "/nothing/here");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.head.find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("lang=\"vi\""), std::string::npos);
}

TEST_F(WebTest, LanguageSwitchIsRememberedAndLocal) {
  const Reply r = get(port_, "/lang/en?next=/dashboard/42");
  EXPECT_EQ(r.status, 303);
  EXPECT_NE(r.head.find("Set-Cookie: lang=en; Path=/"), std::string::npos);
  EXPECT_NE(r.head.find("Location: /dashboard/42"), std::string::npos);
  // Only a printable local path: no header injection, no other host.
  for (const char* next :
       {"//evil.example", "/%0d%0aSet-Cookie:%20ntm_session=x", "/%09/evil.example/",
        "/%5Cevil.example", "/\\evil.example", "https://evil.example"}) {
    const Reply hostile = get(port_, std::string("/lang/en?next=") + next);
    EXPECT_NE(hostile.head.find("Location: /\r"), std::string::npos) << next << hostile.head;
    EXPECT_EQ(hostile.head.find("ntm_session=x"), std::string::npos) << next;
  }
  const Reply en = get(port_, "/dashboard/42?at=2021-06-30", "Cookie: lang=en\r\n");
  EXPECT_NE(en.body.find("lang=\"en\""), std::string::npos);
  EXPECT_NE(en.body.find("communes meet the title"), std::string::npos);
  EXPECT_NE(en.body.find("1.5"), std::string::npos);  // 1.5 in English, 1,5 in Vietnamese
  EXPECT_NE(get(port_, "/dashboard/42?at=2021-06-30").body.find("1,5"), std::string::npos);
}

TEST_F(WebTest, SecurityHeadersAndWeight) {
  const Reply r = get(port_, "/dashboard/42?at=2021-06-30");
  EXPECT_NE(r.head.find("Content-Security-Policy: default-src 'self'"), std::string::npos);
  EXPECT_NE(r.head.find("script-src 'self'"), std::string::npos);
  EXPECT_EQ(r.body.find("<script>"), std::string::npos);  // no inline script
  EXPECT_EQ(r.body.find("style=\""), std::string::npos);  // no inline style
  const size_t css = get(port_, "/static/style.css").body.size();
  const size_t js = get(port_, "/static/app.js").body.size();
  EXPECT_LT(r.body.size() + css + js, 150u * 1024);
}

// --- the portal ---------------------------------------------------------------------------

std::string location(const Reply& r) {
  const size_t at = r.head.find("Location: ");
  return at == std::string::npos ? "" : r.head.substr(at + 10, r.head.find("\r\n", at) - at - 10);
}

// Posts a new article as `role`; returns its id ("" if refused).
std::string new_article(unsigned short port, const std::string& who, const std::string& csrf,
                        const std::string& title, const std::string& category,
                        const std::string& body = "Nội dung") {
  const Reply r = post(port, "/articles",
                       "csrf=" + csrf + "&title=" + url_encode(title) + "&category=" + category +
                           "&summary=&body=" + url_encode(body) + "&tags=&units=&meeting=",
                       who);
  const std::string loc = location(r);
  if (r.status != 303 || loc.rfind("/articles/", 0) != 0) {
    ADD_FAILURE() << "new article " << title << ": " << r.status << "\n"
                  << r.body.substr(r.body.find("<main"), 600);
    return "";
  }
  return loc.substr(10, loc.find('?') - 10);
}

std::string slug_of(const std::string& id) {
  auto a = WebTest::app().store().article(std::stoll(id));
  return a.is_ok() && *a ? (**a).slug : "";
}

TEST_F(WebTest, PortalEditorialWorkflowAndDraftsStayHidden) {
  const std::string xa = cookie("commune"), so = cookie("department"), vp = cookie("admin");
  const std::string xa_csrf = sessions_.at("commune").second,
                    vp_csrf = sessions_.at("admin").second;
  const std::string id = new_article(port_, xa, xa_csrf, "Đường làng Thạch Kim", "tin-tuc");
  ASSERT_FALSE(id.empty());
  const std::string page = "/bai-viet/" + slug_of(id);
  EXPECT_EQ(page, "/bai-viet/duong-lang-thach-kim");
  // A draft is "not found" to the public and to other accounts, by slug or id.
  EXPECT_EQ(get(port_, page).status, 404);
  EXPECT_EQ(get(port_, page, so).status, 404);
  EXPECT_EQ(get(port_, "/articles/" + id, so).status, 404);
  EXPECT_EQ(get(port_, "/chuyen-muc/tin-tuc").body.find("Đường làng"), std::string::npos);
  EXPECT_EQ(get(port_, "/search?q=duong+lang").body.find("Thạch Kim</a>"), std::string::npos);
  // The author previews it; the office sees it.
  EXPECT_NE(get(port_, page, xa).body.find("Nháp"), std::string::npos);
  EXPECT_EQ(get(port_, page, vp).status, 200);
  // The author edits the draft, sends it for review and can no longer edit.
  Reply r = post(port_, "/articles/" + id,
                 "csrf=" + xa_csrf + "&title=" + url_encode("Đường làng Thạch Kim đã xong") +
                     "&category=tin-tuc&summary=&body=" + url_encode("**Xong** rồi.") +
                     "&tags=&units=18580&meeting=",
                 xa);
  EXPECT_EQ(r.status, 303) << r.body.substr(0, 400);
  r = post(port_, "/articles/" + id, "csrf=" + xa_csrf + "&title=&category=tin-tuc", xa);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Tiêu đề: bắt buộc"), std::string::npos);
  r = post(port_, "/articles/" + id, "csrf=" + xa_csrf + "&title=X&category=tin-tuc&units=99999",
           xa);
  EXPECT_NE(r.body.find("Đơn vị liên quan: không có mã 99999"), std::string::npos);
  EXPECT_EQ(post(port_, "/articles/" + id + "/publish", "csrf=" + xa_csrf, xa).status, 403);
  EXPECT_EQ(post(port_, "/articles/" + id + "/review", "csrf=" + xa_csrf, xa).status, 303);
  r = post(port_, "/articles/" + id, "csrf=" + xa_csrf + "&title=Khác&category=tin-tuc", xa);
  EXPECT_EQ(r.status, 403);
  // The office schedules it: still hidden until the time comes.
  r = post(port_, "/articles/" + id + "/publish",
           "csrf=" + vp_csrf + "&publish_at=2099-01-01T08:00", vp);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ((**app().store().article(std::stoll(id))).publish_at, "2099-01-01T01:00:00Z");
  EXPECT_EQ(get(port_, page).status, 404);
  r = post(port_, "/articles/" + id + "/publish", "csrf=" + vp_csrf + "&publish_at=mai", vp);
  EXPECT_EQ(r.status, 400);
  // Published now: public, in its category, its feed and the search.
  EXPECT_EQ(
      post(port_, "/articles/" + id + "/publish", "csrf=" + vp_csrf + "&publish_at=", vp).status,
      303);
  r = get(port_, page);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<strong>Xong</strong> rồi."), std::string::npos);
  EXPECT_NE(r.body.find("<link rel=\"canonical\" href=\"https://ntm.example.vn" + page + "\">"),
            std::string::npos);
  EXPECT_NE(r.body.find("<meta property=\"og:type\" content=\"article\">"), std::string::npos);
  EXPECT_NE(r.body.find("Xã Thạch Kim</a>"), std::string::npos);  // the linked unit
  EXPECT_NE(get(port_, "/chuyen-muc/tin-tuc").body.find("Đường làng Thạch Kim đã xong"),
            std::string::npos);
  EXPECT_NE(get(port_, "/chuyen-muc/tin-tuc/atom.xml").body.find("Đường làng Thạch Kim đã xong"),
            std::string::npos);
  // Unpublished: gone again.
  EXPECT_EQ(post(port_, "/articles/" + id + "/unpublish", "csrf=" + xa_csrf, xa).status, 403);
  EXPECT_EQ(post(port_, "/articles/" + id + "/unpublish", "csrf=" + vp_csrf, vp).status, 303);
  EXPECT_EQ(get(port_, page).status, 404);
  EXPECT_EQ(get(port_, "/chuyen-muc/tin-tuc/atom.xml").body.find("Thạch Kim đã xong"),
            std::string::npos);
  // Every step is in the audit log.
  const Reply audit = get(port_, "/audit", vp);
  const std::string log = audit.body.substr(audit.body.find("<tbody>"));
  for (const char* words : {"Tạo bài viết", "Sửa bài viết", "Gửi duyệt bài viết", "Đăng bài viết",
                            "Gỡ bài viết", "Chờ duyệt → Đã đăng", "Bài viết: Đường làng"})
    EXPECT_NE(log.find(words), std::string::npos) << words;
  EXPECT_EQ(log.find("article:"), std::string::npos);
  EXPECT_EQ(log.find("review →"), std::string::npos);
}

TEST_F(WebTest, PortalFilesAreCheckedByContentAndFollowTheArticle) {
  const std::string vp = cookie("admin"), csrf = sessions_.at("admin").second;
  const std::string id = new_article(port_, vp, csrf, "Ảnh đại diện thử", "thong-bao");
  ASSERT_FALSE(id.empty());
  auto upload = [&](const std::string& kind, const std::string& name, const std::string& data) {
    const std::string body = multipart({{"csrf", csrf}, {"kind", kind}}, "file", name, data);
    return request(port_, "POST", "/articles/" + id + "/files",
                   vp + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n",
                   body);
  };
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(32, '\0');
  Reply r = upload("cover", "anh.pdf", "%PDF-1.4\n");
  EXPECT_NE(location(r).find(url_encode("Ảnh đại diện: cần ảnh JPEG hoặc PNG")), std::string::npos);
  r = upload("attachment", "qd.pdf", "<html><script>alert(1)</script>");  // a PDF by name only
  EXPECT_NE(location(r).find("error="), std::string::npos);
  r = upload("cover", "anh.png", png);
  EXPECT_EQ(location(r), "/articles/" + id + "?saved=1");
  const auto files = *app().store().article_files(std::stoll(id));
  ASSERT_EQ(files.size(), 1u);  // the refused ones stored nothing
  const std::string file = "/tep-bai-viet/" + std::to_string(files[0].id);
  EXPECT_EQ(get(port_, file).status, 404);  // the article is a draft
  EXPECT_EQ(get(port_, file, vp).status, 200);
  ASSERT_EQ(post(port_, "/articles/" + id + "/publish", "csrf=" + csrf + "&publish_at=", vp).status,
            303);
  r = get(port_, file);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.head.find("Content-Type: image/png"), std::string::npos);
  EXPECT_NE(get(port_, "/chuyen-muc/thong-bao").body.find("src=\"" + file + "\""),
            std::string::npos);
  EXPECT_EQ(get(port_, "/tep-bai-viet/999999").status, 404);
  ASSERT_EQ(post(port_, "/articles/" + id + "/unpublish", "csrf=" + csrf, vp).status, 303);
  EXPECT_EQ(get(port_, file).status, 404);
}

TEST_F(WebTest, PortalEscapesTitlesAndMarkdown) {
  const std::string vp = cookie("admin"), csrf = sessions_.at("admin").second;
  const std::string title = "<script>alert(1)</script> & \"Q\" <img src=x onerror=alert(2)>";
  const std::string id = new_article(
      port_, vp, csrf, title, "ket-qua-thuc-hien",
      "<script>alert(3)</script>\n\n<img src=x onerror=alert(4)>\n\n[x](javascript:alert(5)) "
      "[y](JaVaScRiPt:alert(6)) ![z](javascript:alert(7))");
  ASSERT_FALSE(id.empty());
  ASSERT_EQ(post(port_, "/articles/" + id + "/publish", "csrf=" + csrf + "&publish_at=", vp).status,
            303);
  const std::string slug = slug_of(id);
  EXPECT_EQ(slug, "script-alert-1-script-q-img-src-x-onerror-alert-2");
  for (const std::string& page :
       {"/bai-viet/" + slug, std::string("/"), std::string("/chuyen-muc/ket-qua-thuc-hien"),
        std::string("/search?q=alert"), "/articles/" + id}) {
    Reply r = get(port_, page, page == "/articles/" + id ? vp : "");
    ASSERT_EQ(r.status, 200) << page;
    r.body = std::regex_replace(r.body, std::regex("</?mark>"), "");  // search marks matches
    EXPECT_EQ(r.body.find("<script>alert"), std::string::npos) << page;
    EXPECT_EQ(r.body.find("<img src=x"), std::string::npos) << page;
    EXPECT_EQ(r.body.find("href=\"javascript"), std::string::npos) << page;
    EXPECT_EQ(r.body.find("href=\"JaVaScRiPt"), std::string::npos) << page;
    EXPECT_EQ(r.body.find("src=\"javascript"), std::string::npos) << page;
    EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Q&quot;"),
              std::string::npos)
        << page;
  }
  // The feed carries the title as text and the body as escaped, sanitised HTML.
  const Reply feed = get(port_, "/chuyen-muc/ket-qua-thuc-hien/atom.xml");
  EXPECT_EQ(feed.body.find("<script"), std::string::npos);
  EXPECT_EQ(feed.body.find("<img src=x"), std::string::npos);
  ASSERT_EQ(post(port_, "/articles/" + id + "/unpublish", "csrf=" + csrf, vp).status, 303);
}

TEST_F(WebTest, PortalFeedsAndSitemapAreValidXml) {
  const Reply feed = get(port_, "/chuyen-muc/tin-tuc/atom.xml");
  ASSERT_EQ(feed.status, 200);
  EXPECT_NE(feed.head.find("Content-Type: application/atom+xml"), std::string::npos);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(feed.body.c_str())) << feed.body;
  const pugi::xml_node root = doc.child("feed");
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
  EXPECT_STREQ(root.child("id").text().get(), "https://ntm.example.vn/chuyen-muc/tin-tuc/atom.xml");
  bool found = false;
  for (pugi::xml_node e : root.children("entry")) {
    if (std::string(e.child("title").text().get()) != "Tin thử") continue;
    found = true;
    EXPECT_STREQ(e.child("link").attribute("href").value(),
                 "https://ntm.example.vn/bai-viet/tin-thu");
    EXPECT_STREQ(e.child("published").text().get(), "2021-01-01T00:00:00Z");
    EXPECT_STREQ(e.child("content").attribute("type").value(), "html");
    EXPECT_EQ(std::string(e.child("content").text().get()), "<p>Nội dung</p>\n");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(get(port_, "/chuyen-muc/khong-co/atom.xml").status, 404);

  const Reply map = get(port_, "/sitemap.xml");
  ASSERT_EQ(map.status, 200);
  pugi::xml_document sm;
  ASSERT_TRUE(sm.load_string(map.body.c_str())) << map.body;
  std::set<std::string> locs;
  for (pugi::xml_node u : sm.child("urlset").children("url"))
    locs.insert(u.child("loc").text().get());
  EXPECT_STREQ(sm.child("urlset").attribute("xmlns").value(),
               "http://www.sitemaps.org/schemas/sitemap/0.9");
  EXPECT_TRUE(locs.count("https://ntm.example.vn/bai-viet/tin-thu"));
  EXPECT_TRUE(locs.count("https://ntm.example.vn/tien-do"));
  EXPECT_TRUE(locs.count("https://ntm.example.vn/commune/18580"));
  for (const std::string& l : locs) EXPECT_EQ(l.find("duong-lang"), std::string::npos) << l;
  EXPECT_NE(get(port_, "/robots.txt").body.find("Sitemap: https://ntm.example.vn/sitemap.xml"),
            std::string::npos);
}

TEST_F(WebTest, PortalSearchIgnoresDiacriticsAndKeepsPhrases) {
  const std::string vp = cookie("admin"), csrf = sessions_.at("admin").second;
  const std::string a = new_article(port_, vp, csrf, "Đường giao thông nông thôn mới ở Lộc Hà",
                                    "tin-tuc", "Xã làm **đường** bê tông.");
  const std::string b = new_article(port_, vp, csrf, "Thôn Nông Hà mới", "thong-bao", "Tin khác.");
  for (const std::string& id : {a, b})
    ASSERT_EQ(
        post(port_, "/articles/" + id + "/publish", "csrf=" + csrf + "&publish_at=", vp).status,
        303);
  auto found = [&](const std::string& q) {
    const std::string body = get(port_, "/search?q=" + url_encode(q)).body;
    std::vector<std::string> titles;
    for (const char* t : {"Đường giao thông", "Thôn Nông Hà mới"}) {
      // Matches are marked inside titles: look for the text without the tags.
      std::string plain = std::regex_replace(body, std::regex("</?mark>"), "");
      if (plain.find(t) != std::string::npos) titles.push_back(t);
    }
    return titles;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(found("nong thon moi"), (V{"Đường giao thông", "Thôn Nông Hà mới"}));
  EXPECT_EQ(found("Nông thôn mới"), found("nong thon moi"));
  EXPECT_EQ(found("duong giao"), V{"Đường giao thông"});
  EXPECT_EQ(found("ĐƯỜNG"), V{"Đường giao thông"});
  EXPECT_EQ(found("đuong"), V{"Đường giao thông"});
  EXPECT_EQ(found("\"nong thon moi\""), V{"Đường giao thông"});  // a phrase: in this order
  EXPECT_EQ(found("\"moi thon nong\""), V{});
  EXPECT_EQ(found("be tong"), V{"Đường giao thông"});  // the body counts
  EXPECT_EQ(found("zzzz"), V{});
  // Ranked (title matches first) and highlighted in the original spelling.
  const std::string body = get(port_, "/search?q=duong").body;
  EXPECT_NE(body.find("<mark>Đường</mark> giao thông"), std::string::npos);
  EXPECT_NE(body.find("<mark>đường</mark>"), std::string::npos);  // the snippet
  // FTS syntax typed by a reader is just text.
  for (const char* q : {"\"", "a OR", "NEAR(", "*", "\"unbalanced", "-x", "^a"})
    EXPECT_EQ(get(port_, std::string("/search?q=") + url_encode(q)).status, 200) << q;
  for (const std::string& id : {a, b})
    ASSERT_EQ(post(port_, "/articles/" + id + "/unpublish", "csrf=" + csrf, vp).status, 303);
}

TEST_F(WebTest, PortalCategoryPagesAndNeighbours) {
  const std::string vp = cookie("admin"), csrf = sessions_.at("admin").second;
  // 12 announcements published at the same second: pages of 10, stable order.
  std::vector<std::string> ids;
  for (int i = 1; i <= 12; ++i) {
    ids.push_back(
        new_article(port_, vp, csrf, "Thông báo số " + std::to_string(i), "van-ban-chi-dao"));
    ASSERT_TRUE(publish_article(app().store(), **app().store().find_user("admin"),
                                std::stoll(ids.back()), "2022-05-05T05:05:05Z")
                    .is_ok());
  }
  const Reply p1 = get(port_, "/chuyen-muc/van-ban-chi-dao");
  const Reply p2 = get(port_, "/chuyen-muc/van-ban-chi-dao?trang=2");
  EXPECT_NE(p1.body.find("Thông báo số 12<"), std::string::npos);  // newest (highest id) first
  EXPECT_NE(p1.body.find("Thông báo số 3<"), std::string::npos);
  EXPECT_EQ(p1.body.find("Thông báo số 2<"), std::string::npos);
  EXPECT_NE(p1.body.find("href=\"/chuyen-muc/van-ban-chi-dao?trang=2\""), std::string::npos);
  EXPECT_EQ(p1.body.find("rel=\"prev\""), std::string::npos);
  EXPECT_NE(p2.body.find("Thông báo số 2<"), std::string::npos);
  EXPECT_NE(p2.body.find("Thông báo số 1<"), std::string::npos);
  EXPECT_EQ(p2.body.find("rel=\"next\""), std::string::npos);
  EXPECT_NE(p2.body.find("rel=\"prev\" href=\"/chuyen-muc/van-ban-chi-dao\""), std::string::npos);
  EXPECT_EQ(get(port_, "/chuyen-muc/van-ban-chi-dao?trang=3").status, 404);
  EXPECT_EQ(get(port_, "/chuyen-muc/van-ban-chi-dao?trang=0").status, 400);
  EXPECT_EQ(get(port_, "/chuyen-muc/van-ban-chi-dao?trang=abc").status, 400);
  EXPECT_EQ(get(port_, "/chuyen-muc/khong-co").status, 404);
  // Article 6: newer are 7, 8... (nearest first); older 5, 4...; same category only.
  const Reply six = get(port_, "/bai-viet/" + slug_of(ids[5]));
  const size_t newer = six.body.find("Những tin mới hơn"),
               older = six.body.find("Những tin cũ hơn");
  ASSERT_NE(newer, std::string::npos);
  ASSERT_NE(older, std::string::npos);
  const std::string newer_part = six.body.substr(newer, older - newer),
                    older_part = six.body.substr(older);
  EXPECT_LT(newer_part.find("Thông báo số 7<"), newer_part.find("Thông báo số 8<"));
  EXPECT_LT(older_part.find("Thông báo số 5<"), older_part.find("Thông báo số 4<"));
  EXPECT_EQ(six.body.find("Tin thử"), std::string::npos);  // another category
  for (const std::string& id : ids)
    ASSERT_EQ(post(port_, "/articles/" + id + "/unpublish", "csrf=" + csrf, vp).status, 303);
}

TEST_F(WebTest, PublicProgressLiveOrPublishedSnapshot) {
  const std::string vp = cookie("admin"), csrf = sessions_.at("admin").second;
  Reply r = get(port_, "/tien-do");
  ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
  EXPECT_NE(r.body.find("Tỉnh Hà Tĩnh"), std::string::npos);
  EXPECT_NE(r.body.find("cập nhật trực tiếp"), std::string::npos);
  EXPECT_EQ(r.body.find("/progress/publish"), std::string::npos);  // the form is the office's
  // The office freezes the figures of 31/12/2016 (before any data) and publishes them.
  r = post(port_, "/progress/publish", "csrf=" + csrf + "&code=42&at=2016-12-31", vp);
  ASSERT_EQ(r.status, 303) << r.body.substr(0, 300);
  r = get(port_, "/tien-do");
  EXPECT_NE(r.body.find("Số liệu chốt và công bố ngày"), std::string::npos);
  EXPECT_NE(r.body.find("31/12/2016"), std::string::npos);
  // Visitors' unit pages stop at the published date; officials still see today.
  r = get(port_, "/commune/18580");
  EXPECT_NE(r.body.find("chốt đến ngày 31/12/2016"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"2016-12-31\""), std::string::npos);
  EXPECT_EQ(get(port_, "/commune/18580", vp).body.find("chốt đến ngày"), std::string::npos);
  EXPECT_EQ(
      post(port_, "/progress/live", "csrf=" + sessions_.at("commune").second, cookie("commune"))
          .status,
      403);
  ASSERT_EQ(post(port_, "/progress/live", "csrf=" + csrf, vp).status, 303);
  r = get(port_, "/commune/18580?at=2021-06-30");
  EXPECT_EQ(r.body.find("chốt đến ngày"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"2021-06-30\""), std::string::npos);
}

// The office enters a threshold in a new version of the set, reads the
// diff, publishes it from a date and the commune's status changes from that
// date only. (Published from 2030 so that the other tests' dates keep web-a.)
TEST_F(WebTest, CriteriaEditorEnterAThresholdAndWatchTheStatusChange) {
  const std::string vp = cookie("admin"), xa = cookie("commune");
  const std::string vp_csrf = "csrf=" + sessions_.at("admin").second;
  auto criterion15 = [&](const char* at) {
    const Reply r = get(port_, std::string("/api/v1/units/18580/assessment?at=") + at, vp);
    const auto j = nlohmann::json::parse(r.body);
    return j["criteria_set"].get<std::string>() + ":" +
           j["criteria"][1]["status"].get<std::string>();
  };
  EXPECT_EQ(criterion15("2030-01-01"), "web-a:met");  // 90 >= 85

  Reply r = get(port_, "/criteria-sets", xa);  // officials read the versions
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("web-a"), std::string::npos);
  EXPECT_EQ(r.body.find("/criteria-sets/drafts"), std::string::npos);
  EXPECT_EQ(post(port_, "/criteria-sets/drafts",
                 "csrf=" + sessions_.at("commune").second + "&base=web-a&id=web-b", xa)
                .status,
            403);
  r = get(port_, "/criteria-sets", vp);
  EXPECT_NE(r.body.find("action=\"/criteria-sets/drafts\""), std::string::npos);
  r = post(port_, "/criteria-sets/drafts", vp_csrf + "&base=web-a&id=Web+B", vp);
  ASSERT_EQ(r.status, 303);
  EXPECT_NE(r.head.find("error="), std::string::npos);
  r = post(port_, "/criteria-sets/drafts", vp_csrf + "&base=web-a&id=web-b", vp);
  ASSERT_EQ(r.status, 303);
  EXPECT_NE(r.head.find("Location: /criteria-sets/drafts/web-b"), std::string::npos);

  // Wrong input: every field named, what was typed shown again, nothing saved.
  const std::string path = "/criteria-sets/drafts/web-b";
  const std::string fields =
      "&criterion=15&original_code=15.1&code=15.1&name_vi=BHYT&measure=bhyt&op=%3E%3D";
  r = post(port_, path + "/indicator",
           vp_csrf + fields + "&t.default=chin+muoi&confirmed=true&source=", vp);
  ASSERT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Ngưỡng mặc định: &quot;chin muoi&quot;: Nhập một số"), std::string::npos);
  EXPECT_NE(r.body.find("Nguồn: bắt buộc"), std::string::npos);
  EXPECT_NE(r.body.find("value=\"chin muoi\""), std::string::npos);
  r = get(port_, path, vp);
  EXPECT_NE(r.body.find("Không có thay đổi nào"), std::string::npos);

  r = post(port_, path + "/indicator",
           vp_csrf + fields +
               "&t.default=2030%3A+95&confirmed=true&source=Q%C4%90+th%E1%BB%AD%2C+Ph%E1%BB%A5+l%"
               "E1%BB%A5c+I",
           vp);
  ASSERT_EQ(r.status, 303);
  r = get(port_, path, vp);
  EXPECT_NE(r.body.find("<del>85</del></td><td><ins>2030: 95</ins>"), std::string::npos);
  EXPECT_NE(r.body.find("<ins>QĐ thử, Phụ lục I</ins>"), std::string::npos);
  // A draft changes nothing yet.
  EXPECT_EQ(criterion15("2030-01-01"), "web-a:met");

  r = post(port_, path + "/publish", vp_csrf + "&from=2015-01-01", vp);
  EXPECT_EQ(r.status, 400);  // before web-a began
  EXPECT_NE(r.body.find("01/01/2016"), std::string::npos);
  r = post(port_, path + "/publish", vp_csrf + "&from=2030-01-01", vp);
  ASSERT_EQ(r.status, 303);
  EXPECT_NE(r.head.find("published=web-b"), std::string::npos);
  EXPECT_EQ(criterion15("2029-12-31"), "web-a:met");
  EXPECT_EQ(criterion15("2030-01-01"), "web-b:not_met");  // 90 < 95
  EXPECT_EQ(get(port_, path, vp).status, 404);            // the draft is gone

  r = get(port_, "/criteria-sets/diff?from=web-a&to=web-b", xa);
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<ins>2030: 95</ins>"), std::string::npos);
  r = get(port_, "/audit", vp);
  EXPECT_NE(r.body.find("criteria.publish"), std::string::npos);
}

// Commune groups: the definitions are shown, the office assigns one commune
// from a date and many from a file (all or nothing), the file downloaded
// from the page imports back unchanged.
TEST_F(WebTest, CommuneGroupsAssignedFromADateOneByOneOrByFile) {
  const std::string vp = cookie("admin");
  const std::string vp_csrf = "csrf=" + sessions_.at("admin").second;
  Reply r = get(port_, "/commune-groups?at=2026-03-01", cookie("department"));
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("Xã liền kề đô thị hiện hữu"), std::string::npos);
  EXPECT_NE(r.body.find("khu vực II và xã khu vực III"), std::string::npos);
  EXPECT_EQ(r.body.find("action=\"/commune-groups\""), std::string::npos);  // read only

  r = post(port_, "/commune-groups", vp_csrf + "&code=18580&group=4&from=2026-02-15", vp);
  EXPECT_NE(r.head.find("error="), std::string::npos);
  r = post(port_, "/commune-groups", vp_csrf + "&code=18580&group=1&from=2026-02-15", vp);
  ASSERT_EQ(r.status, 303);
  EXPECT_NE(r.head.find("saved="), std::string::npos);
  r = get(port_, "/commune-groups?at=2026-03-01", vp);
  const size_t row = r.body.find("id=\"xa-18580\"");
  ASSERT_NE(row, std::string::npos);
  EXPECT_NE(r.body.substr(row, 400).find("Nhóm 1"), std::string::npos);
  EXPECT_NE(r.body.substr(row, 400).find("15/02/2026"), std::string::npos);
  // Before the date the commune had no group.
  r = get(port_, "/commune-groups?at=2026-02-14", vp);
  EXPECT_NE(r.body.substr(r.body.find("id=\"xa-18580\""), 400).find("chưa phân nhóm"),
            std::string::npos);

  auto upload = [&](const std::string& name, const std::string& data) {
    const std::string body =
        multipart({{"csrf", sessions_.at("admin").second}}, "file", name, data);
    return request(port_, "POST", "/commune-groups/import",
                   vp + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: " +
                       std::to_string(body.size()) + "\r\n",
                   body);
  };
  r = upload("nhom.csv",
             "unit_code,attribute,value,valid_from\n18583,commune_group,2,2026-02-15\n"
             "99999,commune_group,2,2026-02-15\n18580,commune_group,5,2026-07-01\n"
             "18580,region,BTB,2026-07-01\n");
  ASSERT_EQ(r.status, 303);
  auto followed = [&](const Reply& reply) {
    const size_t at = reply.head.find("Location: ");
    if (at == std::string::npos) return std::string();
    const std::string to = reply.head.substr(at + 10, reply.head.find("\r\n", at) - at - 10);
    return get(port_, to, vp).body;
  };
  const std::string error = followed(r);
  EXPECT_NE(error.find("nhom.csv"), std::string::npos);
  EXPECT_NE(error.find("dòng 5, cột &quot;attribute&quot;: chỉ nhận commune_group"),
            std::string::npos)
      << error;  // region is not a group
  r = upload("nhom.csv",
             "unit_code,attribute,value,valid_from\n18583,commune_group,2,2026-02-15\n"
             "99999,commune_group,2,2026-02-15\n18580,commune_group,5,2026-07-01\n");
  const std::string error2 = followed(r);
  EXPECT_NE(error2.find("dòng 3"), std::string::npos) << error2;
  EXPECT_NE(error2.find("dòng 4"), std::string::npos) << error2;
  r = get(port_, "/commune-groups?at=2026-03-01", vp);  // nothing was written
  EXPECT_NE(r.body.substr(r.body.find("id=\"xa-18583\""), 400).find("chưa phân nhóm"),
            std::string::npos);

  // The page's own file, edited, imports back.
  const std::string csv = get(port_, "/commune-groups.csv?at=2026-03-01", vp).body;
  EXPECT_NE(csv.find("18580,commune_group,1,2026-02-15,Xã Thạch Kim"), std::string::npos) << csv;
  std::string edited = csv;
  const std::string from = "18580,commune_group,1,2026-02-15";
  edited.replace(edited.find(from), from.size(), "18580,commune_group,2,2026-07-01");
  r = upload("nhom-xa.csv", edited);
  ASSERT_EQ(r.status, 303);
  EXPECT_NE(r.head.find("saved="), std::string::npos) << followed(r);
  r = get(port_, "/commune-groups?at=2026-08-01", vp);
  const std::string after = r.body.substr(r.body.find("id=\"xa-18580\""), 600);
  EXPECT_NE(after.find("Nhóm 2"), std::string::npos);
  EXPECT_NE(after.find("Nhóm 1 (15/02/2026)"), std::string::npos);  // history kept
  r = get(port_, "/audit", vp);
  EXPECT_NE(r.body.find("commune_group.assign"), std::string::npos);
  EXPECT_NE(r.body.find("commune_group.import"), std::string::npos);
}

// The department's queue: each value beside the verified one it would
// replace and the threshold, filters by commune and period, the selected
// values verified at once with one audit row each, all or none.
TEST_F(WebTest, VerificationQueueComparesFiltersAndVerifiesTheSelected) {
  for (const char* rows : {"18580,bhyt,2025-12-31,90,verified\n",
                           "18580,bhyt,2026-06-30,84,submitted\n"
                           "18583,bhyt,2026-06-30,86,submitted\n"
                           "18583,quy_hoach,2026-06-30,0,submitted\n"
                           "18580,bhyt,2025-12-31,88,submitted\n"}) {
    ASSERT_TRUE(import_observations(app_->store(), "o2",
                                    std::string("unit_code,measure,date,value,status\n") + rows,
                                    "t")
                    .is_ok());
  }
  const std::string so = cookie("department"), csrf = "csrf=" + sessions_.at("department").second;
  auto id_of = [](const char* code, const char* measure, const char* date) {
    const int64_t unit = (**app_->store().unit_at(code, *Date::parse(date))).unit_id;
    return std::to_string(
        (**app_->store().current_observation(unit, measure, *Date::parse(date))).id);
  };
  const std::string thach_kim_2022 = id_of("18580", "bhyt", "2026-06-30");
  const std::string correction = id_of("18580", "bhyt", "2025-12-31");
  const std::string other_2022 = id_of("18583", "bhyt", "2026-06-30");
  const std::string other_2020 = id_of("18583", "bhyt", "2020-12-31");
  const std::string planning = id_of("18583", "quy_hoach", "2026-06-30");
  const Reply all = get(port_, "/verify", so);
  ASSERT_EQ(all.status, 200);
  auto row = [](const std::string& body, const std::string& id) {
    const size_t at = body.find("<tr id=\"q-" + id + "\"");
    return at == std::string::npos ? std::string() : body.substr(at, body.find("</tr>", at) - at);
  };
  // 84 against the verified 90 of 31/12/2025 (a correction of it waits) and
  // the threshold ≥ 85: not met.
  const std::string r84 = row(all.body, thach_kim_2022);
  EXPECT_NE(r84.find("<strong>84</strong>"), std::string::npos) << r84;
  EXPECT_NE(r84.find("90 <small>(31/12/2025)</small>"), std::string::npos) << r84;
  EXPECT_NE(r84.find("&gt;= 85"), std::string::npos) << r84;
  EXPECT_NE(r84.find("Chưa đạt"), std::string::npos) << r84;
  EXPECT_EQ(r84.find("sửa số liệu đã thẩm định"), std::string::npos);
  // 88 for 31/12/2025 corrects the verified 90 of the same period.
  const std::string r88 = row(all.body, correction);
  EXPECT_NE(r88.find("sửa số liệu đã thẩm định"), std::string::npos) << r88;
  EXPECT_NE(r88.find("✓ Đạt"), std::string::npos) << r88;
  EXPECT_EQ(row(all.body, planning), "");  // planning belongs to SXD
  // Filters: one commune, one period.
  const Reply one = get(port_, "/verify?unit=18583", so);
  EXPECT_NE(row(one.body, other_2022), "");
  EXPECT_NE(row(one.body, other_2020), "");
  EXPECT_EQ(row(one.body, thach_kim_2022), "");
  const Reply period = get(port_, "/verify?period=2026-06-30", so);
  EXPECT_NE(row(period.body, other_2022), "");
  EXPECT_EQ(row(period.body, other_2020), "");
  EXPECT_NE(period.body.find("đang hiện 2/"), std::string::npos) << period.body;
  // A selection holding a value of another department: refused, none changed.
  const Reply mixed =
      post(port_, "/verify", csrf + "&action=verify&id=" + other_2022 + "&id=" + planning, so);
  EXPECT_EQ(mixed.status, 403);
  EXPECT_EQ((**app_->store().observation_by_id(std::stoll(other_2022))).status,
            ObservationStatus::kSubmitted);
  // The two values of 30/06/2026 verified at once; back to the same filter.
  const size_t before = app_->store().audit(0, "so.yte", "observation.verify", 100)->size();
  const Reply both = post(
      port_, "/verify",
      csrf + "&action=verify&period=2026-06-30&id=" + other_2022 + "&id=" + thach_kim_2022, so);
  ASSERT_EQ(both.status, 303) << both.body;
  EXPECT_NE(both.head.find("Location: /verify?period=2026-06-30&done=verify&n=2#queue"),
            std::string::npos)
      << both.head;
  EXPECT_EQ(app_->store().audit(0, "so.yte", "observation.verify", 100)->size(), before + 2);
  for (const std::string& id : {other_2022, thach_kim_2022}) {
    auto now = app_->store().current_observation(
        (**app_->store().observation_by_id(std::stoll(id))).unit_id, "bhyt",
        *Date::parse("2026-06-30"));
    EXPECT_EQ((**now).status, ObservationStatus::kVerified);
  }
  const Reply after = get(port_, "/verify?period=2026-06-30&done=verify&n=2", so);
  EXPECT_NE(after.body.find("Số liệu đã xác nhận: 2"), std::string::npos);
  EXPECT_EQ(row(after.body, other_2022), "");
  // Returning the selected needs a reason.
  const Reply no_reason = post(port_, "/verify", csrf + "&action=return&id=" + other_2020, so);
  EXPECT_NE(no_reason.head.find("error="), std::string::npos);
  EXPECT_NE(post(port_, "/verify", csrf + "&action=verify", so).head.find("error="),
            std::string::npos);  // nothing chosen
}

}  // namespace
}  // namespace ntm

namespace ntm {
namespace {

// Within one request the catalogue is never replaced, even when the data
// changes meanwhile (on PostgreSQL any write of the cluster moves the data
// version): an overview computed early points into it.
TEST_F(WebTest, ARequestKeepsTheCatalogueItStartedWith) {
  Request r;
  r.method = "GET";
  app().begin_request(r);
  const Catalog* first = *app().catalog();
  auto overview = *app().overview("42", EvaluateOptions{*Date::parse("2021-06-30"), "", false});
  ASSERT_TRUE(app().store().set_setting("web_test_touch", "1").is_ok());  // the data changes
  EXPECT_EQ(*app().catalog(), first);
  ASSERT_NE(overview->set, nullptr);
  EXPECT_EQ(overview->set, first->find(overview->set->id));  // still a live pointer
}

// The recognised standing (the chairman's decisions) is shown beside the
// computed one and never mixed with it: the commune page, the dashboard's
// count and column, the API; a decision number is escaped.
TEST_F(WebTest, RecognisedStandingBesideTheComputedOne) {
  Store& s = app().store();
  const auto imported =
      import_recognitions(s, "rec.csv",
                          "unit_code,title,year,decision_no,decision_date,revoked_no,revoked_date\n"
                          "18580,NTM,2020,12/QĐ-UBND<b>,2021-01-15,,\n"
                          "18583,NTM,2020,13/QĐ-UBND,2021-01-15,88/QĐ-UBND,2021-06-01\n",
                          "test");
  ASSERT_TRUE(imported.is_ok()) << imported.status().message();
  const Reply kim = get(port_, "/commune/18580?at=2021-03-01");
  EXPECT_NE(kim.body.find("Đã công nhận 2020 — QĐ số 12/QĐ-UBND&lt;b&gt; ngày 15/01/2021"),
            std::string::npos);
  EXPECT_EQ(kim.body.find("<b> ngày"), std::string::npos);
  EXPECT_NE(kim.body.find("theo số liệu"), std::string::npos);
  EXPECT_NE(get(port_, "/commune/18583?at=2021-12-31")
                .body.find("Đã thu hồi — QĐ số 88/QĐ-UBND ngày 01/06/2021"),
            std::string::npos);
  EXPECT_NE(get(port_, "/commune/18583?at=2020-06-30").body.find("Chưa công nhận"),
            std::string::npos);
  const Reply dash = get(port_, "/dashboard/42?at=2021-03-01");
  EXPECT_NE(dash.body.find("figure recognised\"><span class=\"big\">2</span>"), std::string::npos);
  EXPECT_NE(get(port_, "/dashboard/42?at=2021-12-31")
                .body.find("figure recognised\"><span class=\"big\">1</span>"),
            std::string::npos);
  const Reply api = get(port_, "/api/v1/units/18583?at=2021-12-31");
  EXPECT_NE(api.body.find("\"revoked_no\":\"88/QĐ-UBND\""), std::string::npos);
  EXPECT_NE(api.body.find("\"in_force\":false"), std::string::npos);
  EXPECT_NE(
      get(port_, "/api/v1/units/42/overview?at=2021-03-01").body.find("\"recognised_communes\":2"),
      std::string::npos);
}

// Residents comment on the published draft without an account: hostile
// text is escaped, a comment waits for moderation, a fourth comment in ten
// minutes is refused, a form from another site is refused; the office
// publishes and answers.
TEST_F(WebTest, ResidentsCommentOnTheDraft) {
  const std::string draft = "/cong-nhan/du-thao/" + dossier_id_;
  EXPECT_EQ(get(port_, draft).status, 200);
  EXPECT_EQ(post(port_, draft, "name=A&body=B", "Origin: https://evil.example\r\n").status, 403);
  const Reply first = post(
      port_, draft, "name=%3Cscript%3Ex%3C%2Fscript%3E&body=%C4%90%C6%B0%E1%BB%9Dng+h%E1%BB%8Fng");
  EXPECT_EQ(first.status, 303);
  EXPECT_EQ(post(port_, draft, "name=B&body=Hai").status, 303);
  EXPECT_EQ(post(port_, draft, "name=C&body=Ba").status, 303);
  EXPECT_EQ(post(port_, draft, "name=D&body=Bon").status, 429);  // 3 in 10 minutes
  EXPECT_EQ(post(port_, draft, "name=&body=x").status, 303);     // refused, said on the page
  EXPECT_EQ(get(port_, draft).body.find("Đường hỏng"), std::string::npos);  // pending
  const auto comments = *app().store().comments(std::stoll(dossier_id_));
  ASSERT_EQ(comments.size(), 3u);
  // Only the office or the commune moderates; the health department may not.
  const std::string form = "comment=" + std::to_string(comments[0].id) +
                           "&status=published&answer=%C4%90%C3%A3+s%E1%BB%ADa&csrf=";
  EXPECT_NE(post(port_, "/dossiers/" + dossier_id_ + "/comments",
                 form + sessions_.at("department").second, cookie("department"))
                .head.find("error="),
            std::string::npos);
  EXPECT_EQ((*app().store().comments(std::stoll(dossier_id_)))[0].status, "pending");
  EXPECT_EQ(post(port_, "/dossiers/" + dossier_id_ + "/comments",
                 form + sessions_.at("admin").second, cookie("admin"))
                .status,
            303);
  const Reply shown = get(port_, draft);
  EXPECT_NE(shown.body.find("Đường hỏng"), std::string::npos);
  EXPECT_NE(shown.body.find("&lt;script&gt;x&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(shown.body.find("<script>x"), std::string::npos);
  EXPECT_NE(shown.body.find("Đã sửa"), std::string::npos);
  // The dossier page shows the checklist to the office.
  const Reply page = get(port_, "/dossiers/" + dossier_id_, cookie("admin"));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Công bố công khai dự thảo"), std::string::npos);
  EXPECT_EQ(get(port_, "/dossiers/" + dossier_id_, cookie("sponsor")).status, 404);
}

// The documents generated from a dossier and its archive: the
// self-assessment report (print and XLSX) from the verified data, the
// comments summary (escaped), the ZIP with its cover listing every document
// and the uploaded files; whoever may not read the dossier gets 404. The
// list of recognitions per year is an XLSX with a sheet per year.
TEST_F(WebTest, DossierDocumentsAndArchive) {
  Store& store = app().store();
  const int64_t id = std::stoll(dossier_id_);
  const User admin = **store.find_user("admin");
  ASSERT_TRUE(
      add_comment(store, id, "<b>Cô Lan</b>", "Đường <thôn> 3 còn hỏng", "10.0.0.9").is_ok());
  const int64_t comment = (*store.comments(id)).back().id;
  ASSERT_TRUE(moderate(store, admin, comment, id, "published", "Đã đưa vào kế hoạch 2021").is_ok());
  auto file = add_dossier_file(store, app().evidence_dir, admin, id, "front_opinion",
                               "y-kien-mttq.pdf", "%PDF-1.4 ý kiến MTTQ\n%%EOF\n");
  ASSERT_TRUE(file.is_ok()) << file.status().message();
  ASSERT_TRUE(add_dossier_file(store, app().evidence_dir, admin, id, "front_opinion",
                               "..\\..\\.ssh\\x.pdf", "%PDF-1.4\n%%EOF\n")
                  .is_ok());
  const std::string base = "/dossiers/" + dossier_id_;

  const Reply report = get(port_, base + "/report", cookie("admin"));
  ASSERT_EQ(report.status, 200);
  EXPECT_NE(report.body.find("BÁO CÁO KẾT QUẢ THỰC HIỆN XÂY DỰNG NÔNG THÔN MỚI"),
            std::string::npos);
  EXPECT_NE(report.body.find("XÃ THẠCH KIM"), std::string::npos);  // issued by the commune
  EXPECT_NE(report.body.find("Công bố công khai dự thảo"), std::string::npos);
  const Reply xlsx = get(port_, base + "/report.xlsx", cookie("commune"));
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK\x03\x04", 0), 0u);

  const Reply summary = get(port_, base + "/comments-summary", cookie("admin"));
  ASSERT_EQ(summary.status, 200);
  EXPECT_NE(summary.body.find("&lt;b&gt;Cô Lan&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(summary.body.find("<b>Cô Lan"), std::string::npos);
  EXPECT_NE(summary.body.find("Đã đưa vào kế hoạch 2021"), std::string::npos);

  const Reply zip = get(port_, base + "/export.zip", cookie("admin"));
  ASSERT_EQ(zip.status, 200);
  EXPECT_NE(zip.head.find("application/zip"), std::string::npos);
  auto entries = unzip_archive(zip.body);
  ASSERT_TRUE(entries.is_ok()) << entries.status().message();
  std::map<std::string, std::string> files(entries->begin(), entries->end());
  ASSERT_TRUE(files.count("00-muc-luc.html"));
  const std::string& cover = files["00-muc-luc.html"];
  std::string uploaded;
  for (const auto& [path, data] : files) {
    EXPECT_EQ(path.find(".."), std::string::npos) << path;  // nothing outside the archive
    EXPECT_EQ(path.find('\\'), std::string::npos) << path;
    if (path.rfind("tai-lieu/", 0) == 0 && path.find("mttq") != std::string::npos) {
      uploaded = path;
      EXPECT_EQ(data, "%PDF-1.4 ý kiến MTTQ\n%%EOF\n");
    }
    if (path != "00-muc-luc.html") {
      EXPECT_NE(cover.find(path), std::string::npos) << path << " is not on the cover";
    }
  }
  EXPECT_NE(uploaded.find("y-kien-mttq.pdf"), std::string::npos);
  EXPECT_NE(cover.find("<style>"), std::string::npos);       // readable without the site
  EXPECT_NE(cover.find("dossier.file"), std::string::npos);  // the steps' history
  bool report_xlsx = false;
  for (const auto& [path, data] : files)
    report_xlsx |=
        path.find("bao-cao-tu-danh-gia.xlsx") != std::string::npos && data.rfind("PK", 0) == 0;
  EXPECT_TRUE(report_xlsx);

  EXPECT_EQ(get(port_, base + "/export.zip", cookie("sponsor")).status, 404);
  EXPECT_EQ(get(port_, base + "/report").status, 303);  // signed in only
  EXPECT_EQ(get(port_, "/dossiers/999999/export.zip", cookie("admin")).status, 404);

  // The survey from its spreadsheet (the office or the commune): a bad row
  // is refused naming the file, row and column, and nothing is stored.
  auto survey = [&](const std::string& csv) {
    const std::string body =
        multipart({{"csrf", sessions_.at("commune").second}}, "file", "khao-sat.csv", csv);
    return request(port_, "POST", base + "/survey",
                   cookie("commune") + "Content-Type: multipart/form-data; boundary=XyZ\r\n" +
                       "Content-Length: " + std::to_string(body.size()) + "\r\n",
                   body);
  };
  const std::string header = "village,question,households,asked,satisfied\n";
  const Reply bad = survey(header + "Thôn 1,0,120,110,0\nThôn 1,1,120,110,nhiều\n");
  EXPECT_NE(bad.head.find("error="), std::string::npos);
  EXPECT_TRUE(store.survey(id)->empty());
  EXPECT_EQ(survey(header + "Thôn 1,0,120,110,0\nThôn 1,1,120,110,99\n").status, 303);
  EXPECT_EQ(store.survey(id)->size(), 2u);

  // What the dossier waits for reaches the office's notifications and the
  // briefing; the health department has nothing to do on it yet.
  ASSERT_TRUE(add_comment(store, id, "Bác Tư", "Còn thiếu đèn đường", "10.0.0.10").is_ok());
  const Reply told = get(port_, "/notifications", cookie("admin"));
  EXPECT_NE(told.body.find("Hồ sơ công nhận: góp ý của Nhân dân"), std::string::npos);
  EXPECT_NE(told.body.find("1 chờ duyệt"), std::string::npos);
  EXPECT_EQ(get(port_, "/notifications", cookie("department")).body.find("Hồ sơ công nhận"),
            std::string::npos);
  const Reply briefing = get(port_, "/briefing?unit=42", cookie("admin"));
  ASSERT_EQ(briefing.status, 200);
  const size_t waiting = briefing.body.find("Hồ sơ xét công nhận đang chờ");
  ASSERT_NE(waiting, std::string::npos);
  EXPECT_NE(briefing.body.find("Xã Thạch Kim", waiting), std::string::npos);

  // Recognitions per year: a sheet per year.
  ASSERT_TRUE(import_recognitions(store, "r.csv",
                                  "unit_code,title,year,decision_no,decision_date\n"
                                  "18583,NTM,2019,12/QĐ-UBND,2020-01-15\n"
                                  "18580,NTM,2021,55/QĐ-UBND,2022-01-20\n",
                                  "test")
                  .is_ok());
  const Reply list = get(port_, "/cong-nhan.xlsx");
  ASSERT_EQ(list.status, 200);
  auto book = unzip_archive(list.body);
  ASSERT_TRUE(book.is_ok());
  std::string workbook;
  for (const auto& [path, data] : *book)
    if (path == "xl/workbook.xml") workbook = data;
  EXPECT_NE(workbook.find("Năm 2021"), std::string::npos);
  EXPECT_NE(workbook.find("Năm 2019"), std::string::npos);
  EXPECT_LT(workbook.find("Năm 2021"), workbook.find("Năm 2019"));  // newest first
  auto one = unzip_archive(get(port_, "/cong-nhan.xlsx?year=2019").body);
  ASSERT_TRUE(one.is_ok());
  for (const auto& [path, data] : *one)
    if (path == "xl/workbook.xml") EXPECT_EQ(data.find("Năm 2021"), std::string::npos);
}

}  // namespace
}  // namespace ntm
