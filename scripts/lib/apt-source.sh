# shellcheck shell=bash
# apt_source PACKAGE LOG: runs `apt-get source PACKAGE` in the current directory. When the
# newest version's files cannot be fetched (a security-suite index whose sources the mirror
# does not carry answers 404), it tries each other version apt knows, newest first, so the
# build does not depend on which suite a mirror serves. Output goes to LOG; returns non-zero
# when no version could be fetched.
apt_source() {
  local pkg="$1" logfile="$2" v
  apt-get source -q "$pkg" >"$logfile" 2>&1 && return 0
  for v in $(apt-cache showsrc "$pkg" 2>/dev/null | awk '/^Version:/ {print $2}' | sort -u -V -r); do
    printf '\n-- retrying with %s=%s\n' "$pkg" "$v" >>"$logfile"
    find . -mindepth 1 -maxdepth 1 ! -name "$(basename "$logfile")" -exec rm -rf {} +
    apt-get source -q "$pkg=$v" >>"$logfile" 2>&1 && return 0
  done
  return 1
}
