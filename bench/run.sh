#!/usr/bin/env bash
# Prints the benchmark tables. Usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB RAM, $(uname -sr)"
echo "Date: $(date -u +%Y-%m-%d), build type: $(grep -m1 CMAKE_BUILD_TYPE: "$build/CMakeCache.txt" | cut -d= -f2)"
echo
echo "## Province evaluation"
"$build/bench/eval_bench"
echo
echo "## Page and API render time (in process)"
"$build/bench/web_bench"
