#include "cli/geojson_export.hpp"

#include <iostream>

#include "link/geojson.hpp"

namespace ng::cli {

void write_geojson_export(const store::Store& store, std::ostream& out) {
  const link::GeoJsonStats stats = link::write_geojson(store, out);
  std::cerr << "newsgraph: geojson: " << stats.features << " feature(s) from " << stats.events
            << " event(s) with a location";
  if (stats.locations_without_coordinates > 0) {
    std::cerr << "; " << stats.locations_without_coordinates
              << " location(s) without coordinates left out (add the GeoNames data and the "
                 "`newsgraph link` output with -d)";
  }
  std::cerr << "\n";
}

}  // namespace ng::cli
