// GET /evidence/:id — an evidence file, only to those allowed to read it.
// private_file(): how every stored upload is sent.
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "service/evidence.h"
#include "ui/page.h"
#include "ui/pages.h"

namespace ntm {

Response evidence_file(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const auto id = parse_id(r.arg("id"));
  if (!id) return error_page(app, c, Status::not_found("không có minh chứng này"));
  auto e = app.store().evidence_by_id(*id);
  if (!e.is_ok()) return error_page(app, c, e.status());
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  // The same answer for "does not exist" and "not yours": ids reveal nothing.
  const Status hidden = Status::not_found("không có minh chứng này");
  if (!*e) return error_page(app, c, hidden);
  auto allowed = may_read_evidence(app.store(), **catalog, r.principal->first, **e);
  if (!allowed.is_ok()) return error_page(app, c, allowed.status());
  if (!*allowed) return error_page(app, c, Status::forbidden("không có quyền xem minh chứng này"));
  return private_file(app, c, evidence_path(app.evidence_dir, (**e).file_name), (**e).content_type,
                      "minh-chung-" + std::to_string((**e).id));
}

Response private_file(AppState& app, const PageContext& c, const std::string& path,
                      const std::string& content_type, const std::string& download_name,
                      bool published) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error_page(app, c, Status::not_found("không có tệp này"));
  std::ostringstream data;
  data << in.rdbuf();
  const std::string ext = content_type == "application/pdf" ? "pdf"
                          : content_type == "image/png"     ? "png"
                                                            : "jpg";
  Response res{200, content_type, data.str(), {}};
  res.headers.push_back({"Content-Disposition", std::string(published ? "inline" : "attachment") +
                                                    "; filename=\"" + download_name + "." + ext +
                                                    "\""});
  res.headers.push_back(
      {"Cache-Control", published ? "public, max-age=3600" : "private, no-store"});
  return res;
}

}  // namespace ntm
