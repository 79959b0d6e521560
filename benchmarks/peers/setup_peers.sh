#!/usr/bin/env bash
# Builds the two peer environments that the side-by-side benchmarks time beside this project:
#   $BENCH_PEERS/bp235   BrainPy 2.3.5 with brainpylib (its compiled event kernels) on jax 0.4.13
#   $BENCH_PEERS/brian2  Brian2 with Cython, for its C++ standalone mode
# BENCH_PEERS defaults to ~/.cache/brainpy-bench-peers; PYTHON311 names the interpreter to build
# them with (default python3.11). An environment that exists already is kept. Needs network
# access to PyPI (or a mirror pip is configured for) the first time only.
#
# Why these pins: BrainPy 2.3.5 needs jax <= 0.4.6, whose jaxlib wheels are no longer on PyPI;
# 0.4.13 is the oldest jaxlib there. jax 0.4.7 removed `jax.experimental.global_device_array`,
# which BrainPy 2.3.5 imports for checkpoints only: jax_gda_shim.py (loaded by a .pth file)
# supplies an empty stand-in for it. BrainPy 2.3.5 needs brainpylib; Brian2 needs numpy < 2.4.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
PEERS="${BENCH_PEERS:-$HOME/.cache/brainpy-bench-peers}"
PY="${PYTHON311:-python3.11}"
mkdir -p "$PEERS"

if [ ! -x "$PEERS/bp235/bin/python" ]; then
  echo "setup_peers: building BrainPy 2.3.5 in $PEERS/bp235" >&2
  "$PY" -m venv "$PEERS/bp235.partial"
  "$PEERS/bp235.partial/bin/pip" install -q "brainpy==2.3.5" "jax==0.4.13" "jaxlib==0.4.13" \
    "brainpylib==0.1.7" "numpy<2" numba
  site="$("$PEERS/bp235.partial/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
  cp "$HERE/jax_gda_shim.py" "$site/"
  echo "import jax_gda_shim" > "$site/jax_gda_shim.pth"
  rm -rf "$PEERS/bp235" && mv "$PEERS/bp235.partial" "$PEERS/bp235"
fi
"$PEERS/bp235/bin/python" -c "import brainpy; print('setup_peers: bp235 has brainpy', brainpy.__version__)"

if [ ! -x "$PEERS/brian2/bin/python" ]; then
  echo "setup_peers: building Brian2 in $PEERS/brian2" >&2
  "$PY" -m venv "$PEERS/brian2.partial"
  "$PEERS/brian2.partial/bin/pip" install -q brian2 cython setuptools "numpy<2.4"
  rm -rf "$PEERS/brian2" && mv "$PEERS/brian2.partial" "$PEERS/brian2"
fi
"$PEERS/brian2/bin/python" -c "import brian2; print('setup_peers: brian2 has brian2', brian2.__version__)"
