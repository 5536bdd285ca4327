// The fuzzing entry points, one per parser. Each takes raw bytes, drives the
// same library function the command line does, and checks what must hold
// whatever the input: no crash, no sanitizer report, and the invariants of
// the result (spans inside the text, quotes equal to the text they point at,
// errors that name a file). A violated invariant comes back as a message; an
// empty string means the input was handled well.
//
// The libFuzzer drivers (fuzz_*.cpp) abort on a message; the normal test
// suite (tests/test_fuzz_regressions.cpp) replays tests/fuzz/regressions/
// and the seed corpora through the very same functions.
#pragma once

#include <contra/accounts.hpp>
#include <contra/draft.hpp>
#include <contra/extract.hpp>
#include <contra/quantity.hpp>
#include <contra/rule_set.hpp>
#include <contra/store.hpp>
#include <contra/text.hpp>

#include "extract/segmenter.hpp"

#include <fmt/core.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace contra::fuzz {

// What the targets load once: the default rules and what is compiled from them.
class Resources {
public:
    explicit Resources(const std::filesystem::path& rules_dir)
        : m_rules_dir(rules_dir),
          m_rules(must(RuleSet::load(rules_dir.string()))),
          m_quantities(must(QuantityParser::load((rules_dir / "lexicon" / "quantities.toml").string()))),
          m_extractor(must(Extractor::load(m_rules)))
    {
    }

    [[nodiscard]] const std::filesystem::path& rules_dir() const { return m_rules_dir; }
    [[nodiscard]] const RuleSet& rules() const { return m_rules; }
    [[nodiscard]] const QuantityParser& quantities() const { return m_quantities; }
    [[nodiscard]] const Extractor& extractor() const { return m_extractor; }

private:
    template <class T>
    static T must(Expected<T> value)
    {
        if (!value) throw std::runtime_error(value.error().describe());
        return std::move(*value);
    }

    std::filesystem::path m_rules_dir;
    RuleSet m_rules;
    QuantityParser m_quantities;
    Extractor m_extractor;
};

namespace detail {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

inline void write_bytes(const std::filesystem::path& path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

// An Error must say what went wrong and, for a file, which file.
inline std::string check_error(const Error& error, std::string_view expected_file)
{
    if (error.message.empty()) return "an error with no message";
    if (error.kind == ErrorKind::internal) return "an internal error on input: " + error.describe();
    if (!expected_file.empty() && error.where.file.empty()) return "an error that names no file: " + error.describe();
    if (error.where.line < 0 || error.where.column < 0) return "an error at a negative position: " + error.describe();
    return {};
}

inline std::string check_claims(const std::vector<Claim>& claims, std::string_view text)
{
    for (const Claim& claim : claims) {
        if (claim.span.start > claim.span.end || claim.span.end > text.size()) {
            return fmt::format("claim {} has span [{}, {}) outside a text of {} bytes", claim.id, claim.span.start,
                               claim.span.end, text.size());
        }
        if (text.substr(claim.span.start, claim.span.end - claim.span.start) != claim.quote) {
            return fmt::format("claim {} quotes '{}' but its span holds other text", claim.id, claim.quote);
        }
        if (claim.span.line < 1 || claim.span.column < 1) return fmt::format("claim {} has no line/column", claim.id);
        if (!validate_utf8(claim.quote, "quote") || !validate_utf8(claim.prefix, "prefix") ||
            !validate_utf8(claim.suffix, "suffix")) {
            return fmt::format("claim {} cuts a UTF-8 sequence", claim.id);
        }
    }
    return {};
}

}  // namespace detail

// QuantityParser::find on any bytes (contra quantities reads stdin unchecked).
inline std::string quantity(const Resources& resources, const std::uint8_t* data, std::size_t size)
{
    const std::string_view text = detail::as_text(data, size);
    std::size_t previous_end = 0;
    for (const Quantity& found : resources.quantities().find(text)) {
        if (found.start > found.end || found.end > text.size()) return "a quantity outside the text";
        if (found.start < previous_end) return "quantities overlap or are out of order";
        previous_end = found.end;
        if (text.substr(found.start, found.end - found.start) != found.text) return "a quantity's text is not its span";
        if (found.hi && *found.hi < found.lo) {
            return fmt::format("'{}' gives an empty interval [{}, {}]", found.text, found.lo, *found.hi);
        }
    }
    return {};
}

// The sentence segmenter, as extraction runs it: on valid UTF-8, with the
// Markdown skips when the first byte is odd.
inline std::string segmenter(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return {};
    const bool markdown = (data[0] & 1) != 0;
    const std::string_view text = detail::as_text(data + 1, size - 1);
    if (!validate_utf8(text, "input")) return {};
    namespace ex = contra::detail::extraction;
    const auto skips = markdown ? ex::markdown_skips(text) : std::vector<ex::ByteRange>{};
    std::size_t previous_end = 0;
    for (const ex::ByteRange& skip : skips) {
        if (skip.start < previous_end || skip.start > skip.end || skip.end > text.size()) {
            return "markdown skips out of order or outside the text";
        }
        previous_end = skip.end;
    }
    previous_end = 0;
    for (const ex::ByteRange& sentence : ex::segment_sentences(text, skips)) {
        if (sentence.start < previous_end || sentence.start >= sentence.end || sentence.end > text.size()) {
            return fmt::format("sentence [{}, {}) out of order, empty or outside the text", sentence.start,
                               sentence.end);
        }
        previous_end = sentence.end;
        for (const ex::ByteRange& skip : skips) {
            if (sentence.start < skip.end && skip.start < sentence.end && skip.start < skip.end &&
                sentence.start >= skip.start && sentence.end <= skip.end) {
                return "a sentence inside a skipped range";
            }
        }
    }
    return {};
}

// Extractor::extract on one document (Markdown when the first byte is odd).
inline std::string extractor(const Resources& resources, const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return {};
    Document document;
    document.path = (data[0] & 1) != 0 ? "fuzz.md" : "fuzz.txt";
    document.text = std::string(detail::as_text(data + 1, size - 1));
    document.sha256 = std::string(64, '0');
    ExtractOptions options;
    options.event = "fuzz-event";
    options.publication = "publication";
    if ((data[0] & 2) != 0) options.speaker = "speaker";
    auto extraction = resources.extractor().extract(document, options);
    if (!extraction) return detail::check_error(extraction.error(), document.path);
    return detail::check_claims(extraction->claims, document.text);
}

// read_draft: Markdown when the first byte is odd, plain text otherwise.
inline std::string draft(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return {};
    const DraftFormat format = (data[0] & 1) != 0 ? DraftFormat::markdown : DraftFormat::text;
    std::string bytes(detail::as_text(data + 1, size - 1));
    auto read = read_draft("fuzz.md", bytes, format);
    if (!read) return detail::check_error(read.error(), "fuzz.md");
    if (read->original != bytes) return "the draft's original is not the bytes read";
    if (read->prose.size() != read->original.size()) return "prose and original differ in length";
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const bool newline = bytes[i] == '\n';
        if (newline != (read->prose[i] == '\n')) return fmt::format("prose moved a line break at byte {}", i);
        if (read->prose[i] != bytes[i] && read->prose[i] != ' ' && read->prose[i] != '\n') {
            return fmt::format("prose byte {} is neither the original nor a space", i);
        }
    }
    for (const Suppression& suppression : read->suppressions) {
        if (suppression.first_line < 1 || suppression.last_line < suppression.first_line - 1) {
            return "a suppression with impossible lines";
        }
    }
    return {};
}

