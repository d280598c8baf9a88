// The rule language grammar (Boost.Spirit X3) and its checks. See docs/rules.md.
#include <algorithm>
#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <boost/spirit/home/x3/support/utility/annotate_on_success.hpp>
#include <boost/spirit/home/x3/support/utility/error_reporting.hpp>
#include <sstream>

#include "extract/rules.hpp"
#include "extract/text.hpp"

namespace ng::extract {
namespace ast {
namespace x3 = boost::spirit::x3;

struct TestBody {
  char sigil = 0;  // '"' literal, '@' lexicon, '<' mention types, 'c' class
  std::string value;
};
struct Test : x3::position_tagged {
  bool negated = false;
  TestBody body;
};
struct Alternatives;
struct Atom : x3::variant<std::vector<Test>, x3::forward_ast<Alternatives>> {
  using base_type::base_type;
  using base_type::operator=;
};
struct Quant {
  int min = 1;
  int max = 1;
};
struct Item : x3::position_tagged {
  boost::optional<std::string> capture;
  Atom atom;
  boost::optional<Quant> quant;
};
using Sequence = std::vector<Item>;
struct Alternatives : std::vector<Sequence> {};
struct ArgValue {
  char kind = 's';  // '"' literal, 's' slot
  std::string value;
};
struct Arg : x3::position_tagged {
  std::string key;
  ArgValue v;
};
struct Action : x3::position_tagged {
  std::string name;
  std::vector<Arg> args;
};
struct RuleDef : x3::position_tagged {
  std::string name;
  Alternatives pattern;
  Action action;
};

}  // namespace ast
}  // namespace ng::extract

BOOST_FUSION_ADAPT_STRUCT(ng::extract::ast::TestBody, sigil, value)
BOOST_FUSION_ADAPT_STRUCT(ng::extract::ast::Test, negated, body)
BOOST_FUSION_ADAPT_STRUCT(ng::extract::ast::Quant, min, max)
BOOST_FUSION_ADAPT_STRUCT(ng::extract::ast::Item, capture, atom, quant)
BOOST_FUSION_ADAPT_STRUCT(ng::extract::ast::ArgValue, kind, value)
BOOST_FUSION_ADAPT_STRUCT(ng::extract::ast::Arg, key, v)
BOOST_FUSION_ADAPT_STRUCT(ng::extract::ast::Action, name, args)
BOOST_FUSION_ADAPT_STRUCT(ng::extract::ast::RuleDef, name, pattern, action)

