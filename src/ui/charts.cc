#include "ui/charts.h"

#include <algorithm>
#include <cstdio>

#include "http/http.h"

namespace ntm {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// role="img" hides what is inside from assistive technology, so a chart or
// map with links inside is a named group instead.
std::string svg_open(const std::string& cls, int width, int height, bool has_links,
                     const std::string& aria_label) {
  return "<svg class=\"" + cls + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(height) + "\" role=\"" + (has_links ? "group" : "img") +
         "\" aria-label=\"" + html_escape(aria_label) + "\">";
}

}  // namespace

int label_width(const std::string& text) {
  int chars = 0;
  for (unsigned char ch : text) chars += (ch & 0xC0) != 0x80;  // code points
  return 10 + chars * 7;
}

std::string svg_bars(const std::vector<Bar>& bars, double max, const std::string& aria_label,
                     int label_w) {
  bool links = false;
  for (const Bar& b : bars) {
    label_w = std::max(label_w, label_width(b.label));
    links = links || !b.href.empty();
  }
  const int row = 24, bar_w = 260, width = label_w + bar_w + 60;
  const int height = static_cast<int>(bars.size()) * row + 4;
  std::string s = svg_open("chart", width, height, links, aria_label);
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const int y = static_cast<int>(i) * row + 2;
    const double w = max > 0 ? std::max(0.0, b.value) / max * bar_w : 0;
    std::string label = "<text x=\"" + std::to_string(label_w - 6) + "\" y=\"" +
                        std::to_string(y + 17) + "\" text-anchor=\"end\">" + html_escape(b.label) +
                        "</text>";
    if (!b.href.empty())
      label = "<a href=\"" + html_escape(b.href) + "\" aria-label=\"" +
              html_escape(b.label + ": " + b.tooltip) + "\">" + label + "</a>";
    s += "<g>" + label + "<rect class=\"" + html_escape(b.css_class.empty() ? "bar" : b.css_class) +
         "\" x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 3) + "\" width=\"" +
         num(w) + "\" height=\"" + std::to_string(row - 8) + "\"><title>" + html_escape(b.tooltip) +
         "</title></rect><text x=\"" + num(label_w + w + 6) + "\" y=\"" + std::to_string(y + 17) +
         "\">" + html_escape(b.shown) + "</text></g>";
  }
  return s + "</svg>";
}

std::string svg_line(const std::vector<Point>& points, double y_max, const std::string& y_label,
                     const std::string& aria_label, const std::vector<Marker>& markers) {
  // Markers' words sit in a band above the plot, one line each.
  const int left = 40, top = 12 + 14 * static_cast<int>(markers.size()), w = 560, h = 160,
            width = left + w + 24, height = top + h + 40;
  std::string label_of_chart = aria_label;
  for (const Marker& m : markers) label_of_chart += "; " + m.label;
  std::string s = svg_open("chart line", width, height, false, label_of_chart);
  if (y_max <= 0) y_max = 1;
  for (int i = 0; i <= 4; ++i) {  // horizontal grid with values
    const double v = y_max * i / 4;
    char label[16];
    std::snprintf(label, sizeof label, "%g", v);
    const double y = top + h - h * i / 4.0;
    s += "<line class=\"grid\" x1=\"" + std::to_string(left) + "\" x2=\"" +
         std::to_string(left + w) + "\" y1=\"" + num(y) + "\" y2=\"" + num(y) +
         "\"/><text class=\"axis\" x=\"" + std::to_string(left - 6) + "\" y=\"" + num(y + 4) +
         "\" text-anchor=\"end\">" + label + "</text>";
  }
  s += "<text class=\"axis\" x=\"" + std::to_string(left) + "\" y=\"" + std::to_string(height - 4) +
       "\">" + html_escape(y_label) + "</text>";
  const size_t n = points.size();
  auto x_of = [&](size_t i) {
    return left + (n < 2 ? w / 2.0 : w * static_cast<double>(i) / (n - 1));
  };
  auto y_of = [&](double v) { return top + h - h * std::clamp(v / y_max, 0.0, 1.0); };
  for (size_t k = 0; k < markers.size(); ++k) {
    const Marker& m = markers[k];
    if (m.after + 1 >= n) continue;
    const double x = (x_of(m.after) + x_of(m.after + 1)) / 2;
    const bool right_half = x > left + w / 2.0;  // words to the left of the line
    const int y = 12 + 14 * static_cast<int>(k);
    s += "<g class=\"marker\"><line x1=\"" + num(x) + "\" x2=\"" + num(x) + "\" y1=\"" +
         std::to_string(y - 4) + "\" y2=\"" + std::to_string(top + h) + "\"/><text x=\"" +
         num(x + (right_half ? -4 : 4)) + "\" y=\"" + std::to_string(y) + "\" text-anchor=\"" +
         (right_half ? "end" : "start") + "\">" + html_escape(m.label) + "</text></g>";
  }
  // The line is not drawn across a marker: what is counted changed there.
  std::string path;
  for (size_t i = 0; i < n; ++i) {
    const bool broken = std::any_of(markers.begin(), markers.end(),
                                    [&](const Marker& m) { return i > 0 && m.after == i - 1; });
    path += (i && !broken ? " L" : " M") + num(x_of(i)) + " " + num(y_of(points[i].value));
  }
  if (n > 1) s += "<path class=\"trend\" d=\"" + path.substr(1) + "\"/>";
  for (size_t i = 0; i < n; ++i) {
    const Point& p = points[i];
    s += "<g><circle class=\"dot\" cx=\"" + num(x_of(i)) + "\" cy=\"" + num(y_of(p.value)) +
         "\" r=\"4\"><title>" + html_escape(p.tooltip) +
         "</title></circle><text class=\"axis\" x=\"" + num(x_of(i)) + "\" y=\"" +
         std::to_string(top + h + 16) + "\" text-anchor=\"middle\">" + html_escape(p.label) +
         "</text></g>";
  }
  return s + "</svg>";
}

std::string svg_sparkline(const std::vector<double>& values, const std::string& aria_label) {
  if (values.size() < 2) return "";
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  const double span = *hi - *lo > 0 ? *hi - *lo : 1;
  std::string path;
  for (size_t i = 0; i < values.size(); ++i) {
    const double x = 2 + 76.0 * static_cast<double>(i) / (values.size() - 1);
    const double y = 18 - 16 * (values[i] - *lo) / span;
    path += (i ? " L" : "M") + num(x) + " " + num(y);
  }
  return svg_open("spark", 80, 20, false, aria_label) + "<path d=\"" + path + "\"/></svg>";
}

}  // namespace ntm
