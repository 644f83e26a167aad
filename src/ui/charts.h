// Server-rendered SVG charts: text labels on every mark, <title> tooltips,
// bars from zero, legible without colour (values are written) and in print.
// Every text passed in is escaped here.
#pragma once

#include <string>
#include <vector>

namespace ntm {

struct Bar {
  std::string label;      // left of the bar
  double value = 0;       // length
  std::string shown;      // text after the bar (the formatted value)
  std::string tooltip;    // <title>
  std::string css_class;  // fill class, e.g. "band0"
  std::string href;       // optional link on the label
};

// Horizontal bars scaled to `max` (>= every value); `label_width` in px of the
// 12 px text column left of the bars, widened to the longest label. A chart
// whose labels are links is a named group (links inside an image are not
// reachable to screen readers), else an image.
std::string svg_bars(const std::vector<Bar>& bars, double max, const std::string& aria_label,
                     int label_width = 110);

struct Point {
  std::string label;  // x-axis label (a year)
  double value = 0;
  std::string tooltip;
};

// A break in a series drawn between points `after` and `after + 1` as a
// dashed line with its words ("Sáp nhập xã", "Bộ tiêu chí mới"), so that a
// jump there reads as a change of what is counted, not of progress.
struct Marker {
  size_t after = 0;
  std::string label;
};

// A line over points with y from 0 to y_max, y-axis labelled `y_label`.
std::string svg_line(const std::vector<Point>& points, double y_max, const std::string& y_label,
                     const std::string& aria_label, const std::vector<Marker>& markers = {});

// The width in px a 12 px label needs (for label columns sized to the words).
int label_width(const std::string& text);

// A small line of values (oldest first), no axes; empty when < 2 values.
std::string svg_sparkline(const std::vector<double>& values, const std::string& aria_label);

}  // namespace ntm