namespace ng::extract {
namespace grammar {
namespace x3 = boost::spirit::x3;
using x3::alnum;
using x3::alpha;
using x3::attr;
using x3::char_;
using x3::int_;
using x3::lexeme;
using x3::lit;

struct error_handler_base {
  template <typename Iterator, typename Exception, typename Context>
  x3::error_handler_result on_error(Iterator&, Iterator const&, Exception const& x,
                                    Context const&) {
    throw x;  // reported by parse_rules with our own line:column
  }
};
struct annotated : x3::annotate_on_success {};

struct ident_class;
struct lower_ident_class;
struct quoted_class;
struct test_body_class;
struct test_class : annotated {};
struct quant_class;
struct atom_class;
struct item_class : annotated {};
struct sequence_class;
struct alternatives_class;
struct arg_value_class;
struct arg_class : annotated {};
struct action_class : annotated {};
struct rule_class : annotated, error_handler_base {};
struct file_class : error_handler_base {};

const x3::rule<ident_class, std::string> ident = "identifier";
const x3::rule<lower_ident_class, std::string> capture = "slot name";
const x3::rule<quoted_class, std::string> quoted = "quoted word";
const x3::rule<test_body_class, ast::TestBody> test_body = "token test";
const x3::rule<test_class, ast::Test> test = "token test";
const x3::rule<quant_class, ast::Quant> quant = "quantifier";
const x3::rule<atom_class, ast::Atom> atom = "pattern element";
const x3::rule<item_class, ast::Item> item = "pattern element";
const x3::rule<sequence_class, ast::Sequence> sequence = "pattern";
const x3::rule<alternatives_class, ast::Alternatives> alternatives = "pattern";
const x3::rule<arg_value_class, ast::ArgValue> arg_value = "slot name or quoted value";
const x3::rule<arg_class, ast::Arg> arg = "action argument";
const x3::rule<action_class, ast::Action> action = "action";
const x3::rule<rule_class, ast::RuleDef> rule_def = "rule";
const x3::rule<file_class, std::vector<ast::RuleDef>> file = "rule file";

const auto ident_def = lexeme[(alpha | char_('_')) >> *(alnum | char_('_'))];
const auto capture_def = lexeme[char_("a-z_") >> *char_("a-z0-9_") >> ':'];
const auto quoted_def = lexeme['"' > *(char_ - '"' - x3::eol) > '"'];
const auto type_list = x3::raw[lexeme[ident % '|']];
const auto test_body_def = (attr('"') >> quoted) | (lit('@') >> attr('@') > ident) |
                           (lit('<') >> attr('<') > type_list > '>') | (attr('c') >> ident);
const auto test_def = x3::matches['!'] >> test_body;
const auto quant_def = (lit('?') >> attr(0) >> attr(1)) | (lit('*') >> attr(0) >> attr(-1)) |
                       (lit('+') >> attr(1) >> attr(-1)) |
                       (lit('{') > int_ > ((lit(',') > (int_ | attr(-1))) | attr(-2)) > '}');
const auto atom_def =
    (lit('[') > +test > ']') | (lit('(') > alternatives > ')') | x3::repeat(1)[test];
const auto item_def = -capture >> atom >> -quant;
const auto sequence_def = +item;
const auto alternatives_def = sequence % '|';
const auto arg_value_def = (attr('"') >> quoted) | (attr('s') >> ident);
const auto arg_def = ident > '=' > arg_value;
const auto action_def = ident > '(' > -(arg % ',') > ')';
const auto rule_def_def = lexeme[lit("rule") >> !(alnum | '_')] > ident > ':' > alternatives >
                          lit("=>") > action > ';';
const auto file_def = *rule_def > x3::eoi;

BOOST_SPIRIT_DEFINE(ident, capture, quoted, test_body, test, quant, atom, item, sequence,
                    alternatives, arg_value, arg, action, rule_def, file)

const auto skipper = x3::space | (lit('#') >> *(char_ - x3::eol));

}  // namespace grammar

namespace {

using Iterator = std::string_view::const_iterator;

struct Positioner {
  Positioner(std::string_view source, std::string name) : text(source), file(std::move(name)) {
    for (std::size_t k = 0; k < text.size(); ++k) {
      if (text[k] == '\n') line_starts.push_back(k + 1);
    }
  }
  std::string_view text;
  std::string file;
  std::vector<std::size_t> line_starts{0};  // offset of each line's first byte
  // 1-based line and code-point column of an offset (every rule asks for its line: a binary
  // search, not a scan from the top of the file).
  std::pair<std::size_t, std::size_t> at(std::size_t offset) const {
    offset = std::min(offset, text.size());
    const auto after = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    const std::size_t line = static_cast<std::size_t>(after - line_starts.begin());
    const std::size_t line_start = *(after - 1);
    const std::string_view prefix = text.substr(line_start, offset - line_start);
    return {line, code_point_count(prefix, prefix.size()) + 1};
  }
  [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
    auto [line, column] = at(offset);
    throw RuleError(file, line, column, message);
  }
};

class Compiler {
 public:
  Compiler(const Positioner& pos, boost::spirit::x3::error_handler<Iterator>& handler,
           const RuleVocabulary& vocab)
      : pos_(pos), handler_(handler), vocab_(vocab) {}

  Rule compile(const ast::RuleDef& def) {
    Rule rule;
    rule.name = def.name;
    rule.file = pos_.file;
    rule.line = pos_.at(offset_of(def)).first;
    slots_ = &rule.slots;
    rule.pattern = alternatives(def.pattern);
    const ast::Action& a = def.action;
    if (std::find(vocab_.actions.begin(), vocab_.actions.end(), a.name) == vocab_.actions.end()) {
      pos_.fail(offset_of(a), "unknown action '" + a.name + "'");
    }
    rule.action = a.name;
    for (const ast::Arg& arg : a.args) {
      RuleArg out;
      out.key = arg.key;
      out.literal = arg.v.kind == '"';
      out.value = arg.v.value;
      if (!out.literal) {
        auto it = std::find(rule.slots.begin(), rule.slots.end(), arg.v.value);
        if (it == rule.slots.end()) {
          pos_.fail(offset_of(arg),
                    "no slot '" + arg.v.value + "' in the pattern of rule '" + rule.name + "'");
        }
        out.slot = static_cast<int>(it - rule.slots.begin());
      }
      rule.args.push_back(std::move(out));
    }
    return rule;
  }

