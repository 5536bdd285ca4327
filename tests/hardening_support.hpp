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

enum class Privilege { as_is, unprivileged };

// Starts the contra binary in `cwd` with the environment run_contra gives it;
// stdout and stderr go to the files named (or /dev/null when empty). With
// Privilege::unprivileged a root caller's child runs as nobody, so that file
// permissions hold for it as they would for any user.
inline pid_t spawn_contra(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                          const std::filesystem::path& out = {}, const std::filesystem::path& err = {},
                          Privilege privilege = Privilege::as_is)
{
    std::vector<std::string> strings{CONTRA_BINARY};
    strings.insert(strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : strings) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        const int out_fd = out.empty() ? null : ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err_fd = err.empty() ? null : ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (null < 0 || out_fd < 0 || err_fd < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(127);
        ::dup2(null, 0);
        ::dup2(out_fd, 1);
        ::dup2(err_fd, 2);
        if (privilege == Privilege::unprivileged && ::geteuid() == 0) {
            constexpr gid_t k_nogroup = 65534;
            constexpr uid_t k_nobody = 65534;
            if (::setgid(k_nogroup) != 0 || ::setuid(k_nobody) != 0) ::_exit(126);
        }
        ::setenv("NO_COLOR", "1", 1);
        ::setenv("CONTRA_NOW", "2026-01-01T00:00:00Z", 1);
        ::unsetenv("CONTRA_DB");
        ::unsetenv("CONTRA_RULES");
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    return pid;
}

// Waits for the child; its exit code, or 128 + the signal that ended it.
inline int wait_for(pid_t pid)
{
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

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
