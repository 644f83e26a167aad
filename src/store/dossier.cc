// Store: recognition dossiers and what their steps record (migration 0016).
#include "store/store.h"

namespace ntm {
namespace {

constexpr const char* kDossierColumns =
    "d.id, d.unit_id, u.code, COALESCE((SELECT v.name FROM unit_version v WHERE v.unit_id ="
    " d.unit_id AND v.valid_from <= d.assessed_on ORDER BY v.valid_from DESC LIMIT 1), u.code),"
    " d.title, d.year, d.state, d.assessed_on, d.returned_reason, d.recognition_id, d.opened_by,"
    " d.opened_at, d.updated_at, d.kind";

Result<Dossier> read_dossier(Statement& s) {
  Dossier d;
  d.id = s.get_int(0);
  d.unit_id = s.get_int(1);
  d.unit_code = s.get_text(2);
  d.unit_name = s.get_text(3);
  d.title = s.get_text(4);
  d.year = static_cast<int>(s.get_int(5));
  d.state = parse_dossier_state(s.get_text(6)).value_or(DossierState::kPreparing);
  d.assessed_on = TRY(Date::parse(s.get_text(7)));
  d.returned_reason = s.get_text(8);
  d.recognition_id = s.is_null(9) ? 0 : s.get_int(9);
  d.opened_by = s.get_text(10);
  d.opened_at = s.get_text(11);
  d.updated_at = s.get_text(12);
  d.kind = s.get_text(13);
  return d;
}

}  // namespace

Result<int64_t> Store::insert_dossier(const Dossier& d) {
  auto s =
      TRY(sql("INSERT INTO dossier (unit_id, title, year, state, assessed_on, opened_by, opened_at,"
              " updated_at, kind, recognition_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)"
              " RETURNING id"));
  s->bind(1, d.unit_id);
  s->bind(2, d.title);
  s->bind(3, static_cast<int64_t>(d.year));
  s->bind(4, dossier_state_name(d.state));
  s->bind(5, d.assessed_on.iso());
  s->bind(6, d.opened_by);
  s->bind(7, utc_timestamp_now());
  s->bind(8, d.kind);
  if (d.recognition_id)
    s->bind(9, d.recognition_id);
  else
    s->bind_null(9);
  if (!TRY(s->step())) return Status::database("INSERT dossier returned no id");
  return s->get_int(0);
}

Result<std::optional<Dossier>> Store::dossier(int64_t id) {
  auto s = TRY(sql(std::string("SELECT ") + kDossierColumns +
                   " FROM dossier d JOIN unit u ON u.id = d.unit_id WHERE d.id = $1"));
  s->bind(1, id);
  if (!TRY(s->step())) return std::optional<Dossier>();
  return std::optional<Dossier>(TRY(read_dossier(*s)));
}

Result<std::vector<Dossier>> Store::dossiers(int64_t unit_id, int64_t province) {
  auto s = TRY(sql(std::string("SELECT ") + kDossierColumns +
                   " FROM dossier d JOIN unit u ON u.id = d.unit_id"
                   " WHERE ($1 = 0 OR d.unit_id = $1) AND ($2 = 0 OR EXISTS (SELECT 1 FROM"
                   " unit_province p WHERE p.unit_id = d.unit_id AND p.province_id = $2))"
                   " ORDER BY d.updated_at DESC, d.id DESC"));
  s->bind(1, unit_id);
  s->bind(2, province);
  std::vector<Dossier> out;
  while (TRY(s->step())) out.push_back(TRY(read_dossier(*s)));
  return out;
}

Status Store::update_dossier(const Dossier& d) {
  auto s =
      TRY(sql("UPDATE dossier SET state = $2, returned_reason = $3, recognition_id = $4,"
              " updated_at = $5 WHERE id = $1"));
  s->bind(1, d.id);
  s->bind(2, dossier_state_name(d.state));
  s->bind(3, d.returned_reason);
  if (d.recognition_id)
    s->bind(4, d.recognition_id);
  else
    s->bind_null(4);
  s->bind(5, utc_timestamp_now());
  return s->run();
}

Status Store::insert_posting(int64_t dossier_id, const DossierPosting& p) {
  auto s =
      TRY(sql("INSERT INTO dossier_posting (dossier_id, place, posted_on, note, recorded_by)"
              " VALUES ($1, $2, $3, $4, $5)"));
  s->bind(1, dossier_id);
  s->bind(2, p.place);
  s->bind(3, p.posted_on.iso());
  s->bind(4, p.note);
  s->bind(5, p.recorded_by);
  return s->run();
}

Result<std::vector<DossierPosting>> Store::postings(int64_t dossier_id) {
  auto s =
      TRY(sql("SELECT id, place, posted_on, note, recorded_by FROM dossier_posting"
              " WHERE dossier_id = $1 ORDER BY posted_on, id"));
  s->bind(1, dossier_id);
  std::vector<DossierPosting> out;
  while (TRY(s->step()))
    out.push_back({s->get_int(0), s->get_text(1), TRY(Date::parse(s->get_text(2))), s->get_text(3),
                   s->get_text(4)});
  return out;
}

Status Store::replace_survey(int64_t dossier_id, const std::vector<SurveyRow>& rows) {
  auto del = TRY(sql("DELETE FROM dossier_survey WHERE dossier_id = $1"));
  del->bind(1, dossier_id);
  TRY(del->run());
  for (const SurveyRow& r : rows) {
    auto s =
        TRY(sql("INSERT INTO dossier_survey (dossier_id, village, question, households, asked,"
                " satisfied) VALUES ($1, $2, $3, $4, $5, $6)"));
    s->bind(1, dossier_id);
    s->bind(2, r.village);
    s->bind(3, static_cast<int64_t>(r.question));
    s->bind(4, static_cast<int64_t>(r.households));
    s->bind(5, static_cast<int64_t>(r.asked));
    s->bind(6, static_cast<int64_t>(r.satisfied));
    TRY(s->run());
  }
  return Status::ok();
}

Result<std::vector<SurveyRow>> Store::survey(int64_t dossier_id) {
  auto s =
      TRY(sql("SELECT village, question, households, asked, satisfied FROM dossier_survey"
              " WHERE dossier_id = $1 ORDER BY village, question"));
  s->bind(1, dossier_id);
  std::vector<SurveyRow> out;
  while (TRY(s->step()))
    out.push_back({s->get_text(0), static_cast<int>(s->get_int(1)), static_cast<int>(s->get_int(2)),
                   static_cast<int>(s->get_int(3)), static_cast<int>(s->get_int(4))});
  return out;
}

Status Store::upsert_declaration(int64_t dossier_id, const DossierDeclaration& d) {
  auto s =
      TRY(sql("INSERT INTO dossier_declaration (dossier_id, condition, holds, note, declared_by,"
              " declared_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dossier_id, condition)"
              " DO UPDATE SET holds = excluded.holds, note = excluded.note,"
              " declared_by = excluded.declared_by, declared_at = excluded.declared_at"));
  s->bind(1, dossier_id);
  s->bind(2, d.condition);
  s->bind(3, static_cast<int64_t>(d.holds ? 1 : 0));
  s->bind(4, d.note);
  s->bind(5, d.declared_by);
  s->bind(6, utc_timestamp_now());
  return s->run();
}

Result<std::vector<DossierDeclaration>> Store::declarations(int64_t dossier_id) {
  auto s =
      TRY(sql("SELECT condition, holds, note, declared_by, declared_at FROM dossier_declaration"
              " WHERE dossier_id = $1 ORDER BY condition"));
  s->bind(1, dossier_id);
  std::vector<DossierDeclaration> out;
  while (TRY(s->step()))
    out.push_back(
        {s->get_text(0), s->get_int(1) != 0, s->get_text(2), s->get_text(3), s->get_text(4)});
  return out;
}

Result<int64_t> Store::insert_dossier_file(const DossierFile& f) {
  auto s =
      TRY(sql("INSERT INTO dossier_file (dossier_id, document, file_name, original_name,"
              " content_type, size, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7,"
              " $8) RETURNING id"));
  s->bind(1, f.dossier_id);
  s->bind(2, f.document);
  s->bind(3, f.file_name);
  s->bind(4, f.original_name);
  s->bind(5, f.content_type);
  s->bind(6, f.size);
  s->bind(7, f.uploaded_by);
  s->bind(8, utc_timestamp_now());
  if (!TRY(s->step())) return Status::database("INSERT dossier_file returned no id");
  return s->get_int(0);
}

Result<std::vector<DossierFile>> Store::dossier_files(int64_t dossier_id, int64_t id) {
  auto s =
      TRY(sql("SELECT id, dossier_id, document, file_name, original_name, content_type, size,"
              " uploaded_by, uploaded_at FROM dossier_file WHERE ($1 = 0 OR dossier_id = $1)"
              " AND ($2 = 0 OR id = $2) ORDER BY id"));
  s->bind(1, dossier_id);
  s->bind(2, id);
  std::vector<DossierFile> out;
  while (TRY(s->step()))
    out.push_back({s->get_int(0), s->get_int(1), s->get_text(2), s->get_text(3), s->get_text(4),
                   s->get_text(5), s->get_int(6), s->get_text(7), s->get_text(8)});
  return out;
}

Status Store::upsert_appraisal(int64_t dossier_id, const DossierAppraisal& a) {
  auto s =
      TRY(sql("INSERT INTO dossier_appraisal (dossier_id, criterion, verdict, note, appraised_by,"
              " appraised_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dossier_id, criterion)"
              " DO UPDATE SET verdict = excluded.verdict, note = excluded.note,"
              " appraised_by = excluded.appraised_by, appraised_at = excluded.appraised_at"));
  s->bind(1, dossier_id);
  s->bind(2, a.criterion);
  s->bind(3, a.verdict);
  s->bind(4, a.note);
  s->bind(5, a.appraised_by);
  s->bind(6, utc_timestamp_now());
  return s->run();
}

Status Store::clear_appraisals(int64_t dossier_id) {
  auto s = TRY(sql("DELETE FROM dossier_appraisal WHERE dossier_id = $1"));
  s->bind(1, dossier_id);
  return s->run();
}

Result<std::vector<DossierAppraisal>> Store::appraisals(int64_t dossier_id) {
  auto s =
      TRY(sql("SELECT criterion, verdict, note, appraised_by, appraised_at FROM dossier_appraisal"
              " WHERE dossier_id = $1 ORDER BY criterion"));
  s->bind(1, dossier_id);
  std::vector<DossierAppraisal> out;
  while (TRY(s->step()))
    out.push_back({s->get_text(0), s->get_text(1), s->get_text(2), s->get_text(3), s->get_text(4)});
  return out;
}

Status Store::upsert_vote(int64_t dossier_id, const DossierVote& v) {
  auto s = TRY(
      sql("INSERT INTO dossier_vote (dossier_id, met_on, members, present, agree, note,"
          " recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dossier_id) DO UPDATE"
          " SET met_on = excluded.met_on, members = excluded.members, present = excluded.present,"
          " agree = excluded.agree, note = excluded.note, recorded_by = excluded.recorded_by"));
  s->bind(1, dossier_id);
  s->bind(2, v.met_on.iso());
  s->bind(3, static_cast<int64_t>(v.members));
  s->bind(4, static_cast<int64_t>(v.present));
  s->bind(5, static_cast<int64_t>(v.agree));
  s->bind(6, v.note);
  s->bind(7, v.recorded_by);
  return s->run();
}

Result<std::optional<DossierVote>> Store::vote(int64_t dossier_id) {
  auto s =
      TRY(sql("SELECT met_on, members, present, agree, note, recorded_by FROM dossier_vote"
              " WHERE dossier_id = $1"));
  s->bind(1, dossier_id);
  if (!TRY(s->step())) return std::optional<DossierVote>();
  return std::optional<DossierVote>(
      DossierVote{TRY(Date::parse(s->get_text(0))), static_cast<int>(s->get_int(1)),
                  static_cast<int>(s->get_int(2)), static_cast<int>(s->get_int(3)), s->get_text(4),
                  s->get_text(5)});
}

Result<int64_t> Store::insert_comment(const DossierComment& c) {
  auto s =
      TRY(sql("INSERT INTO dossier_comment (dossier_id, name, body, created_at, client, status)"
              " VALUES ($1, $2, $3, $4, $5, 'pending') RETURNING id"));
  s->bind(1, c.dossier_id);
  s->bind(2, c.name);
  s->bind(3, c.body);
  s->bind(4, utc_timestamp_now());
  s->bind(5, c.client);
  if (!TRY(s->step())) return Status::database("INSERT dossier_comment returned no id");
  return s->get_int(0);
}

Result<std::vector<DossierComment>> Store::comments(int64_t dossier_id) {
  auto s =
      TRY(sql("SELECT id, dossier_id, name, body, created_at, client, status, answer, answered_by"
              " FROM dossier_comment WHERE dossier_id = $1 ORDER BY id"));
  s->bind(1, dossier_id);
  std::vector<DossierComment> out;
  while (TRY(s->step()))
    out.push_back({s->get_int(0), s->get_int(1), s->get_text(2), s->get_text(3), s->get_text(4),
                   s->get_text(5), s->get_text(6), s->get_text(7), s->get_text(8)});
  return out;
}

Status Store::moderate_comment(int64_t id, const std::string& status, const std::string& answer,
                               const std::string& by) {
  auto s = TRY(
      sql("UPDATE dossier_comment SET status = $2, answer = $3, answered_by = $4 WHERE id = $1"));
  s->bind(1, id);
  s->bind(2, status);
  s->bind(3, answer);
  s->bind(4, by);
  return s->run();
}

Result<int64_t> Store::comments_since(const std::string& client, const std::string& since) {
  auto s = TRY(sql("SELECT COUNT(*) FROM dossier_comment WHERE client = $1 AND created_at >= $2"));
  s->bind(1, client);
  s->bind(2, since);
  TRY(s->step());
  return s->get_int(0);
}

}  // namespace ntm
