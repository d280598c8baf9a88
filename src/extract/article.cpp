#include "extract/article.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "rdf/json_string.hpp"
#include "rdf/utf8.hpp"

namespace ng::extract {
namespace fs = std::filesystem;
namespace {

std::size_t line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<std::size_t>(std::count(
                 text.begin(),
                 text.begin() + static_cast<std::ptrdiff_t>(std::min(offset, text.size())), '\n'));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string stem_of(std::string_view file) { return fs::path(std::string(file)).stem().string(); }

void add(std::vector<Diagnostic>& out, Severity severity, std::string_view file, std::size_t line,
         std::size_t column, std::size_t offset, std::string message) {
  out.push_back(Diagnostic{severity, std::string(file), line, column, offset, std::move(message)});
}

// Checks content shared by every format; returns false with a Diagnostic when unusable.
bool check_content(std::string_view content, std::string_view file,
                   std::vector<Diagnostic>& diagnostics) {
  if (trim(content).empty() || content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    add(diagnostics, Severity::Warning, file, 0, 0, 0, "empty file, skipped");
    return false;
  }
  const std::size_t nul = content.substr(0, 8192).find('\0');
  if (nul != std::string_view::npos) {
    add(diagnostics, Severity::Error, file, 0, 0, nul,
        "binary file (NUL byte at byte offset " + std::to_string(nul) + "), skipped");
    return false;
  }
  const std::size_t bad = find_invalid_utf8(content);
  if (bad != std::string_view::npos) {
    add(diagnostics, Severity::Error, file, line_of(content, bad), 0, bad,
        "invalid UTF-8 at byte offset " + std::to_string(bad) + ", skipped");
    return false;
  }
  return true;
}

void set_field(Article& a, std::string_view key, std::string_view value) {
  const std::string k = lower(key);
  if (k == "title")
    a.title = value;
  else if (k == "source" || k == "publisher")
    a.source = value;
  else if (k == "url" || k == "link")
    a.url = value;
  else if (k == "date" || k == "published")
    a.date = value;
  else if (k == "language" || k == "lang")
    a.language = lower(value);
  else if (k == "id")
    a.id = value;
}

// ------------------------------------------------------------ a minimal JSON reader

// Errors carry the byte offset in the line: the reader reports line and column.
using JsonError = rdf::JsonStringError;

class JsonLine {
 public:
  explicit JsonLine(std::string_view s) : s_(s) {}

  // Parses one object; string and number members go into `fields`, others are skipped.
  std::map<std::string, std::string> object() {
    std::map<std::string, std::string> fields;
    ws();
    expect('{');
    ws();
    if (peek() == '}') {
      ++i_;
    } else {
      for (;;) {
        ws();
        std::string key = string();
        ws();
        expect(':');
        ws();
        std::optional<std::string> value = value_as_text();
        if (value) fields[key] = *value;
        ws();
        if (peek() == ',') {
          ++i_;
          continue;
        }
        expect('}');
        break;
      }
    }
    ws();
    if (i_ != s_.size()) throw JsonError{i_, "unexpected text after the JSON object"};
    return fields;
  }

