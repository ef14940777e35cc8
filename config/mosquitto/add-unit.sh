#!/usr/bin/env bash
# Adds (or resets) a roadside unit's broker account and prints its generated password.
# Usage (as root): config/mosquitto/add-unit.sh UNIT_ID [password-file]
set -euo pipefail
unit=${1:?usage: add-unit.sh UNIT_ID [password-file]}
file=${2:-/etc/mosquitto/sightline.passwd}
if ! [[ "$unit" =~ ^[A-Za-z0-9_-]{1,64}$ ]]; then
  echo "unit id must be 1-64 letters, digits, '-' or '_' (it becomes an MQTT topic level)" >&2
  exit 2
fi
pw=$(head -c 256 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c 24)
[ -f "$file" ] || { (umask 077 && : >"$file"); }
mosquitto_passwd -b "$file" "$unit" "$pw"
echo "unit $unit: username $unit password $pw (reload mosquitto: kill -HUP \$(pidof mosquitto))"
