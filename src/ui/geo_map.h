// Choropleth maps from the shipped GeoJSON (data/units/*.geojson, embedded):
// the 69 Hà Tĩnh communes of 2025 and the 34 provinces. Paths are projected
// once and cached; each request only chooses classes and tooltips.
#pragma once

#include <map>
#include <string>

namespace ntm {

struct MapArea {
  std::string css_class;  // fill class, e.g. "band1"
  std::string tooltip;    // name and numbers
  std::string href;       // link to the unit's page
};

// The map with one <path> per feature; features not in `areas` get class "na".
std::string svg_map(const std::string& name, const std::map<std::string, MapArea>& areas,
                    const std::string& aria_label);

// code -> name of every feature of a map: a page draws the map only when the
// units it shows are these very units (same code and name).
std::map<std::string, std::string> map_names(const std::string& name);

}  // namespace ntm
