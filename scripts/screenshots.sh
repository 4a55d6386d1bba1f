#!/usr/bin/env bash
# Regenerates the README's screenshots with the scriptable screenshot mode:
#   sdlab --lab ID --screenshot FILE
# under a virtual X server (xvfb-run), one per lab, into docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
sdlab=${1:-build/app/gui/sdlab}
mkdir -p docs/screenshots
for lab in $("$sdlab" --list-labs); do # the one list (core/experiment/experiment_list.cpp)
  run=() # the Learning lab is shown after a short run
  [ "$lab" = learning ] && run=(--preset dsn-sgd --run)
  [ "$lab" = equilibrium ] && run=(--preset fig-8-2-predictive-osa)
  [ "$lab" = video ] && run=(--seconds 30) # live: the learning curves have risen
  [ "$lab" = pareto ] && run=(--preset thesis-fig4-2) # five λ, as Fig. 4.2
  xvfb-run -a -s "-screen 0 1400x900x24" "$sdlab" --lab "$lab" "${run[@]}" --screenshot "docs/screenshots/$lab.png"
  # 256 colours: a quarter of the size, same look (only with ImageMagick's own convert)
  if convert -version 2>/dev/null | grep -q ImageMagick; then
    convert "docs/screenshots/$lab.png" -strip -colors 256 "PNG8:docs/screenshots/$lab.png"
  fi
  echo "docs/screenshots/$lab.png"
done
