#include "store/geo.h"

#include <algorithm>
#include <cmath>

namespace warta {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kRadiansPerDegree = kPi / 180;

}  // namespace

double GreatCircleKm(double lat1, double lon1, double lat2, double lon2) {
  double phi1 = lat1 * kRadiansPerDegree, phi2 = lat2 * kRadiansPerDegree;
  double dphi = phi2 - phi1, dlambda = (lon2 - lon1) * kRadiansPerDegree;
  double h = std::sin(dphi / 2) * std::sin(dphi / 2) +
             std::cos(phi1) * std::cos(phi2) * std::sin(dlambda / 2) * std::sin(dlambda / 2);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(std::min(1.0, h)));
}

GeoBox BoxAround(double lat, double lon, double km) {
  // A degree of latitude is the same length everywhere. In longitude the
  // circle reaches widest (on a sphere, exactly) asin(sin(d) / cos(lat))
  // either side, d its angular radius.
  double dlat = km / (kEarthRadiusKm * kRadiansPerDegree);
  GeoBox box{lat - dlat, lat + dlat, -180, 180};
  if (box.min_lat <= -90 || box.max_lat >= 90) {
    box.all_longitudes = true;
    return box;
  }
  double angle = km / kEarthRadiusKm;
  double ratio = std::sin(angle) / std::cos(lat * kRadiansPerDegree);
  if (ratio >= 1) {
    box.all_longitudes = true;
    return box;
  }
  double dlon = std::asin(ratio) / kRadiansPerDegree;
  box.min_lon = lon - dlon;
  box.max_lon = lon + dlon;
  if (box.min_lon < -180 || box.max_lon > 180) box.all_longitudes = true;
  return box;
}

}  // namespace warta
