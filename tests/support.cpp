#include "support.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace contra::test {

namespace fs = std::filesystem;

fs::path source_dir() { return CONTRA_SOURCE_DIR; }
fs::path fixtures_dir() { return source_dir() / "fixtures"; }
fs::path rules_dir() { return source_dir() / "rules"; }

TempDir::TempDir()
{
    static std::atomic<int> counter{0};
    std::random_device random;
    auto name = "contra-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                std::to_string(random());
    m_path = fs::temp_directory_path() / name;
    fs::create_directories(m_path);
}

TempDir::~TempDir()
{
    std::error_code ignored;
    fs::remove_all(m_path, ignored);
}

std::string read_file(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return std::move(buffer).str();
}

void write_file(const fs::path& path, const std::string& contents)
{
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << contents;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

fs::path contra_binary() { return CONTRA_BINARY; }

namespace {

pid_t spawn(const fs::path& program, const std::vector<std::string>& args, const fs::path& cwd,
            const fs::path& out, const fs::path& err, Privilege privilege, const fs::path& in)
{
    std::vector<std::string> strings{program.string()};
    strings.insert(strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : strings) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int null = ::open("/dev/null", O_RDWR);
        const int in_fd = in.empty() ? null : ::open(in.c_str(), O_RDONLY);
        const int out_fd = out.empty() ? null : ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err_fd = err.empty() ? null : ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (null < 0 || in_fd < 0 || out_fd < 0 || err_fd < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(127);
        ::dup2(in_fd, 0);
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

}  // namespace

pid_t spawn_contra(const std::vector<std::string>& args, const fs::path& cwd, const fs::path& out,
                   const fs::path& err, Privilege privilege, const fs::path& in)
{
    return spawn(contra_binary(), args, cwd, out, err, privilege, in);
}

int wait_for(pid_t pid)
{
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

RunResult run_contra(const std::vector<std::string>& args, const fs::path& cwd, const std::string& stdin_text)
{
    return run_program(contra_binary(), args, cwd, stdin_text);
}

RunResult run_program(const fs::path& program, const std::vector<std::string>& args, const fs::path& cwd,
                      const std::string& stdin_text)
{
    TempDir scratch;
    auto in_path = scratch / "stdin";
    auto out_path = scratch / "stdout";
    auto err_path = scratch / "stderr";
    write_file(in_path, stdin_text);
    auto dir = cwd.empty() ? scratch.path() : cwd;
    RunResult result;
    result.exit_code = wait_for(spawn(program, args, dir, out_path, err_path, Privilege::as_is, in_path));
    result.out = read_file(out_path);
    result.err = read_file(err_path);
    return result;
}

std::string check_golden(const fs::path& golden, const std::string& actual)
{
    const char* update = std::getenv("CONTRA_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        write_file(golden, actual);
        return {};
    }
    if (!fs::exists(golden)) return "golden file missing: " + golden.string() + " (run with CONTRA_UPDATE_GOLDEN=1)";
    auto expected = read_file(golden);
    if (expected == actual) return {};
    // Point at the first line that differs.
    std::istringstream e(expected), a(actual);
    std::string el, al;
    int line = 1;
    while (true) {
        bool more_e = static_cast<bool>(std::getline(e, el));
        bool more_a = static_cast<bool>(std::getline(a, al));
        if (!more_e && !more_a) break;
        if (el != al || more_e != more_a) {
            return golden.string() + ":" + std::to_string(line) + ": expected\n  " + (more_e ? el : "<end>") +
                   "\nbut got\n  " + (more_a ? al : "<end>");
        }
        ++line;
    }
    return golden.string() + ": differs";
}

}  // namespace contra::test
