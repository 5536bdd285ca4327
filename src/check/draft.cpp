// Reading a draft: validation, front matter, suppression comments, and the
// Markdown reduction to prose (check/markdown.cpp). Entities such as `&amp;`
// or `&#8217;` stay in the prose as written: they are rare in drafts, and
// leaving them keeps every offset where it was.
#include <contra/draft.hpp>

#include "check/markdown.hpp"
#include "check/parallel.hpp"

#include <contra/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <climits>

namespace contra {

namespace {

constexpr std::string_view k_disable = "contra-disable";
constexpr std::string_view k_enable = "contra-enable";
constexpr std::string_view k_disable_next_line = "contra-disable-next-line";

struct FrontMatter {
    std::size_t end = 0;  // bytes the front matter takes, 0 when there is none
    std::optional<std::string> event;
};

std::string_view line_at(std::string_view text, std::size_t pos, std::size_t& next)
{
    std::size_t stop = text.find('\n', pos);
    next = stop == std::string_view::npos ? text.size() : stop + 1;
    if (stop == std::string_view::npos) stop = text.size();
    std::string_view line = text.substr(pos, stop - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

std::string unquote(std::string_view value)
{
    value = trim(value);
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
        return std::string(value.substr(1, value.size() - 2));
    }
    // A YAML comment after a plain value.
    if (const auto hash = value.find(" #"); hash != std::string_view::npos) value = trim(value.substr(0, hash));
    return std::string(value);
}

// YAML (`---` … `---` or `...`) or TOML (`+++` … `+++`) at the very top;
// `event: ID` (or `event = "ID"`) at the top level names the event.
FrontMatter read_front_matter(std::string_view text, std::size_t start)
{
    std::size_t pos = start;
    const std::string_view opening = trim(line_at(text, pos, pos));
    if (opening != "---" && opening != "+++") return {};
    const bool toml = opening == "+++";
    const char separator = toml ? '=' : ':';
    FrontMatter front;
    std::optional<std::string> event;
    while (pos < text.size()) {
        const std::string_view line = line_at(text, pos, pos);
        const std::string_view bare = trim(line);
        if (bare == opening || (!toml && bare == "...")) {
            front.end = pos;
            front.event = std::move(event);
            return front;
        }
        if (line.empty() || line.front() == ' ' || line.front() == '\t') continue;
        const std::size_t cut = line.find(separator);
        if (cut != std::string_view::npos && trim(line.substr(0, cut)) == "event") {
            std::string value = unquote(line.substr(cut + 1));
            if (!value.empty()) event = std::move(value);
        }
    }
    return {};  // never closed: not front matter
}

std::vector<std::string> rule_list(std::string_view text)
{
    std::vector<std::string> rules;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t' || text[i] == '\n' ||
                                   text[i] == '\r')) {
            ++i;
        }
        const std::size_t begin = i;
        while (i < text.size() && !(text[i] == ' ' || text[i] == ',' || text[i] == '\t' || text[i] == '\n' ||
                                    text[i] == '\r')) {
            ++i;
        }
        if (i > begin) rules.emplace_back(text.substr(begin, i - begin));
    }
    return rules;
}

// Turns `contra-…` comments into suppressions. A disable covers from its own
// line to the line of the enable that closes it (or the end of the draft);
// an enable with no rules closes every open disable, one with rules closes
// those rules only. Lines are whole: the comment lines themselves are covered.
std::vector<Suppression> suppressions_from(const std::vector<detail::markdown::HtmlComment>& comments)
{
    struct Open {
        std::string rule;  // empty: every rule
        int line = 0;
    };
    std::vector<Suppression> out;
    std::vector<Open> open;
    const auto close = [&](const Open& disable, int last_line) {
        std::vector<std::string> rules;
        if (!disable.rule.empty()) rules.push_back(disable.rule);
        out.push_back(Suppression{std::move(rules), disable.line, last_line, disable.line});
    };
    for (const auto& comment : comments) {
        const std::string_view body = trim(comment.body);
        const std::size_t cut = body.find_first_of(" \t\r\n");
        const std::string_view directive = body.substr(0, cut);
        const std::vector<std::string> rules =
            rule_list(cut == std::string_view::npos ? std::string_view{} : body.substr(cut));
        if (directive == k_disable_next_line) {
            out.push_back(Suppression{rules, comment.end_line + 1, comment.end_line + 1, comment.line});
        } else if (directive == k_disable) {
            if (rules.empty()) open.push_back({"", comment.line});
            for (const auto& rule : rules) open.push_back({rule, comment.line});
        } else if (directive == k_enable) {
            std::erase_if(open, [&](const Open& disable) {
                const bool closes = rules.empty() || std::ranges::find(rules, disable.rule) != rules.end();
                if (closes) close(disable, comment.end_line);
                return closes;
            });
        }
    }
    for (const auto& disable : open) close(disable, INT_MAX);
    std::ranges::stable_sort(out, {}, &Suppression::first_line);
    return out;
}

}  // namespace

