#!/usr/bin/env bash
# Installs the pinned policy tools into <repo>/.tools/bin (git-ignored) with `go install`.
#   opa       required  (builds and tests policies)
#   regal     optional  (Rego linter; failure only warns)
#   conftest  optional  (runs the policies outside rollgate; failure only warns)
# Idempotent: a tool whose installed version already matches is skipped.
set -euo pipefail

OPA_VERSION="v1.22.2"
# `go list -m -versions github.com/open-policy-agent/conftest` -> newest v0.71.1
CONFTEST_VERSION="v0.71.1"
# Regal moved from github.com/styrainc/regal to github.com/open-policy-agent/regal; the module proxy
# used when this script was written refused to list either, so this pin is unverified (best effort).
REGAL_MODULE="github.com/open-policy-agent/regal"
REGAL_VERSION="v0.36.1"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$repo/.tools/bin"
mkdir -p "$bin"

if ! command -v go >/dev/null 2>&1; then
  echo "install-tools: go is required (https://go.dev/dl/)" >&2
  exit 1
fi

export GOBIN="$bin"
export GOFLAGS=-mod=mod
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" # never inside the repo: go install must not touch a go.mod

# installed_version <binary> <version-args...>: prints the first vX.Y.Z found in its output
installed_version() {
  local exe="$bin/$1"
  shift
  [ -x "$exe" ] || return 0
  "$exe" "$@" 2>/dev/null | grep -oE 'v?[0-9]+\.[0-9]+\.[0-9]+' | head -n1 | sed 's/^v*/v/' || true
}

# install <name> <module@version> <version> <required:yes|no> <version-args...>
install() {
  local name="$1" pkg="$2" version="$3" required="$4"
  shift 4
  local have
  have="$(installed_version "$name" "$@")"
  if [ "$have" = "$version" ]; then
    echo "install-tools: $name $version already installed"
    return 0
  fi
  echo "install-tools: installing $name $version (have: ${have:-none})"
  if go install "$pkg"; then
    echo "install-tools: $name $version -> $bin/$name"
  elif [ "$required" = yes ]; then
    echo "install-tools: failed to install $name $version" >&2
    exit 1
  else
    echo "install-tools: warning: could not install $name $version (optional, skipped)" >&2
  fi
}

install opa "github.com/open-policy-agent/opa@$OPA_VERSION" "$OPA_VERSION" yes version
install regal "$REGAL_MODULE@$REGAL_VERSION" "$REGAL_VERSION" no version
install conftest "github.com/open-policy-agent/conftest@$CONFTEST_VERSION" "$CONFTEST_VERSION" no --version
