// The CLI's PDF input: node + core/cli/pdf-runs.mjs (pdf.js + web/pdf-runs.js) -> runs payload.
#include "pdf.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace nianbao::cli {

namespace {

namespace fs = std::filesystem;

/// A PDF whose text pdf.js has not extracted after this long is given up (a pathological file).
constexpr auto kTimeout = std::chrono::minutes(5);
/// A runs payload larger than this is not read further (the core's input limit is far below).
constexpr std::size_t kMaxPayload = 256u << 20;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

/// The helper script: $NIANBAO_PDF_HELPER, the source tree the CLI was built from, or beside the
/// executable in a build tree of the repository (build/native/nianbao -> core/cli/pdf-runs.mjs).
std::string find_helper(std::string& looked) {
  std::vector<fs::path> candidates;
  if (const std::string e = env("NIANBAO_PDF_HELPER"); !e.empty()) {
    candidates.emplace_back(e);
  } else {
#ifdef NIANBAO_SOURCE_DIR
    candidates.push_back(fs::path(NIANBAO_SOURCE_DIR) / "core" / "cli" / "pdf-runs.mjs");
#endif
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec)
      for (fs::path dir = exe.parent_path(); !dir.empty() && candidates.size() < 6; dir = dir.parent_path()) {
        candidates.push_back(dir / "core" / "cli" / "pdf-runs.mjs");
        if (dir == dir.root_path()) break;
      }
  }
  for (const fs::path& p : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.string();
    looked += (looked.empty() ? "" : "、") + p.string();
  }
  return "";
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

/// The last non-empty line of the helper's stderr (its message).
std::string last_line(const std::string& s) {
  std::size_t end = s.find_last_not_of("\r\n");
  if (end == std::string::npos) return "";
  const std::size_t begin = s.rfind('\n', end);
  return s.substr(begin == std::string::npos ? 0 : begin + 1, end + 1 - (begin == std::string::npos ? 0 : begin + 1));
}

}  // namespace

bool is_pdf(std::string_view bytes) { return bytes.substr(0, 5) == "%PDF-"; }

bool pdf_to_runs(std::string_view pdf, std::string& runs, std::string& why) {
  std::string looked;
  const std::string helper = find_helper(looked);
  if (helper.empty()) {
    why = "读取 PDF 需要 core/cli/pdf-runs.mjs，未找到（查找了 " + looked + "；可设置 NIANBAO_PDF_HELPER）";
    return false;
  }
  std::string node = env("NIANBAO_NODE");
  if (node.empty()) node = "node";

  // stdin: a socket, so that writing to a helper that has exited gives EPIPE, not SIGPIPE.
  int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in) != 0 || ::pipe2(out, O_CLOEXEC) != 0 ||
      ::pipe2(err, O_CLOEXEC) != 0) {
    why = std::string("无法启动 PDF 读取程序：") + std::strerror(errno);
    for (int* fd : {&in[0], &in[1], &out[0], &out[1], &err[0], &err[1]}) close_fd(*fd);
    return false;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[1], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  std::vector<std::string> args = {node, helper};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = ::posix_spawnp(&pid, node.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close_fd(in[1]);
  close_fd(out[1]);
  close_fd(err[1]);
  if (rc != 0) {
    for (int* fd : {&in[0], &out[0], &err[0]}) close_fd(*fd);
    why = rc == ENOENT ? "读取 PDF 需要 node（Node.js 20 以上），未找到 " + node + "（请安装 nodejs，或设置 NIANBAO_NODE）"
                       : "无法启动 " + node + "：" + std::strerror(rc);
    return false;
  }
  for (int fd : {in[0], out[0], err[0]}) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

  runs.clear();
  std::string errors;
  std::size_t written = 0;
  bool timed_out = false, too_large = false;
  const auto deadline = std::chrono::steady_clock::now() + kTimeout;
  if (pdf.empty()) close_fd(in[0]);
  while (out[0] >= 0 || err[0] >= 0) {
    pollfd fds[3];
    nfds_t n = 0;
    if (in[0] >= 0) fds[n++] = {in[0], POLLOUT, 0};
    if (out[0] >= 0) fds[n++] = {out[0], POLLIN, 0};
    if (err[0] >= 0) fds[n++] = {err[0], POLLIN, 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) { timed_out = true; break; }
    const int ready = ::poll(fds, n, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno != EINTR) break;
    for (nfds_t k = 0; ready > 0 && k < n; ++k) {
      if (!fds[k].revents) continue;
      if (fds[k].fd == in[0]) {
        const ssize_t w = ::send(in[0], pdf.data() + written, pdf.size() - written, MSG_NOSIGNAL);
        if (w > 0) written += static_cast<std::size_t>(w);
        if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == pdf.size()) close_fd(in[0]);
        continue;
      }
      char buf[65536];
      const ssize_t r = ::read(fds[k].fd, buf, sizeof buf);
      if (r > 0) {
        std::string& to = fds[k].fd == out[0] ? runs : errors;
        if (to.size() < kMaxPayload) to.append(buf, static_cast<std::size_t>(r));
        else too_large = true;
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        close_fd(fds[k].fd == out[0] ? out[0] : err[0]);
      }
    }
    if (too_large) break;
  }
  if (timed_out || too_large) ::kill(pid, SIGKILL);
  for (int* fd : {&in[0], &out[0], &err[0]}) close_fd(*fd);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (timed_out) { why = "读取 PDF 超时（pdf.js 5 分钟内未提取完文字）"; return false; }
  if (too_large) { why = "PDF 的文字数据过大（超过 256 MiB）"; return false; }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
  const std::string message = last_line(errors);
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
    why = "读取 PDF 需要 node（Node.js 20 以上），无法运行 " + node + "：" + message;
  else if (!message.empty() && WIFEXITED(status))
    why = message;
  else
    why = "PDF 读取程序（" + node + " " + helper + "）异常退出" + (message.empty() ? "" : "：" + message);
  return false;
}

}  // namespace nianbao::cli