bool Suppression::covers(std::string_view rule, int line) const
{
    if (line < first_line || line > last_line) return false;
    return rules.empty() || std::ranges::find(rules, rule) != rules.end();
}

bool Draft::suppressed(std::string_view rule, int line) const
{
    return std::ranges::any_of(suppressions, [&](const Suppression& s) { return s.covers(rule, line); });
}

DraftFormat draft_format_for(std::string_view path)
{
    const std::size_t dot = path.rfind('.');
    const std::size_t slash = path.find_last_of("/\\");
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return DraftFormat::text;
    std::string extension(path.substr(dot + 1));
    std::ranges::transform(extension, extension.begin(),
                           [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    if (extension == "md" || extension == "markdown" || extension == "mdown") return DraftFormat::markdown;
    return DraftFormat::text;
}

Expected<Draft> read_draft(std::string path, std::string bytes, DraftFormat format)
{
    if (const std::size_t nul = bytes.find('\0'); nul != std::string::npos) {
        const LineColumn where = LineIndex(bytes).at(nul);
        return bad_input("binary file (a NUL byte), not a draft", Location{path, where.line, where.column, nul});
    }
    if (auto valid = validate_utf8(bytes, path); !valid) return std::unexpected(valid.error());

    Draft draft;
    draft.path = std::move(path);
    draft.original = std::move(bytes);
    const std::string_view original = draft.original;
    const std::size_t bom = original.starts_with("\xEF\xBB\xBF") ? 3 : 0;

    if (format == DraftFormat::text) {
        draft.prose = draft.original;
        detail::markdown::blank(draft.prose, 0, bom);
        // Suppression comments work in plain text too; they stay in the prose.
        std::vector<detail::markdown::HtmlComment> comments;
        const LineIndex lines(original);
        for (std::size_t open = original.find("<!--"); open != std::string_view::npos;
             open = original.find("<!--", open + 4)) {
            const std::size_t close = original.find("-->", open + 4);
            if (close == std::string_view::npos) break;
            comments.push_back({std::string(original.substr(open + 4, close - open - 4)), lines.at(open).line,
                                lines.at(close).line});
        }
        draft.suppressions = suppressions_from(comments);
        fold_with_map(draft.prose, draft.folded);
        return draft;
    }

    FrontMatter front = read_front_matter(original, bom);
    draft.event = std::move(front.event);
    std::string body = draft.original;
    detail::markdown::blank(body, 0, front.end > 0 ? front.end : bom);
    auto blanked = detail::markdown::blank_markdown(body);
    draft.prose = std::move(blanked.prose);
    draft.suppressions = suppressions_from(blanked.comments);
    fold_with_map(draft.prose, draft.folded);
    return draft;
}

Expected<std::vector<Draft>> read_drafts(const std::vector<std::string>& paths)
{
    return read_drafts(paths, [] {});
}

Expected<std::vector<Draft>> read_drafts(const std::vector<std::string>& paths, const std::function<void()>& meanwhile)
{
    std::vector<std::optional<Expected<Draft>>> read(paths.size());
    detail::parallel_for_after(paths.size(), detail::worker_count(paths.size()), meanwhile, [&](std::size_t, std::size_t i) {
        auto bytes = read_text_file(paths[i]);
        if (!bytes) {
            read[i].emplace(std::unexpected(bytes.error()));
            return;
        }
        read[i].emplace(read_draft(paths[i], std::move(*bytes), draft_format_for(paths[i])));
    });
    std::vector<Draft> drafts;
    drafts.reserve(paths.size());
    for (auto& draft : read) {
        if (!*draft) return std::unexpected(draft->error());
        drafts.push_back(std::move(**draft));
    }
    return drafts;
}

}  // namespace contra