 private:
  template <typename Node>
  std::size_t offset_of(const Node& node) {
    auto range = handler_.position_of(node);
    return static_cast<std::size_t>(range.begin() - pos_.text.begin());
  }

  PatternNode alternatives(const ast::Alternatives& alts) {
    if (alts.size() == 1) return sequence(alts.front());
    PatternNode n;
    n.kind = PatternNode::Kind::Alt;
    for (const ast::Sequence& s : alts) n.children.push_back(sequence(s));
    return n;
  }

  PatternNode sequence(const ast::Sequence& seq) {
    if (seq.size() == 1) return item(seq.front());
    PatternNode n;
    n.kind = PatternNode::Kind::Seq;
    for (const ast::Item& i : seq) n.children.push_back(item(i));
    return n;
  }

  PatternNode item(const ast::Item& it) {
    PatternNode n;
    if (it.atom.get().type() == typeid(std::vector<ast::Test>)) {
      const auto& tests = boost::get<std::vector<ast::Test>>(it.atom.get());
      n.kind = PatternNode::Kind::Tokens;
      for (const ast::Test& t : tests) n.tests.push_back(test(t));
      // A lone @lexicon or <Mention> matches a whole span, in brackets too: rules written as
      // "[@lexicon]" rely on it (a one-token test there changes what the rule files extract).
      const auto& first = n.tests.front();
      if (tests.size() == 1 && !first.negated &&
          (first.kind == TokenTest::Kind::Lexicon || first.kind == TokenTest::Kind::Mention)) {
        n.kind = PatternNode::Kind::Span;
      }
    } else {
      const auto& inner =
          boost::get<boost::spirit::x3::forward_ast<ast::Alternatives>>(it.atom.get());
      PatternNode group = alternatives(inner.get());
      n.kind = PatternNode::Kind::Seq;
      n.children.push_back(std::move(group));
    }
    if (it.quant) {
      n.min = it.quant->min;
      n.max = it.quant->max == -2 ? it.quant->min : it.quant->max;
      if (n.min < 0 || (n.max >= 0 && n.max < n.min) || n.max == 0) {
        pos_.fail(offset_of(it), "bad repeat count {" + std::to_string(it.quant->min) + "," +
                                     std::to_string(it.quant->max) + "}");
      }
    }
    if (it.capture) {
      auto found = std::find(slots_->begin(), slots_->end(), *it.capture);
      if (found == slots_->end()) {
        n.capture = static_cast<int>(slots_->size());
        slots_->push_back(*it.capture);
      } else {
        n.capture = static_cast<int>(found - slots_->begin());
      }
    }
    return n;
  }

  TokenTest test(const ast::Test& t) {
    TokenTest out;
    out.negated = t.negated;
    auto [line, column] = pos_.at(offset_of(t));
    out.line = line;
    out.column = column;
    switch (t.body.sigil) {
      case '"':
        out.kind = TokenTest::Kind::Literal;
        out.value = t.body.value.front() == '*' ? "*" + fold_key(t.body.value.substr(1))
                                                : fold_key(t.body.value);
        if (t.body.value.empty()) pos_.fail(offset_of(t), "empty literal");
        break;
      case '@':
        out.kind = TokenTest::Kind::Lexicon;
        out.value = t.body.value;
        {
          auto found = std::find(vocab_.lexicons.begin(), vocab_.lexicons.end(), out.value);
          if (found == vocab_.lexicons.end()) {
            pos_.fail(offset_of(t), "unknown lexicon '@" + out.value + "'");
          }
          out.id = static_cast<int>(found - vocab_.lexicons.begin());
        }
        break;
      case '<': {
        out.kind = TokenTest::Kind::Mention;
        std::string_view v = t.body.value;
        for (std::string_view type : split_types(v)) {
          auto found = std::find(vocab_.mention_types.begin(), vocab_.mention_types.end(), type);
          if (found == vocab_.mention_types.end()) {
            pos_.fail(offset_of(t), "unknown mention type '<" + std::string(type) + ">'");
          }
          out.types.emplace_back(type);
          out.type_ids.push_back(static_cast<int>(found - vocab_.mention_types.begin()));
        }
        out.value = t.body.value;
        break;
      }
      default: {
        out.kind = TokenTest::Kind::Class;
        out.value = t.body.value;
        const auto& classes = token_classes();
        auto found = std::find(classes.begin(), classes.end(), out.value);
        if (found == classes.end()) {
          pos_.fail(offset_of(t), "unknown token class '" + out.value +
                                      "' (words must be quoted: \"" + out.value + "\")");
        }
        out.id = static_cast<int>(found - classes.begin());
      }
    }
    return out;
  }

