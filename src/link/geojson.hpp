// GeoJSON (RFC 7946) output of the events of a graph: one Point feature per event and location
// whose coordinates are known, either on the location itself (wgs84_pos:lat/long, e.g. after
// `merge --smush`) or on the entity it is linked to by owl:sameAs (either direction) or, failing
// that, skos:closeMatch (e.g. GeoNames features merged with `link` output).
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace ng::link {

struct GeoJsonStats {
  std::size_t events = 0;                         // events with at least one ng:location
  std::size_t features = 0;                       // features written
  std::size_t locations_without_coordinates = 0;  // (event, location) pairs left out
};

// Writes a FeatureCollection. Properties of each feature: event (IRI), type (ng: class local
// name), date (ng:date lexical form), time (ng:timeText), place (label), place_iri,
// coordinates_from (the IRI that carried the coordinates), evidence (the text of the ng:evidence
// sentence), article (ng:articleId, else the IRI), trigger. Absent values are null. Features are
// sorted by event IRI.
GeoJsonStats write_geojson(const store::Store& store, std::ostream& out);

}  // namespace ng::link
