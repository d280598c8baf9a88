#include "rdf/iri.hpp"

#include <optional>

namespace ng::rdf {
namespace {

struct Parts {
  std::optional<std::string_view> scheme, authority, query, fragment;
  std::string_view path;
};

// RFC 3986 Appendix B, without regular expressions.
Parts split(std::string_view s) {
  Parts p;
  if (has_scheme(s)) {
    auto colon = s.find(':');
    p.scheme = s.substr(0, colon);
    s.remove_prefix(colon + 1);
  }
  if (s.starts_with("//")) {
    s.remove_prefix(2);
    auto end = s.find_first_of("/?#");
    p.authority = s.substr(0, end);
    s = end == std::string_view::npos ? std::string_view{} : s.substr(end);
  }
  auto hash = s.find('#');
  if (hash != std::string_view::npos) {
    p.fragment = s.substr(hash + 1);
    s = s.substr(0, hash);
  }
  auto q = s.find('?');
  if (q != std::string_view::npos) {
    p.query = s.substr(q + 1);
    s = s.substr(0, q);
  }
  p.path = s;
  return p;
}

// RFC 3986 §5.2.4.
std::string remove_dot_segments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../") || in == "/..") {
      in = in.size() == 3 ? std::string_view("/") : in.substr(3);
      auto cut = out.rfind('/');
      out.erase(cut == std::string::npos ? 0 : cut);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      auto next = in.find('/', in[0] == '/' ? 1 : 0);
      out += in.substr(0, next);
      in = next == std::string_view::npos ? std::string_view{} : in.substr(next);
    }
  }
  return out;
}

std::string merge(const Parts& base, std::string_view ref_path) {
  if (base.authority && base.path.empty()) return "/" + std::string(ref_path);
  auto slash = base.path.rfind('/');
  if (slash == std::string_view::npos) return std::string(ref_path);
  return std::string(base.path.substr(0, slash + 1)) + std::string(ref_path);
}

std::string recompose(const Parts& p, const std::string& path) {
  std::string out;
  if (p.scheme) out += std::string(*p.scheme) + ":";
  if (p.authority) out += "//" + std::string(*p.authority);
  out += path;
  if (p.query) out += "?" + std::string(*p.query);
  if (p.fragment) out += "#" + std::string(*p.fragment);
  return out;
}

}  // namespace

bool has_scheme(std::string_view iri) {
  // ASCII tests, not <cctype>: the scheme is ASCII whatever the locale, and loads call this
  // for every IRI.
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (iri.empty() || !alpha(iri[0])) return false;
  for (char c : iri) {
    if (c == ':') return true;
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

std::string normalize_iri(std::string_view iri) {
  Parts p = split(iri);
  return recompose(p, remove_dot_segments(p.path));
}

std::string resolve_iri(std::string_view base_iri, std::string_view reference) {
  // An absolute reference is kept exactly as written: RDF and SPARQL compare IRIs as strings
  // (data-r2 i18n/normalization-2), so `a/./b` must not silently become `a/b`.
  if (base_iri.empty() || has_scheme(reference)) return std::string(reference);
  Parts r = split(reference);
  Parts b = split(base_iri);
  Parts t;
  std::string path;
  if (r.scheme) {
    t = r;
    path = remove_dot_segments(r.path);
  } else {
    t.scheme = b.scheme;
    if (r.authority) {
      t.authority = r.authority;
      path = remove_dot_segments(r.path);
      t.query = r.query;
    } else {
      t.authority = b.authority;
      if (r.path.empty()) {
        path = std::string(b.path);
        t.query = r.query ? r.query : b.query;
      } else {
        path = remove_dot_segments(r.path[0] == '/' ? std::string(r.path) : merge(b, r.path));
        t.query = r.query;
      }
    }
    t.fragment = r.fragment;
  }
  return recompose(t, path);
}

}  // namespace ng::rdf
