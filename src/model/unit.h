// Administrative units (đơn vị hành chính) and their history.
//
// A unit is one lasting entity (a commune, a district, a province) with a GSO
// code. Its attributes (name, type, parent) can change over time: each period
// is a UnitVersion. Two entities may share a code at different times (after the
// 2025 merger "18073" is Phường Thành Sen, before it was Phường Nam Hà), so
// observations attach to the entity, never to the bare code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/date.h"

namespace ntm {

enum class Level { kProvince = 1, kDistrict = 2, kCommune = 3, kVillage = 4 };

const char* level_name(Level level);  // "province", "district", "commune", "village"
std::optional<Level> parse_level(std::string_view name);

struct UnitVersion {
  int64_t version_id = 0;  // row of this period in the store
  int64_t unit_id = 0;
  std::string code;
  Level level = Level::kCommune;
  std::string name;       // full official name, "Xã Lộc Hà"
  std::string type;       // "Xã", "Phường", "Huyện", ...
  int64_t parent_id = 0;  // 0 for a province
  Date valid_from;
  Date valid_to;  // inclusive; Date::max() when open
};

// old -> new relation from a reorganisation (the 2025 merger).
struct Lineage {
  int64_t old_unit_id = 0;
  int64_t new_unit_id = 0;
  std::string relation;  // "full" or "partial"
  Date date;             // the day the new unit came into force
  // partial: the fraction (0, 1] of the old unit's population that went into
  // the new one, as the office states it; unset = not known.
  std::optional<double> share;
};

// Attributes that select thresholds, with the date from which they hold.
struct UnitAttribute {
  int64_t unit_id = 0;
  std::string attribute;  // "region", "commune_group"
  std::string value;      // "BTB", "2"
  Date valid_from;
};

}  // namespace ntm
