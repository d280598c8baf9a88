// Namespace IRIs and the terms the code refers to by name.
#pragma once

#include <string_view>

namespace ng::vocab {

inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kSchema = "http://schema.org/";
inline constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view kGeo = "http://www.w3.org/2003/01/geo/wgs84_pos#";
inline constexpr std::string_view kGn = "http://www.geonames.org/ontology#";
inline constexpr std::string_view kSem = "http://semanticweb.cs.vu.nl/2009/11/sem/";
inline constexpr std::string_view kNif =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline constexpr std::string_view kFoaf = "http://xmlns.com/foaf/0.1/";
// Ours: the ontology terms, and the namespace of resources we mint.
inline constexpr std::string_view kNg = "https://w3id.org/newsgraph/ontology#";
inline constexpr std::string_view kNgId = "https://w3id.org/newsgraph/id/";

inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr std::string_view kRdfFirst = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
inline constexpr std::string_view kRdfRest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
inline constexpr std::string_view kRdfNil = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
inline constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view kRdfsClass = "http://www.w3.org/2000/01/rdf-schema#Class";
inline constexpr std::string_view kOwlClass = "http://www.w3.org/2002/07/owl#Class";

inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kXsdFloat = "http://www.w3.org/2001/XMLSchema#float";
inline constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kXsdDateTime = "http://www.w3.org/2001/XMLSchema#dateTime";
inline constexpr std::string_view kXsdGYear = "http://www.w3.org/2001/XMLSchema#gYear";
inline constexpr std::string_view kXsdGYearMonth = "http://www.w3.org/2001/XMLSchema#gYearMonth";
inline constexpr std::string_view kXsdNonNegativeInteger =
    "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";

}  // namespace ng::vocab
