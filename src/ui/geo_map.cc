#include "ui/geo_map.h"

#include <cmath>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "http/http.h"

namespace ntm {

const std::map<std::string_view, std::string_view>& map_files();  // embedded

namespace {

struct Feature {
  std::string code, name, path;
};

struct Projected {
  std::vector<Feature> features;
  int width = 0, height = 0;
};

void each_ring(const nlohmann::json& geometry, const auto& fn) {
  const std::string type = geometry.value("type", "");
  const auto& c = geometry["coordinates"];
  if (type == "Polygon") {
    for (const auto& ring : c) fn(ring);
  } else if (type == "MultiPolygon") {
    for (const auto& poly : c)
      for (const auto& ring : poly) fn(ring);
  }
}

Projected project(std::string_view text) {
  const auto doc = nlohmann::json::parse(text);
  double minx = 1e9, maxx = -1e9, miny = 1e9, maxy = -1e9;
  for (const auto& f : doc["features"]) {
    each_ring(f["geometry"], [&](const nlohmann::json& ring) {
      for (const auto& p : ring) {
        minx = std::min(minx, p[0].get<double>());
        maxx = std::max(maxx, p[0].get<double>());
        miny = std::min(miny, p[1].get<double>());
        maxy = std::max(maxy, p[1].get<double>());
      }
    });
  }
  const double kx = std::cos((miny + maxy) / 2 * M_PI / 180);
  const double scale = 600 / std::max((maxx - minx) * kx, maxy - miny);
  Projected out;
  out.width = static_cast<int>((maxx - minx) * kx * scale) + 2;
  out.height = static_cast<int>((maxy - miny) * scale) + 2;
  for (const auto& f : doc["features"]) {
    Feature feat;
    const auto& props = f["properties"];
    feat.code = props.value("code", "");
    feat.name = props.value("name", "");
    char buf[48];
    each_ring(f["geometry"], [&](const nlohmann::json& ring) {
      // Whole pixels, relative moves, and points closer than 2 px to the last
      // one dropped: a province map stays a few tens of kilobytes.
      long px = 0, py = 0;
      size_t kept = 0;
      std::string ring_path;
      for (size_t i = 0; i < ring.size(); ++i) {
        const long x = std::lround(1 + (ring[i][0].get<double>() - minx) * kx * scale);
        const long y = std::lround(1 + (maxy - ring[i][1].get<double>()) * scale);
        const bool last = i + 1 == ring.size();
        if (kept > 0 && !last && std::labs(x - px) + std::labs(y - py) < 2) continue;
        if (kept > 0 && x == px && y == py) continue;
        if (kept == 0) {
          std::snprintf(buf, sizeof buf, "M%ld %ld", x, y);
        } else {
          std::snprintf(buf, sizeof buf, "l%ld %ld", x - px, y - py);
        }
        ring_path += buf;
        px = x;
        py = y;
        ++kept;
      }
      if (kept >= 3) feat.path += ring_path + "z";
    });
    out.features.push_back(std::move(feat));
  }
  return out;
}

const Projected* projected(const std::string& name) {
  static std::mutex mu;
  static std::map<std::string, Projected> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(name); it != cache.end()) return &it->second;
  static const std::map<std::string, std::string> kFiles = {
      {"communes-42", "ha_tinh_communes_2025.geojson"},
      {"provinces", "provinces_2025.geojson"},
  };
  const auto file = kFiles.find(name);
  if (file == kFiles.end()) return nullptr;
  const auto text = map_files().find(file->second);
  if (text == map_files().end()) return nullptr;
  return &cache.emplace(name, project(text->second)).first->second;
}

}  // namespace

std::map<std::string, std::string> map_names(const std::string& name) {
  std::map<std::string, std::string> out;
  if (const Projected* p = projected(name))
    for (const Feature& f : p->features) out[f.code] = f.name;
  return out;
}

std::string svg_map(const std::string& name, const std::map<std::string, MapArea>& areas,
                    const std::string& aria_label) {
  const Projected* p = projected(name);
  if (!p) return "";
  bool links = false;
  for (const auto& [code, area] : areas) links = links || !area.href.empty();
  // role="img" would hide the links inside from assistive technology.
  std::string s = "<svg class=\"map\" viewBox=\"0 0 " + std::to_string(p->width) + " " +
                  std::to_string(p->height) + "\" role=\"" + (links ? "group" : "img") +
                  "\" aria-label=\"" + html_escape(aria_label) + "\">";
  for (const Feature& f : p->features) {
    const auto a = areas.find(f.code);
    const std::string cls = a == areas.end() ? "na" : a->second.css_class;
    const std::string tip = a == areas.end() ? f.name : a->second.tooltip;
    std::string shape = "<path class=\"" + html_escape(cls) + "\" d=\"" + f.path + "\"><title>" +
                        html_escape(tip) + "</title></path>";
    if (a != areas.end() && !a->second.href.empty()) {
      shape = "<a href=\"" + html_escape(a->second.href) + "\" aria-label=\"" + html_escape(tip) +
              "\">" + shape + "</a>";
    }
    s += shape;
  }
  return s + "</svg>";
}

}  // namespace ntm
