#include "service/auth.h"

#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>

#include "base/strings.h"
#include "service/scope.h"

namespace ntm {
namespace {

std::string hex(const unsigned char* p, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::string timestamp_in(long seconds) {
  const std::time_t t = std::time(nullptr) + seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool fast_hash() {
  const char* v = std::getenv("NTM_FAST_HASH");
  return v && std::string(v) == "1";
}

bool valid_username(const std::string& u) {
  if (u.size() < 3 || u.size() > 32) return false;
  for (char c : u) {
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-')) {
      return false;
    }
  }
  return true;
}

Status audit(Store& store, const std::string& actor, const std::string& action, int64_t unit,
             const std::string& subject, const std::string& old_value,
             const std::string& new_value) {
  return store.insert_audit({0, "", actor, action, unit, subject, old_value, new_value, ""});
}

}  // namespace

std::string random_hex(size_t bytes) {
  if (sodium_init() < 0) std::abort();  // no secure randomness: never go on
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return hex(buf.data(), buf.size());
}

Result<std::string> hash_password(const std::string& password) {
  if (sodium_init() < 0) return Status::internal("libsodium không khởi tạo được");
  char out[crypto_pwhash_STRBYTES];
  const bool fast = fast_hash();
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::internal("không đủ bộ nhớ để băm mật khẩu");
  }
  return std::string(out);
}

bool verify_password(const std::string& hash, const std::string& password) {
  if (sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Status check_password_rules(const std::string& password) {
  if (password.size() < 10) return Status::invalid("mật khẩu cần ít nhất 10 ký tự");
  return Status::ok();
}

std::string token_hash(const std::string& token) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return hex(out, sizeof out);
}

namespace {

// A 16-byte keyed BLAKE2b of `message` (the key hashed to the right size), hex.
std::string keyed_mac(const std::string& secret, const std::string& message) {
  unsigned char key[crypto_generichash_KEYBYTES];
  crypto_generichash(key, sizeof key, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), nullptr, 0);
  unsigned char out[16];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), key, sizeof key);
  return hex(out, sizeof out);
}

}  // namespace

std::string message_mac(const Session& session, const std::string& message) {
  return keyed_mac(session.csrf_token, message);
}

Result<bool> assigned_to(Store& store, const User& user, int64_t unit_id, Date at) {
  int64_t id = unit_id;
  while (id) {
    if (std::find(user.units.begin(), user.units.end(), id) != user.units.end()) return true;
    const auto v = TRY(store.unit_version_at(id, at));
    id = v ? v->parent_id : 0;
  }
  return false;
}

