#!/usr/bin/env bash
# Builds the macro's Lambda deployment package: artifacts/VersioningMacro-<arch>.zip
#
#   scripts/package.sh [arm64|x64]      (default arm64, the macro-template.yaml default)
#
# The zip is byte-for-byte reproducible: two runs over the same commit with the same .NET SDK
# print the same SHA-256, wherever the checkout lives. That is what lets you compare the
# CodeSha256 Lambda reports for the deployed function with a package you build yourself.
#   - dotnet publish runs with Deterministic (Directory.Build.props) and ContinuousIntegrationBuild,
#     and a PathMap from the checkout folder to /_ (also for copies without .git, where SourceLink
#     finds no repository root), so the folder leaves no trace in the .dll or the .pdb.
#   - no git queries (no SourceLink, no commit id in the informational version): the package is a
#     function of the source files alone, the same from a clone, a worktree or a tarball.
#   - the zip has sorted entries, no directory entries, a fixed 1980-01-01 timestamp, fixed
#     permissions (0644, or 0755 for files the publish marked executable), fixed deflate level,
#     and no extra fields.
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

publish_dir="$(mktemp -d)"
trap 'rm -rf "$publish_dir"' EXIT

# --disable-build-servers: no MSBuild node or compiler server outlives the script (they would keep
# our stdout open and can carry state between the two builds a reproducibility check compares).
# UseAppHost=false: the managed dotnet10 runtime starts the assembly with its own host, so the
# native launcher would only add an executable file to the package.
dotnet publish "$repo_root/macro/VersioningMacro.csproj" \
  --configuration Release \
  --runtime "$rid" \
  --self-contained false \
  --output "$publish_dir" \
  --disable-build-servers \
  --nologo \
  -p:PublishReadyToRun=true \
  -p:ContinuousIntegrationBuild=true \
  "-p:PathMap=$repo_root=/_" \
  -p:EnableSourceControlManagerQueries=false \
  -p:EnableSourceLink=false \
  -p:UseAppHost=false \
  -p:GenerateDocumentationFile=false >&2

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
