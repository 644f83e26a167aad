// Accounts (users, roles, scopes), sessions and the audit log.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ntm {

// admin: a provincial coordination office (also accepted as "office");
// central: the central office, reading every province and writing only what is
// national (criteria-set versions, national news); department: a Sở/phòng
// verifying its criteria; commune: a commune officer entering data; sponsor
// and steering: read their assigned units. Every account but the central
// office's belongs to one province (User::province_id).
enum class Role { kAdmin, kDepartment, kCommune, kSponsor, kSteering, kCentral };

// "admin", "department", "commune", "sponsor", "steering", "central"
const char* role_name(Role r);
std::optional<Role> parse_role(std::string_view s);  // also "office" for kAdmin

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
  std::string full_name;    // "Nguyễn Văn An"; may be empty
  int64_t province_id = 0;  // the province the account works in; 0: the central office
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
  int64_t province_id = 0;  // whose log it is: the unit's province, else the actor's office
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
