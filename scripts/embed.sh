#!/bin/sh
# embed.sh NAME FILE — print a C file defining `const char NAME[]` holding
# FILE's bytes, so Lua source can be compiled into the binary.
set -eu
name=$1; file=$2
echo "/* generated from $file by scripts/embed.sh; do not edit */"
echo "const char ${name}[] ="
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/  "/' -e 's/$/\\n"/' "$file"
echo ";"