Result<User> add_user(Store& store, const NewUser& n, const std::string& actor, const User* by) {
  if (!valid_username(n.username)) {
    return Status::invalid("tên đăng nhập \"" + n.username +
                           "\" cần 3-32 ký tự chữ thường không dấu, số, '.', '_' hoặc '-'");
  }
  const auto role = parse_role(n.role);
  if (!role) {
    return Status::invalid("vai trò \"" + n.role +
                           "\" không hợp lệ (office, central, department, commune, sponsor, "
                           "steering)");
  }
  TRY(check_password_rules(n.password));
  if (TRY(store.find_user(n.username))) {
    return Status::conflict("tên đăng nhập \"" + n.username + "\" đã có");
  }
  if (n.full_name.size() > 120 || std::any_of(n.full_name.begin(), n.full_name.end(), [](char ch) {
        return static_cast<unsigned char>(ch) < 0x20;
      })) {
    return Status::invalid("họ và tên dài quá 120 ký tự hoặc có ký tự điều khiển");
  }
  User u;
  u.username = n.username;
  u.full_name = std::string(trim(n.full_name));
  u.role = *role;
  int64_t unit = 0;
  std::optional<UnitVersion> v;
  if (!n.unit_code.empty()) {
    v = TRY(store.unit_at(n.unit_code, today_local()));
    if (!v) return Status::not_found("không có đơn vị mã \"" + n.unit_code + "\" đang hiệu lực");
    if (u.role == Role::kCommune && v->level != Level::kCommune) {
      return Status::invalid(v->name + " không phải là xã");
    }
    unit = v->unit_id;
  }
  if (u.role == Role::kCommune && !unit) return Status::invalid("cán bộ xã cần --unit (mã xã)");
  if (u.role == Role::kSteering && !unit) {
    return Status::invalid("thành viên BCĐ cần --unit (địa bàn được phân công)");
  }
  if (u.role == Role::kSponsor && !unit && n.sponsor.empty()) {
    return Status::invalid("tài khoản đơn vị đỡ đầu cần --sponsor (mã đơn vị đỡ đầu) hoặc --unit");
  }
  std::optional<Sponsor> sponsor;
  if (!n.sponsor.empty()) {
    if (u.role != Role::kSponsor) return Status::invalid("--sponsor chỉ dùng cho vai trò sponsor");
    sponsor = TRY(store.sponsor(n.sponsor));
    if (!sponsor) return Status::not_found("chưa có đơn vị đỡ đầu mã \"" + n.sponsor + "\"");
    u.sponsor = n.sponsor;
  }
  if (u.role == Role::kDepartment && n.department.empty()) {
    return Status::invalid("cán bộ sở, ngành cần --department (mã cơ quan)");
  }
  // The province the account works in.
  if (u.role == Role::kCentral) {
    if (unit) return Status::invalid("văn phòng Trung ương không gắn với đơn vị (bỏ --unit)");
  } else if ((u.role == Role::kAdmin || u.role == Role::kDepartment) && v) {
    if (v->level != Level::kProvince)
      return Status::invalid(v->name + " không phải là tỉnh, thành phố (--unit là mã tỉnh)");
    u.province_id = unit;
  } else if (unit) {
    u.province_id = TRY(store.province_of(unit));
  } else if (sponsor && sponsor->province_id) {
    u.province_id = sponsor->province_id;
  } else {
    u.province_id = TRY(province_named(store, ""));
  }
  if (by && u.role == Role::kCentral)
    return Status::forbidden("tài khoản văn phòng Trung ương chỉ tạo bằng dòng lệnh");
  if (by) TRY(require_office_of(*by, u.province_id, "tạo tài khoản"));
  if (u.role == Role::kCommune) u.unit_id = unit;
  u.department = u.role == Role::kDepartment ? n.department : "";
  u.password_hash = TRY(hash_password(n.password));
  TRY(store.transaction([&]() -> Status {
    if (!u.department.empty()) {
      bool known = false;
      for (const auto& [code, name] : TRY(store.departments(u.province_id)))
        known = known || code == u.department;
      if (!known) TRY(store.upsert_department(u.province_id, u.department, u.department));
    }
    u.id = TRY(store.insert_user(u));
    if (unit && u.role != Role::kCommune && u.role != Role::kAdmin && u.role != Role::kDepartment) {
      TRY(store.add_user_unit(u.id, unit));
      u.units.push_back(unit);
    }
    return audit(store, actor, "user.add", unit, u.username, "",
                 std::string(role_name(u.role)) + (u.department.empty() ? "" : " " + u.department));
  }));
  return u;
}

Status disable_user(Store& store, const std::string& username, const std::string& actor,
                    const User* by) {
  const auto u = TRY(store.find_user(username));
  if (!u || (by && !reads_province(*by, u->province_id)))
    return Status::not_found("không có tài khoản \"" + username + "\"");
  if (by) TRY(require_office_of(*by, u->province_id, "khóa tài khoản"));
  return store.transaction([&]() -> Status {
    TRY(store.set_user_disabled(u->id, true));
    TRY(store.delete_user_sessions(u->id));
    return audit(store, actor, "user.disable", 0, username, "enabled", "disabled");
  });
}

namespace {

// The server's secret for device cookies, made on first use.
Result<std::string> device_secret(Store& store) {
  if (auto s = TRY(store.setting("device_secret")); s && s->size() == 64) return *s;
  const std::string made = random_hex(32);
  TRY(store.set_setting("device_secret", made));
  return made;
}

std::string device_mac(const std::string& secret, const std::string& username,
                       const std::string& nonce) {
  return keyed_mac(secret, username + "|" + nonce);
}

// "NONCE.MAC": a browser where `username` signed in; "" for anything else.
Result<std::string> trusted_device(Store& store, const std::string& username,
                                   const std::string& cookie) {
  const size_t dot = cookie.find('.');
  if (dot != 32 || cookie.size() != 65) return std::string();
  const std::string nonce = cookie.substr(0, dot);
  const std::string secret = TRY(device_secret(store));
  const std::string mac = device_mac(secret, username, nonce);
  const bool same = cookie.size() - dot - 1 == mac.size() &&
                    sodium_memcmp(cookie.data() + dot + 1, mac.data(), mac.size()) == 0;
  return same ? nonce : std::string();
}

// At most 64 bytes, cut at a character boundary.
std::string stored_name(const std::string& username) {
  if (username.size() <= 64) return username;
  size_t n = 64;
  while (n > 0 && (static_cast<unsigned char>(username[n]) & 0xC0) == 0x80) --n;
  return username.substr(0, n);
}

}  // namespace

