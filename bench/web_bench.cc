// Benchmark: server-side render time of each page and API route on the demo
// province (Hà Tĩnh, 2017-2026 synthetic data), in process (no network), so
// the number is the handler's own time. First request (cold: evaluation and
// trend computed) and the median of warm requests (the overview is cached
// until the data changes). Prints one Markdown table.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "api/routes.h"
#include "service/auth.h"
#include "service/demo.h"
#include "ui/pages.h"

using namespace ntm;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::atoi(argv[1]) : 50;
  const std::string db = std::filesystem::temp_directory_path() / "ntm_web_bench.db";
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
  std::shared_ptr<Store> store = std::move(Store::open_sqlite(db)).value();
  if (auto r = build_demo(*store, default_data_dir()); !r.is_ok()) {
    std::fprintf(stderr, "%s\n", r.status().to_string().c_str());
    return 1;
  }
  AppState app(store);
  Router router;
  register_api(router, app);
  register_ui(router, app);
  // Signed-in pages: the office and a steering member (sessions as in the app).
  std::map<std::string, std::string> cookie;
  for (const char* user : {"vanphong", "bcd.thanhvien"}) {
    auto in = login(*store, user, kDemoPassword, "bench");
    if (!in.is_ok()) {
      std::fprintf(stderr, "%s\n", in.status().to_string().c_str());
      return 1;
    }
    cookie[user] = "ntm_session=" + in->token;
  }
  const std::map<std::string, std::string> signed_in = {
      {"/briefing?at=2026-11-27", "bcd.thanhvien"},
      {"/work?at=2026-11-27", "vanphong"},
      {"/dashboard/42?at=2026-11-27&layer=plan", "vanphong"},
      {"/commune/18172?at=2026-11-27", "vanphong"},
      {"/sponsors?at=2026-11-27", "vanphong"},
      {"/responsibilities?at=2026-11-27", "vanphong"}};
  const std::vector<std::pair<std::string, std::string>> targets = {
      {"province dashboard (today, 60 communes)", "/dashboard/42?at=2026-11-27"},
      {"province dashboard (2024, 182 communes)", "/dashboard/42?at=2024-12-31"},
      {"district page (2024)", "/dashboard/448?at=2024-12-31"},
      {"commune scorecard", "/commune/18580?at=2024-12-31"},
      {"criterion page", "/criterion/ntm-xa-minh-hoa-2016-2026/10?parent=42&at=2024-12-31"},
      {"search \"loc ha\"", "/search?q=loc+ha"},
      {"portal home (latest per category, headline)", "/"},
      {"portal article with newer/older lists",
       "/bai-viet/ban-chi-dao-huyen-loc-ha-hop-danh-gia-tien-do-xay-dung-nong-thon-moi-bai-minh"},
      {"portal category page", "/chuyen-muc/tin-tuc"},
      {"portal search \"nong thon moi\" (articles + units)", "/search?q=nong+thon+moi"},
      {"public progress page (map, live)", "/tien-do"},
      {"Atom feed", "/chuyen-muc/tin-tuc/atom.xml"},
      {"sitemap.xml", "/sitemap.xml"},
      {"API overview", "/api/v1/units/42/overview?at=2024-12-31"},
      {"API assessment", "/api/v1/units/18580/assessment?at=2024-12-31"},
      {"before the meeting (steering member, province)", "/briefing?at=2026-11-27"},
      {"work items (office, all)", "/work?at=2026-11-27"},
      {"dashboard, plan layer (signed in)", "/dashboard/42?at=2026-11-27&layer=plan"},
      {"commune page with plan, work, sponsors (signed in)", "/commune/18172?at=2026-11-27"},
      {"sponsors (office)", "/sponsors?at=2026-11-27"},
      {"responsibility matrix (office)", "/responsibilities?at=2026-11-27"},
  };
  std::printf(
      "| route | first (cold) ms | median (warm) ms | p90 ms | body KB |\n|---|---|---|---|---|\n");
  for (const auto& [name, target] : targets) {
    const auto q = target.find('?');
    std::vector<double> times;
    size_t bytes = 0;
    double cold = 0;
    for (int i = 0; i <= runs; ++i) {
      Request r = parse_target("GET", target);
      if (auto who = signed_in.find(target); who != signed_in.end())
        r.headers["cookie"] = cookie[who->second];
      const auto t = Clock::now();
      const Response res = router.dispatch(r);
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
      if (res.status != 200) {
        std::fprintf(stderr, "%s -> %d\n", target.c_str(), res.status);
        return 1;
      }
      bytes = res.body.size();
      if (i == 0) {
        cold = ms;
      } else {
        times.push_back(ms);
      }
    }
    (void)q;
    std::sort(times.begin(), times.end());
    std::printf("| %s | %.1f | %.2f | %.2f | %.0f |\n", name.c_str(), cold, times[times.size() / 2],
                times[times.size() * 9 / 10], bytes / 1024.0);
  }
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(db + s);
  return 0;
}
