// Accounts (users, roles, scopes), sessions and the audit log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ntm {

// admin: the provincial office; department: a Sở/phòng verifying its
// criteria; commune: a commune officer entering data; sponsor and steering:
// read their assigned units.
enum class Role { kAdmin, kDepartment, kCommune, kSponsor, kSteering };

const char* role_name(Role r);  // "admin", "department", "commune", "sponsor", "steering"
std::optional<Role> parse_role(std::string_view s);

struct User {
  int64_t id = 0;
  std::string username;
  std::string password_hash;  // argon2id, libsodium's encoded string
  Role role = Role::kCommune;
  int64_t unit_id = 0;         // commune officer: their commune
  std::string department;      // department officer: their department code
  std::string sponsor;         // sponsor's account: the sponsor unit's code
  std::vector<int64_t> units;  // sponsor / steering member: assigned units
  bool disabled = false;
  std::string created_at;
  std::string full_name;  // "Nguyễn Văn An"; may be empty
};

struct Session {
  std::string token_hash;  // hash of the cookie's token; the token itself is never stored
  int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;  // UTC timestamp
};

struct AuditEntry {
  int64_t id = 0;
  std::string at;      // UTC timestamp
  std::string actor;   // username, or "cli:..." for command-line changes
  std::string action;  // "observation.submit", "observation.verify", "user.add", ...
  int64_t unit_id = 0;
  std::string subject;  // e.g. the measure id, the username
  std::string old_value;
  std::string new_value;
  std::string reason;
};

// A file attached as evidence to the value of a measure for a unit and date.
struct Evidence {
  int64_t id = 0;
  int64_t unit_id = 0;
  std::string measure_id;
  std::string date;       // yyyy-mm-dd
  std::string file_name;  // random, in the evidence directory
  std::string original_name;
  std::string content_type;  // detected from the content: application/pdf, image/jpeg, image/png
  int64_t size = 0;
  std::string uploaded_by;
  std::string uploaded_at;
};

}  // namespace ntm