// One rule file's text, loaded beside the default attributes. The first
// byte picks where it goes: a compare rule, a draft rule or attributes.toml.
inline std::string rule_file(const Resources& resources, const std::filesystem::path& scratch,
                             const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return {};
    namespace fs = std::filesystem;
    const fs::path dir = scratch / "rules";
    std::error_code ignored;
    fs::remove_all(dir, ignored);
    fs::create_directories(dir / "compare");
    fs::create_directories(dir / "draft");
    fs::copy_file(resources.rules_dir() / "attributes.toml", dir / "attributes.toml");
    fs::create_directory_symlink(resources.rules_dir() / "lexicon", dir / "lexicon");
    const int where = data[0] % 3;
    const fs::path target = where == 0   ? dir / "compare" / "fuzz.toml"
                            : where == 1 ? dir / "draft" / "fuzz.toml"
                                         : dir / "attributes.toml";
    detail::write_bytes(target, detail::as_text(data + 1, size - 1));
    for (const Error& error : RuleSet::lint(dir.string())) {
        if (auto problem = detail::check_error(error, target.string()); !problem.empty()) return problem;
    }
    auto loaded = RuleSet::load(dir.string());
    if (!loaded) return detail::check_error(loaded.error(), target.string());
    return {};
}

inline constexpr std::string_view k_accounts_document =
    "Officials said 12 people were injured in the clash on Tuesday.\n"
    "The council said at least 40 people were hurt and that police were to blame.\n"
    "Police denied any responsibility for the injuries.\n";

// An accounts file's text against one fixed document (doc.txt beside it):
// loaded with the default attributes, imported into a store in memory, and
// imported again to check that the second import changes nothing.
inline std::string accounts(const Resources& resources, const std::filesystem::path& scratch,
                            const std::uint8_t* data, std::size_t size)
{
    namespace fs = std::filesystem;
    const fs::path dir = scratch / "accounts";
    fs::create_directories(dir);
    detail::write_bytes(dir / "doc.txt", k_accounts_document);
    const fs::path path = dir / "accounts.toml";
    detail::write_bytes(path, detail::as_text(data, size));
    const AccountsOptions options{&resources.rules().attributes()};
    auto loaded = load_accounts(path.string(), options);
    if (!loaded) return detail::check_error(loaded.error(), path.string());
    for (const Document& document : loaded->documents) {
        const auto claims = std::vector<Claim>(loaded->claims.begin(), loaded->claims.end());
        std::vector<Claim> own;
        for (const Claim& claim : claims) {
            if (claim.document == document.sha256) own.push_back(claim);
        }
        if (auto problem = detail::check_claims(own, document.text); !problem.empty()) return problem;
    }
    auto store = Store::open_in_memory();
    if (!store) return "cannot open a store in memory: " + store.error().describe();
    auto first = import_accounts(*store, *loaded);
    if (!first) return detail::check_error(first.error(), {});
    auto second = import_accounts(*store, *loaded);
    if (!second) return "a second import failed: " + second.error().describe();
    if (second->new_claims != 0 || second->new_documents != 0 || second->new_events != 0) {
        return "a second import of the same accounts changed the store";
    }
    return {};
}

}  // namespace contra::fuzz
