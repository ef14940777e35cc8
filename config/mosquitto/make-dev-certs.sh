#!/usr/bin/env bash
# Makes a development certificate authority, a server certificate for the broker's TLS listener
# (config/mosquitto/sightline.conf, port 8883) and, optionally, client certificates for brokers
# that require them (the service's account and roadside units; CN = the account name). For
# development and testing only: in production use certificates from your organisation's CA.
# Usage: config/mosquitto/make-dev-certs.sh [OUT_DIR] [SERVER_NAME] [CLIENT_NAME ...]
set -euo pipefail
out=${1:-./certs}
name=${2:-localhost}
shift $(( $# > 2 ? 2 : $# ))
for client in "$@"; do
  if ! [[ "$client" =~ ^[A-Za-z0-9_-]{1,64}$ ]]; then
    echo "client name must be 1-64 letters, digits, '-' or '_': $client" >&2
    exit 2
  fi
done
mkdir -p "$out"
umask 077
openssl req -x509 -newkey rsa:3072 -sha256 -days 825 -nodes -subj "/CN=Sightline development CA" \
  -keyout "$out/ca.key" -out "$out/ca.crt" 2>/dev/null
openssl req -newkey rsa:3072 -sha256 -nodes -subj "/CN=$name" \
  -keyout "$out/server.key" -out "$out/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:%s,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' "$name" >"$out/ext.cnf"
openssl x509 -req -in "$out/server.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" -CAcreateserial \
  -days 825 -sha256 -extfile "$out/ext.cnf" -out "$out/server.crt" 2>/dev/null
for client in "$@"; do
  # OpenSSL 3 writes unencrypted PKCS#8 keys (BEGIN PRIVATE KEY), which the service reads as is
  openssl req -newkey rsa:3072 -sha256 -nodes -subj "/CN=$client" \
    -keyout "$out/$client.key" -out "$out/$client.csr" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' >"$out/ext.cnf"
  openssl x509 -req -in "$out/$client.csr" -CA "$out/ca.crt" -CAkey "$out/ca.key" -CAcreateserial \
    -days 825 -sha256 -extfile "$out/ext.cnf" -out "$out/$client.crt" 2>/dev/null
  rm -f "$out/$client.csr"
  chmod 644 "$out/$client.crt"
done
rm -f "$out/server.csr" "$out/ext.cnf" "$out/ca.srl"
chmod 644 "$out/ca.crt" "$out/server.crt"
echo "Wrote $out/ca.crt, $out/server.crt and $out/server.key (CN=$name)${*:+, client certificates for: $*}."
echo "Units and the service trust ca.crt: sightline.mqtt.url: ssl://$name:8883, sightline.mqtt.ca-file: $out/ca.crt"
