# Sourced by the quick-start scripts: puts a Node.js that package.json's engines accept
# (>=22.12 <23 or >=24) first in PATH. A machine whose node is older gets Node 22 from the npm
# registry's node-linux-<arch> package (the official binary, shipped inside the package), cached
# in $HOME/.cache/aivi-node22, so no download site other than the npm registry is needed.

aivi_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    process.exit((major === 22 && minor >= 12) || major >= 24 ? 0 : 1);
  ' 2>/dev/null
}

aivi_ensure_node() {
  if aivi_node_ok; then return 0; fi

  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "ensure-node: no Node 22 package for $(uname -m); install Node.js 22 yourself" >&2; return 1 ;;
  esac
  if [ "$(uname -s)" != Linux ]; then
    echo "ensure-node: found $(node -v 2>/dev/null || echo 'no node'); install Node.js 22 (https://nodejs.org) and retry" >&2
    return 1
  fi

  local prefix="${HOME}/.cache/aivi-node22"
  local bin="${prefix}/node_modules/node-linux-${arch}/bin"
  if ! PATH="${bin}:${PATH}" aivi_node_ok; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "ensure-node: neither Node.js 22 nor npm is installed; install Node.js 22 and retry" >&2
      return 1
    fi
    echo "ensure-node: $(node -v 2>/dev/null || echo 'no node') is too old; installing node-linux-${arch}@22 into ${prefix}" >&2
    mkdir -p "${prefix}"
    timeout 600 npm install --prefix "${prefix}" --no-save --no-package-lock --no-audit --no-fund \
      --loglevel=error "node-linux-${arch}@22" >&2 || return 1
  fi
  export PATH="${bin}:${PATH}"
  hash -r
  aivi_node_ok || { echo "ensure-node: ${bin}/node does not run" >&2; return 1; }
  echo "ensure-node: using node $(node -v) from ${bin}" >&2
}

aivi_ensure_node
