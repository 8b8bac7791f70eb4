#!/usr/bin/env python3
"""dark-theme's 'mvnbuild' script calls 'npm run build'; the recipe runs scripts with yarn, so call sass directly."""
import sys, json
p = sys.argv[1] + '/package.json'; d = json.load(open(p))
d['scripts']['mvnbuild'] = d['scripts']['build']
json.dump(d, open(p, 'w'), indent=2); print('patched', p, d['scripts']['mvnbuild'])
