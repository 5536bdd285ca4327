// Helpers shared by the tests: temporary folders, running the contra binary,
// reading fixtures and golden files.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace contra::test {

// The repository's root and its fixtures/ and rules/ folders.
[[nodiscard]] std::filesystem::path source_dir();
[[nodiscard]] std::filesystem::path fixtures_dir();
[[nodiscard]] std::filesystem::path rules_dir();

// A fresh temporary folder, removed with the object.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

[[nodiscard]] std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& contents);

// The outcome of running the contra binary.
struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

enum class Privilege { as_is, unprivileged };

// The contra binary the tests run (build/contra).
[[nodiscard]] std::filesystem::path contra_binary();

// Starts the contra binary in `cwd` without waiting for it, with NO_COLOR set,
// CONTRA_NOW fixed and no CONTRA_DB or CONTRA_RULES from the caller; stdin,
// stdout and stderr come from and go to the files named (/dev/null when
// empty). With Privilege::unprivileged a root caller's child runs as nobody,
// so that file permissions hold for it as they would for any user.
[[nodiscard]] pid_t spawn_contra(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                                 const std::filesystem::path& out = {}, const std::filesystem::path& err = {},
                                 Privilege privilege = Privilege::as_is, const std::filesystem::path& in = {});

// Waits for the child; its exit code, or 128 + the signal that ended it.
int wait_for(pid_t pid);

// Runs build/contra with the arguments, in `cwd` (a temp dir by default),
// with NO_COLOR set, CONTRA_NOW fixed and no CONTRA_DB from the caller.
[[nodiscard]] RunResult run_contra(const std::vector<std::string>& args,
                                   const std::filesystem::path& cwd = {},
                                   const std::string& stdin_text = {});
// The same with another program (a copy of contra elsewhere).
[[nodiscard]] RunResult run_program(const std::filesystem::path& program, const std::vector<std::string>& args,
                                    const std::filesystem::path& cwd = {}, const std::string& stdin_text = {});

// Compares `actual` with the golden file; with CONTRA_UPDATE_GOLDEN=1 in the
// environment it rewrites the file instead. Returns an empty string when
// they match, else a readable diff summary.
[[nodiscard]] std::string check_golden(const std::filesystem::path& golden, const std::string& actual);

}  // namespace contra::test