 private:
  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r')) ++i_;
  }
  void expect(char c) {
    if (peek() != c) {
      throw JsonError{
          i_, std::string("expected '") + c + "'" + (i_ >= s_.size() ? " at end of line" : "")};
    }
    ++i_;
  }
  std::string string() { return rdf::read_json_string(s_, i_); }
  std::optional<std::string> value_as_text() {
    const char c = peek();
    if (c == '"') return string();
    if (c == '{' || c == '[') {
      skip_nested();
      return std::nullopt;
    }
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ') ++i_;
    const std::string_view word = s_.substr(start, i_ - start);
    if (word == "null") return std::nullopt;
    if (word == "true" || word == "false") return std::string(word);
    if (word.empty() || word.find_first_not_of("0123456789+-.eE") != std::string_view::npos) {
      throw JsonError{start, "invalid value"};
    }
    return std::string(word);
  }
  void skip_nested() {
    int depth = 0;
    do {
      if (i_ >= s_.size()) throw JsonError{i_, "unterminated array or object"};
      const char c = s_[i_];
      if (c == '"') {
        string();
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') --depth;
      ++i_;
    } while (depth > 0);
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

bool is_json_lines(const fs::path& p) {
  const std::string ext = lower(p.extension().string());
  return ext == ".jsonl" || ext == ".ndjson";
}

bool is_article_file(const fs::path& p) {
  const std::string ext = lower(p.extension().string());
  return ext == ".txt" || ext == ".md" || ext == ".text" || is_json_lines(p);
}

void read_file(const fs::path& p, std::vector<Article>& out, std::vector<Diagnostic>& diagnostics,
               const ReadLimits& limits) {
  const std::string name = p.string();
  // A text file is one article; a JSON Lines batch may hold many, each line checked below.
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (!ec && !is_json_lines(p) && size > limits.max_article_bytes) {
    add(diagnostics, Severity::Error, name, 0, 0, 0,
        "article of " + std::to_string(size) + " bytes, more than the limit of " +
            std::to_string(limits.max_article_bytes) + " (--max-article-size), skipped");
    return;
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    add(diagnostics, Severity::Error, name, 0, 0, 0, "cannot open file");
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();
  if (is_json_lines(p)) {
    std::vector<Article> batch = parse_json_lines(content, name, diagnostics, limits);
    for (Article& a : batch) out.push_back(std::move(a));
    return;
  }
  Article a;
  if (parse_text_article(content, name, a, diagnostics, limits)) out.push_back(std::move(a));
}

}  // namespace

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  out += severity == Severity::Error ? ": error: " : ": warning: ";
  out += message;
  return out;
}

bool is_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (std::size_t k : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (t[k] < '0' || t[k] > '9') return false;
  }
  const int y = std::stoi(std::string(t.substr(0, 4)));
  const int m = std::stoi(std::string(t.substr(5, 2)));
  const int d = std::stoi(std::string(t.substr(8, 2)));
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool parse_text_article(std::string_view content, std::string_view file, Article& article,
                        std::vector<Diagnostic>& diagnostics, const ReadLimits& limits) {
  if (content.size() > limits.max_article_bytes) {
    add(diagnostics, Severity::Error, file, 0, 0, 0,
        "article of " + std::to_string(content.size()) + " bytes, more than the limit of " +
            std::to_string(limits.max_article_bytes) + " (--max-article-size), skipped");
    return false;
  }
  // A line that long is not prose (a dump, a minified page): the segmenter would see one huge
  // sentence.
  for (std::size_t pos = 0, line_no = 1; pos < content.size(); ++line_no) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    if (eol - pos > limits.max_line_bytes) {
      add(diagnostics, Severity::Error, file, line_no, 1, pos,
          "line of " + std::to_string(eol - pos) + " bytes, more than the limit of " +
              std::to_string(limits.max_line_bytes) + " (--max-line-length), skipped");
      return false;
    }
    pos = eol + 1;
  }
  if (!check_content(content, file, diagnostics)) return false;
  article = Article{};
  article.file = file;
  article.id = stem_of(file);
  std::size_t body = 0;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") body = 3;  // byte order mark
  std::string_view rest = content.substr(body);
  if (rest.substr(0, 3) == "---" && (rest.size() == 3 || rest[3] == '\n' || rest[3] == '\r')) {
    // Front matter: `key: value` lines up to a closing `---`.
    std::size_t pos = body + rest.find('\n') + 1;
    bool closed = false;
    while (pos < content.size()) {
      std::size_t eol = content.find('\n', pos);
      if (eol == std::string_view::npos) eol = content.size();
      const std::string_view line = trim(content.substr(pos, eol - pos));
      if (line == "---") {
        closed = true;
        pos = eol + 1;
        break;
      }
      const std::size_t colon = line.find(':');
      if (!line.empty() && colon == std::string_view::npos) {
        add(diagnostics, Severity::Warning, file, line_of(content, pos), 1, pos,
            "front matter line without 'key: value', ignored");
      } else if (!line.empty()) {
        std::string_view value = trim(line.substr(colon + 1));
        if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
            value.back() == value.front()) {
          value = value.substr(1, value.size() - 2);
        }
        set_field(article, trim(line.substr(0, colon)), value);
      }
      pos = eol + 1;
    }
    if (!closed) {
      add(diagnostics, Severity::Warning, file, 1, 1, body,
          "front matter not closed by '---'; the whole file is read as text");
      article = Article{};
      article.file = file;
      article.id = stem_of(file);
    } else {
      body = std::min(pos, content.size());
    }
  } else {
    // A leading `date YYYY-MM-DD` (possibly on the same line as the text).
    std::size_t k = body;
    while (k < content.size() &&
           (content[k] == ' ' || content[k] == '\t' || content[k] == '\n' || content[k] == '\r')) {
      ++k;
    }
    if (content.substr(k, 5) == "date " || content.substr(k, 5) == "Date:" ||
        content.substr(k, 5) == "date:") {
      std::size_t d = k + 5;
      while (d < content.size() && content[d] == ' ') ++d;
      const std::string_view candidate = content.substr(d, 10);
      if (is_iso_date(candidate)) {
        article.date = candidate;
        body = d + 10;
      }
    }
  }
  while (body < content.size() && (content[body] == ' ' || content[body] == '\n' ||
                                   content[body] == '\r' || content[body] == '\t')) {
    ++body;
  }
  article.text = content.substr(body);
  if (article.date.size() > 10 && (article.date[10] == 'T' || article.date[10] == ' ')) {
    article.date.resize(10);  // a dateTime: keep the date
  }
  if (!article.date.empty() && !is_iso_date(article.date)) {
    add(diagnostics, Severity::Warning, file, 0, 0, 0,
        "date '" + article.date + "' is not YYYY-MM-DD, ignored");
    article.date.clear();
  }
  if (trim(article.text).empty()) {
    add(diagnostics, Severity::Warning, file, 0, 0, body, "article has no text, skipped");
    return false;
  }
  return true;
}

std::vector<Article> parse_json_lines(std::string_view content, std::string_view file,
                                      std::vector<Diagnostic>& diagnostics,
                                      const ReadLimits& limits) {
  std::vector<Article> out;
  if (!check_content(content, file, diagnostics)) return out;
  std::size_t pos = 0;
  std::size_t line_no = 0;
  const std::string stem = stem_of(file);
  while (pos < content.size()) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    ++line_no;
    const std::string_view line = content.substr(pos, eol - pos);
    const std::size_t line_start = pos;
    pos = eol + 1;
    if (trim(line).empty()) continue;
    if (line.size() > limits.max_article_bytes) {
      add(diagnostics, Severity::Error, file, line_no, 1, line_start,
          "JSON line of " + std::to_string(line.size()) + " bytes, more than the limit of " +
              std::to_string(limits.max_article_bytes) + " (--max-article-size), skipped");
      continue;
    }
    std::map<std::string, std::string> fields;
    try {
      fields = JsonLine(line).object();
    } catch (const JsonError& e) {
      add(diagnostics, Severity::Error, file, line_no, e.offset + 1, line_start + e.offset,
          "malformed JSON line: " + e.message + ", skipped");
      continue;
    }
    auto text = fields.find("text");
    if (text == fields.end() || trim(text->second).empty()) {
      add(diagnostics, Severity::Error, file, line_no, 1, line_start,
          "JSON line has no \"text\", skipped");
      continue;
    }
    Article a;
    a.file = file;
    a.id = stem + "-" + std::to_string(line_no);
    for (const auto& [k, v] : fields) {
      if (k != "text") set_field(a, k, v);
    }
    a.text = text->second;
    if (!a.date.empty()) {
      if (a.date.size() > 10 && a.date[10] == 'T') a.date.resize(10);  // a dateTime
      if (!is_iso_date(a.date)) {
        add(diagnostics, Severity::Warning, file, line_no, 1, line_start,
            "date '" + a.date + "' is not YYYY-MM-DD, ignored");
        a.date.clear();
      }
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<Article> read_articles(const std::vector<std::string>& paths,
                                   std::vector<Diagnostic>& diagnostics, const ReadLimits& limits) {
  std::vector<Article> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::path p(path);
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && is_article_file(it->path())) files.push_back(it->path());
      }
      if (ec)
        add(diagnostics, Severity::Error, path, 0, 0, 0, "cannot read directory: " + ec.message());
      std::sort(files.begin(), files.end());
      for (const fs::path& f : files) read_file(f, out, diagnostics, limits);
    } else if (fs::exists(p, ec)) {
      read_file(p, out, diagnostics, limits);
    } else {
      add(diagnostics, Severity::Error, path, 0, 0, 0, "no such file or directory");
    }
  }
  return out;
}

}  // namespace ng::extract
