// Markdown drafts reduced to prose (src/check/markdown.cpp and
// markdown_inline.cpp, through read_draft): what stays, what is blanked, and
// that every offset still points into the original.
#include <contra/draft.hpp>
#include <contra/text.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace contra;

namespace {

Draft markdown(const std::string& text)
{
    auto draft = read_draft("draft.md", text, DraftFormat::markdown);
    REQUIRE(draft.has_value());
    // The invariant everything else relies on: same length, each byte kept
    // or made a space, line breaks untouched.
    REQUIRE(draft->prose.size() == draft->original.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char p = draft->prose[i];
        const char o = draft->original[i];
        if (o == '\n') REQUIRE(p == '\n');
        if (p != o) REQUIRE(p == ' ');
    }
    return std::move(*draft);
}

// The `n`-th occurrence (from 0) of `needle` in the original.
std::size_t offset_of(const Draft& draft, std::string_view needle, int n = 0)
{
    std::size_t at = draft.original.find(needle);
    while (n-- > 0 && at != std::string::npos) at = draft.original.find(needle, at + 1);
    REQUIRE(at != std::string::npos);
    return at;
}

// True when `needle` (its n-th occurrence) survives in the prose unchanged.
bool kept(const Draft& draft, std::string_view needle, int n = 0)
{
    const std::size_t at = offset_of(draft, needle, n);
    return draft.prose.compare(at, needle.size(), needle) == 0;
}

// True when `needle` (its n-th occurrence) is all spaces in the prose.
bool blanked(const Draft& draft, std::string_view needle, int n = 0)
{
    const std::size_t at = offset_of(draft, needle, n);
    const std::string_view prose = std::string_view(draft.prose).substr(at, needle.size());
    return std::ranges::all_of(prose, [](char c) { return c == ' ' || c == '\n'; });
}

// The prose with runs of white space made one space and trimmed.
std::string squeezed(const Draft& draft)
{
    std::string out;
    for (const char c : draft.prose) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

TEST_CASE("paragraph text is kept byte for byte")
{
    const auto draft = markdown("Police said 12 people were arrested.\nThe council disagreed.\n");
    CHECK(draft.prose == draft.original);
}

TEST_CASE("headings keep their words and lose their markers")
{
    const auto draft = markdown("# One man dies\n\n## Injured: over 100 ##\n\nSetext title\n============\n\nBody.\n");
    CHECK(squeezed(draft) == "One man dies Injured: over 100 Setext title Body.");
    CHECK(kept(draft, "One man dies"));
    CHECK(blanked(draft, "#"));
    CHECK(blanked(draft, "============"));
}

TEST_CASE("emphasis and strong markers are blanked, their words kept")
{
    const auto draft = markdown("Police *killed* **one** man, ___in fact___, and ~~two~~ were hurt.\n");
    CHECK(squeezed(draft) == "Police killed one man, in fact , and two were hurt.");
    CHECK(kept(draft, "killed"));
    CHECK(kept(draft, "in fact"));
}

TEST_CASE("stray asterisks, intraword underscores and tildes stay")
{
    const auto draft = markdown("It cost 5 * 3 dollars for snake_case_name and ~100 people.\n");
    CHECK(draft.prose == draft.original);
}

TEST_CASE("code spans and code blocks are blanked")
{
    const auto draft = markdown(
        "Say `500 dead` or ``a ` b`` here.\n\n```text\n500 people were injured\n```\n\n    indented code 7\n\nEnd.\n");
    CHECK(squeezed(draft) == "Say or here. End.");
    CHECK(blanked(draft, "`500 dead`"));
    CHECK(blanked(draft, "500 people were injured"));
    CHECK(blanked(draft, "indented code 7"));
}

TEST_CASE("an unclosed backtick is prose")
{
    const auto draft = markdown("A lone ` backtick stays.\n");
    CHECK(draft.prose == draft.original);
}

TEST_CASE("links keep their text and lose target and title")
{
    const auto draft = markdown(
        "The [ministry said](https://gov.example/a \"Statement\") no one, per [the council][c] and [Reuters].\n\n"
        "![a crowd of 300](crowd.jpg) Visit <https://example.org> or <press@example.org> or https://x.example/y.\n\n"
        "[c]: https://ncri.example\n[reuters]: https://reuters.example \"R\"\n");
    CHECK(squeezed(draft) == "The ministry said no one, per the council and Reuters . a crowd of 300 Visit or or .");
    CHECK(blanked(draft, "(https://gov.example/a \"Statement\")"));
    CHECK(blanked(draft, "[c]: https://ncri.example"));
    CHECK(kept(draft, "ministry said"));
}

TEST_CASE("brackets that are not links stay")
{
    const auto draft = markdown("He said [sic] that [it] (was) fine.\n");
    CHECK(draft.prose == draft.original);
}

TEST_CASE("reference definitions before a paragraph are blanked")
{
    const auto draft = markdown("[a]: https://a.example\n[b]:\n  https://b.example\n  \"Title\"\nFive people died.\n");
    CHECK(squeezed(draft) == "Five people died.");
    CHECK(kept(draft, "Five people died."));
}

TEST_CASE("HTML blocks, inline HTML and comments are blanked")
{
    const auto draft = markdown("<div class=\"note\">\n40 arrested\n</div>\n\nOne <b>man</b> died.<!-- note\n"
                                "spanning --> Then <br/> more.\n");
    CHECK(squeezed(draft) == "One man died. Then more.");
    CHECK(blanked(draft, "40 arrested"));
    CHECK(blanked(draft, "spanning -->"));
}

TEST_CASE("block quotes and lists lose their markers")
{
    const auto draft = markdown("> > Deep quote line\n> > goes on\n\n- first item\n  continues\n"
                                "  1. nested *one*\n     more\n* [ ] a task\n\n3) third\n");
    CHECK(squeezed(draft) == "Deep quote line goes on first item continues nested one more a task third");
    CHECK(kept(draft, "goes on"));
}

TEST_CASE("tables keep their cells and lose pipes and the delimiter row")
{
    const auto draft = markdown("Intro line\n| Source | Dead |\n|:---|---:|\n| Ministry | `x` 0 |\n| NCRI \\| council | 1 |\n");
    CHECK(squeezed(draft) == "Intro line Source Dead Ministry 0 NCRI | council 1");
    CHECK(blanked(draft, "|:---|---:|"));
    CHECK(kept(draft, "Intro line"));
}

TEST_CASE("front matter, thematic breaks, escapes and footnotes")
{
    const auto draft = markdown("---\ntitle: A *draft*\nevent: durres-raid-2023\n---\nText\\* here[^1].\n\n***\n\n"
                                "[^1]: The note says 3.\n");
    CHECK(squeezed(draft) == "Text * here . The note says 3.");
    CHECK(blanked(draft, "title: A *draft*"));
    CHECK(draft.event == "durres-raid-2023");
}

TEST_CASE("entities stay as written")
{
    const auto draft = markdown("The ministry&#8217;s figure &amp; the council&nbsp;said.\n");
    CHECK(draft.prose == draft.original);
}

TEST_CASE("line and column of a word after multi-byte text, entities, emphasis and links")
{
    const auto draft = markdown("# Manëz\n\nIn Manëz — *the* [camp](http://x.example) &amp; “Ashraf” killed one.\n");
    const LineIndex lines(draft.original);
    const std::size_t at = draft.prose.find("killed");
    REQUIRE(at == draft.original.find("killed"));
    const auto where = lines.at(at);
    CHECK(where.line == 3);
    // "In Manëz — *the* [camp](http://x.example) &amp; “Ashraf” " is 57 code points.
    CHECK(where.column == 58);
    CHECK(kept(draft, "camp"));
    CHECK(kept(draft, "“Ashraf”"));
}

TEST_CASE("CRLF line endings keep their positions")
{
    const auto draft = markdown("# Title\r\n\r\n> quoted *word*\r\n> next\r\n");
    CHECK(squeezed(draft) == "Title quoted word next");
}

// Speed is the benchmark's business; this only has to finish.
TEST_CASE("deeply nested quotes, lists and brackets are read")
{
    std::string quotes(1000, '>');
    quotes += " Deep claim of 5 deaths.\n";
    std::string lists;
    for (int level = 0; level < 1000; ++level) lists += std::string(static_cast<std::size_t>(level) * 2, ' ') + "- item\n";
    std::string brackets = std::string(1000, '[') + "text" + std::string(1000, ']') + std::string(1000, '*') + "\n";
    const auto quoted = markdown(quotes);
    CHECK(kept(quoted, "Deep claim of 5 deaths."));
    const auto listed = markdown(lists);
    CHECK(kept(listed, "item", 999));
    const auto bracketed = markdown(brackets);
    CHECK(kept(bracketed, "text"));
}
