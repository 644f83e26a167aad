// Imports: units, lineage, unit attributes, criteria documents, observations.
//
// Every import reads the whole file, checks every row, and writes nothing
// unless all rows are right; then it writes everything in one transaction.
// Errors name the file, the row (line), the column and the reason.
#pragma once

#include <functional>
#include <string>

#include "base/date.h"
#include "base/status.h"
#include "store/store.h"

namespace ntm {

struct ImportCounts {
  int rows = 0;     // rows read
  int written = 0;  // rows that changed the database
};

// CSV code,name,type,level,parent_code. A unit already known with the same
// code, level and name keeps its identity (and history); its validity grows
// to cover [valid_from, valid_to]. See docs/decisions.md, "Unit identity".
Result<ImportCounts> import_units(Store& store, const std::string& file, const std::string& text,
                                  Date valid_from, Date valid_to);

// CSV old_code,new_code,relation (merge_2025.csv's other columns allowed):
// old units as they were the day before `date`, new units as on `date`.
Result<ImportCounts> import_lineage(Store& store, const std::string& file, const std::string& text,
                                    Date date);

// CSV unit_code,attribute,value,valid_from[,name]. Attributes: region
// (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL), commune_group (1, 2, 3). A row
// with an empty value is skipped (a template row left blank); name is for
// the reader only.
// `only`: refuse rows of any other attribute (the commune-groups page);
// `province`: refuse units of any other province (an office's upload).
Result<ImportCounts> import_attributes(Store& store, const std::string& file,
                                       const std::string& text, const std::string& only = "",
                                       int64_t province = 0);

// A criteria YAML document (measures and/or a set). A set may not overlap
// another version of its series. With `province_code` the set is that
// province's own version: it applies there only, over the national one.
Result<ImportCounts> import_criteria(Store& store, const std::string& file, const std::string& text,
                                     const std::string& province_code = "");

// CSV set_id,criterion,department[,department_name]: which of a province's
// departments is responsible for a criterion of a set there (overrides the
// set file's). `province_code`: the province; may be left out in a database
// of one province.
Result<ImportCounts> import_departments(Store& store, const std::string& file,
                                        const std::string& text, const std::string& actor,
                                        const std::string& province_code = "");

// CSV unit_code,measure,date,value[,status,note]. status defaults to
// `default_status`. A row equal to the current value is skipped; a different
// value supersedes it (history kept).
Result<ImportCounts> import_observations(Store& store, const std::string& file,
                                         const std::string& text, const std::string& author,
                                         const std::string& default_status = "submitted");

// The same, streamed from a CSV file on disk in bounded memory whatever its
// size: a first pass validates every row (errors located by row and column;
// duplicates found from 8-byte keys), a second writes, in one transaction.
// `progress` (optional) is told the rows and bytes read so far and the pass
// (1 checking, 2 writing) every 65,536 rows.
struct ImportProgress {
  int pass = 1;
  int64_t rows = 0, bytes = 0, total_bytes = 0;
};
Result<ImportCounts> import_observations_file(
    Store& store, const std::string& path, const std::string& author,
    const std::string& default_status = "submitted",
    const std::function<void(const ImportProgress&)>& progress = nullptr);

}  // namespace ntm
