// The progress report as a print-ready HTML document (A4 landscape) in the
// form of an administrative report: the issuing body and the national motto
// at the top, "…, ngày … tháng … năm …", numbered sections, signature block.
#include "base/strings.h"
#include "reports/progress.h"

namespace ntm {
namespace {

std::string e(const std::string& s) { return html_escape(s); }

std::string num(double v, int decimals = 0) { return format_number_vi(v, decimals); }

std::string pct(int part, int whole) {
  return whole ? format_number_vi(100.0 * part / whole, 1) + "%" : "–";
}

std::string change(int now, int then) {
  const int d = now - then;
  return (d > 0 ? "+" : "") + std::to_string(d);
}

std::string signed_num(double d, int decimals) {
  return (d > 0 ? "+" : "") + format_number_vi(d, decimals);
}

// The change of the share in percentage points: "+5,2 điểm %".
std::string share_change(const Summary& now, const Summary& then) {
  if (!now.units || !then.units) return "";
  const double d = 100.0 * now.title_met / now.units - 100.0 * then.title_met / then.units;
  return signed_num(d, 1) + " điểm %";
}

// Section I: the headline figures now and at the comparison date.
std::string summary_section(const ProgressReport& r) {
  const Summary& s = r.summary;
  const std::string title = r.set->titles.empty() ? "đạt chuẩn" : r.set->titles.front().name_vi;
  std::string h =
      "<h2>I. Kết quả chung</h2><table class=\"grid\"><thead><tr><th>Chỉ tiêu</th><th>Ngày " +
      r.opts.at.vi() + "</th>";
  if (r.compare_summary) h += "<th>Ngày " + r.compare_at.vi() + "</th><th>Tăng/giảm</th>";
  h += "</tr></thead><tbody>";
  auto row = [&](const std::string& label, const std::string& now, const std::string& then,
                 const std::string& diff) {
    h += "<tr><td>" + e(label) + "</td><td class=\"n\">" + now + "</td>";
    if (r.compare_summary)
      h += "<td class=\"n\">" + then + "</td><td class=\"n\">" + diff + "</td>";
    h += "</tr>";
  };
  const Summary* t = r.compare_summary ? &*r.compare_summary : nullptr;
  row("Số xã đánh giá", num(s.units), t ? num(t->units) : "", t ? change(s.units, t->units) : "");
  row("Số xã đạt danh hiệu \u201c" + title + "\u201d", num(s.title_met), t ? num(t->title_met) : "",
      t ? change(s.title_met, t->title_met) : "");
  row("Tỷ lệ", pct(s.title_met, s.units), t ? pct(t->title_met, t->units) : "",
      t ? share_change(s, *t) : "");
  row("Bình quân tiêu chí đạt/xã", num(s.average_criteria_met, 1),
      t ? num(t->average_criteria_met, 1) : "",
      t ? signed_num(s.average_criteria_met - t->average_criteria_met, 1) : "");
  // The recognised standing, beside — not in — the computed one.
  row("Số xã đã được công nhận (quyết định còn hiệu lực)", num(r.recognised),
      t && r.compare_recognised ? num(*r.compare_recognised) : "",
      t && r.compare_recognised ? change(r.recognised, *r.compare_recognised) : "");
  // Bands compare when both dates use the same set (the same bands).
  const bool same_bands = same_set_compared(r);
  for (size_t i = 0; i < s.bands.size(); ++i) {
    const BandCount& b = s.bands[i];
    row("Số xã đạt " + b.label + " tiêu chí", num(b.units),
        same_bands ? num(t->bands[i].units) : "",
        same_bands ? change(b.units, t->bands[i].units) : "");
  }
  h += "</tbody></table>";
  if (const std::string note = other_set_note(r); !note.empty())
    h += "<p class=\"note\">" + e(note) + "</p>";
  return h;
}

// Section II: units × criteria with Đạt marks, criteria met, plan status.
std::string matrix_section(const ProgressReport& r) {
  std::string h =
      "<h2>II. Kết quả từng xã theo tiêu chí</h2><table class=\"grid matrix\"><thead><tr>"
      "<th>TT</th><th>Xã</th>";
  for (const Criterion& c : r.set->criteria)
    h += "<th title=\"" + e(c.name_vi) + "\">" + e(c.code) + "</th>";
  h += "<th>Số TC đạt</th><th>Kế hoạch</th></tr></thead><tbody>";
  int i = 0;
  for (const PlanRow& row : r.rows) {
    const Assessment& a = row.assessment;
    h += "<tr><td class=\"n\">" + std::to_string(++i) + "</td><td>" + e(a.unit.name) + "</td>";
    for (const CriterionResult& c : a.criteria) {
      h += c.status == Outcome::kMet      ? "<td class=\"c met\">Đạt</td>"
           : c.status == Outcome::kNotMet ? "<td class=\"c\"></td>"
                                          : "<td class=\"c unk\">?</td>";
    }
    h += "<td class=\"n\">" + std::to_string(a.criteria_met) + "</td><td>" +
         plan_state_vi(row.status.state) + "</td></tr>";
  }
  h += "</tbody><tfoot><tr><td></td><td>Số xã đạt</td>";
  for (const CriterionCount& c : r.criteria)
    h += "<td class=\"n\">" + std::to_string(c.met) + "</td>";
  h += "<td></td><td></td></tr></tfoot></table><p class=\"note\">Đạt: đạt tiêu chí; ô trống: chưa "
       "đạt; ?: chưa xác định (thiếu số liệu hoặc chưa có ngưỡng).</p>";
  return h;
}

std::string criteria_section(const ProgressReport& r) {
  std::string h =
      "<h2>III. Kết quả theo tiêu chí</h2><table class=\"grid\"><thead><tr><th>Tiêu chí</th>"
      "<th>Cơ quan phụ trách</th><th>Đạt</th><th>Chưa đạt</th><th>Chưa xác định</th>"
      "<th>Tỷ lệ đạt</th></tr></thead><tbody>";
  for (const CriterionCount& c : r.criteria) {
    h += "<tr><td>" + e(c.criterion->code + ". " + c.criterion->name_vi) + "</td><td>" +
         e(department_label(r, c.criterion->code)) + "</td><td class=\"n\">" + num(c.met) +
         "</td><td class=\"n\">" + num(c.not_met) + "</td><td class=\"n\">" + num(c.unknown) +
         "</td><td class=\"n\">" + pct(c.met, r.summary.units) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

// Recognised communes that no longer meet the set (the upkeep check).
std::string upkeep_html(const ProgressReport& r) {
  if (r.upkeep.empty()) return "";
  std::string h =
      "<h3>Xã đã được công nhận nhưng không còn đạt đủ tiêu chí</h3><table class=\"grid\"><thead>"
      "<tr><th>Xã</th><th>Quyết định công nhận</th><th>Tình trạng</th><th>Tiêu chí không đạt</th>"
      "</tr></thead><tbody>";
  for (const UpkeepRow& u : r.upkeep) {
    std::string failing;
    for (const std::string& c : u.failing_codes) failing += (failing.empty() ? "" : ", ") + c;
    h += "<tr><td>" + e(u.unit_name) + "</td><td>" +
         e(decision_label(u.recognition.decision_no, u.recognition.decision_date)) + "</td><td>" +
         (u.status == Upkeep::kRevocable
              ? "Thuộc diện thu hồi: " + e(u.trigger)
              : std::string("Có nguy cơ") +
                    (u.triggers_unset ? " (căn cứ thu hồi: chưa quy định)" : "")) +
         "</td><td>" + e(failing) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

std::string lagging_section(const ProgressReport& r) {
  std::string h = "<h2>IV. Các xã chưa đạt chuẩn: tiêu chí còn thiếu và trách nhiệm</h2>";
  h += upkeep_html(r);
  if (r.lagging.empty()) return h + "<p>Tất cả các xã đã đạt chuẩn.</p>";
  h += "<table class=\"grid\"><thead><tr><th>Xã</th><th>Số TC đạt</th><th>Kế hoạch</th>"
       "<th>Tiêu chí còn thiếu (cơ quan phụ trách)</th></tr></thead><tbody>";
  for (const PlanRow* row : r.lagging) {
    std::string missing;
    for (const CriterionResult& c : row->assessment.criteria) {
      if (c.status == Outcome::kMet) continue;
      const std::string dep =
          r.departments.count(c.criterion->code) ? r.departments.at(c.criterion->code) : "";
      missing += (missing.empty() ? "" : "; ") + c.criterion->code + ". " + c.criterion->name_vi +
                 (dep.empty() ? "" : " (" + dep + ")");
    }
    const Plan* p = row->plan.plan ? &*row->plan.plan : nullptr;
    h += "<tr><td>" + e(row->assessment.unit.name) + "</td><td class=\"n\">" +
         std::to_string(row->assessment.criteria_met) + "/" +
         std::to_string(row->assessment.criteria.size()) + "</td><td>" +
         plan_state_vi(row->status.state) +
         (p ? " (mục tiêu " + std::to_string(p->target_year) + ")" : "") + "</td><td>" +
         e(missing) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

std::string coordination_section(const ProgressReport& r) {
  std::string h = "<h2>V. Phần việc quá hạn</h2>";
  if (r.overdue.empty()) {
    h += "<p>Không có phần việc quá hạn.</p>";
  } else {
    h +=
        "<table class=\"grid\"><thead><tr><th>Phần việc</th><th>Xã</th><th>Chủ trì</th><th>Hạn</th>"
        "<th>Tiến độ</th><th>Kinh phí (đồng)</th><th>Đã chi (đồng)</th></tr></thead><tbody>";
    for (const WorkItem& w : r.overdue) {
      h += "<tr><td>" + e(w.title) + "</td><td>" + e(r.unit_names.at(w.unit_id)) + "</td><td>" +
           e(owner_label(r, w)) + "</td><td>" + w.due.vi() + "</td><td class=\"n\">" +
           std::to_string(w.progress) + "%</td><td class=\"n\">" +
           num(static_cast<double>(w.budget)) + "</td><td class=\"n\">" +
           num(static_cast<double>(w.spent)) + "</td></tr>";
    }
    h += "</tbody></table>";
  }
  h += "<h2>VI. Đơn vị đỡ đầu: cam kết và kết quả hỗ trợ</h2>";
  if (r.sponsors.empty()) {
    h += "<p>Chưa có cam kết đỡ đầu.</p>";
  } else {
    h += "<table class=\"grid\"><thead><tr><th>Đơn vị đỡ đầu</th><th>Xã</th><th>Cam kết (đồng)</th>"
         "<th>Đã hỗ trợ (đồng)</th><th>Tỷ lệ</th><th>Rà soát quá hạn</th></tr></thead><tbody>";
    for (const SponsorshipView& s : r.sponsors) {
      int late = 0;
      for (const ReviewDuty& d : s.duties) late += d.overdue;
      h += "<tr><td>" + e(s.sponsor_name) + "</td><td>" + e(s.unit ? s.unit->name : "") +
           "</td><td class=\"n\">" + num(static_cast<double>(s.sponsorship.money_pledged)) +
           "</td><td class=\"n\">" + num(static_cast<double>(s.money_delivered)) +
           "</td><td class=\"n\">" +
           (s.sponsorship.money_pledged
                ? format_number_vi(100.0 * s.money_delivered / s.sponsorship.money_pledged, 0) + "%"
                : "–") +
           "</td><td class=\"n\">" + std::to_string(late) + "</td></tr>";
    }
    h += "</tbody></table>";
  }
  h += "<h2>VII. Thực hiện kết luận của Ban Chỉ đạo</h2>";
  if (r.conclusions.empty()) return h + "<p>Không có kết luận.</p>";
  h += "<table class=\"grid\"><thead><tr><th>Cuộc họp</th><th>Kết luận</th><th>Hạn</th>"
       "<th>Tình trạng</th><th>Báo cáo gần nhất</th></tr></thead><tbody>";
  for (const auto& [m, c] : r.conclusions) {
    const std::string status = c.status == ConclusionStatus::kDone         ? "Đã hoàn thành"
                               : conclusion_overdue(c, r.opts.at)          ? "Quá hạn"
                               : c.status == ConclusionStatus::kInProgress ? "Đang thực hiện"
                                                                           : "Chưa thực hiện";
    const std::string last =
        c.reports.empty() ? "" : c.reports.back().date.vi() + ": " + c.reports.back().text;
    h += "<tr><td>" + m.date.vi() + " " + e(m.title) + "</td><td>" + e(c.text) + "</td><td>" +
         (c.deadline.empty() ? "" : Date::parse(c.deadline)->vi()) + "</td><td>" + status +
         "</td><td>" + e(last) + "</td></tr>";
  }
  return h + "</tbody></table>";
}

}  // namespace

std::string progress_html(const ProgressReport& r, const std::string& css_href) {
  std::string h = report_document_start("Báo cáo tiến độ " + r.parent.name + " " + r.opts.at.vi(),
                                        css_href, r.demo, report_issuer(r.province_full),
                                        r.province_name, r.opts.issued_on, true);
  h += "<h1>BÁO CÁO<br>Đánh giá tiến độ xây dựng nông thôn mới " +
       e(name_in_sentence(r.parent.name)) + "<br>đến ngày " + r.opts.at.vi() + "</h1>";
  h += "<p class=\"basis\">Bộ tiêu chí: " + e(r.set->name_vi) +
       (r.set->illustrative ? " (minh họa)" : "") +
       (r.set->legal_basis.empty() ? "" : " — " + e(r.set->legal_basis)) + ". Số liệu " +
       (r.opts.verified_only ? "đã thẩm định" : "tự đánh giá (đã gửi và đã thẩm định)") +
       (r.compare_summary ? "; so sánh với ngày " + r.compare_at.vi() : "") + ".</p>";
  h += summary_section(r) + matrix_section(r) + criteria_section(r) + lagging_section(r) +
       coordination_section(r);
  h += "<table class=\"sign\"><tr><td><em>Nơi nhận:</em><br>- Ban Chỉ đạo;<br>- Các sở, "
       "ngành;<br>- Lưu: "
       "VT.</td><td><strong>CHÁNH VĂN PHÒNG</strong><br><br><br><br>&nbsp;</td></tr></table>";
  return h + "</main></body></html>\n";
}

}  // namespace ntm
