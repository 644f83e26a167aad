// The progress-assessment report (báo cáo đánh giá tiến độ) the office owes
// the steering committee: for a parent unit, a set, a date and a comparison
// date. Built once from the services, then written as print HTML, XLSX, CSV
// or JSON (progress_html.cc, progress_xlsx.cc, progress_text.cc).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "service/coordination.h"
#include "service/recognition.h"
#include "service/views.h"

namespace ntm {

struct ReportOptions {
  std::string parent_code;
  Date at;
  std::optional<Date> compare;  // default: one year before `at`
  std::string set_id;           // default: the set in force at `at`
  bool verified_only = false;
  Date issued_on;  // the date in "…, ngày … tháng … năm …"; default today
};

struct ProgressReport {
  ReportOptions opts;
  UnitVersion parent;
  std::string province_name;  // "Hà Tĩnh" for the place line
  std::string province_full;  // "Tỉnh Hà Tĩnh" for the issuing body
  const CriteriaSet* set = nullptr;
  std::vector<PlanRow> rows;  // one per unit, by code
  Summary summary;
  Date compare_at;
  std::optional<Summary> compare_summary;  // none when nothing to compare
  std::string compare_set_id;
  std::string compare_set_name;
  std::vector<CriterionCount> criteria;
  std::map<std::string, std::string> departments;  // criterion code -> department code
  std::map<std::string, std::string> department_names;
  std::map<std::string, std::string> sponsor_names;
  std::vector<const PlanRow*> lagging;  // title not met, fewest criteria first
  std::vector<WorkItem> overdue;
  std::map<int64_t, std::string> unit_names;  // for work items and sponsorships
  std::vector<SponsorshipView> sponsors;
  std::vector<std::pair<Meeting, Conclusion>> conclusions;  // every conclusion, open first
  bool demo = false;                                        // synthetic data: said on every page
  // The recognised standing, apart from the computed one: communes with a
  // recognition decision in force on each date, and the recognised ones
  // at risk or liable to revocation on `at` (judged on these assessments).
  int recognised = 0;
  std::optional<int> compare_recognised;
  std::vector<UpkeepRow> upkeep;
};

Result<ProgressReport> build_progress_report(Store& store, const Catalog& catalog,
                                             ReportOptions opts);

// Writers. HTML: a whole document, A4 landscape; `css_href` empty inlines the
// stylesheet (for files), else links it (when served under a strict CSP).
std::string progress_html(const ProgressReport& r, const std::string& css_href);
Result<std::string> progress_xlsx(const ProgressReport& r);
std::string progress_csv(const ProgressReport& r);
std::string progress_json(const ProgressReport& r);
// The stylesheet of printed reports.
const std::string& report_css();
// The start of every printed report: <head> (stylesheet inlined when
// `css_href` is empty), the synthetic-data notice, and the administrative
// header — issuing body, national motto, "<place>, ngày … tháng … năm …".
// `office`: the body under the issuer (default the coordination office).
std::string report_document_start(const std::string& title, const std::string& css_href, bool demo,
                                  const std::string& issuer, const std::string& place,
                                  Date issued_on, bool numbered, const std::string& office = "");

// Whether the comparison date used the same set (so the same bands), and
// the note said when it did not ("" when it did or there is no comparison).
bool same_set_compared(const ProgressReport& r);
std::string other_set_note(const ProgressReport& r);

// "<place>, ngày dd tháng mm năm yyyy" as Nghị định 30/2020/NĐ-CP writes it:
// days below 10 and the months 1 and 2 with a leading zero.
std::string place_and_date(const std::string& place, Date d);
// The issuing body above the office: "UBND TỈNH HÀ TĨNH".
std::string report_issuer(const std::string& province_full);

// "Đạt" / "Chưa đạt" / "Chưa xác định" and plan states in Vietnamese.
const char* outcome_vi_short(Outcome o);
const char* plan_state_vi(PlanState s);
std::string department_label(const ProgressReport& r, const std::string& criterion);
// "Sở Y tế", the sponsor's name, "UBND xã" for a work item's owner.
std::string owner_label(const ProgressReport& r, const WorkItem& w);

}  // namespace ntm
