// Store: users, sessions, login attempts, departments, the audit log.
#include "store/store.h"

namespace ntm {
namespace {

constexpr const char* kUserColumns =
    "id, username, password_hash, role, unit_id, department, disabled, created_at, sponsor, "
    "full_name, province_id";

Result<User> read_user(Statement& s) {
  User u;
  u.id = s.get_int(0);
  u.username = s.get_text(1);
  u.password_hash = s.get_text(2);
  const auto role = parse_role(s.get_text(3));
  if (!role) return Status::internal("bad role in store: " + s.get_text(3));
  u.role = *role;
  u.unit_id = s.is_null(4) ? 0 : s.get_int(4);
  u.department = s.is_null(5) ? "" : s.get_text(5);
  u.disabled = s.get_int(6) != 0;
  u.created_at = s.get_text(7);
  u.sponsor = s.is_null(8) ? "" : s.get_text(8);
  u.full_name = s.get_text(9);
  u.province_id = s.is_null(10) ? 0 : s.get_int(10);
  return u;
}

}  // namespace

Result<int64_t> Store::insert_user(const User& u) {
  auto s =
      TRY(sql("INSERT INTO app_user (username, password_hash, role, unit_id, department, disabled,"
              " created_at, sponsor, full_name, province_id)"
              " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id"));
  s->bind(1, u.username);
  s->bind(2, u.password_hash);
  s->bind(3, role_name(u.role));
  if (u.unit_id) {
    s->bind(4, u.unit_id);
  } else {
    s->bind_null(4);
  }
  if (!u.department.empty()) {
    s->bind(5, u.department);
  } else {
    s->bind_null(5);
  }
  s->bind(6, static_cast<int64_t>(u.disabled ? 1 : 0));
  s->bind(7, u.created_at.empty() ? utc_timestamp_now() : u.created_at);
  if (!u.sponsor.empty()) {
    s->bind(8, u.sponsor);
  } else {
    s->bind_null(8);
  }
  s->bind(9, u.full_name);
  if (u.province_id) {
    s->bind(10, u.province_id);
  } else {
    s->bind_null(10);
  }
  if (!TRY(s->step())) return Status::database("INSERT app_user returned no id");
  return s->get_int(0);
}

Result<std::optional<User>> Store::find_user(const std::string& username) {
  User u;
  {
    auto s = TRY(sql(std::string("SELECT ") + kUserColumns + " FROM app_user WHERE username = $1"));
    s->bind(1, username);
    if (!TRY(s->step())) return std::optional<User>();
    u = TRY(read_user(*s));
  }
  // Assigned units, and for a sponsor's account the units its sponsor supports.
  auto units =
      TRY(sql("SELECT unit_id FROM user_unit WHERE user_id = $1"
              " UNION SELECT unit_id FROM sponsorship WHERE sponsor = $2 ORDER BY unit_id"));
  units->bind(1, u.id);
  units->bind(2, u.sponsor);
  while (TRY(units->step())) u.units.push_back(units->get_int(0));
  return std::optional<User>(std::move(u));
}

Result<std::optional<User>> Store::user_by_id(int64_t id) {
  std::string name;
  {
    auto s = TRY(sql("SELECT username FROM app_user WHERE id = $1"));
    s->bind(1, id);
    if (!TRY(s->step())) return std::optional<User>();
    name = s->get_text(0);
  }
  return find_user(name);
}

Result<std::vector<User>> Store::users() {
  std::vector<std::string> names;
  {
    auto s = TRY(sql("SELECT username FROM app_user ORDER BY username"));
    while (TRY(s->step())) names.push_back(s->get_text(0));
  }
  std::vector<User> out;
  for (const std::string& n : names) out.push_back(*TRY(find_user(n)));
  return out;
}

Status Store::set_user_disabled(int64_t id, bool disabled) {
  auto s = TRY(sql("UPDATE app_user SET disabled = $2 WHERE id = $1"));
  s->bind(1, id);
  s->bind(2, static_cast<int64_t>(disabled ? 1 : 0));
  return s->run();
}

Status Store::set_password_hash(int64_t id, const std::string& hash) {
  auto s = TRY(sql("UPDATE app_user SET password_hash = $2 WHERE id = $1"));
  s->bind(1, id);
  s->bind(2, hash);
  return s->run();
}

Status Store::add_user_unit(int64_t user_id, int64_t unit_id) {
  auto s =
      TRY(sql("INSERT INTO user_unit (user_id, unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"));
  s->bind(1, user_id);
  s->bind(2, unit_id);
  return s->run();
}

Status Store::insert_session(const Session& x) {
  auto s =
      TRY(sql("INSERT INTO session (token_hash, user_id, csrf_token, created_at, expires_at)"
              " VALUES ($1, $2, $3, $4, $5)"));
  s->bind(1, x.token_hash);
  s->bind(2, x.user_id);
  s->bind(3, x.csrf_token);
  s->bind(4, x.created_at);
  s->bind(5, x.expires_at);
  TRY(s->run());
  return Status::ok();
}

Result<std::optional<Session>> Store::find_session(const std::string& token_hash) {
  auto s =
      TRY(sql("SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM session"
              " WHERE token_hash = $1"));
  s->bind(1, token_hash);
  if (!TRY(s->step())) return std::optional<Session>();
  return std::optional<Session>(
      Session{s->get_text(0), s->get_int(1), s->get_text(2), s->get_text(3), s->get_text(4)});
}

Status Store::delete_session(const std::string& token_hash) {
  auto s = TRY(sql("DELETE FROM session WHERE token_hash = $1"));
  s->bind(1, token_hash);
  return s->run();
}

Status Store::delete_user_sessions(int64_t user_id) {
  auto s = TRY(sql("DELETE FROM session WHERE user_id = $1"));
  s->bind(1, user_id);
  return s->run();
}

Status Store::record_login_attempt(const std::string& username, const std::string& address, bool ok,
                                   const std::string& prune_before) {
  auto prune = TRY(sql("DELETE FROM login_attempt WHERE at < $1"));
  prune->bind(1, prune_before);
  TRY(prune->run());
  auto s =
      TRY(sql("INSERT INTO login_attempt (username, address, at, ok) VALUES ($1, $2, $3, $4)"));
  s->bind(1, username);
  s->bind(2, address);
  s->bind(3, utc_timestamp_now());
  s->bind(4, static_cast<int64_t>(ok ? 1 : 0));
  return s->run();
}

Result<std::pair<int, int>> Store::failed_logins_since(const std::string& username,
                                                       const std::string& address,
                                                       const std::string& since) {
  auto s = TRY(
      sql("SELECT (SELECT COUNT(*) FROM login_attempt WHERE username = $1 AND at >= $3 AND ok = 0),"
          " (SELECT COUNT(*) FROM login_attempt WHERE address = $2 AND at >= $3 AND ok = 0)"));
  s->bind(1, username);
  s->bind(2, address);
  s->bind(3, since);
  TRY(s->step());
  return std::pair<int, int>(static_cast<int>(s->get_int(0)), static_cast<int>(s->get_int(1)));
}

Status Store::upsert_department(int64_t province_id, const std::string& code,
                                const std::string& name) {
  auto s =
      TRY(sql("INSERT INTO department (province_id, code, name) VALUES ($1, $2, $3)"
              " ON CONFLICT (province_id, code) DO UPDATE SET name = excluded.name"));
  s->bind(1, province_id);
  s->bind(2, code);
  s->bind(3, name);
  return s->run();
}

Result<std::vector<std::pair<std::string, std::string>>> Store::departments(int64_t province_id) {
  auto s = TRY(sql("SELECT code, name FROM department WHERE province_id = $1 ORDER BY code"));
  s->bind(1, province_id);
  std::vector<std::pair<std::string, std::string>> out;
  while (TRY(s->step())) out.push_back({s->get_text(0), s->get_text(1)});
  return out;
}

Status Store::set_criterion_department(int64_t province_id, const std::string& set_id,
                                       const std::string& criterion,
                                       const std::string& department) {
  auto s =
      TRY(sql("INSERT INTO criterion_department (province_id, set_id, criterion, department)"
              " VALUES ($1, $2, $3, $4) ON CONFLICT (province_id, set_id, criterion)"
              " DO UPDATE SET department = excluded.department"));
  s->bind(1, province_id);
  s->bind(2, set_id);
  s->bind(3, criterion);
  s->bind(4, department);
  return s->run();
}

Result<std::map<std::string, std::string>> Store::criterion_departments(int64_t province_id,
                                                                        const std::string& set_id) {
  auto s =
      TRY(sql("SELECT criterion, department FROM criterion_department"
              " WHERE province_id = $1 AND set_id = $2"));
  s->bind(1, province_id);
  s->bind(2, set_id);
  std::map<std::string, std::string> out;
  while (TRY(s->step())) out[s->get_text(0)] = s->get_text(1);
  return out;
}

Status Store::insert_audit(const AuditEntry& e) {
  // The province: the entry's own, else the unit's, else the actor's office.
  auto s =
      TRY(sql("INSERT INTO audit_log (at, actor, action, unit_id, subject, old_value, new_value,"
              " reason, province_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, COALESCE($9,"
              " (SELECT province_id FROM unit_province WHERE unit_id = $4),"
              " (SELECT province_id FROM app_user WHERE username = $2)))"));
  s->bind(1, e.at.empty() ? utc_timestamp_now() : e.at);
  s->bind(2, e.actor);
  s->bind(3, e.action);
  if (e.unit_id) {
    s->bind(4, e.unit_id);
  } else {
    s->bind_null(4);
  }
  s->bind(5, e.subject);
  s->bind(6, e.old_value);
  s->bind(7, e.new_value);
  s->bind(8, e.reason);
  if (e.province_id) {
    s->bind(9, e.province_id);
  } else {
    s->bind_null(9);
  }
  TRY(s->run());
  ++write_count_;
  return Status::ok();
}

Result<std::vector<AuditEntry>> Store::audit(int64_t unit_id, const std::string& actor,
                                             const std::string& action, int limit,
                                             const std::string& subject_prefix) {
  return audit(AuditFilter{unit_id, actor, action, subject_prefix, {}, ""}, limit);
}

Result<std::vector<AuditEntry>> Store::audit(const AuditFilter& f, int limit) {
  // Observation subjects read "measure @ YYYY-MM-DD". LIKE patterns escape
  // nothing: measure ids and dates hold no % or _ wildcard that matters
  // (an _ in an id matches itself among others; the prefix keeps it exact).
  std::string measures;
  for (size_t i = 0; i < f.measures.size(); ++i)
    measures += (i ? " OR subject LIKE $" : "subject LIKE $") + std::to_string(10 + i);
  auto s = TRY(sql(
      "SELECT id, at, actor, action, unit_id, subject, old_value, new_value, reason, province_id"
      " FROM audit_log"
      " WHERE ($1 = 0 OR unit_id = $1) AND ($2 = '' OR actor = $2) AND ($3 = '' OR action = $3)"
      " AND ($9 = 0 OR province_id = $9)"
      " AND ($5 = '' OR subject LIKE $6) AND ($7 = '' OR subject LIKE '% @ ' || $7)" +
      (measures.empty() ? std::string() : " AND (" + measures + ")") +
      " ORDER BY id DESC LIMIT $4"));
  s->bind(1, f.unit_id);
  s->bind(2, f.actor);
  s->bind(3, f.action);
  s->bind(4, static_cast<int64_t>(limit));
  s->bind(5, f.subject_prefix);
  s->bind(6, f.subject_prefix + "%");
  s->bind(7, f.date);
  s->bind(9, f.province_id);
  for (size_t i = 0; i < f.measures.size(); ++i)
    s->bind(static_cast<int>(10 + i), f.measures[i] + " @ %");
  std::vector<AuditEntry> out;
  while (TRY(s->step())) {
    out.push_back({s->get_int(0), s->get_text(1), s->get_text(2), s->get_text(3),
                   s->is_null(4) ? 0 : s->get_int(4), s->get_text(5), s->get_text(6),
                   s->get_text(7), s->get_text(8), s->is_null(9) ? 0 : s->get_int(9)});
  }
  return out;
}

}  // namespace ntm
