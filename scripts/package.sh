#!/usr/bin/env bash
# Builds the macro's Lambda deployment package: artifacts/VersioningMacro-<arch>.zip
#
#   scripts/package.sh [arm64|x64]      (default arm64, the macro-template.yaml default)
#
# One zip serves both runtimes macro-template.yaml offers (its MacroRuntime parameter):
#   - bootstrap: the macro compiled ahead of time (Native AOT) into one native executable, which
#     the provided.al2023 OS-only runtime starts (the default: no JIT, no runtime to load, ~4x
#     faster cold start; docs/performance.md);
#   - VersioningMacro.dll and its dependencies, ReadyToRun: the managed dotnet10 runtime in
#     executable mode (for accounts that must stay on a managed runtime).
# Each runtime ignores the other's files. Before zipping, the script runs the executable it built
# (natively, or for arm64 on an x64 machine under qemu-user) and checks that its transform of
# examples/classic equals the managed build's, byte for byte: no architecture ships unrun.
#
# arm64 on an x64 machine is cross-compiled with clang/lld against Debian's arm64 multiarch
# libraries; when packages are missing the script installs them with apt-get (as root, or through
# sudo), once: see ARM64_PACKAGES below and docs/deploy.md.
#
# The zip is byte-for-byte reproducible: two runs over the same commit with the same .NET SDK
# print the same SHA-256, wherever the checkout lives. That is what lets you compare the
# CodeSha256 Lambda reports for the deployed function with a package you build yourself.
#   - dotnet publish runs with Deterministic (Directory.Build.props) and ContinuousIntegrationBuild,
#     and a PathMap from the checkout folder to /_ (also for copies without .git, where SourceLink
#     finds no repository root), so the folder leaves no trace in the .dll or the .pdb.
#   - the native executable carries no debug information (DebugType=none): its DWARF would name the
#     build folder, and a stripped symbol file's checksum would be linked into the executable.
#   - no git queries (no SourceLink, no commit id in the informational version): the package is a
#     function of the source files alone, the same from a clone, a worktree or a tarball.
#   - the zip has sorted entries, no directory entries, a fixed 1980-01-01 timestamp, fixed
#     permissions (0644, or 0755 for files the publish marked executable, such as bootstrap),
#     fixed deflate level, and no extra fields.
# Environment: OUTPUT_DIR overrides where the zip goes (default <repo>/artifacts).
set -euo pipefail

arch="${1:-arm64}"
case "$arch" in
  arm64) rid=linux-arm64 ;;
  x64 | x86_64) arch=x64; rid=linux-x64 ;;
  *)
    echo "usage: $0 [arm64|x64]" >&2
    exit 2
    ;;
esac

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output_dir="${OUTPUT_DIR:-$repo_root/artifacts}"
zip_path="$output_dir/VersioningMacro-$arch.zip"

for tool in dotnet python3; do
  command -v "$tool" >/dev/null || { echo "package.sh: '$tool' is required but not on PATH" >&2; exit 1; }
done

host="$(uname -m)"
case "$host" in
  x86_64) host_rid=linux-x64 ;;
  aarch64) host_rid=linux-arm64 ;;
  *) host_rid="" ;;
esac

# The cross toolchain that proved enough to build linux-arm64 Native AOT on x64 Debian 12: clang
# and lld link, the GNU cross binutils strip, gcc's cross libgcc and crt files, glibc and zlib for
# arm64 (multiarch), and qemu-user to run the result here.
ARM64_PACKAGES=(clang lld binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu libc6-dev-arm64-cross zlib1g-dev:arm64 qemu-user)

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

ensure_arm64_cross_toolchain() {
  command -v dpkg-query >/dev/null || { echo "package.sh: building arm64 on $host needs Debian/Ubuntu packages: ${ARM64_PACKAGES[*]}" >&2; exit 1; }
  local missing=()
  for package in "${ARM64_PACKAGES[@]}"; do
    installed "$package" || missing+=("$package")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "package.sh: arm64 cross build needs (as root): dpkg --add-architecture arm64; apt-get update; apt-get install ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  echo "package.sh: installing the arm64 cross toolchain: ${missing[*]}" >&2
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    "${sudo[@]}" dpkg --add-architecture arm64
  fi
  "${sudo[@]}" apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >&2
}

# How to run an executable for $rid here: natively, or arm64 under qemu-user with the multiarch
# libraries as its root (QEMU_LD_PREFIX=/usr/aarch64-linux-gnu instead hangs).
run_target() {
  if [ "$rid" = "$host_rid" ]; then
    "$@"
  else
    qemu-aarch64 -L / "$@"
  fi
}

aot_args=()
if [ "$rid" != "$host_rid" ]; then
  [ "$rid" = linux-arm64 ] && [ "$host_rid" = linux-x64 ] || { echo "package.sh: cannot cross-compile $rid on $host" >&2; exit 1; }
  ensure_arm64_cross_toolchain
  aot_args=(-p:CppCompilerAndLinker=clang -p:SysRoot=/ -p:LinkerFlavor=lld -p:ObjCopyName=aarch64-linux-gnu-objcopy)
fi

