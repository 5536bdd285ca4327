// The list of check renderers, format names, and the counting they share.
#include "check/output.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

namespace contra {

namespace {

struct RendererEntry {
    CheckFormat format;
    std::string_view name;
    detail::CheckRenderer render;
};

// Every format, in the order `--help` lists them.
constexpr std::array<RendererEntry, 5> k_renderers{{
    {CheckFormat::text, "text", &detail::render_check_text},
    {CheckFormat::json, "json", &detail::render_check_json},
    {CheckFormat::sarif, "sarif", &detail::render_check_sarif},
    {CheckFormat::junit, "junit", &detail::render_check_junit},
    {CheckFormat::github, "github", &detail::render_check_github},
}};

const RendererEntry& entry_for(CheckFormat format)
{
    const auto* found = std::ranges::find(k_renderers, format, &RendererEntry::format);
    return found != k_renderers.end() ? *found : k_renderers.front();
}

std::string plural(int n, std::string_view one, std::string_view many)
{
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string_view to_string(CheckFormat format)
{
    return entry_for(format).name;
}

std::optional<CheckFormat> parse_check_format(std::string_view text)
{
    const auto* found = std::ranges::find(k_renderers, text, &RendererEntry::name);
    if (found == k_renderers.end()) return std::nullopt;
    return found->format;
}

std::string render_check(const CheckReport& report, CheckFormat format, std::span<const RuleInfo> rules,
                         const RenderOptions& options)
{
    return entry_for(format).render(report, rules, options);
}

namespace detail {

CheckCounts count_findings(const CheckReport& report, Severity fail_on)
{
    CheckCounts counts;
    for (const Finding& finding : report.findings) {
        if (finding.suppressed) {
            ++counts.suppressed;
            continue;
        }
        switch (finding.severity) {
        case Severity::error: ++counts.errors; break;
        case Severity::warning: ++counts.warnings; break;
        case Severity::info: ++counts.infos; break;
        }
        if (finding.severity >= fail_on) ++counts.failing;
    }
    return counts;
}

std::string summary_line(const CheckReport& report, const CheckCounts& counts)
{
    return fmt::format("{} in {} ({}, {}, {} info), {} suppressed", plural(counts.total(), "finding", "findings"),
                       plural(report.drafts, "draft", "drafts"), plural(counts.errors, "error", "errors"),
                       plural(counts.warnings, "warning", "warnings"), counts.infos, counts.suppressed);
}

std::vector<std::string> draft_paths(const CheckReport& report)
{
    if (!report.paths.empty()) return report.paths;
    std::vector<std::string> out;
    for (const Finding& finding : report.findings) {
        if (std::ranges::find(out, finding.path) == out.end()) out.push_back(finding.path);
    }
    return out;
}

namespace {

// Whether one of the eight bytes of `chunk` is a line feed or a carriage
// return: a byte equal to `c` is a zero byte of chunk ^ c…c, and
// (x - 0x01…01) & ~x & 0x80…80 is non-zero just when x has a zero byte.
bool has_line_break(std::uint64_t chunk)
{
    constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
    constexpr std::uint64_t k_tops = 0x8080808080808080ULL;
    const auto zero_byte = [](std::uint64_t x) { return (x - k_ones) & ~x & k_tops; };
    return (zero_byte(chunk ^ (k_ones * '\n')) | zero_byte(chunk ^ (k_ones * '\r'))) != 0;
}

}  // namespace

void append_one_line(std::string& out, std::string_view text)
{
    // Whole runs without a line break are copied at once, and looked through
    // eight bytes at a time: the text report is mostly quotes and messages,
    // a few megabytes for a hundred drafts, with hardly a line break in them.
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        for (std::uint64_t chunk = 0; i + 8 <= text.size(); i += 8) {
            std::memcpy(&chunk, text.data() + i, 8);
            if (has_line_break(chunk)) break;
        }
        if (i >= text.size()) break;
        const char c = text[i];
        if (c != '\r' && c != '\n') continue;
        out.append(text.substr(run, i - run));
        out += ' ';
        if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        run = i + 1;
    }
    out.append(text.substr(run));
}

std::string one_line(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    append_one_line(out, text);
    return out;
}

}  // namespace detail

}  // namespace contra
