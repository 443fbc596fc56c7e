// Distances on the Earth for `--near LAT,LON,KM`: the great-circle distance
// (haversine, on a sphere of the mean radius) and the latitude and longitude
// box around a circle, which an index can answer before the exact distance
// is computed. Stateless, thread-safe.
#pragma once

namespace warta {

inline constexpr double kEarthRadiusKm = 6371.0088;

// Kilometres between two points given in decimal degrees.
double GreatCircleKm(double lat1, double lon1, double lat2, double lon2);

// Every point within `km` of (lat, lon) lies inside the box. When the circle
// reaches a pole or crosses the 180th meridian, `all_longitudes` is true and
// the longitude bounds say nothing.
struct GeoBox {
  double min_lat, max_lat, min_lon, max_lon;
  bool all_longitudes = false;
};
GeoBox BoxAround(double lat, double lon, double km);

}  // namespace warta
