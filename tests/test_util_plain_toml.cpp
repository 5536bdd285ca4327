// The plain-TOML reader (src/util/plain_toml.cpp) against toml++: on every
// TOML file of the repository and on hand-made texts it either builds the
// very tree toml++'s table gives (tree_of) or declines, and it declines
// everything toml++ rejects.
#include "support.hpp"
#include "util/plain_toml.hpp"

#include <contra/text.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace {

std::optional<toml::table> by_tomlplusplus(std::string_view text)
{
#if TOML_EXCEPTIONS
    try {
        return toml::parse(text);
    } catch (const toml::parse_error&) {
        return std::nullopt;
    }
#else
    auto result = toml::parse(text);
    if (!result) return std::nullopt;
    return std::move(result).table();
#endif
}

bool same_as(const contra::detail::TomlTree& plain, const toml::table& reference)
{
    return contra::detail::same_tree(plain.root, contra::detail::tree_of(reference).root);
}

// The plain reader reads `text`, and what it builds equals toml++'s table.
void reads_like_tomlplusplus(std::string_view text)
{
    INFO(text);
    const auto plain = contra::detail::parse_plain_toml(text);
    REQUIRE(plain.has_value());
    const auto reference = by_tomlplusplus(text);
    REQUIRE(reference.has_value());
    CHECK(same_as(*plain, *reference));
}

void declines(std::string_view text)
{
    INFO(text);
    CHECK_FALSE(contra::detail::parse_plain_toml(text).has_value());
}

}  // namespace

TEST_CASE("the plain reader builds toml++'s table for every TOML file of the repository it reads")
{
    int read = 0;
    int declined = 0;
    std::vector<std::filesystem::path> files;
    for (const char* folder : {"fixtures", "rules", "tests", "docs"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(contra::test::source_dir() / folder)) {
            if (entry.path().extension() == ".toml") files.push_back(entry.path());
        }
    }
    for (const auto& path : files) {
        const std::string relative = std::filesystem::relative(path, contra::test::source_dir()).string();
        auto text = contra::read_text_file(path.string());
        if (!text) continue;  // empty or binary: not TOML for either reader
        INFO(relative);
        const auto plain = contra::detail::parse_plain_toml(*text);
        const auto reference = by_tomlplusplus(*text);
        if (!reference) {
            CHECK_FALSE(plain.has_value());  // bad TOML is never read
            continue;
        }
        if (!plain) {
            ++declined;
            continue;
        }
        ++read;
        CHECK(same_as(*plain, *reference));
    }
    // The bundled accounts and most expectation files are plain; rule files
    // with multi-line strings are not.
    CHECK(read >= 40);
    UNSCOPED_INFO(fmt::format("{} files read by the plain reader, {} left to toml++", read, declined));
}

TEST_CASE("the plain reader reads the accounts format's plain forms")
{
    reads_like_tomlplusplus("");
    reads_like_tomlplusplus("# only a comment\n\n");
    reads_like_tomlplusplus("[[events]]\nid = \"e\"\ndate = 2023-06-20\n\n[[events]]\nid = \"f\"\r\n");
    reads_like_tomlplusplus("[[claims]]\ncount = { min = 101 }\nqualifier = { group = \"police\", where = 'ward' }\n");
    reads_like_tomlplusplus("[[ claims ]] # spaced header\ncount = 0\nresponsible = false\nok = true\n");
    reads_like_tomlplusplus("aliases = [\"Durrës\", 'Manëz' , ]\nempty = []\nnone = {}\n");
    reads_like_tomlplusplus("quote = \"He said \\\"no\\\" \\\\ then\\tleft\\n\"  # escapes\n");
    reads_like_tomlplusplus("n = -42\np = +7\nz = 0\nbig = 999999999999999999\n");
    reads_like_tomlplusplus("date = 2024-02-29\nnested = [[1, 2], [\"a\"]]\n");
}

TEST_CASE("the plain reader declines what it leaves to toml++")
{
    SECTION("valid TOML outside the plain subset")
    {
        declines("[events]\nid = \"e\"\n");                   // a standard table
        declines("a.b = 1\n");                                // a dotted key
        declines("\"quoted key\" = 1\n");                     // a quoted key
        declines("s = \"\"\"multi\nline\"\"\"\n");            // a multi-line string
        declines("s = '''multi'''\n");
        declines("s = \"\\u00e9\"\n");                        // a \u escape
        declines("x = 1.5\n");                                // a float
        declines("x = 1_000\n");                              // an underscore
        declines("x = 0x1F\n");                               // hex
        declines("t = 2023-06-20T09:30:00Z\n");               // a date-time
        declines("t = 2023-06-20 09:30:00\n");
        declines("t = 09:30:00\n");                           // a time
        declines("x = [\n  1,\n  2,\n]\n");                   // a multi-line array
        declines("\xEF\xBB\xBFx = 1\n");                      // a byte order mark
        declines("x = 1234567890123456789\n");               // may not fit
    }
    SECTION("TOML that toml++ rejects")
    {
        for (const std::string_view text : {
                 "x = 1\nx = 2\n",                 // a duplicate key
                 "x = { a = 1, a = 2 }\n",
                 "x = 1\n[[x]]\n",                 // a key then an array of tables of that name
                 "x = [1]\n[[x]]\n",
                 "x = 01\n",                       // a leading zero
                 "x = 2023-02-29\n",               // no such day
                 "x = 2023-13-01\n",
                 "x = \"unterminated\n",
                 "x = \"bad \\q escape\"\n",
                 "x = \"tab\x01control\"\n",
                 "x = 1 y = 2\n",
                 "x = { a = 1, }\n",               // a trailing comma in an inline table
                 "x =\n",
                 "[[x]\n",
                 "x = tru\n",
                 "x = 1\r",
                 "# bad \x01 comment\n",
             }) {
            INFO(text);
            CHECK_FALSE(by_tomlplusplus(text).has_value());
            declines(text);
        }
    }
}
