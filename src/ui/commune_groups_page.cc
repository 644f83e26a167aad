// GET /commune-groups — QĐ 51/2025's commune groups: the official
// definitions, and each commune's group on the chosen date with its history.
// GET /commune-groups.csv — the same as a file to fill (format of `ntm import
// attributes`). POST /commune-groups — the office assigns one commune's group
// from a date; POST /commune-groups/import — many at once from CSV/XLSX.
#include "base/csv.h"
#include "base/xlsx.h"
#include "service/commune_groups.h"
#include "service/scope.h"
#include "ui/pages.h"
#include "ui/view_helpers.h"

namespace ntm {
namespace {

// The reader's province (the central office: ?province=, else the first).
Result<std::vector<CommuneGroupRow>> rows_for(AppState& app, const Request& r, const PageContext& c,
                                              UnitVersion* province) {
  *province = TRY(working_province(app, r, c.opts.at));
  return commune_groups(app.store(), *province, c.opts.at);
}

Response back(const Request& r, const std::string& key, const std::string& text) {
  return Response::redirect("/commune-groups?" + message_query(r, key, text));
}

}  // namespace

Response commune_groups_page(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  UnitVersion province;
  auto rows = rows_for(app, r, c, &province);
  if (!rows.is_ok()) return error_page(app, c, rows.status());
  std::map<std::string, int> counts;
  nlohmann::json list = nlohmann::json::array();
  for (const CommuneGroupRow& g : *rows) {
    ++counts[g.group];
    nlohmann::json history = nlohmann::json::array();
    for (const UnitAttribute& a : g.history) {
      history.push_back({{"group", a.value}, {"from", format_date(c.lang, a.valid_from)}});
    }
    list.push_back({{"code", g.unit.code},
                    {"name", g.unit.name},
                    {"type", g.unit.type},
                    {"href", unit_link(c, g.unit)},
                    {"group", g.group},
                    {"since", g.group.empty() ? "" : format_date(c.lang, g.since)},
                    {"history", history},
                    {"changed", g.history.size() > 1},
                    {"g1", g.group == "1"},
                    {"g2", g.group == "2"},
                    {"g3", g.group == "3"}});
  }
  nlohmann::json summary = nlohmann::json::array();
  for (const char* g : {"1", "2", "3", ""}) {
    summary.push_back({{"label", *g ? tr(c.lang, "cg.group") + " " + g : tr(c.lang, "cg.none")},
                       {"count", counts[g]},
                       {"none", !*g}});
  }
  nlohmann::json v = {{"page_title", tr(c.lang, "cg.title")},
                      {"province", province.name},
                      {"at", format_date(c.lang, c.opts.at)},
                      {"at_iso", c.opts.at.iso()},
                      {"rows", list},
                      {"summary", summary},
                      {"admin", office_of(r.principal->first, province.unit_id)},
                      {"saved", shown_message(r, "saved")},
                      {"error", shown_error(r)}};
  return render_page(app, c, "commune_groups", v);
}

Response commune_groups_csv(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  UnitVersion province;
  auto rows = rows_for(app, r, c, &province);
  if (!rows.is_ok()) return error_page(app, c, rows.status());
  std::string out = "unit_code,attribute,value,valid_from,name\n";
  for (const CommuneGroupRow& g : *rows) {
    out += g.unit.code + ",commune_group," + g.group + "," +
           (g.group.empty() ? c.opts.at.iso() : g.since.iso()) + "," + csv_field(g.unit.name) +
           "\n";
  }
  return download(std::move(out), "csv", "nhom-xa-" + c.opts.at.iso());
}

Response commune_group_assign(AppState& app, const Request& r) {
  const auto from = Date::parse_typed(r.field("from"));
  if (!from.is_ok()) return back(r, "error", "Ngày áp dụng: chọn một ngày");
  const Status s = assign_commune_group(app.store(), r.principal->first, r.field("code"),
                                        r.field("group"), *from);
  if (!s.is_ok()) return back(r, "error", s.message());
  return back(r, "saved", r.field("code") + " → " + r.field("group") + " (" + from->vi() + ")");
}

Response commune_groups_import(AppState& app, const Request& r) {
  std::string name;
  const UploadedFile* f = uploaded_file(r, &name);
  if (!f) return back(r, "error", "Chọn tệp CSV hoặc XLSX");
  auto text = table_text(f->data, name);
  if (!text.is_ok()) return back(r, "error", text.status().message());
  auto counts = import_commune_groups(app.store(), r.principal->first, name, *text);
  if (!counts.is_ok()) return back(r, "error", counts.status().message());
  return back(r, "saved", name + ": " + std::to_string(counts->written) + " xã");
}

}  // namespace ntm