Result<LoginResult> login(Store& store, const std::string& username, const std::string& password,
                          const std::string& address, const AuthConfig& config,
                          const std::string& device) {
  if (username.size() > 256 || password.size() > 1024)
    return Status::invalid("tên đăng nhập hoặc mật khẩu không đúng");
  const std::string nonce = TRY(trusted_device(store, username, device));
  // A trusted browser is counted by itself, as if it were an address.
  const std::string counted = nonce.empty() ? address : "device:" + nonce;
  const auto [by_user, by_address] = TRY(store.failed_logins_since(
      stored_name(username), counted, timestamp_in(-60L * config.window_minutes)));
  const bool refused = nonce.empty() ? by_user >= config.max_failures_per_user ||
                                           by_address >= config.max_failures_per_address
                                     : by_address >= config.max_failures_per_user;
  if (refused) {
    return Status(ErrorCode::kConflict, "đăng nhập sai quá nhiều lần; hãy thử lại sau " +
                                            std::to_string(config.window_minutes) + " phút");
  }
  const auto user = TRY(store.find_user(username));
  // Verify even for an unknown name, against a hash of a random password, so
  // the time taken does not reveal which names exist.
  static const std::string kDummy = hash_password(random_hex(16)).value();
  const bool ok = user ? verify_password(user->password_hash, password)
                       : !verify_password(kDummy, password) && false;
  TRY(store.record_login_attempt(stored_name(username), counted, ok && !user->disabled,
                                 timestamp_in(-86400)));
  if (!ok || user->disabled) {
    return Status::invalid("tên đăng nhập hoặc mật khẩu không đúng");
  }
  LoginResult r;
  r.user = *user;
  r.token = random_hex(32);
  r.session = {token_hash(r.token), user->id, random_hex(32), utc_timestamp_now(),
               timestamp_in(3600L * config.session_hours)};
  TRY(store.insert_session(r.session));
  const std::string new_nonce = nonce.empty() ? random_hex(16) : nonce;
  r.device = new_nonce + "." + device_mac(TRY(device_secret(store)), user->username, new_nonce);
  return r;
}

Result<std::optional<std::pair<User, Session>>> session_user(Store& store,
                                                             const std::string& token) {
  using Found = std::optional<std::pair<User, Session>>;
  if (token.size() != 64) return Found();
  const auto s = TRY(store.find_session(token_hash(token)));
  if (!s) return Found();
  if (s->expires_at <= utc_timestamp_now()) {
    TRY(store.delete_session(s->token_hash));
    return Found();
  }
  const auto u = TRY(store.user_by_id(s->user_id));
  if (!u || u->disabled) return Found();
  return Found(std::pair<User, Session>(*u, *s));
}

Status logout(Store& store, const std::string& token) {
  return store.delete_session(token_hash(token));
}

Status change_password(Store& store, const User& user, const std::string& old_password,
                       const std::string& new_password) {
  if (!verify_password(user.password_hash, old_password)) {
    return Status::invalid("mật khẩu hiện tại không đúng");
  }
  TRY(check_password_rules(new_password));
  const std::string hash = TRY(hash_password(new_password));
  return store.transaction([&]() -> Status {
    TRY(store.set_password_hash(user.id, hash));
    TRY(store.delete_user_sessions(user.id));
    return audit(store, user.username, "user.password", 0, user.username, "", "");
  });
}

Status reset_password(Store& store, const std::string& admin, const std::string& username,
                      const std::string& new_password, const User* by) {
  const auto u = TRY(store.find_user(username));
  if (!u || (by && !reads_province(*by, u->province_id)))
    return Status::not_found("không có tài khoản \"" + username + "\"");
  if (by) TRY(require_office_of(*by, u->province_id, "đặt lại mật khẩu"));
  TRY(check_password_rules(new_password));
  const std::string hash = TRY(hash_password(new_password));
  return store.transaction([&]() -> Status {
    TRY(store.set_password_hash(u->id, hash));
    TRY(store.delete_user_sessions(u->id));
    return audit(store, admin, "user.reset_password", 0, username, "", "");
  });
}

}  // namespace ntm
