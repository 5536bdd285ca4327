// Reading drafts (src/check/draft.cpp): formats, front matter, suppression
// comments, and bad input.
#include <contra/draft.hpp>

#include "support.hpp"

#include <catch2/catch.hpp>

#include <climits>

using namespace contra;

namespace {

Draft read(const std::string& text, DraftFormat format = DraftFormat::markdown)
{
    auto draft = read_draft("drafts/story.md", text, format);
    REQUIRE(draft.has_value());
    return std::move(*draft);
}

}  // namespace

TEST_CASE("the format follows the file name")
{
    CHECK(draft_format_for("drafts/a.md") == DraftFormat::markdown);
    CHECK(draft_format_for("A.MARKDOWN") == DraftFormat::markdown);
    CHECK(draft_format_for("b.mdown") == DraftFormat::markdown);
    CHECK(draft_format_for("notes.txt") == DraftFormat::text);
    CHECK(draft_format_for("README") == DraftFormat::text);
    CHECK(draft_format_for("dir.md/file") == DraftFormat::text);
}

TEST_CASE("a plain text draft is its own prose")
{
    const std::string text = "# Not a heading here\n*Five* people [died](x).\n";
    const auto draft = read(text, DraftFormat::text);
    CHECK(draft.prose == text);
    CHECK(draft.original == text);
    CHECK(draft.path == "drafts/story.md");
    CHECK_FALSE(draft.event);
}

TEST_CASE("the event comes from YAML or TOML front matter")
{
    CHECK(read("---\ntitle: x\nevent: durres-raid-2023\n---\nBody\n").event == "durres-raid-2023");
    CHECK(read("---\nevent: \"quoted-id\"  \n---\n").event == "quoted-id");
    CHECK(read("---\nevent: plain-id # a comment\n...\nBody\n").event == "plain-id");
    CHECK(read("+++\nevent = 'toml-id'\n+++\nBody\n").event == "toml-id");
    CHECK_FALSE(read("---\ntitle: no event\n---\nBody\n").event);
    // Nested keys are not the top-level event.
    CHECK_FALSE(read("---\nmeta:\n  event: nested\n---\n").event);
    // Not at the top, or never closed: not front matter at all.
    CHECK_FALSE(read("Body\n---\nevent: late\n---\n").event);
    const auto unclosed = read("---\nevent: open\nMore text.\n");
    CHECK_FALSE(unclosed.event);
    CHECK(unclosed.prose.find("More text.") != std::string::npos);
}

TEST_CASE("front matter is blanked line by line")
{
    const std::string text = "\xEF\xBB\xBF---\nevent: e\n---\nOne man died.\n";
    const auto draft = read(text);
    CHECK(draft.event == "e");
    CHECK(draft.prose == std::string(3, ' ') + "   \n        \n   \nOne man died.\n");
}

TEST_CASE("suppression comments become suppressions with their lines")
{
    const auto draft = read("# Title\n"                                          // 1
                            "\n"                                                 // 2
                            "<!-- contra-disable-next-line unattributed-contested -->\n"  // 3
                            "Police killed one man.\n"                           // 4
                            "\n"                                                 // 5
                            "<!-- contra-disable one-sided, misattribution -->\n"  // 6
                            "Text.\n"                                            // 7
                            "<!-- contra-enable one-sided -->\n"                 // 8
                            "More <!-- contra-disable-next-line --> text.\n"     // 9
                            "Next line.\n"                                       // 10
                            "```\n<!-- contra-disable in-code -->\n```\n");      // 11-13
    REQUIRE(draft.suppressions.size() == 4);
    const auto& next_line = draft.suppressions[0];
    CHECK(next_line.rules == std::vector<std::string>{"unattributed-contested"});
    CHECK(next_line.first_line == 4);
    CHECK(next_line.last_line == 4);
    CHECK(next_line.comment_line == 3);

    CHECK(draft.suppressed("unattributed-contested", 4));
    CHECK_FALSE(draft.suppressed("unattributed-contested", 5));
    CHECK_FALSE(draft.suppressed("one-sided", 4));

    CHECK(draft.suppressed("one-sided", 7));
    CHECK(draft.suppressed("one-sided", 8));
    CHECK_FALSE(draft.suppressed("one-sided", 9));
    // misattribution was never enabled again: it runs to the end.
    CHECK(draft.suppressed("misattribution", 7));
    CHECK(draft.suppressed("misattribution", 1000));
    CHECK_FALSE(draft.suppressed("misattribution", 5));

    // An inline next-line comment with no rules covers every rule on line 10.
    CHECK(draft.suppressed("anything", 10));
    CHECK_FALSE(draft.suppressed("anything", 9));
    // Comments inside code are code, not directives.
    CHECK_FALSE(draft.suppressed("in-code", 13));
}

