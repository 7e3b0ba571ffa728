#!/bin/sh
# make_test_ca.sh DIR — throw-away certificates for the SMTP delivery tests.
#
# Writes into DIR (created if needed):
#   ca.pem,     ca.key      a test CA (what dondoc gets as smtp ca_file)
#   server.pem, server.key  a server cert for 127.0.0.1 and localhost,
#                           signed by that CA: verification must pass
#   rogue.pem,  rogue.key   a self-signed cert with the same names but NOT
#                           signed by the CA: verification must fail
# P-256 keys: fast to make even on a slow CI machine. Nothing here is
# secret or long-lived (30 days); the tests make a fresh set each run.
set -eu

[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=$1
mkdir -p "$dir"
cd "$dir"

days=30
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }

key ca.key
openssl req -x509 -new -key ca.key -out ca.pem -days "$days" \
  -subj "/O=dondoc tests/CN=dondoc test CA" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign"

key server.key
openssl req -new -key server.key -out server.csr -subj "/O=dondoc tests/CN=127.0.0.1"
cat > server.ext <<'EOF'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost
EOF
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial 2 \
  -days "$days" -extfile server.ext -out server.pem 2>/dev/null
rm -f server.csr server.ext

# Same names as the real server cert, so the only thing wrong is trust.
key rogue.key
openssl req -x509 -new -key rogue.key -out rogue.pem -days "$days" \
  -subj "/O=dondoc tests/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -addext "extendedKeyUsage=serverAuth"

# Sanity: the server cert verifies against the CA, the rogue one does not.
openssl verify -CAfile ca.pem server.pem >/dev/null
if openssl verify -CAfile ca.pem rogue.pem >/dev/null 2>&1; then
  echo "make_test_ca.sh: rogue.pem unexpectedly verifies" >&2
  exit 1
fi
chmod 600 ca.key server.key rogue.key
