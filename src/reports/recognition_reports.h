// The documents of recognition, generated from the data (docs/recognition.md):
// a dossier's self-assessment report (báo cáo kết quả xây dựng NTM của xã) on
// the verified data of its assessment date, the summary of residents'
// comments and how each was answered, the list of recognitions by year, and
// the whole dossier as one ZIP for the archive.
#pragma once

#include <string>

#include "reports/table_report.h"
#include "service/dossier.h"

namespace ntm {

// Sections: the criteria and indicators (verified data), the criteria not
// met and who answers for them, the conditions checklist, the postings of
// the draft, the satisfaction survey per village with its rates, and the
// comments. For a revocation dossier: the grounds instead of the
// recognition's conditions.
Result<TableReport> dossier_report(Store& store, const DossierContext& ctx, Date issued);

// Every comment (published, hidden, pending) with its answer, and the totals.
Result<TableReport> comments_summary(Store& store, const DossierContext& ctx, Date issued);

// The recognitions recorded, a section (an XLSX sheet) per year, newest
// first; `year` 0 every year; of `province`'s communes (0 every one).
// Revocations are shown with their decision.
Result<TableReport> recognitions_report(Store& store, const RecognitionBook& book, int64_t province,
                                        int year, Date issued);

// The dossier as one ZIP: 00-muc-luc.html (the cover: the dossier, its
// steps and every document listed with its file in the archive), the
// generated reports (HTML with its style inside, XLSX), the comment summary
// and each uploaded file under tai-lieu/.
Result<std::string> dossier_zip(Store& store, const DossierContext& ctx,
                                const std::string& evidence_dir, Date issued);

}  // namespace ntm
