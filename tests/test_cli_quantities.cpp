// contra quantities through the real binary: src/cli/cmd_quantities.cpp.
#include "support.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

using contra::test::run_contra;

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

}  // namespace

TEST_CASE("contra quantities prints one tab-separated line per quantity", "[cli][quantity]")
{
    auto result = run_contra({"quantities", "Officials said over 100 were hurt, while the union spoke of dozens."});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out == "over 100\t[101, open)\tcount\ndozens\t[24, 99]\tcount\tvague\n");
}

TEST_CASE("contra quantities prints nothing for a text without figures", "[cli][quantity]")
{
    auto result = run_contra({"quantities", "The square was quiet by nightfall."});
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.empty());
}

TEST_CASE("contra quantities reads standard input line by line and numbers the lines", "[cli][quantity]")
{
    auto result = run_contra({"quantities"}, {}, "Two thirds of the 40 000 voters stayed home.\n\nAbout 300 came.\n");
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "1\tTwo thirds\t[0.6666666666666666, 0.6666666666666666]\tfraction");
    CHECK(lines[1] == "1\t40 000\t[40000, 40000]\tcount");
    CHECK(lines[2] == "3\tAbout 300\t[270, 330]\tcount");
}

TEST_CASE("contra quantities --format jsonl gives one object per input line", "[cli][quantity]")
{
    std::string input = "At least 40 were held.\n\nBetween 2,000 and 3,000 marched; up to 7 died.";
    auto result = run_contra({"quantities", "--format", "jsonl"}, {}, input);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 3);

    auto first = nlohmann::json::parse(lines[0]);
    CHECK(first["line"] == 1);
    REQUIRE(first["quantities"].size() == 1);
    const auto& open = first["quantities"][0];
    CHECK(open["text"] == "At least 40");
    CHECK(open["start"] == 0);
    CHECK(open["end"] == 11);
    CHECK(open["lo"] == 40);
    CHECK(open["lo"].is_number_integer());
    CHECK(open["hi"].is_null());  // open above
    CHECK(open["kind"] == "count");
    CHECK(open["vague"] == false);

    auto empty = nlohmann::json::parse(lines[1]);
    CHECK(empty["line"] == 2);
    CHECK(empty["quantities"].empty());

    auto third = nlohmann::json::parse(lines[2]);
    CHECK(third["line"] == 3);
    REQUIRE(third["quantities"].size() == 2);
    CHECK(third["quantities"][0]["text"] == "Between 2,000 and 3,000");
    CHECK(third["quantities"][0]["lo"] == 2000);
    CHECK(third["quantities"][0]["hi"] == 3000);
    CHECK(third["quantities"][1]["text"] == "up to 7");
    CHECK(third["quantities"][1]["lo"] == 0);
    CHECK(third["quantities"][1]["hi"] == 7);
}

TEST_CASE("contra quantities --format jsonl with a TEXT argument is line 1", "[cli][quantity]")
{
    auto result = run_contra({"quantities", "--format", "jsonl", "nobody was hurt"});
    REQUIRE(result.exit_code == 0);
    auto object = nlohmann::json::parse(result.out);
    CHECK(object["line"] == 1);
    REQUIRE(object["quantities"].size() == 1);
    CHECK(object["quantities"][0]["lo"] == 0);
    CHECK(object["quantities"][0]["hi"] == 0);
}

TEST_CASE("contra quantities: bad usage exits 2 with a message", "[cli][quantity]")
{
    auto bad_format = run_contra({"quantities", "--format", "xml", "12 died"});
    CHECK(bad_format.exit_code == 2);
    CHECK(bad_format.out.empty());
    CHECK(bad_format.err.find("xml") != std::string::npos);

    auto unknown = run_contra({"quantities", "--frobnicate", "12 died"});
    CHECK(unknown.exit_code == 2);
    CHECK(!unknown.err.empty());
}
