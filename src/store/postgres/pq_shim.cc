// The libpq functions the PostgreSQL backend calls, resolved from libpq.so.5
// the first time a PostgreSQL database is opened (dlopen) instead of at the
// start of every `ntm` command: libpq brings about twenty libraries (TLS,
// Kerberos, LDAP) whose loading was most of the start time of a command
// that never touches PostgreSQL (docs/performance.md). Each definition has
// the header's signature and forwards to the library's own.
#include "store/postgres/pq_shim.h"

#include <dlfcn.h>
#include <libpq-fe.h>

#include <string>

namespace ntm {
namespace {

void* library() {
  static void* handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
  return handle;
}

}  // namespace

std::string libpq_load_error() {
  if (library()) return "";
  const char* why = dlerror();
  return std::string("không nạp được thư viện PostgreSQL libpq.so.5 (cài gói libpq5)") +
         (why ? ": " + std::string(why) : "");
}

}  // namespace ntm

#define NTM_PQ(name) \
  static const auto real = reinterpret_cast<decltype(&::name)>(dlsym(ntm::library(), #name))

extern "C" {

PGconn* PQconnectdb(const char* conninfo) {
  if (!ntm::library()) return nullptr;
  NTM_PQ(PQconnectdb);
  return real(conninfo);
}
ConnStatusType PQstatus(const PGconn* conn) {
  if (!conn) return CONNECTION_BAD;
  NTM_PQ(PQstatus);
  return real(conn);
}
char* PQerrorMessage(const PGconn* conn) {
  if (!conn) return const_cast<char*>("libpq.so.5");
  NTM_PQ(PQerrorMessage);
  return real(conn);
}
void PQfinish(PGconn* conn) {
  if (!conn) return;
  NTM_PQ(PQfinish);
  real(conn);
}
void PQreset(PGconn* conn) {
  NTM_PQ(PQreset);
  real(conn);
}
PGresult* PQexec(PGconn* conn, const char* query) {
  NTM_PQ(PQexec);
  return real(conn, query);
}
PGresult* PQprepare(PGconn* conn, const char* name, const char* query, int n, const Oid* types) {
  NTM_PQ(PQprepare);
  return real(conn, name, query, n, types);
}
PGresult* PQexecPrepared(PGconn* conn, const char* name, int n, const char* const* values,
                         const int* lengths, const int* formats, int result_format) {
  NTM_PQ(PQexecPrepared);
  return real(conn, name, n, values, lengths, formats, result_format);
}
PGresult* PQgetResult(PGconn* conn) {
  NTM_PQ(PQgetResult);
  return real(conn);
}
int PQputCopyData(PGconn* conn, const char* buffer, int nbytes) {
  NTM_PQ(PQputCopyData);
  return real(conn, buffer, nbytes);
}
int PQputCopyEnd(PGconn* conn, const char* errormsg) {
  NTM_PQ(PQputCopyEnd);
  return real(conn, errormsg);
}
void PQclear(PGresult* res) {
  if (!res) return;
  NTM_PQ(PQclear);
  real(res);
}
ExecStatusType PQresultStatus(const PGresult* res) {
  if (!res) return PGRES_FATAL_ERROR;
  NTM_PQ(PQresultStatus);
  return real(res);
}
char* PQresultErrorMessage(const PGresult* res) {
  NTM_PQ(PQresultErrorMessage);
  return real(res);
}
char* PQresultErrorField(const PGresult* res, int fieldcode) {
  NTM_PQ(PQresultErrorField);
  return real(res, fieldcode);
}
int PQntuples(const PGresult* res) {
  NTM_PQ(PQntuples);
  return real(res);
}
char* PQgetvalue(const PGresult* res, int row, int field) {
  NTM_PQ(PQgetvalue);
  return real(res, row, field);
}
int PQgetlength(const PGresult* res, int row, int field) {
  NTM_PQ(PQgetlength);
  return real(res, row, field);
}
int PQgetisnull(const PGresult* res, int row, int field) {
  NTM_PQ(PQgetisnull);
  return real(res, row, field);
}

}  // extern "C"
