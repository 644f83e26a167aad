// Accounts and authentication: argon2id password hashes (libsodium),
// server-side sessions (only a hash of the cookie token is stored), a CSRF
// token per session, login throttling per account and per address, expiry.
#pragma once

#include <optional>
#include <string>

#include "model/user.h"
#include "store/store.h"

namespace ntm {

struct AuthConfig {
  int session_hours = 8;
  int max_failures_per_user = 5;      // in `window_minutes`
  int max_failures_per_address = 20;  // in `window_minutes`
  int window_minutes = 15;
};

// argon2id with libsodium's interactive limits; with NTM_FAST_HASH=1 in the
// environment (tests only) the minimum limits, which are fast and weak.
Result<std::string> hash_password(const std::string& password);
bool verify_password(const std::string& hash, const std::string& password);
// At least 10 characters; the reason in Vietnamese otherwise.
Status check_password_rules(const std::string& password);

struct NewUser {
  std::string username;
  std::string role;
  std::string unit_code;   // commune officer: the commune; sponsor/steering: a unit;
                           // office/department: the province
  std::string department;  // department officer
  std::string password;
  std::string sponsor;    // sponsor's account: the sponsor unit's code
  std::string full_name;  // the person's name, shown beside the username
};

// Is the unit (on `at`) one of the user's assigned units or below one? For
// sponsors' and steering members' scopes.
Result<bool> assigned_to(Store& store, const User& user, int64_t unit_id, Date at);

// Checks everything, stores the user and an audit entry by `actor`. The
// account's province: for an office or department account `unit_code` names
// the province; for the others it follows their unit or sponsor; in a
// database of one province it may be left out. `by`: the signed-in user
// doing it (an office manages its own province's accounts only; the central
// office's accounts are made on the command line), nullptr for the command line.
Result<User> add_user(Store& store, const NewUser& u, const std::string& actor,
                      const User* by = nullptr);
Status disable_user(Store& store, const std::string& username, const std::string& actor,
                    const User* by = nullptr);

struct LoginResult {
  User user;
  Session session;
  std::string token;   // goes to the cookie; never stored
  std::string device;  // the device cookie for this browser (see login)
};

// Fails with one message for a wrong name or password (no user enumeration).
// Throttling that an attacker cannot turn against users (docs/security.md):
// - a browser where the account signed in before carries a device cookie
//   (`device`, signed with a server secret kept in the settings); there only
//   that browser's own failures count, so someone guessing elsewhere never
//   locks the owner out of the browser they use;
// - anywhere else, the account is refused after max_failures_per_user
//   failures in window_minutes, and an address after
//   max_failures_per_address (the address is the client's, as the caller
//   found it: X-Forwarded-For only from trusted proxies).
// Usernames are stored cut to 64 bytes; attempts older than a day are removed.
Result<LoginResult> login(Store& store, const std::string& username, const std::string& password,
                          const std::string& address, const AuthConfig& config = {},
                          const std::string& device = "");
// The user of a valid, unexpired session token, if any.
Result<std::optional<std::pair<User, Session>>> session_user(Store& store,
                                                             const std::string& token);
Status logout(Store& store, const std::string& token);
// Ends every session of the user, so a changed password logs out elsewhere.
Status change_password(Store& store, const User& user, const std::string& old_password,
                       const std::string& new_password);
Status reset_password(Store& store, const std::string& admin, const std::string& username,
                      const std::string& new_password, const User* by = nullptr);

// `bytes` random bytes from the system's secure generator, as hex.
std::string random_hex(size_t bytes);
// Hex of a secure hash of a token (sessions are looked up by it).
std::string token_hash(const std::string& token);
// A keyed hash of `message` with the session's secret (its CSRF token): the
// server signs the messages it puts in its own links, so that a link made by
// someone else cannot show its text as the product's (an "?error=" of the
// attacker's choice). 16 bytes, hex.
std::string message_mac(const Session& session, const std::string& message);

}  // namespace ntm
