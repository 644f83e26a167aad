#include "service/coordination.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "base/strings.h"
#include "service/auth.h"
#include "service/evidence.h"
#include "service/scope.h"

namespace ntm {
namespace {

Status audit(Store& store, const User& user, const std::string& action, int64_t unit,
             const std::string& subject, const std::string& before, const std::string& after,
             const std::string& reason = "") {
  return store.insert_audit({0, "", user.username, action, unit, subject, before, after, reason});
}

std::string work_state(const WorkItem& w) {
  return std::string(work_status_name(w.status)) + " " + std::to_string(w.progress) + "%, đã chi " +
         format_number_vi(static_cast<double>(w.spent), 0);
}

bool link_is_owner(const User& u, const ConclusionLink& l) {
  if (l.kind == "department") return u.role == Role::kDepartment && u.department == l.code;
  // (the caller checked the province)
  if (l.kind == "sponsor") return u.role == Role::kSponsor && u.sponsor == l.code;
  if (l.kind == "all_sponsors") return u.role == Role::kSponsor;
  if (l.kind == "commune") return u.role == Role::kCommune && std::to_string(u.unit_id) == l.code;
  return false;
}

}  // namespace

std::string owner_key(OwnerKind kind, const std::string& code) {
  return kind == OwnerKind::kCommune ? "commune" : std::string(owner_kind_name(kind)) + ":" + code;
}

Result<bool> may_see_unit(Store& store, const User& user, int64_t unit_id, Date at) {
  switch (user.role) {
    case Role::kCentral:
      return true;
    case Role::kAdmin:
    case Role::kDepartment:
      return reads_unit(store, user, unit_id);
    case Role::kCommune:
      return user.unit_id == unit_id;
    case Role::kSponsor:
    case Role::kSteering:
      return assigned_to(store, user, unit_id, at);
  }
  return false;
}

bool owns(const User& user, const WorkItem& w) {
  switch (user.role) {
    case Role::kAdmin:
      return office_of(user, w.province_id);
    case Role::kCentral:
      return false;
    case Role::kDepartment:
      return w.owner_kind == OwnerKind::kDepartment && w.owner_code == user.department &&
             user.province_id == w.province_id;
    case Role::kSponsor:
      return w.owner_kind == OwnerKind::kSponsor && w.owner_code == user.sponsor &&
             !user.sponsor.empty();
    case Role::kCommune:
      return w.owner_kind == OwnerKind::kCommune && w.unit_id == user.unit_id;
    case Role::kSteering:
      return false;
  }
  return false;
}

bool owns(const User& user, const Conclusion& c) {
  if (user.role == Role::kAdmin) return office_of(user, c.province_id);
  if (user.province_id != c.province_id) return false;
  return std::any_of(c.links.begin(), c.links.end(),
                     [&](const ConclusionLink& l) { return link_is_owner(user, l); });
}

// --- work items ------------------------------------------------------------------------

Result<std::vector<WorkItem>> work_items_for(Store& store, const User& user, const WorkFilter& f,
                                             Date at) {
  std::vector<WorkItem> out;
  for (WorkItem& w : TRY(store.work_items())) {
    if (!TRY(may_see_work_item(store, user, w, at))) continue;
    if (!f.owner.empty() && owner_key(w.owner_kind, w.owner_code) != f.owner) continue;
    if (f.unit_id && w.unit_id != f.unit_id) continue;
    if (!f.criterion.empty() && w.criterion != f.criterion) continue;
    if (f.status == "overdue" ? !w.overdue(at)
                              : !f.status.empty() && work_status_name(w.status) != f.status)
      continue;
    out.push_back(std::move(w));
  }
  // The user's own items first (the office's "own" are all), then by due date.
  std::stable_sort(out.begin(), out.end(), [&](const WorkItem& a, const WorkItem& b) {
    return owns(user, a) && !owns(user, b);
  });
  return out;
}

Result<int64_t> create_work_item(Store& store, const User& user, WorkItem w) {
  TRY(require_office_for_unit(store, user, w.unit_id, "tạo phần việc"));
  if (trim(w.title).empty()) return Status::invalid("cần tên phần việc");
  if (w.due < w.start) return Status::invalid("hạn hoàn thành trước ngày bắt đầu");
  if (w.budget < 0) return Status::invalid("kinh phí không được âm");
  if (!TRY(store.unit_version_at(w.unit_id, w.start)) &&
      !TRY(store.unit_version_at(w.unit_id, w.due)))
    return Status::invalid("đơn vị không tồn tại trong thời gian của phần việc");
  if (w.owner_kind == OwnerKind::kDepartment) {
    bool known = false;
    for (const auto& [code, name] : TRY(store.departments(user.province_id)))
      known = known || code == w.owner_code;
    if (!known) return Status::invalid("không có cơ quan mã \"" + w.owner_code + "\"");
  } else if (w.owner_kind == OwnerKind::kSponsor) {
    if (!TRY(store.sponsor(w.owner_code)))
      return Status::invalid("không có đơn vị đỡ đầu mã \"" + w.owner_code + "\"");
  } else {
    w.owner_code.clear();
  }
  w.updated_by = user.username;
  int64_t id = 0;
  TRY(store.transaction([&]() -> Status {
    id = TRY(store.insert_work_item(w));
    return audit(store, user, "work.add", w.unit_id, "work:" + std::to_string(id), "",
                 w.title + " — " + owner_key(w.owner_kind, w.owner_code) + ", hạn " + w.due.iso());
  }));
  return id;
}

Status update_work_progress(Store& store, const User& user, int64_t id, WorkStatus status,
                            int progress, int64_t spent, const std::string& note) {
  auto w = TRY(store.work_item(id));
  if (!w) return Status::not_found("không có phần việc số " + std::to_string(id));
  if (!owns(user, *w)) {
    return Status::forbidden("chỉ đơn vị chủ trì phần việc này (hoặc văn phòng) được cập nhật");
  }
  if (progress < 0 || progress > 100) return Status::invalid("tiến độ cần từ 0 đến 100%");
  if (spent < 0) return Status::invalid("số đã chi không được âm");
  const std::string before = work_state(*w);
  if (status == WorkStatus::kDone) progress = 100;
  if (status == WorkStatus::kDone && w->status != WorkStatus::kDone)
    w->done_date = today_local().iso();
  if (status != WorkStatus::kDone) w->done_date.clear();
  w->status = status;
  w->progress = progress;
  w->spent = spent;
  w->note = std::string(trim(note));
  w->updated_by = user.username;
  w->updated_at.clear();
  return store.transaction([&]() -> Status {
    TRY(store.update_work_item(*w));
    return audit(store, user, "work.update", w->unit_id, "work:" + std::to_string(id), before,
                 work_state(*w), w->note);
  });
}

Result<WorkItemFile> add_work_file(Store& store, const std::string& dir, const User& user,
                                   int64_t work_item_id, const std::string& name,
                                   std::string_view data) {
  const auto w = TRY(store.work_item(work_item_id));
  if (!w) return Status::not_found("không có phần việc số " + std::to_string(work_item_id));
  if (!owns(user, *w)) {
    return Status::forbidden("chỉ đơn vị chủ trì phần việc này (hoặc văn phòng) được đính kèm tệp");
  }
  const StoredFile f = TRY(store_upload(dir, name, data));
  WorkItemFile out{0,      work_item_id,  f.file_name, f.original_name, f.content_type,
                   f.size, user.username, ""};
  const Status s = store.transaction([&]() -> Status {
    out.id = TRY(store.insert_work_item_file(out));
    return audit(store, user, "work.file", w->unit_id, "work:" + std::to_string(work_item_id), "",
                 out.original_name + " (" + out.content_type + ")");
  });
  if (!s.is_ok()) {
    std::error_code ec;
    std::filesystem::remove(evidence_path(dir, f.file_name), ec);
    return s;
  }
  return out;
}

Result<bool> may_see_work_item(Store& store, const User& user, const WorkItem& w, Date at) {
  return owns(user, w) || TRY(may_see_unit(store, user, w.unit_id, at));
}

// --- sponsors --------------------------------------------------------------------------------

std::vector<ReviewDuty> review_duties(const Sponsorship& s, const std::vector<Review>& done,
                                      Date at) {
  std::vector<ReviewDuty> out;
  for (int year = s.since.year(); year <= std::min(s.until.year(), at.year() + 1); ++year) {
    for (unsigned month : {6u, 12u}) {
      const Date due = Date::from_ymd(year, month, month == 6 ? 30 : 31);
      if (due <= s.since || due > s.until) continue;
      ReviewDuty d{due, std::nullopt, false};
      for (const Review& r : done)
        if (r.due == due) d.done = r;
      d.overdue = !d.done && due < at;
      out.push_back(d);
      if (due > at) return out;  // the next one to come, then stop
    }
  }
  return out;
}

Result<std::vector<SponsorshipView>> sponsorship_views(Store& store, const User* user,
                                                       const std::string& sponsor, int64_t unit_id,
                                                       Date at) {
  std::map<std::string, std::string> names;
  for (const Sponsor& s : TRY(store.sponsors())) names[s.code] = s.name;
  std::vector<SponsorshipView> out;
  for (Sponsorship& s : TRY(store.sponsorships(sponsor, unit_id))) {
    if (user && !may_act_for_sponsorship(*user, s) &&
        !TRY(may_see_unit(store, *user, s.unit_id, at)))
      continue;
    SponsorshipView v;
    v.sponsor_name = names[s.sponsor];
    v.unit = TRY(store.unit_version_at(s.unit_id, std::min(at, s.until)));
    if (!v.unit) v.unit = TRY(store.unit_version_at(s.unit_id, s.since));
    v.deliveries = TRY(store.deliveries(s.id));
    for (const Delivery& d : v.deliveries) v.money_delivered += d.money;
    v.duties = review_duties(s, TRY(store.reviews(s.id)), at);
    v.sponsorship = std::move(s);
    out.push_back(std::move(v));
  }
  return out;
}

bool may_act_for_sponsorship(const User& user, const Sponsorship& s) {
  return office_of(user, s.province_id) ||
         (user.role == Role::kSponsor && !user.sponsor.empty() && user.sponsor == s.sponsor);
}

Result<int64_t> commit_sponsorship(Store& store, const User& user, const Sponsor& sponsor,
                                   const Sponsorship& commitment, const std::string& unit_name) {
  TRY(require_office_for_unit(store, user, commitment.unit_id, "ghi cam kết đỡ đầu"));
  int64_t id = 0;
  TRY(store.transaction([&]() -> Status {
    Sponsor recorded = sponsor;
    recorded.province_id = user.province_id;  // a new sponsor: this office's (kept if known)
    TRY(store.upsert_sponsor(recorded));
    id = TRY(store.upsert_sponsorship(commitment));
    return audit(store, user, "sponsor.commit", commitment.unit_id,
                 "sponsorship:" + std::to_string(id), "", sponsor.code + " → " + unit_name);
  }));
  return id;
}

Status mark_notifications_seen(Store& store, const User& user) {
  return store.set_notifications_seen(user.id, utc_timestamp_now());
}

Status record_delivery(Store& store, const User& user, Delivery d) {
  const auto s = TRY(store.sponsorship(d.sponsorship_id));
  if (!s) return Status::not_found("không có cam kết đỡ đầu này");
  if (!may_act_for_sponsorship(user, *s)) {
    return Status::forbidden("chỉ đơn vị đỡ đầu này (hoặc văn phòng) được ghi hỗ trợ");
  }
  if (d.money < 0) return Status::invalid("số tiền không được âm");
  if (trim(d.description).empty()) return Status::invalid("cần mô tả nội dung hỗ trợ");
  if (d.money == 0 && trim(d.in_kind).empty()) {
    return Status::invalid("cần số tiền hoặc hiện vật đã hỗ trợ");
  }
  d.recorded_by = user.username;
  return store.transaction([&]() -> Status {
    TRY(store.insert_delivery(d));
    return audit(store, user, "sponsor.delivery", s->unit_id,
                 "sponsorship:" + std::to_string(s->id), "",
                 d.date.iso() + ": " + format_number_vi(static_cast<double>(d.money), 0) + " đồng" +
                     (d.in_kind.empty() ? "" : " + " + d.in_kind),
                 d.description);
  });
}

Status record_review(Store& store, const User& user, Review r) {
  const auto s = TRY(store.sponsorship(r.sponsorship_id));
  if (!s) return Status::not_found("không có cam kết đỡ đầu này");
  if (!may_act_for_sponsorship(user, *s)) {
    return Status::forbidden("chỉ đơn vị đỡ đầu này (hoặc văn phòng) được ghi kết quả rà soát");
  }
  const auto duties = review_duties(*s, {}, Date::max());
  if (std::none_of(duties.begin(), duties.end(),
                   [&](const ReviewDuty& d) { return d.due == r.due; }))
    return Status::invalid("không có kỳ rà soát ngày " + r.due.iso() + " trong cam kết này");
  if (trim(r.findings).empty()) return Status::invalid("cần ghi kết quả rà soát");
  r.recorded_by = user.username;
  return store.transaction([&]() -> Status {
    TRY(store.upsert_review(r));
    return audit(store, user, "sponsor.review", s->unit_id, "sponsorship:" + std::to_string(s->id),
                 "", "rà soát kỳ " + r.due.iso(), r.findings);
  });
}

// --- directives ---------------------------------------------------------------------------------

Result<int64_t> create_meeting(Store& store, const User& user, Meeting m) {
  TRY(require_office_of(user, user.province_id, "ghi cuộc họp"));
  if (trim(m.title).empty()) return Status::invalid("cần tên cuộc họp");
  if (trim(m.chair).empty()) return Status::invalid("cần người chủ trì");
  m.created_by = user.username;
  m.province_id = user.province_id;
  int64_t id = 0;
  TRY(store.transaction([&]() -> Status {
    id = TRY(store.insert_meeting(m));
    return audit(store, user, "meeting.add", 0, "meeting:" + std::to_string(id), "",
                 m.date.iso() + " " + m.title);
  }));
  return id;
}

Result<int64_t> add_conclusion(Store& store, const User& user, Conclusion c) {
  const auto meeting = TRY(store.meeting(c.meeting_id));
  if (!meeting || !reads_province(user, meeting->province_id))
    return Status::not_found("không có cuộc họp này");
  TRY(require_office_of(user, meeting->province_id, "ghi kết luận"));
  if (trim(c.text).empty()) return Status::invalid("cần nội dung kết luận");
  if (!c.deadline.empty() && !Date::parse(c.deadline).is_ok())
    return Status::invalid("hạn không hợp lệ: " + c.deadline);
  if (std::none_of(c.links.begin(), c.links.end(), [](const ConclusionLink& l) {
        return l.kind != "unit" && l.kind != "criterion";
      }))
    return Status::invalid("cần ít nhất một đơn vị chủ trì thực hiện kết luận");
  c.position = static_cast<int>(TRY(store.conclusions(c.meeting_id)).size()) + 1;
  int64_t id = 0;
  TRY(store.transaction([&]() -> Status {
    id = TRY(store.insert_conclusion(c));
    return audit(store, user, "conclusion.add", 0, "conclusion:" + std::to_string(id), "", c.text);
  }));
  return id;
}

Status report_on_conclusion(Store& store, const User& user, int64_t conclusion_id, int progress,
                            const std::string& text, std::optional<ConclusionStatus> status) {
  const auto c = TRY(store.conclusion(conclusion_id));
  if (!c) return Status::not_found("không có kết luận này");
  if (!owns(user, *c)) return Status::forbidden("kết luận này không giao cho đơn vị của bạn");
  if (status && !office_of(user, c->province_id))
    return Status::forbidden("chỉ văn phòng điều phối đóng hoặc mở lại kết luận");
  if (progress < 0 || progress > 100) return Status::invalid("tiến độ cần từ 0 đến 100%");
  if (trim(text).empty() && !status) return Status::invalid("cần nội dung báo cáo");
  std::string owner = "office";
  for (const ConclusionLink& l : c->links)
    if (link_is_owner(user, l)) owner = l.kind + (l.code.empty() ? "" : ":" + l.code);
  const ConclusionStatus next =
      status ? *status
             : (c->status == ConclusionStatus::kOpen ? ConclusionStatus::kInProgress : c->status);
  return store.transaction([&]() -> Status {
    if (!trim(text).empty()) {
      TRY(store.insert_conclusion_report({0, conclusion_id, today_local(), user.username, owner,
                                          progress, std::string(trim(text))}));
    }
    if (next != c->status) TRY(store.set_conclusion_status(conclusion_id, next));
    return audit(store, user, "conclusion.report", 0, "conclusion:" + std::to_string(conclusion_id),
                 conclusion_status_name(c->status), conclusion_status_name(next),
                 std::string(trim(text)));
  });
}

bool conclusion_overdue(const Conclusion& c, Date at) {
  if (c.status == ConclusionStatus::kDone || c.deadline.empty()) return false;
  auto d = Date::parse(c.deadline);
  return d.is_ok() && *d < at;
}

// --- notifications ------------------------------------------------------------------------------

Result<std::vector<Notification>> notifications_for(Store& store, const User& user, Date today,
                                                    const std::vector<DossierDuty>* duties) {
  const std::string seen = TRY(store.notifications_seen(user.id));
  std::vector<Notification> out;
  if (user.role != Role::kSteering) {
    for (const WorkItem& w : TRY(store.work_items())) {
      if (!owns(user, w) || (user.role == Role::kAdmin && !w.overdue(today))) continue;
      const std::string href = "/work/" + std::to_string(w.id);
      if (w.overdue(today)) {
        out.push_back({"overdue", w.title, href, w.due.iso(), false});
      } else if ((w.status == WorkStatus::kPlanned || w.status == WorkStatus::kInProgress) &&
                 w.due <= today.add_days(kDueSoonDays)) {
        out.push_back({"due_soon", w.title, href, w.due.iso(), false});
      }
    }
  }
  if (user.role == Role::kCommune) {
    for (const Observation& o :
         TRY(store.observations_with_status(ObservationStatus::kReturned, 0, user.unit_id, 500))) {
      out.push_back({"returned", o.note, "/entry?period=" + o.date.iso(),
                     o.recorded_at.substr(0, 10), o.recorded_at > seen, o.measure_id});
    }
  }
  for (const Conclusion& c : TRY(store.conclusions(0))) {
    if (c.status == ConclusionStatus::kDone || user.role == Role::kAdmin || !owns(user, c))
      continue;
    out.push_back({conclusion_overdue(c, today) ? "overdue" : "directive", c.text,
                   "/meetings/" + std::to_string(c.meeting_id),
                   c.deadline.empty() ? c.created_at.substr(0, 10) : c.deadline,
                   c.created_at > seen});
  }
  if (user.role == Role::kSponsor || user.role == Role::kAdmin) {
    for (const SponsorshipView& v : TRY(sponsorship_views(store, &user, "", 0, today))) {
      if (!may_act_for_sponsorship(user, v.sponsorship) || user.role == Role::kAdmin) continue;
      for (const ReviewDuty& d : v.duties) {
        if (d.done || d.due > today.add_days(kDueSoonDays)) continue;
        out.push_back({d.overdue ? "overdue" : "review_due", v.unit ? v.unit->name : "?",
                       "/sponsors/" + v.sponsorship.sponsor, d.due.iso(), false});
      }
    }
  }
  if (duties) {
    for (const DossierDuty& d : *duties) {
      if (!duty_of(user, d)) continue;
      const bool late = d.due && *d.due < today;
      out.push_back({late ? "overdue" : "dossier_" + d.kind, d.dossier.unit_name + " — " + d.text,
                     "/dossiers/" + std::to_string(d.dossier.id),
                     d.due ? d.due->iso() : d.dossier.updated_at.substr(0, 10), false});
    }
  }
  for (Notification& n : out)
    if (n.kind == "overdue" || n.kind == "due_soon" || n.kind == "review_due" ||
        n.kind.rfind("dossier_", 0) == 0)
      n.is_new = n.is_new || seen.empty();
  std::stable_sort(out.begin(), out.end(),
                   [](const Notification& a, const Notification& b) { return a.date > b.date; });
  return out;
}

// --- before the meeting
// -------------------------------------------------------------------------------

Result<Briefing> build_briefing(Store& store, const Catalog& catalog, const User& user,
                                const std::string& scope_code, const EvaluateOptions& opts,
                                const RecognitionBook* book) {
  Briefing b;
  const auto scope = TRY(store.unit_at(scope_code, opts.at));
  if (!scope) return Status::not_found("không có đơn vị mã \"" + scope_code + "\"");
  if (!TRY(may_see_unit(store, user, scope->unit_id, opts.at))) {
    return Status::forbidden("địa bàn này không thuộc phạm vi được phân công");
  }
  b.scope = *scope;
  const int64_t province = TRY(store.province_of(scope->unit_id));
  std::vector<PlanRow> rows;
  if (scope->level == Level::kCommune) {
    rows.push_back(TRY(unit_plan_status(store, catalog, scope_code, opts)));
  } else {
    rows = TRY(plan_statuses(store, catalog, scope_code, opts));
  }
  const auto all_items = TRY(store.work_items());
  std::map<std::string, std::map<std::string, std::string>> deps_by_set;
  for (PlanRow& r : rows) {
    if (r.status.state == PlanState::kOnTrack) {
      ++b.on_track;
      continue;
    }
    if (r.status.state == PlanState::kAchieved) {
      ++b.achieved;
      continue;
    }
    BriefingUnit u;
    const CriteriaSet& set = *r.assessment.set;
    if (!deps_by_set.count(set.id))
      deps_by_set[set.id] = TRY(store.criterion_departments(province, set.id));
    for (const CriterionResult& c : r.assessment.criteria) {
      if (c.status == Outcome::kMet) continue;
      const auto o = deps_by_set[set.id].find(c.criterion->code);
      u.missing.push_back(
          {c.criterion, o != deps_by_set[set.id].end() ? o->second : c.criterion->department});
    }
    u.sponsors = TRY(sponsorship_views(store, nullptr, "", r.assessment.unit.unit_id, opts.at));
    for (const WorkItem& w : all_items)
      if (w.unit_id == r.assessment.unit.unit_id && w.overdue(opts.at)) u.overdue.push_back(w);
    u.row = std::move(r);
    b.units.push_back(std::move(u));
  }
  auto rank = [](PlanState s) {
    return s == PlanState::kBehind ? 0 : s == PlanState::kAtRisk ? 1 : 2;
  };
  std::stable_sort(b.units.begin(), b.units.end(),
                   [&](const BriefingUnit& x, const BriefingUnit& y) {
                     return rank(x.row.status.state) < rank(y.row.status.state);
                   });
  for (const WorkItem& w : all_items) {
    if (w.overdue(opts.at) &&
        TRY(assigned_to(store, User{.units = {scope->unit_id}}, w.unit_id, opts.at)))
      b.overdue.push_back(w);
  }
  std::map<int64_t, Meeting> meetings;
  for (const Meeting& m : TRY(store.meetings())) meetings[m.id] = m;
  for (Conclusion& c : TRY(store.conclusions(0))) {
    if (c.status != ConclusionStatus::kDone && c.province_id == province)
      b.open_conclusions.push_back({meetings[c.meeting_id], c});
  }
  if (book) {
    // The whole province, or the units within the scope on the date.
    const User within{.units = {scope->unit_id}};
    auto in_scope = [&](int64_t unit) -> Result<bool> {
      return scope->unit_id == province || TRY(assigned_to(store, within, unit, opts.at));
    };
    for (DossierDuty& d : TRY(dossier_duties(store, catalog, *book, province, 0)))
      if (TRY(in_scope(d.dossier.unit_id))) b.dossiers.push_back(std::move(d));
    for (UpkeepRow& u : TRY(upkeep_check(store, catalog, *book, province, opts.at)))
      if ((u.status == Upkeep::kRevocable || u.status == Upkeep::kAtRisk) &&
          TRY(in_scope(u.recognition.unit_id)))
        b.upkeep.push_back(std::move(u));
    std::stable_sort(b.upkeep.begin(), b.upkeep.end(), [](const UpkeepRow& x, const UpkeepRow& y) {
      return (x.status == Upkeep::kRevocable) > (y.status == Upkeep::kRevocable);
    });
  }
  return b;
}

}  // namespace ntm
