// Process helpers for the hardening tests (test_crash_safety, test_bad_input):
// starting the contra binary without waiting for it, killing it, and running
// it without the right to write files it does not own.
#pragma once

#include "support.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace contra::test {

// Kills the child (when still running) and reaps it: its exit code when it
// had already finished, -1 when the kill ended it.
inline int kill_and_reap(pid_t pid)
{
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// run_contra with a choice of privilege.
inline RunResult run_contra_as(Privilege privilege, const std::vector<std::string>& args,
                               const std::filesystem::path& cwd)
{
    TempDir scratch;
    std::filesystem::permissions(scratch.path(), std::filesystem::perms::all);  // nobody writes here too
    const auto out = scratch / "stdout";
    const auto err = scratch / "stderr";
    RunResult result;
    result.exit_code = wait_for(spawn_contra(args, cwd, out, err, privilege));
    result.out = read_file(out);
    result.err = read_file(err);
    return result;
}

// An environment variable set for one scope; the children started meanwhile inherit it.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::string& value) : m_name(name) { ::setenv(name, value.c_str(), 1); }
    ~ScopedEnv() { ::unsetenv(m_name); }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
};

// The largest resident set, in KiB, of any child this process has waited for.
inline long max_child_rss_kib()
{
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_maxrss;
}

}  // namespace contra::test
