#!/usr/bin/env python3
"""jackson3-api without the woodstox-core-api plugin (no source here): woodstox-core and stax2-api come from
Central as jackson-dataformat-xml's own dependencies (bundled in the hpi) instead of from that plugin."""
import sys, re
p = sys.argv[1] + '/pom.xml'; s = open(p).read(); t = s
t = re.sub(r'\s*<dependency>\s*<groupId>io\.jenkins\.plugins</groupId>\s*<artifactId>woodstox-core-api</artifactId>\s*</dependency>', '', t)
t = re.sub(r'\s*<!-- Provided by woodstox-core API plugin -->', '', t)
t = re.sub(r'\s*<exclusion>\s*<groupId>(com\.fasterxml\.woodstox|org\.codehaus\.woodstox)</groupId>\s*<artifactId>(woodstox-core|stax2-api)</artifactId>\s*</exclusion>', '', t)
if t == s or 'woodstox-core-api' in t: sys.exit('jackson3-api-no-woodstox-api: pom.xml not as expected')
open(p, 'w').write(t); print('patched', p)
