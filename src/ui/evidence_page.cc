// GET /evidence/:id — an evidence file, only to those allowed to read it.
#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "service/evidence.h"
#include "ui/page.h"
#include "ui/pages.h"

namespace ntm {

Response evidence_file(AppState& app, const Request& r) {
  const PageContext c = page_context(r);
  const auto id = parse_number(r.arg("id"));
  if (!id) return error_page(app, c, Status::not_found("không có minh chứng này"));
  auto e = app.store().evidence_by_id(static_cast<int64_t>(*id));
  if (!e.is_ok()) return error_page(app, c, e.status());
  auto catalog = app.catalog();
  if (!catalog.is_ok()) return error_page(app, c, catalog.status());
  // The same answer for "does not exist" and "not yours": ids reveal nothing.
  const Status hidden = Status::not_found("không có minh chứng này");
  if (!*e) return error_page(app, c, hidden);
  auto allowed = may_read_evidence(app.store(), **catalog, r.principal->first, **e);
  if (!allowed.is_ok()) return error_page(app, c, allowed.status());
  if (!*allowed) return error_page(app, c, Status::forbidden("không có quyền xem minh chứng này"));
  std::ifstream in(evidence_path(app.evidence_dir, (**e).file_name), std::ios::binary);
  if (!in) return error_page(app, c, hidden);
  std::ostringstream data;
  data << in.rdbuf();
  const std::string ext = (**e).content_type == "application/pdf" ? "pdf"
                          : (**e).content_type == "image/png"     ? "png"
                                                                  : "jpg";
  Response res{200, (**e).content_type, data.str(), {}};
  res.headers.push_back({"Content-Disposition", "attachment; filename=\"minh-chung-" +
                                                    std::to_string((**e).id) + "." + ext + "\""});
  res.headers.push_back({"Cache-Control", "private, no-store"});
  return res;
}

}  // namespace ntm
