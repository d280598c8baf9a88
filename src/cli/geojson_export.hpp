// `export -f geojson`: the events of the loaded graph as a GeoJSON FeatureCollection.
#pragma once

#include <ostream>

#include "store/store.hpp"

namespace ng::cli {

// Writes the GeoJSON of `store` to `out` (link::write_geojson) and notes on stderr how many
// event locations had no coordinates (load the GeoNames data and the `link` output with -d).
void write_geojson_export(const store::Store& store, std::ostream& out);

}  // namespace ng::cli
