#!/usr/bin/env bash
# Installs what is missing, builds, and runs `galley serve` in the foreground on
# 127.0.0.1:8080 with embedded SQLite under ./var until Ctrl-C.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/deps.sh"
galley_install_packages "${GALLEY_PACKAGES[@]}"
galley_build "$ROOT" "$ROOT/build"

cd "$ROOT"
mkdir -p var
cat <<MSG
galley is starting on http://127.0.0.1:8080 (data in $ROOT/var). Try:
  curl -s -XPOST localhost:8080/api/v1/auth/register -H 'Content-Type: application/json' \\
       -d '{"email":"me@example.com","password":"correct horse"}'
  curl -s localhost:8080/api/v1/users/me -H "Authorization: Bearer <access_token>"
Stop with Ctrl-C.
MSG
exec "$ROOT/build/galley" serve --http "${GALLEY_HTTP:-127.0.0.1:8080}" \
  --db "${GALLEY_DB:-sqlite://./var/galley.db}" --storage "${GALLEY_STORAGE:-./var/storage}"