  static std::vector<std::string_view> split_types(std::string_view v) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
      std::size_t bar = v.find('|', start);
      std::string_view part = v.substr(start, bar == std::string_view::npos ? v.npos : bar - start);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      out.push_back(part);
      if (bar == std::string_view::npos) return out;
      start = bar + 1;
    }
  }

  const Positioner& pos_;
  boost::spirit::x3::error_handler<Iterator>& handler_;
  const RuleVocabulary& vocab_;
  std::vector<std::string>* slots_ = nullptr;
};

}  // namespace

RuleError::RuleError(std::string file, std::size_t line, std::size_t column, std::string message)
    : std::runtime_error(file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                         message),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(std::move(message)) {}

namespace {

// The grammar is recursive: bound the nesting of groups before parsing, so that hostile input
// gets an error instead of overflowing the stack (found by fuzzing with ~3,000 '(').
constexpr std::size_t kMaxNesting = 64;

void check_nesting(std::string_view text, const Positioner& pos) {
  std::size_t depth = 0;
  char quote = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    if (quote) {
      if (c == '\\')
        ++k;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      while (k < text.size() && text[k] != '\n') ++k;
    } else if (c == '(' || c == '[' || c == '{') {
      if (++depth > kMaxNesting) {
        const auto [line, column] = pos.at(k);
        throw RuleError(pos.file, line, column,
                        "groups nested deeper than " + std::to_string(kMaxNesting) + " levels");
      }
    } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

}  // namespace

std::vector<Rule> parse_rules(std::string_view text, const std::string& file,
                              const RuleVocabulary& vocabulary) {
  namespace x3 = boost::spirit::x3;
  Positioner pos{text, file};
  check_nesting(text, pos);
  std::vector<ast::RuleDef> defs;
  std::ostringstream sink;
  Iterator first = text.begin();
  const Iterator last = text.end();
  x3::error_handler<Iterator> handler(first, last, sink, file);
  try {
    const auto parser = x3::with<x3::error_handler_tag>(std::ref(handler))[grammar::file];
    const bool ok = x3::phrase_parse(first, last, parser, grammar::skipper, defs);
    if (!ok || first != last) {
      pos.fail(static_cast<std::size_t>(first - text.begin()), "syntax error: expected a rule");
    }
  } catch (const x3::expectation_failure<Iterator>& e) {
    std::string which = e.which();
    if (which.size() > 60) which = "valid syntax";
    std::size_t offset = static_cast<std::size_t>(e.where() - text.begin());
    // Point at what was found, not at the whitespace before it.
    while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t' ||
                                    text[offset] == '\n' || text[offset] == '\r')) {
      ++offset;
    }
    std::string found = offset < text.size() ? std::string(1, text[offset]) : "end of file";
    pos.fail(offset, "syntax error: expected " + which + ", found '" + found + "'");
  }
  Compiler compiler(pos, handler, vocabulary);
  std::vector<Rule> rules;
  for (const ast::RuleDef& def : defs) {
    for (const Rule& r : rules) {
      if (r.name == def.name) {
        pos.fail(static_cast<std::size_t>(handler.position_of(def).begin() - text.begin()),
                 "duplicate rule name '" + def.name + "'");
      }
    }
    rules.push_back(compiler.compile(def));
    compute_first_set(rules.back());
    compile_rule_program(rules.back());
  }
  return rules;
}

const std::vector<std::string>& rule_mention_types() {
  static const std::vector<std::string> names = {
      "Country",      "Demonym",    "City",       "Province",    "Region", "Site", "Person",
      "Organization", "Government", "ArmedGroup", "MediaOutlet", "Place",  "Org",  "Actor"};
  return names;
}

}  // namespace ng::extract
