// contra serve through the real binaries: contra parses the options and hands
// the command line over to contra-serve, built next to it, which serves.
#include "support.hpp"

#include <catch2/catch.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

using namespace contra;
using test::run_contra;

namespace fs = std::filesystem;

TEST_CASE("contra serve refuses bad options and a missing store as before, with exit code 2")
{
    const auto port = run_contra({"serve", "--port", "70000"});
    CHECK(port.exit_code == 2);
    CHECK(port.err == "--port: Value 70000 not in range 0 to 65535\nRun with --help for more information.\n");

    const auto unknown = run_contra({"serve", "--bogus"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err == "The following argument was not expected: --bogus\nRun with --help for more information.\n");

    test::TempDir dir;
    const auto db = (dir / "missing.db").string();
    const auto missing = run_contra({"--db", db, "serve", "--port", "0"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == "contra: error: no store at " + db + " (create one with `contra init`)\n");
    CHECK(missing.out.empty());
}

TEST_CASE("contra serve --port 0 runs the review desk in contra-serve on loopback until SIGTERM")
{
    test::TempDir dir;
    const auto db = (dir / "contra.db").string();
    REQUIRE(run_contra({"--db", db, "init"}, dir.path()).exit_code == 0);

    const pid_t pid = test::spawn_contra({"--db", db, "serve", "--port", "0"}, dir.path(), dir / "out", dir / "err");
    // At most 30 s for the address line: a busy machine or a sanitizer build starts slowly.
    std::string out;
    for (int tries = 0; tries < 600 && out.find('\n') == std::string::npos; ++tries) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        out = test::read_file(dir / "out");
    }
    std::error_code ec;
    const auto program = fs::read_symlink("/proc/" + std::to_string(pid) + "/exe", ec);
    ::kill(pid, SIGTERM);
    const int exit_code = test::wait_for(pid);

    INFO(out << test::read_file(dir / "err"));
    CHECK(out.starts_with("contra: the review desk is at http://127.0.0.1:"));
    CHECK(program.filename() == "contra-serve");
    CHECK(exit_code == 0);
}

TEST_CASE("contra serve without contra-serve next to it says where it looked, with exit code 2")
{
    test::TempDir dir;
    const auto contra = dir / "contra";
    fs::copy_file(test::contra_binary(), contra);

    const auto result = test::run_program(contra, {"serve", "--port", "0"}, dir.path());
    const auto looked_for = fs::canonical(dir.path()) / "contra-serve";
    CHECK(result.exit_code == 2);
    CHECK(result.err == "contra: error: cannot run the review desk " + looked_for.string() +
                            ": No such file or directory (contra serve runs contra-serve from contra's folder)\n");
    CHECK(result.out.empty());
}
