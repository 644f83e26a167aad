// Store: plans, sponsors and their commitments, work items, meetings and
// conclusions, notification marks.
#include "store/store.h"

namespace ntm {
namespace {

void bind_date(Statement& s, int n, Date d) { s.bind(n, d.iso()); }

Result<Date> date_col(Statement& s, int col) { return Date::parse(s.get_text(col)); }

// The province of a row's unit (unit_province, migration 0014), 0 if none.
#define NTM_UNIT_PROVINCE(table) \
  "COALESCE((SELECT p.province_id FROM unit_province p WHERE p.unit_id = " table ".unit_id), 0)"

constexpr const char* kSponsorshipColumns =
    "id, sponsor, unit_id, since, until, program, tasks, money_pledged, "
    "in_kind_pledged, " NTM_UNIT_PROVINCE("sponsorship");

Result<Sponsorship> read_sponsorship(Statement& s) {
  return Sponsorship{s.get_int(0),        s.get_text(1), s.get_int(2),  TRY(date_col(s, 3)),
                     TRY(date_col(s, 4)), s.get_text(5), s.get_text(6), s.get_int(7),
                     s.get_text(8),       s.get_int(9)};
}

constexpr const char* kWorkColumns =
    "id, title, unit_id, set_id, criterion, owner_kind, owner_code, start_date, due_date, status,"
    " progress, budget, spent, note, done_date, updated_by, updated_at, " NTM_UNIT_PROVINCE(
        "work_item");

Result<WorkItem> read_work_item(Statement& s) {
  WorkItem w;
  w.id = s.get_int(0);
  w.title = s.get_text(1);
  w.unit_id = s.get_int(2);
  w.set_id = s.get_text(3);
  w.criterion = s.get_text(4);
  const auto kind = parse_owner_kind(s.get_text(5));
  const auto status = parse_work_status(s.get_text(9));
  if (!kind || !status) return Status::internal("bad work item row " + std::to_string(w.id));
  w.owner_kind = *kind;
  w.owner_code = s.get_text(6);
  w.start = TRY(date_col(s, 7));
  w.due = TRY(date_col(s, 8));
  w.status = *status;
  w.progress = static_cast<int>(s.get_int(10));
  w.budget = s.get_int(11);
  w.spent = s.get_int(12);
  w.note = s.get_text(13);
  w.done_date = s.get_text(14);
  w.updated_by = s.get_text(15);
  w.updated_at = s.get_text(16);
  w.province_id = s.get_int(17);
  return w;
}

void bind_work_item(Statement& s, const WorkItem& w) {
  s.bind(1, w.title);
  s.bind(2, w.unit_id);
  s.bind(3, w.set_id);
  s.bind(4, w.criterion);
  s.bind(5, owner_kind_name(w.owner_kind));
  s.bind(6, w.owner_code);
  bind_date(s, 7, w.start);
  bind_date(s, 8, w.due);
  s.bind(9, work_status_name(w.status));
  s.bind(10, static_cast<int64_t>(w.progress));
  s.bind(11, w.budget);
  s.bind(12, w.spent);
  s.bind(13, w.note);
  s.bind(14, w.done_date);
  s.bind(15, w.updated_by);
  s.bind(16, w.updated_at.empty() ? utc_timestamp_now() : w.updated_at);
  s.bind(17, w.id);
}

}  // namespace

// --- plans -------------------------------------------------------------------

Status Store::upsert_plan(const Plan& p) {
  auto s =
      TRY(sql("INSERT INTO plan (unit_id, title, target_year, note, updated_by, updated_at)"
              " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (unit_id) DO UPDATE SET"
              " title = excluded.title, target_year = excluded.target_year, note = excluded.note,"
              " updated_by = excluded.updated_by, updated_at = excluded.updated_at"));
  s->bind(1, p.unit_id);
  s->bind(2, p.title);
  s->bind(3, static_cast<int64_t>(p.target_year));
  s->bind(4, p.note);
  s->bind(5, p.updated_by);
  s->bind(6, p.updated_at.empty() ? utc_timestamp_now() : p.updated_at);
  TRY(s->run());
  for (const char* table : {"plan_criterion", "plan_milestone"}) {
    auto d = TRY(sql(std::string("DELETE FROM ") + table + " WHERE unit_id = $1"));
    d->bind(1, p.unit_id);
    TRY(d->run());
  }
  for (const PlanCriterion& c : p.criteria) {
    auto i =
        TRY(sql("INSERT INTO plan_criterion (unit_id, set_id, criterion, target_year)"
                " VALUES ($1, $2, $3, $4)"));
    i->bind(1, p.unit_id);
    i->bind(2, c.set_id);
    i->bind(3, c.criterion);
    i->bind(4, static_cast<int64_t>(c.target_year));
    TRY(i->run());
  }
  for (const Milestone& m : p.milestones) {
    auto i = TRY(sql(
        "INSERT INTO plan_milestone (unit_id, date, criteria_met, note) VALUES ($1, $2, $3, $4)"));
    i->bind(1, p.unit_id);
    bind_date(*i, 2, m.date);
    i->bind(3, static_cast<int64_t>(m.criteria_met));
    i->bind(4, m.note);
    TRY(i->run());
  }
  return Status::ok();
}

Result<std::vector<Plan>> Store::plans() { return read_plans(std::nullopt); }

Result<std::optional<Plan>> Store::plan(int64_t unit_id) {
  auto found = TRY(read_plans(unit_id));
  if (found.empty()) return std::optional<Plan>();
  return std::optional<Plan>(std::move(found.front()));
}

Result<std::vector<Plan>> Store::read_plans(std::optional<int64_t> unit_id) {
  const std::string where = unit_id ? " WHERE unit_id = $1" : "";
  std::vector<Plan> out;
  std::map<int64_t, size_t> at;
  {
    auto s = TRY(sql("SELECT unit_id, title, target_year, note, updated_by, updated_at FROM plan" +
                     where + " ORDER BY unit_id"));
    if (unit_id) s->bind(1, *unit_id);
    while (TRY(s->step())) {
      at[s->get_int(0)] = out.size();
      out.push_back({s->get_int(0),
                     s->get_text(1),
                     static_cast<int>(s->get_int(2)),
                     s->get_text(3),
                     {},
                     {},
                     s->get_text(4),
                     s->get_text(5)});
    }
  }
  {
    auto s = TRY(sql("SELECT unit_id, set_id, criterion, target_year FROM plan_criterion" + where +
                     " ORDER BY unit_id, set_id, criterion"));
    if (unit_id) s->bind(1, *unit_id);
    while (TRY(s->step())) {
      if (auto i = at.find(s->get_int(0)); i != at.end()) {
        out[i->second].criteria.push_back(
            {s->get_text(1), s->get_text(2), static_cast<int>(s->get_int(3))});
      }
    }
  }
  auto s = TRY(sql("SELECT unit_id, date, criteria_met, note FROM plan_milestone" + where +
                   " ORDER BY unit_id, date"));
  if (unit_id) s->bind(1, *unit_id);
  while (TRY(s->step())) {
    if (auto i = at.find(s->get_int(0)); i != at.end()) {
      out[i->second].milestones.push_back(
          {TRY(date_col(*s, 1)), static_cast<int>(s->get_int(2)), s->get_text(3)});
    }
  }
  return out;
}

// --- sponsors ------------------------------------------------------------------

namespace {
void bind_id(Statement& s, int i, int64_t id) {  // 0 -> NULL
  if (id) {
    s.bind(i, id);
  } else {
    s.bind_null(i);
  }
}
}  // namespace

Status Store::upsert_sponsor(const Sponsor& sp) {
  auto s =
      TRY(sql("INSERT INTO sponsor (code, name, province_id) VALUES ($1, $2, $3)"
              " ON CONFLICT (code) DO UPDATE SET name = excluded.name"));
  s->bind(1, sp.code);
  s->bind(2, sp.name);
  bind_id(*s, 3, sp.province_id);
  return s->run();
}

Result<std::vector<Sponsor>> Store::sponsors() {
  auto s = TRY(sql("SELECT code, name, province_id FROM sponsor ORDER BY code"));
  std::vector<Sponsor> out;
  while (TRY(s->step()))
    out.push_back({s->get_text(0), s->get_text(1), s->is_null(2) ? 0 : s->get_int(2)});
  return out;
}

Result<std::optional<Sponsor>> Store::sponsor(const std::string& code) {
  auto s = TRY(sql("SELECT code, name, province_id FROM sponsor WHERE code = $1"));
  s->bind(1, code);
  if (!TRY(s->step())) return std::optional<Sponsor>();
  return std::optional<Sponsor>(
      Sponsor{s->get_text(0), s->get_text(1), s->is_null(2) ? 0 : s->get_int(2)});
}

Result<int64_t> Store::upsert_sponsorship(const Sponsorship& sp) {
  auto s = TRY(
      sql("INSERT INTO sponsorship (sponsor, unit_id, since, until, program, tasks, money_pledged,"
          " in_kind_pledged) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
          " ON CONFLICT (sponsor, unit_id, since) DO UPDATE SET until = excluded.until,"
          " program = excluded.program, tasks = excluded.tasks,"
          " money_pledged = excluded.money_pledged, in_kind_pledged = excluded.in_kind_pledged"
          " RETURNING id"));
  s->bind(1, sp.sponsor);
  s->bind(2, sp.unit_id);
  bind_date(*s, 3, sp.since);
  bind_date(*s, 4, sp.until);
  s->bind(5, sp.program);
  s->bind(6, sp.tasks);
  s->bind(7, sp.money_pledged);
  s->bind(8, sp.in_kind_pledged);
  if (!TRY(s->step())) return Status::database("INSERT sponsorship returned no id");
  return s->get_int(0);
}

Result<std::optional<Sponsorship>> Store::sponsorship(int64_t id) {
  auto s =
      TRY(sql(std::string("SELECT ") + kSponsorshipColumns + " FROM sponsorship WHERE id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<Sponsorship>();
  return std::optional<Sponsorship>(TRY(read_sponsorship(*s)));
}

Result<std::vector<Sponsorship>> Store::sponsorships(const std::string& sponsor, int64_t unit_id) {
  auto s = TRY(sql(std::string("SELECT ") + kSponsorshipColumns +
                   " FROM sponsorship WHERE ($1 = '' OR sponsor = $1) AND ($2 = 0 OR unit_id = $2)"
                   " ORDER BY sponsor, unit_id, since"));
  s->bind(1, sponsor);
  s->bind(2, unit_id);
  std::vector<Sponsorship> out;
  while (TRY(s->step())) out.push_back(TRY(read_sponsorship(*s)));
  return out;
}

Result<int64_t> Store::insert_delivery(const Delivery& d) {
  auto s =
      TRY(sql("INSERT INTO sponsor_delivery (sponsorship_id, date, money, in_kind, description,"
              " recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"));
  s->bind(1, d.sponsorship_id);
  bind_date(*s, 2, d.date);
  s->bind(3, d.money);
  s->bind(4, d.in_kind);
  s->bind(5, d.description);
  s->bind(6, d.recorded_by);
  s->bind(7, utc_timestamp_now());
  if (!TRY(s->step())) return Status::database("INSERT sponsor_delivery returned no id");
  return s->get_int(0);
}

Result<std::vector<Delivery>> Store::deliveries(int64_t sponsorship_id) {
  auto s =
      TRY(sql("SELECT id, sponsorship_id, date, money, in_kind, description, recorded_by"
              " FROM sponsor_delivery WHERE sponsorship_id = $1 ORDER BY date, id"));
  s->bind(1, sponsorship_id);
  std::vector<Delivery> out;
  while (TRY(s->step())) {
    out.push_back({s->get_int(0), s->get_int(1), TRY(date_col(*s, 2)), s->get_int(3),
                   s->get_text(4), s->get_text(5), s->get_text(6)});
  }
  return out;
}

Status Store::upsert_review(const Review& r) {
  auto s = TRY(
      sql("INSERT INTO sponsor_review (sponsorship_id, due_date, done_date, findings, recorded_by)"
          " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sponsorship_id, due_date) DO UPDATE SET"
          " done_date = excluded.done_date, findings = excluded.findings,"
          " recorded_by = excluded.recorded_by"));
  s->bind(1, r.sponsorship_id);
  bind_date(*s, 2, r.due);
  bind_date(*s, 3, r.done);
  s->bind(4, r.findings);
  s->bind(5, r.recorded_by);
  return s->run();
}

Result<std::vector<Review>> Store::reviews(int64_t sponsorship_id) {
  auto s = TRY(
      sql("SELECT sponsorship_id, due_date, done_date, findings, recorded_by FROM sponsor_review"
          " WHERE sponsorship_id = $1 ORDER BY due_date"));
  s->bind(1, sponsorship_id);
  std::vector<Review> out;
  while (TRY(s->step())) {
    out.push_back({s->get_int(0), TRY(date_col(*s, 1)), TRY(date_col(*s, 2)), s->get_text(3),
                   s->get_text(4)});
  }
  return out;
}

// --- work items ------------------------------------------------------------------

Result<int64_t> Store::insert_work_item(const WorkItem& w) {
  auto s = TRY(
      sql("INSERT INTO work_item (title, unit_id, set_id, criterion, owner_kind, owner_code,"
          " start_date, due_date, status, progress, budget, spent, note, done_date, updated_by,"
          " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
          " $16) RETURNING id"));
  bind_work_item(*s, w);
  if (!TRY(s->step())) return Status::database("INSERT work_item returned no id");
  return s->get_int(0);
}

Status Store::update_work_item(const WorkItem& w) {
  auto s =
      TRY(sql("UPDATE work_item SET title = $1, unit_id = $2, set_id = $3, criterion = $4,"
              " owner_kind = $5, owner_code = $6, start_date = $7, due_date = $8, status = $9,"
              " progress = $10, budget = $11, spent = $12, note = $13, done_date = $14,"
              " updated_by = $15, updated_at = $16 WHERE id = $17"));
  bind_work_item(*s, w);
  return s->run();
}

Result<std::optional<WorkItem>> Store::work_item(int64_t id) {
  auto s = TRY(sql(std::string("SELECT ") + kWorkColumns + " FROM work_item WHERE id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<WorkItem>();
  return std::optional<WorkItem>(TRY(read_work_item(*s)));
}

Result<std::vector<WorkItem>> Store::work_items() {
  auto s =
      TRY(sql(std::string("SELECT ") + kWorkColumns + " FROM work_item ORDER BY due_date, id"));
  std::vector<WorkItem> out;
  while (TRY(s->step())) out.push_back(TRY(read_work_item(*s)));
  return out;
}

static constexpr const char* kFileColumns =
    "id, work_item_id, file_name, original_name, content_type, size, uploaded_by, uploaded_at";

static WorkItemFile read_file_row(Statement& s) {
  return {s.get_int(0),  s.get_int(1), s.get_text(2), s.get_text(3),
          s.get_text(4), s.get_int(5), s.get_text(6), s.get_text(7)};
}

Result<int64_t> Store::insert_work_item_file(const WorkItemFile& f) {
  auto s = TRY(
      sql("INSERT INTO work_item_file (work_item_id, file_name, original_name, content_type, size,"
          " uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"));
  s->bind(1, f.work_item_id);
  s->bind(2, f.file_name);
  s->bind(3, f.original_name);
  s->bind(4, f.content_type);
  s->bind(5, f.size);
  s->bind(6, f.uploaded_by);
  s->bind(7, utc_timestamp_now());
  if (!TRY(s->step())) return Status::database("INSERT work_item_file returned no id");
  return s->get_int(0);
}

Result<std::vector<WorkItemFile>> Store::work_item_files(int64_t work_item_id) {
  auto s = TRY(sql(std::string("SELECT ") + kFileColumns +
                   " FROM work_item_file WHERE work_item_id = $1 ORDER BY id"));
  s->bind(1, work_item_id);
  std::vector<WorkItemFile> out;
  while (TRY(s->step())) out.push_back(read_file_row(*s));
  return out;
}

Result<std::optional<WorkItemFile>> Store::work_item_file(int64_t id) {
  auto s = TRY(sql(std::string("SELECT ") + kFileColumns + " FROM work_item_file WHERE id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<WorkItemFile>();
  return std::optional<WorkItemFile>(read_file_row(*s));
}

// --- meetings and conclusions ------------------------------------------------------

Result<int64_t> Store::insert_meeting(const Meeting& m) {
  auto s =
      TRY(sql("INSERT INTO meeting (date, chair, title, minutes, created_by, created_at,"
              " province_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id"));
  bind_date(*s, 1, m.date);
  s->bind(2, m.chair);
  s->bind(3, m.title);
  s->bind(4, m.minutes);
  s->bind(5, m.created_by);
  s->bind(6, utc_timestamp_now());
  bind_id(*s, 7, m.province_id);
  if (!TRY(s->step())) return Status::database("INSERT meeting returned no id");
  return s->get_int(0);
}

Result<std::vector<Meeting>> Store::meetings() {
  auto s =
      TRY(sql("SELECT id, date, chair, title, minutes, created_by, province_id FROM meeting"
              " ORDER BY date DESC, id DESC"));
  std::vector<Meeting> out;
  while (TRY(s->step())) {
    out.push_back({s->get_int(0), TRY(date_col(*s, 1)), s->get_text(2), s->get_text(3),
                   s->get_text(4), s->get_text(5), s->is_null(6) ? 0 : s->get_int(6)});
  }
  return out;
}

Result<std::optional<Meeting>> Store::meeting(int64_t id) {
  for (Meeting& m : TRY(meetings()))
    if (m.id == id) return std::optional<Meeting>(std::move(m));
  return std::optional<Meeting>();
}

Result<int64_t> Store::insert_conclusion(const Conclusion& c) {
  auto s =
      TRY(sql("INSERT INTO conclusion (meeting_id, position, text, deadline, status, created_at)"
              " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"));
  s->bind(1, c.meeting_id);
  s->bind(2, static_cast<int64_t>(c.position));
  s->bind(3, c.text);
  s->bind(4, c.deadline);
  s->bind(5, conclusion_status_name(c.status));
  s->bind(6, c.created_at.empty() ? utc_timestamp_now() : c.created_at);
  if (!TRY(s->step())) return Status::database("INSERT conclusion returned no id");
  const int64_t id = s->get_int(0);
  for (const ConclusionLink& l : c.links) {
    auto i =
        TRY(sql("INSERT INTO conclusion_link (conclusion_id, kind, code) VALUES ($1, $2, $3)"
                " ON CONFLICT DO NOTHING"));
    i->bind(1, id);
    i->bind(2, l.kind);
    i->bind(3, l.code);
    TRY(i->run());
  }
  return id;
}

Status Store::set_conclusion_status(int64_t id, ConclusionStatus status) {
  auto s = TRY(sql("UPDATE conclusion SET status = $1 WHERE id = $2"));
  s->bind(1, conclusion_status_name(status));
  s->bind(2, id);
  return s->run();
}

Result<std::vector<Conclusion>> Store::conclusions(int64_t meeting_id) {
  std::vector<Conclusion> out;
  std::map<int64_t, size_t> at;
  {
    auto s = TRY(sql(
        "SELECT id, meeting_id, position, text, deadline, status, created_at,"
        " COALESCE((SELECT m.province_id FROM meeting m WHERE m.id = conclusion.meeting_id), 0)"
        " FROM conclusion WHERE ($1 = 0 OR meeting_id = $1) ORDER BY meeting_id, position, id"));
    s->bind(1, meeting_id);
    while (TRY(s->step())) {
      const auto status = parse_conclusion_status(s->get_text(5));
      if (!status) return Status::internal("bad conclusion status " + s->get_text(5));
      at[s->get_int(0)] = out.size();
      out.push_back({s->get_int(0),
                     s->get_int(1),
                     static_cast<int>(s->get_int(2)),
                     s->get_text(3),
                     s->get_text(4),
                     *status,
                     s->get_text(6),
                     {},
                     {},
                     s->get_int(7)});
    }
  }
  {
    auto s = TRY(sql("SELECT conclusion_id, kind, code FROM conclusion_link ORDER BY kind, code"));
    while (TRY(s->step())) {
      if (auto i = at.find(s->get_int(0)); i != at.end())
        out[i->second].links.push_back({s->get_text(1), s->get_text(2)});
    }
  }
  auto s =
      TRY(sql("SELECT id, conclusion_id, date, author, owner, progress, text FROM conclusion_report"
              " ORDER BY id"));
  while (TRY(s->step())) {
    if (auto i = at.find(s->get_int(1)); i != at.end()) {
      out[i->second].reports.push_back({s->get_int(0), s->get_int(1), TRY(date_col(*s, 2)),
                                        s->get_text(3), s->get_text(4),
                                        static_cast<int>(s->get_int(5)), s->get_text(6)});
    }
  }
  return out;
}

Result<std::optional<Conclusion>> Store::conclusion(int64_t id) {
  for (Conclusion& c : TRY(conclusions(0)))
    if (c.id == id) return std::optional<Conclusion>(std::move(c));
  return std::optional<Conclusion>();
}

Result<int64_t> Store::insert_conclusion_report(const ConclusionReport& r) {
  auto s =
      TRY(sql("INSERT INTO conclusion_report (conclusion_id, date, author, owner, progress, text)"
              " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id"));
  s->bind(1, r.conclusion_id);
  bind_date(*s, 2, r.date);
  s->bind(3, r.author);
  s->bind(4, r.owner);
  s->bind(5, static_cast<int64_t>(r.progress));
  s->bind(6, r.text);
  if (!TRY(s->step())) return Status::database("INSERT conclusion_report returned no id");
  return s->get_int(0);
}

// --- notifications -----------------------------------------------------------------

Result<std::string> Store::notifications_seen(int64_t user_id) {
  auto s = TRY(sql("SELECT seen_at FROM notification_seen WHERE user_id = $1"));
  s->bind(1, user_id);
  if (!TRY(s->step())) return std::string();
  return s->get_text(0);
}

Status Store::set_notifications_seen(int64_t user_id, const std::string& at) {
  auto s =
      TRY(sql("INSERT INTO notification_seen (user_id, seen_at) VALUES ($1, $2)"
              " ON CONFLICT (user_id) DO UPDATE SET seen_at = excluded.seen_at"));
  s->bind(1, user_id);
  s->bind(2, at);
  return s->run();
}

}  // namespace ntm
