#include "cli/common.hpp"

#include <iostream>

namespace ng::cli {

store::Format parse_format(const std::string& name) {
  auto format = store::format_from_name(name);
  if (!format) {
    throw UsageError("unknown RDF format '" + name +
                     "' (expected turtle, trig, ntriples or nquads)");
  }
  return *format;
}

void load_files(store::Store& store, const std::vector<std::string>& files,
                const std::string& format) {
  for (const auto& file : files) {
    store::LoadOptions options;
    if (!format.empty()) options.format = parse_format(format);
    store::load_file(store, file, options);
  }
}

void write_output(const std::string& path, const std::function<void(std::ostream&)>& produce) {
  if (path.empty() || path == "-") {
    produce(std::cout);
    std::cout.flush();
    if (!std::cout) throw std::runtime_error("cannot write to standard output");
    return;
  }
  store::write_file_atomically(path, produce);
}

void write_graph(const store::Store& store, store::Format format, const std::string& path) {
  if (!store::format_has_graphs(format) && !store.named_graphs().empty()) {
    std::cerr << "newsgraph: note: " << store.named_graphs().size()
              << " named graph(s) merged into one graph; use -f trig or nquads to keep them\n";
  }
  write_output(path, [&](std::ostream& out) { store::write(store, format, out); });
}

}  // namespace ng::cli