TEST_CASE("an enable without rules closes every open disable")
{
    const auto draft = read("<!-- contra-disable -->\nA.\n<!-- contra-disable one-sided -->\nB.\n<!-- contra-enable -->\nC.\n");
    CHECK(draft.suppressed("whatever", 2));
    CHECK(draft.suppressed("one-sided", 4));
    CHECK_FALSE(draft.suppressed("whatever", 6));
    CHECK_FALSE(draft.suppressed("one-sided", 6));
}

TEST_CASE("Suppression::covers checks rule and line range")
{
    const Suppression some{{"a", "b"}, 3, 5, 2};
    CHECK(some.covers("a", 3));
    CHECK(some.covers("b", 5));
    CHECK_FALSE(some.covers("c", 4));
    CHECK_FALSE(some.covers("a", 2));
    CHECK_FALSE(some.covers("a", 6));
    const Suppression every{{}, 1, INT_MAX, 1};
    CHECK(every.covers("anything", 1));
}

TEST_CASE("suppression comments work in plain text drafts too")
{
    const auto draft = read("<!-- contra-disable-next-line one-sided -->\nThe council said so.\n", DraftFormat::text);
    CHECK(draft.suppressed("one-sided", 2));
    CHECK_FALSE(draft.suppressed("one-sided", 1));
}

TEST_CASE("invalid UTF-8 is an error at path:line:col")
{
    const auto draft = read_draft("drafts/bad.md", "Fine line\nab\xC3(\n", DraftFormat::markdown);
    REQUIRE_FALSE(draft.has_value());
    CHECK(draft.error().kind == ErrorKind::bad_input);
    CHECK(draft.error().where.file == "drafts/bad.md");
    CHECK(draft.error().where.line == 2);
    CHECK(draft.error().where.column == 3);
}

TEST_CASE("a NUL byte makes a draft binary, wherever it is")
{
    std::string text(10000, 'a');
    text += '\0';
    const auto draft = read_draft("drafts/bin.txt", text, DraftFormat::text);
    REQUIRE_FALSE(draft.has_value());
    CHECK(draft.error().where.file == "drafts/bin.txt");
    CHECK(draft.error().where.offset == 10000);
}

TEST_CASE("the fixture drafts read, and the suppressed one has its suppressions")
{
    const auto path = test::fixtures_dir() / "drafts" / "durres-suppressed.md";
    const auto draft = read_draft(path.string(), test::read_file(path), draft_format_for(path.string()));
    REQUIRE(draft.has_value());
    CHECK(draft->suppressed("unattributed-contested", 4));
    CHECK(draft->suppressed("unattributed-contested", 7));
    CHECK_FALSE(draft->suppressed("unattributed-contested", 10));
    CHECK(draft->prose.find("contra-disable") == std::string::npos);

    const auto clean_path = test::fixtures_dir() / "drafts" / "durres-clean.md";
    const auto clean = read_draft(clean_path.string(), test::read_file(clean_path), DraftFormat::markdown);
    REQUIRE(clean.has_value());
    CHECK(clean->event == "durres-raid-2023");
    CHECK(clean->prose.find("500 people") == std::string::npos);
    CHECK(clean->prose.find("Editor") == std::string::npos);
    CHECK(clean->prose.find("more than 100 residents were injured") != std::string::npos);
}