publish_dir="$(mktemp -d)"
aot_dir="$(mktemp -d)"
check_dir="$(mktemp -d)"
trap 'rm -rf "$publish_dir" "$aot_dir" "$check_dir"' EXIT

# Both builds: no MSBuild node or compiler server outlives the script (--disable-build-servers: they
# would keep our stdout open and can carry state between the two builds a reproducibility check
# compares), and nothing taken from git.
common=(
  --configuration Release
  --runtime "$rid"
  --disable-build-servers
  --nologo
  -p:ContinuousIntegrationBuild=true
  "-p:PathMap=$repo_root=/_"
  -p:EnableSourceControlManagerQueries=false
  -p:EnableSourceLink=false
  -p:GenerateDocumentationFile=false
)

# Managed: UseAppHost=false, since the dotnet10 runtime starts the assembly with its own host.
dotnet publish "$repo_root/macro/VersioningMacro.csproj" "${common[@]}" \
  --self-contained false \
  --output "$publish_dir" \
  -p:PublishReadyToRun=true \
  -p:UseAppHost=false >&2

# Native AOT, one file; an AOT or trim warning fails here (macro/VersioningMacro.csproj).
dotnet publish "$repo_root/macro/VersioningMacro.csproj" "${common[@]}" \
  --output "$aot_dir" \
  -p:PublishAot=true \
  -p:DebugType=none \
  -p:DebugSymbols=false \
  -p:StripSymbols=true \
  "${aot_args[@]}" >&2

install -m 0755 "$aot_dir/VersioningMacro" "$publish_dir/bootstrap"

# The executable links this machine's glibc dynamically; provided.al2023 has glibc 2.34
# (https://docs.aws.amazon.com/linux/al2023/ug/core-glibc.html), so a symbol version newer than that
# would fail there at start-up, not here. readelf reads either architecture.
al2023_glibc=2.34
newest_glibc="$(readelf --version-info --wide "$publish_dir/bootstrap" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/^GLIBC_//' | sort -uV | tail -n 1)"
if [ "$(printf '%s\n%s\n' "$newest_glibc" "$al2023_glibc" | sort -V | tail -n 1)" != "$al2023_glibc" ]; then
  echo "package.sh: bootstrap needs glibc $newest_glibc; provided.al2023 has $al2023_glibc. Build on an older distribution." >&2
  exit 1
fi

# Run what ships: --help, then examples/classic through the executable and the managed build, byte
# for byte. ReadyToRun code for another architecture does not load here (BadImageFormatException),
# so a cross build is compared with a portable IL build of the same sources instead.
run_target "$publish_dir/bootstrap" --help >/dev/null
managed_dll="$publish_dir/VersioningMacro.dll"
if [ "$rid" != "$host_rid" ]; then
  dotnet publish "$repo_root/macro/VersioningMacro.csproj" --configuration Release --disable-build-servers --nologo \
    --output "$check_dir/portable" -p:UseAppHost=false >&2
  managed_dll="$check_dir/portable/VersioningMacro.dll"
fi
example="$repo_root/examples/classic/template.yaml"
run_target "$publish_dir/bootstrap" transform "$example" >"$check_dir/aot.json" 2>"$check_dir/aot.err"
dotnet "$managed_dll" transform "$example" >"$check_dir/managed.json" 2>"$check_dir/managed.err"
if ! cmp -s "$check_dir/aot.json" "$check_dir/managed.json" || ! cmp -s "$check_dir/aot.err" "$check_dir/managed.err"; then
  echo "package.sh: the $rid bootstrap's transform of examples/classic differs from the managed build's" >&2
  diff "$check_dir/managed.json" "$check_dir/aot.json" >&2 || true
  diff "$check_dir/managed.err" "$check_dir/aot.err" >&2 || true
  exit 1
fi
echo "package.sh: $rid bootstrap ran here$([ "$rid" != "$host_rid" ] && echo ' (qemu-aarch64)'): --help, and examples/classic equal to the managed build" >&2

mkdir -p "$output_dir"

python3 - "$publish_dir" "$zip_path" <<'PY'
import base64, hashlib, os, stat, sys, zipfile

source, target = sys.argv[1], sys.argv[2]
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry

files = []
for directory, _, names in os.walk(source):
    for name in names:
        full = os.path.join(directory, name)
        files.append((os.path.relpath(full, source).replace(os.sep, "/"), full))
files.sort()

tmp = target + ".tmp"
with zipfile.ZipFile(tmp, "w") as archive:
    for relative, full in files:
        executable = os.stat(full).st_mode & stat.S_IXUSR
        info = zipfile.ZipInfo(relative, date_time=FIXED_TIME)
        info.create_system = 3  # Unix, so unzip and Lambda honour the mode bits below
        info.external_attr = (stat.S_IFREG | (0o755 if executable else 0o644)) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        with open(full, "rb") as handle:
            archive.writestr(info, handle.read(), compresslevel=9)
os.replace(tmp, target)

with open(target, "rb") as handle:
    digest = hashlib.sha256(handle.read()).digest()
print(f"package: {target}")
print(f"entries: {len(files)}")
print(f"sha256 (hex): {digest.hex()}")
print(f"sha256 (base64, as Lambda reports CodeSha256): {base64.b64encode(digest).decode()}")
PY
