#include "extract/segmenter.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace contra::detail::extraction;

namespace {

std::vector<std::string> sentences(std::string_view text, const std::vector<ByteRange>& skips = {})
{
    std::vector<std::string> out;
    for (const ByteRange& range : segment_sentences(text, skips)) {
        out.emplace_back(text.substr(range.start, range.end - range.start));
    }
    return out;
}

}  // namespace

TEST_CASE("segmenter splits on sentence ends and keeps offsets into the original")
{
    const std::string text = "One man died. Two were hurt!  Was it the police? Nobody knows.";
    auto ranges = segment_sentences(text);
    REQUIRE(ranges.size() == 4);
    CHECK(text.substr(ranges[1].start, ranges[1].end - ranges[1].start) == "Two were hurt!");
    CHECK(ranges[2].start == 30);
}

TEST_CASE("segmenter survives abbreviations, initials, decimals and thousands separators")
{
    CHECK(sentences("Lt. Col. Arben Hoxha met Mr. Smith in the U.S. capital. He left.") ==
          std::vector<std::string>{"Lt. Col. Arben Hoxha met Mr. Smith in the U.S. capital.", "He left."});
    CHECK(sentences("About 3,000 people, or 2.5 per cent, marched. J. Doe counted them.") ==
          std::vector<std::string>{"About 3,000 people, or 2.5 per cent, marched.", "J. Doe counted them."});
}

TEST_CASE("segmenter keeps a quotation whole and ends the sentence after its speaker")
{
    CHECK(sentences("\"Stop. Now,\" he said. \"We will not leave.\" They stayed.") ==
          std::vector<std::string>{"\"Stop. Now,\" he said.", "\"We will not leave.\"", "They stayed."});
    CHECK(sentences("\xE2\x80\x9CIt was calm.\xE2\x80\x9D The minister left.") ==
          std::vector<std::string>{"\xE2\x80\x9CIt was calm.\xE2\x80\x9D", "The minister left."});
}

TEST_CASE("segmenter joins hard-wrapped lines and breaks at blank lines and headings")
{
    CHECK(sentences("Albanian police raid camp; one man dies\n\nOne man died on\nTuesday when police\nraided the camp.") ==
          std::vector<std::string>{"Albanian police raid camp; one man dies",
                                   "One man died on\nTuesday when police\nraided the camp."});
    CHECK(sentences("# Heading\nText goes on.\n- item one\n- item two") ==
          std::vector<std::string>{"# Heading", "Text goes on.", "- item one", "- item two"});
}

TEST_CASE("markdown_skips finds front matter, code fences and HTML comments")
{
    const std::string text = "---\ntitle: x\n---\nOne died.\n```\n3 killed\n```\n<!-- 9 hurt -->Two hurt.\n";
    auto skips = markdown_skips(text);
    REQUIRE(skips.size() == 3);
    CHECK(skips[0] == ByteRange{0, 17});
    CHECK(text.substr(skips[1].start, skips[1].end - skips[1].start) == "```\n3 killed\n```\n");
    CHECK(text.substr(skips[2].start, skips[2].end - skips[2].start) == "<!-- 9 hurt -->");
    CHECK(sentences(text, skips) == std::vector<std::string>{"One died.", "Two hurt."});
}

TEST_CASE("a short first line over a dateline is a headline of its own")
{
    CHECK(sentences("Six hurt as crane falls\nHarbour Gazette, 2 May 2025\n\nSix men were hurt when a crane fell on "
                    "the quay on Friday morning, the port said.") ==
          std::vector<std::string>{"Six hurt as crane falls", "Harbour Gazette, 2 May 2025",
                                   "Six men were hurt when a crane fell on the quay on Friday morning, the port said."});
    // A hard-wrapped first line is as long as the others and goes on.
    CHECK(sentences("Six men were hurt on Friday when the old crane\nfell onto the quay beside the ferry terminal.") ==
          std::vector<std::string>{"Six men were hurt on Friday when the old crane\nfell onto the quay beside the ferry terminal."});
}
